package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/publish"
)

func TestParseSizes(t *testing.T) {
	for in, want := range map[string][]int{
		"100,1000,10000": {100, 1000, 10000},
		"10k, 100":       {100, 10000},
		"1_000,1000":     {1000},
	} {
		got, err := ParseSizes(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("ParseSizes(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5", "ten"} {
		if _, err := ParseSizes(in); err == nil {
			t.Errorf("ParseSizes(%q): no error", in)
		}
	}
}

func TestMedian(t *testing.T) {
	ss := []Sample{
		{Wall: 3 * time.Second, MaxRSS: 10},
		{Wall: 1 * time.Second, MaxRSS: 30},
		{Wall: 2 * time.Second, MaxRSS: 20},
	}
	if m := medianSample(ss); m.Wall != 2*time.Second || m.MaxRSS != 20 {
		t.Errorf("median of 3 = %+v", m)
	}
	if m := medianSample(ss[:2]); m.Wall != 2*time.Second || m.MaxRSS != 20 {
		t.Errorf("median of 2 = %+v", m)
	}
	if got := (Sample{Wall: 1, MaxRSS: 5}).add(Sample{Wall: 2, MaxRSS: 3}); got.Wall != 3 || got.MaxRSS != 5 {
		t.Errorf("add = %+v, want times summed and the larger memory", got)
	}
}

// TestHugoBuildOf: the floor runs the one Hugo build publish.Build makes,
// with tools/hugo's arguments and the params that link to the ZIP.
func TestHugoBuildOf(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	hb, err := HugoBuildOf(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if hb.Env != nil {
		t.Errorf("env %q, want none", hb.Env)
	}
	args := strings.Join(hb.Args, " ")
	for _, want := range []string{"--source " + src, "--destination " + hb.Destination, "--minify",
		"--baseURL /", "--config " + filepath.Join(src, "config.toml") + ","} {
		if !strings.Contains(args, want) {
			t.Errorf("args %q lack %q", args, want)
		}
	}
	params, err := os.ReadFile(filepath.Join(out, "params.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "[params]\nofflineZip = '" + publish.ZipPath + "'\n"; string(params) != want {
		t.Errorf("params.toml:\n%s\nwant\n%s", params, want)
	}
}

// TestParseSteps reads the steps' times from the build command's output.
func TestParseSteps(t *testing.T) {
	out := []byte("1 document, 1 converted\nsteps: convert 0.071 s, hugo 1.5 s, files 0.000 s, zip 0.203 s\ndone in 1.8 s\n")
	got := ParseSteps(out)
	want := []publish.Step{{Name: "convert", Elapsed: 71 * time.Millisecond}, {Name: "hugo", Elapsed: 1500 * time.Millisecond},
		{Name: "files", Elapsed: 0}, {Name: "zip", Elapsed: 203 * time.Millisecond}}
	if !slices.Equal(got, want) {
		t.Errorf("ParseSteps = %v, want %v", got, want)
	}
	if got := ParseSteps([]byte("done in 1.8 s\n")); got != nil {
		t.Errorf("ParseSteps without a steps line = %v", got)
	}
}

func TestHugoFilesIn(t *testing.T) {
	site, floor := t.TempDir(), t.TempDir()
	for _, d := range []string{site, floor} {
		os.MkdirAll(filepath.Join(d, "x"), 0o755)
		os.WriteFile(filepath.Join(d, "x", "index.html"), []byte("same"), 0o644)
	}
	os.WriteFile(filepath.Join(site, "site.zip"), []byte("only in the site"), 0o644)
	if diff, err := HugoFilesIn(site, floor); err != nil || diff != "" {
		t.Errorf("HugoFilesIn = %q, %v; want no difference", diff, err)
	}
	os.WriteFile(filepath.Join(floor, "x", "index.html"), []byte("other"), 0o644)
	if diff, _ := HugoFilesIn(site, floor); diff != "x/index.html differs" {
		t.Errorf("HugoFilesIn = %q", diff)
	}
	os.WriteFile(filepath.Join(floor, "only.html"), []byte("only in the floor"), 0o644)
	if diff, _ := HugoFilesIn(site, floor); diff != "only.html is missing from "+site && diff != "x/index.html differs" {
		t.Errorf("HugoFilesIn = %q", diff)
	}
}

func TestWeighSite(t *testing.T) {
	public := t.TempDir()
	files := map[string]string{
		"index.html":                 `<!doctype html><html lang=sr-Cyrl-RS><link rel=stylesheet href=/css/s.css><script src=/js/l.js defer></script><p>x`,
		"en/documents/a/index.html":  `<!doctype html><html lang=en><link rel="alternate stylesheet" href=../../../css/s.css><p>y`,
		"en/documents/index.html":    `<!doctype html><html lang=en><p>z`,
		"404.html":                   `<!doctype html><html lang=sr-Cyrl-RS><p>404`,
		"css/s.css":                  strings.Repeat("a{color:red}", 10),
		"js/l.js":                    "let x=1",
		"documents/a/not-a-page.txt": "",
	}
	for name, text := range files {
		p := filepath.Join(public, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	w, err := WeighSite(public)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range w.Pages {
		got = append(got, p.Path+" "+p.Kind+" "+p.Locale)
	}
	want := []string{"index.html home sr-Cyrl-RS", "en/documents/index.html section en", "en/documents/a/index.html document en", "404.html 404 sr-Cyrl-RS"}
	if !slices.Equal(got, want) {
		t.Errorf("pages:\n%q\nwant\n%q", got, want)
	}
	home, doc := w.Pages[0], w.Pages[2]
	if home.CSS.Raw != 120 || home.JS.Raw != 7 || home.HTML.Raw != int64(len(files["index.html"])) {
		t.Errorf("home: %+v", home)
	}
	if doc.CSS.Raw != 120 || doc.JS.Raw != 0 || !slices.Equal(doc.CSSFiles, []string{"css/s.css"}) {
		t.Errorf("document: %+v", doc)
	}
	if home.Total() != home.HTML.Gzip+home.CSS.Gzip+home.JS.Gzip {
		t.Errorf("total %d", home.Total())
	}
}

func testReport() *Report {
	p := func(n int, scale time.Duration) *Point {
		pt := &Point{N: n, Pages: 2*n + n/3, Samples: map[string][]Sample{}, FloorSame: true}
		for i, b := range Builds {
			pt.Samples[b] = []Sample{{Wall: scale * time.Duration(i+1), MaxRSS: 50 << 20}}
		}
		pt.Samples[ConvertRerun][0].Wall = scale * 5 / 2
		pt.Samples[Pipeline][0].MaxRSS = 60 << 20
		pt.RerunWritten = []int{0}
		return pt
	}
	return &Report{Command: "go run ./tools/bench -n 100,10000", Runs: 1,
		Points: []*Point{p(100, 10*time.Millisecond), p(TargetN, time.Second)}}
}

func TestTargets(t *testing.T) {
	ts := Targets(testReport())
	results := map[string]bool{}
	for _, tg := range ts {
		if tg.Measured == "" {
			t.Errorf("%s: not measured", tg.What)
		}
		results[tg.What] = tg.Pass
	}
	// At N = 10,000: convert first 1 s, rerun 2.5 s, pipeline 3 s and
	// 60 MB, floor 4 s and 50 MB, minimal 5 s.
	for what, want := range map[string]bool{
		"pipeline / Hugo floor (wall time)":                                       true,
		"pipeline / Hugo floor (peak memory)":                                     false,
		"our templates / minimal template: Hugo floor / Hugo minimal (wall time)": true,
		"converter, first run: wall time":                                         true,
		"converter, rerun with nothing changed: wall time":                        false,
		"converter, rerun with nothing changed: files written or removed":         true,
	} {
		if got, ok := results[what]; !ok || got != want {
			t.Errorf("%s: pass = %v (present %v), want %v", what, got, ok, want)
		}
	}
}

// TestMarkdownKeepsNotes: the notes below the marker survive a rewrite.
func TestMarkdownKeepsNotes(t *testing.T) {
	rep := testReport()
	first := Markdown(rep, ".github/readme/bench.svg", "")
	if !bytes.Contains(first, []byte(notesMarker)) || !bytes.Contains(first, []byte("![")) {
		t.Fatalf("no marker or chart:\n%s", first)
	}
	edited := append(first, "\nProfiled: the templates.\n"...)
	second := Markdown(rep, "", KeptNotes(edited))
	if !bytes.HasSuffix(second, []byte("Profiled: the templates.\n")) {
		t.Errorf("notes lost:\n%s", second)
	}
	if bytes.Count(second, []byte(notesMarker)) != 1 {
		t.Errorf("marker repeated")
	}
}

// TestChart: the chart is well-formed XML with a line and a legend entry
// per build.
func TestChart(t *testing.T) {
	svg := Chart(testReport())
	d := xml.NewDecoder(bytes.NewReader(svg))
	paths, texts := 0, []string{}
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
			for _, a := range tok.Attr {
				if a.Name.Local == "class" && strings.HasPrefix(a.Value, "line ") && tok.Name.Local == "path" {
					paths++
				}
			}
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	if paths != len(Builds) {
		t.Errorf("%d lines, want %d", paths, len(Builds))
	}
	for _, b := range Builds {
		if !slices.Contains(texts, b) {
			t.Errorf("legend lacks %q", b)
		}
	}
	for _, label := range []string{"100", "10,000", "1 s"} {
		if !slices.Contains(texts, label) {
			t.Errorf("no axis label %q in %q", label, texts)
		}
	}
	if !bytes.Contains(svg, []byte("prefers-color-scheme: dark")) {
		t.Error("no dark variant")
	}
}

// TestConvertOnly converts the real seed: what the benchmark runs in a
// child process.
func TestConvertOnly(t *testing.T) {
	root := t.TempDir()
	if err := CopySite("../..", root); err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob("../../seeds/*")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(root, "seeds"), 0o755)
		os.WriteFile(filepath.Join(root, "seeds", filepath.Base(s)), data, 0o644)
	}
	first, err := ConvertOnly(root)
	if err != nil {
		t.Fatal(err)
	}
	if first.Documents == 0 || first.Written == 0 {
		t.Errorf("first run: %+v", first)
	}
	again, err := ConvertOnly(root)
	if err != nil {
		t.Fatal(err)
	}
	if again.Written != 0 || again.Removed != 0 {
		t.Errorf("rerun: %+v, want nothing written", again)
	}
}

// TestPageKind: the kinds of the pages of a site built with pretty URLs
// (the site, not the offline copy).
func TestPageKind(t *testing.T) {
	for rel, want := range map[string]string{
		"index.html":                              "home",
		"en/index.html":                           "home",
		"404.html":                                "404",
		"documents/index.html":                    "section",
		"en/documents/index.html":                 "section",
		"documents/page/2/index.html":             "section",
		"sr-latn/documents/page/12/index.html":    "section",
		"documents/2015-11-26-beograd/index.html": "document",
	} {
		if got := pageKind(rel); got != want {
			t.Errorf("pageKind(%q) = %q, want %q", rel, got, want)
		}
	}
}

// TestDiscard checks that discard moves what it is given into the trash,
// whole and under a new name each time, deletes nothing, and ignores a
// path that does not exist.
func TestDiscard(t *testing.T) {
	dir := t.TempDir()
	b := &bench{trash: filepath.Join(dir, "trash")}
	for i := range 2 {
		content := filepath.Join(dir, "site", "content")
		if err := os.MkdirAll(filepath.Join(content, "documents"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(content, "documents", "a.md"), []byte{byte('0' + i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := b.discard(content); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(content); !os.IsNotExist(err) {
			t.Fatalf("round %d: %s still there (%v)", i, content, err)
		}
	}
	if err := b.discard(filepath.Join(dir, "nothing")); err != nil {
		t.Errorf("a missing path: %v", err)
	}
	for i, want := range []string{"0", "1"} {
		got, err := os.ReadFile(filepath.Join(b.trash, fmt.Sprint(i+1), "documents", "a.md"))
		if err != nil || string(got) != want {
			t.Errorf("trash/%d/documents/a.md = %q, %v; want %q", i+1, got, err, want)
		}
	}
	if entries, _ := os.ReadDir(b.trash); len(entries) != 2 {
		t.Errorf("the trash holds %d entries, want 2", len(entries))
	}
}
