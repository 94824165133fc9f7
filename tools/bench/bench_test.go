package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{1.2, 1.2, 9}, 1.2},
	} {
		in := slices.Clone(c.in)
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
		if !slices.Equal(in, c.in) {
			t.Errorf("median reordered its argument: %v", c.in)
		}
	}
	if got := median([]time.Duration{3 * time.Second, time.Second}); got != 2*time.Second {
		t.Errorf("median of durations = %v, want 2s", got)
	}
}

func s(wall, cpu float64, rssMB int64) sample {
	return sample{wall: time.Duration(wall * float64(time.Second)), cpu: time.Duration(cpu * float64(time.Second)), rss: rssMB << 20}
}

// The ratios are the medians of each pair's ratio, not the ratio of the
// medians: a slow moment of the machine slows both builds of a pair.
func TestPointRatios(t *testing.T) {
	p := &point{
		whole: []sample{s(10, 20, 110), s(20, 40, 120), s(13, 26, 100)},
		floor: []sample{s(8, 10, 100), s(10, 20, 100), s(10, 10, 100)},
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"time", p.timeRatio(), 1.3},     // pairs 1.25, 2.0, 1.3; ratio of medians would be 13/10
		{"cpu", p.cpuRatio(), 2},         // 2, 2, 2.6
		{"memory", p.memoryRatio(), 1.1}, // 1.1, 1.2, 1.0
	} {
		if d := c.got - c.want; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s ratio = %v, want %v", c.name, c.got, c.want)
		}
	}
	if got := pairRatios([]sample{s(1, 1, 1)}, nil, wallOf); len(got) != 0 {
		t.Errorf("pairRatios with no floor = %v, want none", got)
	}
	if got := ratio(int64(5), 0); got != 0 {
		t.Errorf("ratio(5, 0) = %v, want 0", got)
	}
}

func TestVerdict(t *testing.T) {
	for _, c := range []struct {
		r, limit float64
		target   bool
		want     string
	}{
		{1.6, 1.6, true, "**PASS**"},
		{1.61, 1.6, true, "**MISS**"},
		{1.0, 1.1, false, "(pass)"},
		{1.2, 1.1, false, "(miss)"},
	} {
		if got := verdict(c.r, c.limit, c.target); got != c.want {
			t.Errorf("verdict(%v, %v, %v) = %q, want %q", c.r, c.limit, c.target, got, c.want)
		}
	}
}

func TestParseFlags(t *testing.T) {
	for _, c := range []struct {
		args    []string
		want    config
		wantErr bool
	}{
		{nil, config{sizes: []int{100, 1000, 10000}, runs: 3, out: "BENCHMARKS.md"}, false},
		{[]string{"-n", "1000, 100,1000", "-runs", "1", "-dir", "/x", "-out", ""}, config{sizes: []int{100, 1000}, runs: 1, dir: "/x"}, false},
		{[]string{"-n", "0"}, config{}, true},
		{[]string{"-n", "1e3"}, config{}, true},
		{[]string{"-runs", "0"}, config{}, true},
		{[]string{"extra"}, config{}, true},
	} {
		got, err := parseFlags(c.args, io.Discard)
		if (err != nil) != c.wantErr {
			t.Errorf("parseFlags(%q): error %v, want error: %v", c.args, err, c.wantErr)
			continue
		}
		if err == nil && (!slices.Equal(got.sizes, c.want.sizes) || got.runs != c.want.runs || got.dir != c.want.dir || got.out != c.want.out) {
			t.Errorf("parseFlags(%q) = %+v, want %+v", c.args, got, c.want)
		}
	}
}

// Issue 25, point 6: -dir was parsed and never used. The seeds, and the
// whole site of each N, must land in DIR.
func TestDirHonoured(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "work")
	c, err := parseFlags([]string{"-dir", dir, "-n", "3", "-runs", "1"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newBench(c, "../..", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if b.work != dir {
		os.RemoveAll(b.work)
		t.Fatalf("work folder %s, want -dir %s", b.work, dir)
	}
	if err := prepare(b.root, b.siteDir(3), 3); err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join(dir, "n3", "seeds", "*.txt"))
	pages, _ := filepath.Glob(filepath.Join(dir, "n3", "content", "documents", "*.md"))
	if len(seeds) != 3 || len(pages) == 0 {
		t.Errorf("in %s: %d seeds (want 3), %d converted pages", dir, len(seeds), len(pages))
	}
	if _, err := os.Stat(filepath.Join(dir, "n3", "config.toml")); err != nil {
		t.Errorf("the site's sources were not copied into DIR: %v", err)
	}

	// Without -dir, a new temporary folder elsewhere.
	c.dir = ""
	b, err = newBench(c, "../..", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if b.work != dir {
		defer os.RemoveAll(b.work)
	}
	if b.work == dir || !strings.HasPrefix(filepath.Base(b.work), "bench-") {
		t.Errorf("without -dir the work folder is %s", b.work)
	}
}

func TestPageKind(t *testing.T) {
	for rel, want := range map[string]string{
		"index.html":                       "home",
		"en/index.html":                    "home",
		"sr-latn/404.html":                 "404",
		"search/index.html":                "search",
		"en/search/index.html":             "search",
		"documents/index.html":             "section",
		"documents/page/2/index.html":      "section",
		"documents/a-b/index.html":         "document",
		"sr-latn/documents/a-b/index.html": "document",
		"documents/a-b/compare/index.html": "view",
		"en/places/beograd/index.html":     "taxonomy",
		"years/index.html":                 "taxonomy",
	} {
		if got := pageKind(rel); got != want {
			t.Errorf("pageKind(%q) = %q, want %q", rel, got, want)
		}
	}
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWeigh(t *testing.T) {
	css := strings.Repeat("p{margin:0}", 50)
	js := strings.Repeat("var a=1;", 80)
	doc := `<!doctype html><html><head><style>b{x:y}</style><link rel=stylesheet href="../../css/c.css"></head><body>` + strings.Repeat("text ", 300) + `</body></html>`
	home := `<!doctype html><html><head><link rel="preload stylesheet" href="/css/c.css"><script src="/js/s.js" defer></script><script>inline()</script></head><body>hi</body></html>`
	search := `<!doctype html><html><head><script src="../js/s.js"></script></head><body>search</body></html>`
	public := t.TempDir()
	files := map[string]string{
		"index.html": home, "documents/a/index.html": doc, "documents/b/index.html": doc + "<p>more</p>",
		"search/index.html": search, "css/c.css": css, "js/s.js": js,
		"search/k.js": `searchKeys("abc")`, "search/t/abc.js": strings.Repeat("x", 100), "search/t/de.js": "y",
	}
	for i := range 12 {
		files["search/d/"+string(rune('a'+i))+".js"] = strings.Repeat("d", 10*i)
	}
	writeFiles(t, public, files)
	g := func(s string) int64 { return gzipSize([]byte(s)) }

	pages, err := weighPages(public)
	if err != nil {
		t.Fatal(err)
	}
	want := []kindWeight{
		{kind: "home", count: 1, median: g(home) + g(css) + g(js), max: g(home) + g(css) + g(js), heaviest: "index.html"},
		{kind: "document", count: 2, median: (g(doc)+g(doc+"<p>more</p>"))/2 + g(css), max: g(doc+"<p>more</p>") + g(css), heaviest: "documents/b/index.html"},
		{kind: "search", count: 1, median: g(search) + g(js), max: g(search) + g(js), heaviest: "search/index.html"},
	}
	if !slices.Equal(pages, want) {
		t.Errorf("weighPages:\n got %+v\nwant %+v", pages, want)
	}

	sw, err := weighSearch(public, pages)
	if err != nil {
		t.Fatal(err)
	}
	var docs []int64
	for i := range 12 {
		docs = append(docs, g(strings.Repeat("d", 10*i)))
	}
	slices.Sort(docs)
	var top int64
	for _, d := range docs[2:] {
		top += d
	}
	base := g(search) + g(js) + g(`searchKeys("abc")`)
	wantS := searchWeight{page: g(search) + g(js), keys: g(`searchKeys("abc")`), maxShard: g(strings.Repeat("x", 100)), shards: 2, docs: 12,
		typical: base + (g("y")+g(strings.Repeat("x", 100)))/2 + 10*median(docs),
		most:    base + g(strings.Repeat("x", 100)) + top}
	if sw != wantS {
		t.Errorf("weighSearch:\n got %+v\nwant %+v", sw, wantS)
	}

	// A page that loads a missing file is an error, not a light page.
	writeFiles(t, public, map[string]string{"404.html": `<link rel=stylesheet href="/css/gone.css">`})
	if _, err := weighPages(public); err == nil {
		t.Error("weighPages: no error for a missing stylesheet")
	}
}

const metricsOut = `Start building sites …

Template Metrics:

       cumulative       average       maximum
         duration      duration      duration  count  template
       ----------      --------      --------  -----  --------
      62.794628ms   20.931542ms   23.243564ms      3  page.html
      46.727096ms    1.297974ms   28.484331ms     36  _partials/head.html
      46.006652ms     15.33555ms   26.400563ms     3  page.compare.html
      22.862397ms   22.862397ms   22.862397ms      1  _partials/compare-rows.html
`

func TestParseMetrics(t *testing.T) {
	v, err := parseMetrics([]byte(metricsOut))
	if err != nil {
		t.Fatal(err)
	}
	want := viewCost{views: 3, pages: 3, viewAvg: 15335550 * time.Nanosecond, pageAvg: 20931542 * time.Nanosecond}
	if v != want {
		t.Errorf("parseMetrics = %+v, want %+v", v, want)
	}
	if r := v.ratio(); r < 0.732 || r > 0.733 {
		t.Errorf("ratio = %v, want 15.34/20.93", r)
	}
	noView := strings.ReplaceAll(metricsOut, "page.compare.html", "page.other.html")
	if _, err := parseMetrics([]byte(noView)); err == nil {
		t.Error("parseMetrics: no error without page.compare.html")
	}
	bad := strings.Replace(metricsOut, "20.931542ms", "fast", 1)
	if _, err := parseMetrics([]byte(bad)); err == nil {
		t.Error("parseMetrics: no error for an unreadable duration")
	}
}

func TestBar(t *testing.T) {
	for _, c := range []struct {
		r, limit float64
		want     string
	}{
		{1.0, 1.6, "█████   │      "},
		{1.8, 1.6, "█████████      "},
		{0, 1.0, "     │         "},
		{3.0, 1.0, "███████████████"},
	} {
		if got := bar(c.r, c.limit, 3, 15); got != c.want {
			t.Errorf("bar(%v, %v) = %q, want %q", c.r, c.limit, got, c.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	rep := &report{command: "go run ./tools/bench -n 1000", machine: "2 CPUs", runs: 2, date: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC),
		points: []*point{{n: 1000,
			whole: []sample{s(7, 14, 560), s(8, 15, 600)}, floor: []sample{s(5, 10, 550), s(5, 10, 550)},
			pages:  []kindWeight{{kind: "document", count: 2334, median: 4700, max: 6300, heaviest: "documents/x/index.html"}},
			search: searchWeight{page: 6400, typical: 18000, most: 25000},
			views:  viewCost{views: 2334, pages: 2334, viewAvg: 20 * time.Millisecond, pageAvg: 10 * time.Millisecond},
		}}}
	md := string(markdown(rep, nil))
	for _, want := range []string{
		"`go run ./tools/bench -n 1000`, 2026-12-01 10:00 UTC",
		"| 1,000 | 2,334 | 7.50 s, 14.50 s, 580 MB | 5.00 s, 10.00 s, 550 MB | 1.50 | 1.40, 1.60 | 1.45 | 1.05 | **PASS** | **PASS** |",
		"| 1,000 | 2,334 | 20ms | 2,334 | 10ms | 2.00 | **MISS** |",
		"| 1,000 | document | 2,334 | 4,700 | 6,300 | `documents/x/index.html` |",
		"| 1,000 | 6,400 | 0 | 0 | 0 | 0 | 18,000 | 25,000 |",
		conclusionsMarker + "\n\n## Conclusions\n\n*Placeholder",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
	// A rerun keeps what was written by hand after the marker, and only that.
	old := "# Old\n\nold tables\n" + conclusionsMarker + "\n\n## Conclusions\n\nBy hand.\n"
	md2 := markdown(rep, []byte(old))
	if !bytes.HasSuffix(md2, []byte(conclusionsMarker+"\n\n## Conclusions\n\nBy hand.\n")) || bytes.Contains(md2, []byte("old tables")) || bytes.Contains(md2, []byte("Placeholder")) {
		t.Errorf("rerun did not keep the conclusions alone:\n%s", md2)
	}
}
