package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/regionaldialogue/site/tools/publish"
)

// The targets, which hold at TargetN seeds: the whole build against
// Hugo's one build of the site, in time and memory (issue 15), the
// templates against minimal ones (issue 6), the converter (issue 13).
const (
	TargetN                 = 10000
	MaxPipelineOverFloor    = 1.25
	MaxPipelineRSSOverFloor = 1.10
	MaxFloorOverMinimal     = 1.25
	MaxConvertWall          = 3 * time.Second
	MaxConvertRSS           = 200 << 20
	MaxRerunWall            = 2 * time.Second
)

// notesMarker starts the part of the report that is written by hand and
// kept when the report is rewritten.
const notesMarker = "<!-- notes: kept by tools/bench -->"

// Ratio is a/b, or 0 if b is 0.
func Ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// seconds formats d in seconds with three significant digits or so.
func seconds(d time.Duration) string {
	s := d.Seconds()
	switch {
	case s < 10:
		return fmt.Sprintf("%.2f s", s)
	case s < 100:
		return fmt.Sprintf("%.1f s", s)
	default:
		return fmt.Sprintf("%.0f s", s)
	}
}

func megabytes(b int64) string { return fmt.Sprintf("%.0f MB", mb(b)) }

func kilobytes(b int64) string {
	switch {
	case b < 10<<10:
		return fmt.Sprintf("%.1f KB", float64(b)/1024)
	case b < 1<<20:
		return fmt.Sprintf("%.0f KB", float64(b)/1024)
	default:
		return fmt.Sprintf("%.1f MB", mb(b))
	}
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// table is a table's header and rows.
type table struct {
	header []string
	rows   [][]string
}

// summaryTable is the main table: the median of every build at every N,
// and the ratios.
func summaryTable(points []*Point) (t table) {
	t.header = []string{"N", "pages", ConvertFirst, ConvertRerun, Pipeline, Floor, Minimal, "pipeline / floor", "floor / minimal"}
	for _, p := range points {
		row := []string{thousands(p.N), thousands(p.Pages)}
		for _, b := range Builds {
			m := p.Median(b)
			row = append(row, seconds(m.Wall)+", "+megabytes(m.MaxRSS))
		}
		row = append(row,
			fmt.Sprintf("%.2f", Ratio(p.Median(Pipeline).Wall, p.Median(Floor).Wall)),
			fmt.Sprintf("%.2f", Ratio(p.Median(Floor).Wall, p.Median(Minimal).Wall)))
		t.rows = append(t.rows, row)
	}
	return t
}

// runsTable lists every run's wall time, and the pipeline's steps apart.
func runsTable(points []*Point) (t table) {
	t.header = []string{"N", "build", "wall time of each run (s)", "median", "fastest", "user + sys (median)", "peak RSS (median)", "others' CPU (median)"}
	for _, p := range points {
		add := func(name string, ss []Sample) {
			var walls []string
			for _, s := range ss {
				walls = append(walls, fmt.Sprintf("%.2f", s.Wall.Seconds()))
			}
			m := medianSample(ss)
			t.rows = append(t.rows, []string{thousands(p.N), name, strings.Join(walls, ", "), seconds(m.Wall), seconds(fastest(ss)), seconds(m.User + m.Sys), megabytes(m.MaxRSS), percent(m.Others)})
		}
		for _, b := range Builds {
			add(b, p.Samples[b])
			if b != Pipeline {
				continue
			}
			for _, step := range []string{publish.StepConvert, publish.StepHugo, publish.StepSearch, publish.StepFiles, publish.StepZip, publish.StepReplace} {
				if ss := p.Steps[step]; len(ss) > 0 {
					add("· "+step, ss)
					// Only the wall time is known of a step.
					r := t.rows[len(t.rows)-1]
					r[5], r[6], r[7] = "–", "–", "–"
				}
			}
		}
	}
	return t
}

// siteTable tells what the pipeline built at each N.
func siteTable(points []*Point) (t table) {
	t.header = []string{"N", "seeds + translations", "content pages", "document pages built", "HTML files", "public/ (ZIP included)", "offline ZIP", "home page (raw / gzip)", "floor's site = pipeline's"}
	for _, p := range points {
		same := "yes"
		if !p.FloorSame {
			same = "no: " + p.FloorDiff
		}
		t.rows = append(t.rows, []string{thousands(p.N), thousands(p.N) + " + " + thousands(p.Translations), thousands(p.Pages),
			thousands(p.DocumentsBuilt), thousands(p.HTMLFiles), kilobytes(p.SiteBytes), kilobytes(p.ZipBytes),
			kilobytes(p.HomeBytes) + " / " + kilobytes(p.HomeGzip), same})
	}
	return t
}

// weightTable is the page weight of the real site.
func weightTable(w *Weight) (t table) {
	t.header = []string{"page", "kind", "lang", "HTML raw", "HTML gzip", "CSS raw", "CSS gzip", "JS raw", "JS gzip", "total gzip", "≤ 8 KB (tests)", "≤ 14 KB (issue)"}
	for _, p := range w.Pages {
		t.rows = append(t.rows, []string{"`" + p.Path + "`", p.Kind, p.Locale,
			bytesOf(p.HTML.Raw), bytesOf(p.HTML.Gzip), bytesOf(p.CSS.Raw), bytesOf(p.CSS.Gzip),
			bytesOf(p.JS.Raw), bytesOf(p.JS.Gzip), bytesOf(p.Total()),
			passMiss(p.Total() <= p.Budget()), passMiss(p.Total() <= RoundTripBudget)})
	}
	return t
}

// fastest is the shortest wall time of ss.
func fastest(ss []Sample) time.Duration {
	var f time.Duration
	for i, s := range ss {
		if i == 0 || s.Wall < f {
			f = s.Wall
		}
	}
	return f
}

func bytesOf(n int64) string { return thousands(int(n)) }

func passMiss(ok bool) string {
	if ok {
		return "PASS"
	}
	return "MISS"
}

// Target is one of issue 6's targets and what was measured.
type Target struct {
	What     string
	Limit    string
	Measured string // "" when not measured
	Pass     bool
}

// Targets checks the targets against rep.
func Targets(rep *Report) []Target {
	var at *Point
	for _, p := range rep.Points {
		if p.N == TargetN {
			at = p
		}
	}
	var ts []Target
	add := func(what, limit string, measure func(p *Point) (string, bool)) {
		t := Target{What: what, Limit: limit}
		if at != nil {
			t.Measured, t.Pass = measure(at)
		}
		ts = append(ts, t)
	}
	ratio := func(a, b string, limit float64) func(p *Point) (string, bool) {
		return func(p *Point) (string, bool) {
			ma, mb := p.Median(a), p.Median(b)
			r := Ratio(ma.Wall, mb.Wall)
			return fmt.Sprintf("%.2f (%s / %s; fastest runs %.2f; CPU time %.2f)", r, seconds(ma.Wall), seconds(mb.Wall),
				Ratio(fastest(p.Samples[a]), fastest(p.Samples[b])), Ratio(ma.User+ma.Sys, mb.User+mb.Sys)), r <= limit
		}
	}
	add("pipeline / Hugo floor (wall time)", fmt.Sprintf("≤ %.2f", MaxPipelineOverFloor), ratio(Pipeline, Floor, MaxPipelineOverFloor))
	add("pipeline / Hugo floor (peak memory)", fmt.Sprintf("≤ %.2f", MaxPipelineRSSOverFloor), func(p *Point) (string, bool) {
		ma, mb := p.Median(Pipeline), p.Median(Floor)
		r := float64(ma.MaxRSS) / float64(max(mb.MaxRSS, 1))
		return fmt.Sprintf("%.2f (%s / %s)", r, megabytes(ma.MaxRSS), megabytes(mb.MaxRSS)), r <= MaxPipelineRSSOverFloor
	})
	add("our templates / minimal template: Hugo floor / Hugo minimal (wall time)", fmt.Sprintf("≤ %.2f", MaxFloorOverMinimal), ratio(Floor, Minimal, MaxFloorOverMinimal))
	add("converter, first run: wall time", "≤ "+seconds(MaxConvertWall), func(p *Point) (string, bool) {
		m := p.Median(ConvertFirst)
		return seconds(m.Wall), m.Wall <= MaxConvertWall
	})
	add("converter, first run: peak memory", "≤ "+megabytes(MaxConvertRSS), func(p *Point) (string, bool) {
		m := p.Median(ConvertFirst)
		return megabytes(m.MaxRSS), m.MaxRSS <= MaxConvertRSS
	})
	add("converter, rerun with nothing changed: wall time", "≤ "+seconds(MaxRerunWall), func(p *Point) (string, bool) {
		m := p.Median(ConvertRerun)
		return seconds(m.Wall), m.Wall <= MaxRerunWall
	})
	// Files written by a rerun: at every N, every run.
	t := Target{What: "converter, rerun with nothing changed: files written or removed", Limit: "0"}
	if len(rep.Points) > 0 {
		worst := 0
		for _, p := range rep.Points {
			for _, w := range p.RerunWritten {
				worst = max(worst, w)
			}
		}
		t.Measured, t.Pass = fmt.Sprintf("%d (the most of any run at any N)", worst), worst == 0
	}
	ts = append(ts, t)
	if w := rep.Weight; w != nil {
		var heaviest, compare PageWeight
		var css int64
		for _, p := range w.Pages {
			switch {
			case p.Kind == "compare" && p.Total() > compare.Total():
				compare = p
			case p.Kind != "compare" && p.Total() > heaviest.Total():
				heaviest = p
			}
			css = max(css, p.CSS.Gzip)
		}
		if compare.Path != "" {
			ts = append(ts, Target{"heaviest parallel view, gzip, with its CSS and JS (tests' budget, issue 17)", "≤ " + kilobytes(ComparePageBudget),
				fmt.Sprintf("%s (`%s`)", kilobytes(compare.Total()), compare.Path), compare.Total() <= ComparePageBudget})
		}
		ts = append(ts,
			Target{"heaviest page of the real site, gzip, with its CSS and JS (tests' budget)", "≤ " + kilobytes(PageBudget),
				fmt.Sprintf("%s (`%s`)", kilobytes(heaviest.Total()), heaviest.Path), heaviest.Total() <= PageBudget},
			Target{"the same, against the issue's first round trip", "≤ " + kilobytes(RoundTripBudget),
				kilobytes(heaviest.Total()), heaviest.Total() <= RoundTripBudget},
			Target{"CSS, gzip (tests' budget)", "≤ " + kilobytes(CSSBudget), kilobytes(css), css <= CSSBudget})
	}
	return ts
}

// WriteTable prints the summary table as text.
func WriteTable(w io.Writer, points []*Point) {
	writeText(w, summaryTable(points))
}

// WriteWeightTable prints the page weight as text.
func WriteWeightTable(w io.Writer, wt *Weight) {
	writeText(w, weightTable(wt))
}

func writeText(w io.Writer, t table) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, r := range t.rows {
		fmt.Fprintln(tw, strings.ReplaceAll(strings.Join(r, "\t"), "`", ""))
	}
	tw.Flush()
}

// writeMarkdownTable writes a Markdown table; columns whose cells all
// start with a digit are aligned right.
func writeMarkdownTable(w io.Writer, t table) {
	header, rows := t.header, t.rows
	fmt.Fprintf(w, "| %s |\n|", strings.Join(header, " | "))
	for i := range header {
		numeric := len(rows) > 0
		for _, r := range rows {
			if r[i] == "" || r[i][0] < '0' || r[i][0] > '9' {
				numeric = false
			}
		}
		if numeric {
			fmt.Fprint(w, "---:|")
		} else {
			fmt.Fprint(w, "---|")
		}
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
	}
	fmt.Fprintln(w)
}

// KeptNotes returns what follows the notes marker in an earlier report,
// or "" if there is none.
func KeptNotes(old []byte) string {
	_, after, ok := bytes.Cut(old, []byte(notesMarker))
	if !ok {
		return ""
	}
	return strings.TrimLeft(string(after), "\n")
}

// Markdown is the report: chart is the chart's link relative to the
// report ("" for none), notes the hand-written part to keep.
func Markdown(rep *Report, chart, notes string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "How the cost of building the site grows with the number of documents, side by side with the cost of Hugo alone on the same pages. ")
	fmt.Fprintf(&b, "Everything above the notes at the end is written by `tools/bench`; `go doc ./tools/bench` says exactly what each column measures. Rerun with:\n\n")
	fmt.Fprintf(&b, "```sh\n%s\n```\n\n", rep.Command)
	fmt.Fprintf(&b, "- Date: %s (took %s)\n", rep.Date.UTC().Format("2006-01-02 15:04 MST"), rep.Elapsed.Round(time.Second))
	m := rep.Machine
	fmt.Fprintf(&b, "- Machine: %d CPUs (`nproc`), %s, %.1f GB memory, Linux %s\n", m.CPUs, m.CPUModel, float64(m.MemBytes)/(1<<30), m.Kernel)
	fmt.Fprintf(&b, "- Go: `%s`; Hugo: `%s`\n", rep.GoVersion, rep.HugoVersion)
	if rep.TempDir != "" {
		fmt.Fprintf(&b, "- Sites built in: `%s`\n", rep.TempDir)
	}
	fmt.Fprintf(&b, "- Load average (1, 5, 15 min): %s at the start, %s at the end\n", rep.LoadStart, rep.LoadEnd)
	fmt.Fprintf(&b, "- Runs: %d of each measurement at each N, one after another: first the converter's at every N (first run and rerun interleaved), then the other builds' (pipeline, floor and minimal interleaved); the tables give the median\n", rep.Runs)
	fmt.Fprintf(&b, "- Nothing is deleted until the end (what a step no longer needs is moved to a trash folder); before each measurement: `sync` and a pause of %s (`-settle`)\n\n", rep.Settle)

	fmt.Fprintf(&b, "## Wall time and peak memory\n\n")
	fmt.Fprintf(&b, "Median wall time and peak resident memory of each build, each a process of its own:\n\n")
	fmt.Fprintf(&b, "- **%s**: the converter alone, into an empty `content/`; **%s**: again, nothing changed.\n", ConvertFirst, ConvertRerun)
	fmt.Fprintf(&b, "- **%s**: the build command, `tools/site` with no arguments, from an empty `content/` and `public/`: convert, one Hugo build of the site with the files the Go tool writes alongside it (search index, citations, data, e-books), the offline copy (ZIP) made from that build; the table of every run gives each step's time as the command reports it.\n", Pipeline)
	fmt.Fprintf(&b, "- **%s**: the pinned Hugo binary alone, the one build of the site the pipeline makes, with the same arguments and params, on the same content; its site is byte-identical to the pipeline's (the ZIP aside).\n", Floor)
	fmt.Fprintf(&b, "- **%s**: the same Hugo build with minimal templates (`{{ .Content }}` for a page).\n\n", Minimal)
	writeMarkdownTable(&b, summaryTable(rep.Points))
	if chart != "" {
		fmt.Fprintf(&b, "![Wall time against the number of seeds, on log scales, for each measured build](%s)\n\n", chart)
	}

	writeCompareMarkdown(&b, rep)

	fmt.Fprintf(&b, "## Targets\n\n")
	fmt.Fprintf(&b, "At N = %s: the whole build against Hugo's one build of the site from issue 15, the templates against minimal ones from issue 6, the converter's from issue 13.\n\n", thousands(TargetN))
	fmt.Fprintf(&b, "| target | limit | measured | |\n|---|---|---|---|\n")
	for _, t := range Targets(rep) {
		result := passMiss(t.Pass)
		if t.Measured == "" {
			t.Measured, result = "not measured (needs N = "+thousands(TargetN)+")", "–"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | **%s** |\n", t.What, t.Limit, t.Measured, result)
	}
	fmt.Fprintln(&b)

	fmt.Fprintf(&b, "## Every run\n\n")
	fmt.Fprintf(&b, "Wall times of every run in seconds, in the order they ran. *Others' CPU* is the share of the machine's CPU time that processes other than the measured one used while it ran: the noise. User + sys is the CPU time of the process and its children.\n\n")
	writeMarkdownTable(&b, runsTable(rep.Points))
	fmt.Fprintf(&b, "## The site at each N\n\n")
	writeMarkdownTable(&b, siteTable(rep.Points))

	if w := rep.Weight; w != nil {
		fmt.Fprintf(&b, "## Page weight\n\n")
		fmt.Fprintf(&b, "The repository's own site (`seeds/` as it is), built with `publish.Build`: every HTML page with the stylesheets and scripts it loads, in bytes, gzip at the default level. ")
		fmt.Fprintf(&b, "The site's tests (`tools/e2e`, `TestBudget`) assert at most %s per page with its CSS and JS, and %s for the CSS; issue 6 names the first round trip, %s. ", kilobytes(PageBudget), kilobytes(CSSBudget), kilobytes(RoundTripBudget))
		fmt.Fprintf(&b, "The whole site: %d files, %s; the offline ZIP %s.\n\n", w.Files, kilobytes(w.Bytes), kilobytes(w.ZipBytes))
		writeMarkdownTable(&b, weightTable(w))
	}

	fmt.Fprintf(&b, "%s\n\n", notesMarker)
	if notes == "" {
		notes = "## Notes\n\nWritten by hand: what the numbers mean, profiles, what was tried. `tools/bench` keeps everything below the marker above.\n"
	}
	b.WriteString(notes)
	return b.Bytes()
}
