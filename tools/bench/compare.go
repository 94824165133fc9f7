package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
)

// # The parallel views' cost
//
// A document's parallel view (issue 17: documents/<slug>/compare/ in every
// language, the output format "compare" in config.toml) is a page Hugo
// renders beside the document's own. With -compare (the default), at each
// N, after the builds above, the benchmark measures the same builds
// without the parallel views: the whole build command and Hugo's builds
// (the floor) with NoCompareEnv in their environment, -runs times each,
// the two interleaved. The report sets them beside the pipeline and the
// floor measured with the views, and checks the target at
// N = 10,000: the views add at most 30% to the whole build.

// NoCompareEnv, in Hugo's environment, builds the site without the
// parallel views: Hugo reads the setting outputs.page from HUGO_OUTPUTS_PAGE,
// and "html" leaves out the output format "compare".
const NoCompareEnv = "HUGO_OUTPUTS_PAGE=html"

// The builds measured without the parallel views, in Point.Samples.
const (
	PipelineNoCompare = "pipeline, no parallel views"
	FloorNoCompare    = "Hugo floor, no parallel views"
)

// CompareTarget is issue 17's limit on what the parallel views add to the
// whole build at N = TargetN.
const CompareTarget = 1.30

// comparePoint measures, in dir where buildPoint left the site for p.N,
// the whole build command and the floor's Hugo builds without the
// parallel views.
func (b *bench) comparePoint(ctx context.Context, dir string, p *Point) error {
	site := sitePath(dir)
	record := b.recorder(p)
	without := []string{NoCompareEnv}
	for run := 1; run <= b.Runs; run++ {
		for _, d := range []string{filepath.Join(site, "content"), filepath.Join(site, "public")} {
			if err := b.discard(d); err != nil {
				return err
			}
		}
		s, _, err := b.measure(ctx, site, without, b.siteBin)
		if err != nil {
			return err
		}
		record(PipelineNoCompare, run, s, "")

		hb, err := HugoBuildOf(site, filepath.Join(dir, "out-nocompare"))
		if err != nil {
			return err
		}
		if err := b.discard(hb.Destination); err != nil {
			return err
		}
		total, _, err := b.measure(ctx, site, append(append([]string(nil), hb.Env...), NoCompareEnv), b.hugoBin, hb.Args...)
		if err != nil {
			return err
		}
		record(FloorNoCompare, run, total, "")
	}
	return nil
}

// compareTable sets the builds with and without the parallel views side
// by side, at each N measured with -compare.
func compareTable(points []*Point) (t table) {
	t.header = []string{"N", "pipeline", "pipeline, no parallel views", "added", "Hugo floor", "Hugo floor, no parallel views", "added"}
	for _, p := range points {
		if len(p.Samples[PipelineNoCompare]) == 0 {
			continue
		}
		with, without := p.Median(Pipeline).Wall, p.Median(PipelineNoCompare).Wall
		fwith, fwithout := p.Median(Floor).Wall, p.Median(FloorNoCompare).Wall
		t.rows = append(t.rows, []string{thousands(p.N), seconds(with), seconds(without), added(with.Seconds(), without.Seconds()),
			seconds(fwith), seconds(fwithout), added(fwith.Seconds(), fwithout.Seconds())})
	}
	return t
}

func added(with, without float64) string {
	if without <= 0 {
		return "–"
	}
	return fmt.Sprintf("%+.0f%%", 100*(with/without-1))
}

// WriteCompareTable prints the parallel views' cost as text.
func WriteCompareTable(w io.Writer, points []*Point) {
	if t := compareTable(points); len(t.rows) > 0 {
		writeText(w, t)
	}
}

// writeCompareMarkdown writes the report's section on the parallel views,
// if they were measured.
func writeCompareMarkdown(b *bytes.Buffer, rep *Report) {
	t := compareTable(rep.Points)
	if len(t.rows) == 0 {
		return
	}
	fmt.Fprintf(b, "## The parallel views\n\n")
	fmt.Fprintf(b, "What a document's parallel view (issue 17, `documents/<slug>/compare/` in every language) costs: the median wall time of the whole build command and of Hugo's builds (the floor) with the views and without them (`%s` in the environment). Target (issue 17): at most %+.0f%% to the whole build at N = %s.\n\n", NoCompareEnv, 100*(CompareTarget-1), thousands(TargetN))
	writeMarkdownTable(b, t)
	if v := compareVerdict(rep.Points); v != "" {
		fmt.Fprintf(b, "%s.\n\n", v)
	}
}

// compareVerdict says whether the parallel views met the target at
// N = TargetN, or "" if that N was not measured.
func compareVerdict(points []*Point) string {
	for _, p := range points {
		if p.N != TargetN || len(p.Samples[PipelineNoCompare]) == 0 {
			continue
		}
		r := p.Median(Pipeline).Wall.Seconds() / p.Median(PipelineNoCompare).Wall.Seconds()
		verdict := "PASS"
		if r > CompareTarget {
			verdict = "MISS"
		}
		return fmt.Sprintf("%s: the whole build with the parallel views is %.2f times the build without them (target ≤ %.2f)", verdict, r, CompareTarget)
	}
	return ""
}
