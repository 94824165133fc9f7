package main

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// The targets (issue 26): the whole build against the floor at the
// targetNs, and a parallel view against its document page.
const (
	timeLimit   = 1.6
	memoryLimit = 1.1
	viewLimit   = 1.5
)

var targetNs = []int{1000, 10000}

// conclusionsMarker starts the part of the report written by hand, which
// a rerun keeps.
const conclusionsMarker = "<!-- conclusions: written by hand, kept by tools/bench -->"

// report is a whole run.
type report struct {
	command, machine, goVersion, hugoVersion string
	date                                     time.Time
	elapsed                                  time.Duration
	runs                                     int
	points                                   []*point
}

// point is everything measured at one N.
type point struct {
	n            int
	whole, floor []sample // pair i: whole[i], then floor[i]
	pages        []kindWeight
	search       searchWeight
	views        viewCost
}

// timeRatio and memoryRatio are the medians of the pairs' ratios.
func (p *point) timeRatio() float64   { return median(pairRatios(p.whole, p.floor, wallOf)) }
func (p *point) cpuRatio() float64    { return median(pairRatios(p.whole, p.floor, cpuOf)) }
func (p *point) memoryRatio() float64 { return median(pairRatios(p.whole, p.floor, rssOf)) }

// verdict is PASS or MISS for r against limit, in bold where a target
// applies, else in parentheses.
func verdict(r, limit float64, target bool) string {
	v := map[bool]string{true: "PASS", false: "MISS"}[r <= limit]
	if !target {
		return "(" + strings.ToLower(v) + ")"
	}
	return "**" + v + "**"
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// table writes a Markdown table; a header cell starting with ">" is
// aligned right.
func table(b *bytes.Buffer, header []string, rows [][]string) {
	var align []string
	for i, h := range header {
		a := "---"
		if h2, ok := strings.CutPrefix(h, ">"); ok {
			header[i], a = h2, "---:"
		}
		align = append(align, a)
	}
	for _, r := range append([][]string{header, align}, rows...) {
		fmt.Fprintf(b, "| %s |\n", strings.Join(r, " | "))
	}
	b.WriteString("\n")
}

// bar draws r as a bar of width cells for top, and marks limit with │
// when the bar stops short of it.
func bar(r, limit, top float64, width int) string {
	n, at := int(math.Round(r/top*float64(width))), int(math.Round(limit/top*float64(width)))
	s := strings.Repeat("█", n)
	if n < at {
		s += strings.Repeat(" ", at-n) + "│"
	}
	return s + strings.Repeat(" ", max(0, width-max(n, at+1)))
}

// chart is a text chart of the ratios whole / floor at each N.
func chart(points []*point) string {
	top := 2.0
	for _, p := range points {
		top = math.Max(top, math.Max(p.timeRatio(), p.memoryRatio()))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "whole build / Hugo floor, median of the pairs (│ marks the limit; full width = %.1f)\n\n", top)
	for _, p := range points {
		label := "N = " + thousands(p.n)
		fmt.Fprintf(&b, "%-10s  time    %s  %.2f (≤ %.1f)\n", label, bar(p.timeRatio(), timeLimit, top, 50), p.timeRatio(), timeLimit)
		fmt.Fprintf(&b, "%-10s  memory  %s  %.2f (≤ %.1f)\n", "", bar(p.memoryRatio(), memoryLimit, top, 50), p.memoryRatio(), memoryLimit)
	}
	return b.String()
}

// markdown writes the report; what follows conclusionsMarker in old is
// kept.
func markdown(rep *report, old []byte) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	f2 := func(r float64) string { return fmt.Sprintf("%.2f", r) }
	p("# Benchmarks\n\nThe whole build of the site against Hugo's own build of the same site (the floor), as the number of documents grows. ")
	p("Everything above the conclusions is written by `go run ./tools/bench -n 100,1000,10000`; `go doc ./tools/bench` says what it measures.\n\n")
	p("- This run: `%s`, %s (took %s)\n", rep.command, rep.date.UTC().Format("2006-01-02 15:04 UTC"), rep.elapsed.Round(time.Second))
	p("- Machine: %s\n- Go: `%s`; Hugo: `%s`\n", rep.machine, rep.goVersion, rep.hugoVersion)
	p("- At each N: N synthetic seeds (`tools/internal/synth`), converted once; then %d × the pair: the whole build, then the floor, each a process of its own\n\n", rep.runs)

	p("## The whole build against the Hugo floor\n\n")
	p("**Whole**: `tools/site`: convert, Hugo, and every output the Go tool adds (search, citations, data, e-books, the offline copy). **Floor**: the pinned Hugo alone, the one build the whole build makes, the same arguments and content. ")
	p("Medians of the runs; the ratios are the medians of the pairs' ratios (each pair's wall-time ratio listed). Targets (issue 26) at N = 1,000 and 10,000 (in parentheses at other N): wall time ≤ %.1f, memory ≤ %.1f.\n\n", timeLimit, memoryLimit)
	var rows [][]string
	for _, pt := range rep.points {
		html, pairs := 0, []string{}
		for _, k := range pt.pages {
			html += k.count
		}
		for _, r := range pairRatios(pt.whole, pt.floor, wallOf) {
			pairs = append(pairs, f2(r))
		}
		target := slices.Contains(targetNs, pt.n)
		rows = append(rows, []string{thousands(pt.n), thousands(html), medians(pt.whole), medians(pt.floor), f2(pt.timeRatio()), strings.Join(pairs, ", "),
			f2(pt.cpuRatio()), f2(pt.memoryRatio()), verdict(pt.timeRatio(), timeLimit, target), verdict(pt.memoryRatio(), memoryLimit, target)})
	}
	table(&b, []string{">N", ">HTML pages", ">whole: wall, CPU, peak RSS", ">floor: wall, CPU, peak RSS", ">whole / floor: wall", ">each pair", ">CPU", ">memory",
		fmt.Sprintf("wall ≤ %.1f", timeLimit), fmt.Sprintf("memory ≤ %.1f", memoryLimit)}, rows)
	p("```text\n%s```\n\n", chart(rep.points))

	p("## The parallel views\n\nHugo's `--templateMetrics` on one more floor build: the average time to render a parallel view (`layouts/page.compare.html`) against a document page (`layouts/page.html`). ")
	p("Target (issue 26): at most %.1f. A partial cached across pages counts in the template that first renders it.\n\n", viewLimit)
	rows = nil
	for _, pt := range rep.points {
		v := pt.views
		rows = append(rows, []string{thousands(pt.n), thousands(v.views), v.viewAvg.Round(time.Microsecond).String(), thousands(v.pages),
			v.pageAvg.Round(time.Microsecond).String(), f2(v.ratio()), verdict(v.ratio(), viewLimit, true)})
	}
	table(&b, []string{">N", ">views", ">per view", ">document pages", ">per page", ">view / page", fmt.Sprintf("≤ %.1f", viewLimit)}, rows)

	p("## Page weight\n\nThe whole build's pages by kind, in gzip bytes (default level): the HTML, its inline CSS and JS included, with the stylesheets and scripts it loads. The site's tests (`tools/e2e`) allow a page 8 KB, a parallel view 16 KB.\n\n")
	rows = nil
	for _, pt := range rep.points {
		for _, k := range pt.pages {
			rows = append(rows, []string{thousands(pt.n), k.kind, thousands(k.count), thousands(int(k.median)), thousands(int(k.max)), "`" + k.heaviest + "`"})
		}
	}
	table(&b, []string{">N", "kind", ">pages", ">median", ">heaviest", "heaviest page"}, rows)

	p("## Search weight\n\nWhat a first one-word query loads in the default language, in gzip bytes: the search page with its CSS and JS, the keys (`search/k.js`), one shard (`search/t/`) and the document files of the %d results shown (`search/d/`); ", shown)
	p("typically (the median shard and document file) and at most (the largest shard and %d largest document files).\n\n", shown)
	rows = nil
	for _, pt := range rep.points {
		s := pt.search
		rows = append(rows, []string{thousands(pt.n), thousands(int(s.page)), thousands(int(s.keys)), thousands(s.shards), thousands(int(s.maxShard)),
			thousands(s.docs), thousands(int(s.typical)), thousands(int(s.most))})
	}
	table(&b, []string{">N", ">search page", ">keys", ">shards", ">largest shard", ">document files", ">first query, typical", ">first query, at most"}, rows)

	b.WriteString(conclusionsMarker + "\n")
	if _, kept, ok := bytes.Cut(old, []byte(conclusionsMarker+"\n")); ok {
		b.Write(kept)
	} else {
		p("\n## Conclusions\n\n*Placeholder, to be written from a full run: what the numbers above say against the targets, in one short page.*\n")
	}
	return b.Bytes()
}

// medians is the median wall time, CPU time and peak RSS of ss.
func medians(ss []sample) string {
	return fmt.Sprintf("%.2f s, %.2f s, %.0f MB", time.Duration(medianOf(ss, wallOf)).Seconds(), time.Duration(medianOf(ss, cpuOf)).Seconds(), mb(medianOf(ss, rssOf)))
}
