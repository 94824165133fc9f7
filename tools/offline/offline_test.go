package offline

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (slash paths) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readZip reads a ZIP, requires every entry to have the fixed time and
// the mode Write gives it, and returns the names in order and the files'
// contents.
func readZip(t *testing.T, data []byte) ([]string, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string]string{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(Time) {
			t.Errorf("%s: time %v, want %v", f.Name, f.Modified, Time)
		}
		want := fs.FileMode(0o644)
		if strings.HasSuffix(f.Name, "/") {
			want = fs.ModeDir | 0o755
		}
		if f.Mode() != want {
			t.Errorf("%s: mode %v, want %v", f.Name, f.Mode(), want)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks the size and the CRC-32
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = string(b)
	}
	return names, files
}

// TestWrite copies a small site built under a sub-path: the ZIP holds one
// folder with every file but the skipped one (and no folder left empty by
// it), in sorted order, the pages and stylesheets rewritten, the other
// files as they are.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	tree := map[string]string{
		"index.html":                `<!doctype html><html lang=sr><link rel=stylesheet href=/repo/css/s.css><a href=/repo/en/>en</a><span data-online-only> · <a href=/repo/offline/c.zip>ZIP</a></span>`,
		"en/index.html":             `<a href=/repo/>sr</a> <a href=/repo/en/documents/%D0%B0/#p1>doc</a>`,
		"en/documents/а/index.html": `<a href="../../">home</a>`,
		"css/s.css":                 `body{background:url(/repo/favicon.svg)}`,
		"favicon.svg":               `<svg href="/repo/"/>`,
		"sitemap.xml":               `<loc>/repo/</loc>`,
		"empty.txt":                 ``,
		"offline/c.zip":             `not me`,
	}
	writeTree(t, dir, tree)
	var buf bytes.Buffer
	res, err := Write(&buf, Options{Site: dir, BaseURL: "/repo/", Folder: "copy", Skip: []string{"offline/c.zip"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Bytes != int64(buf.Len()) {
		t.Errorf("Write reported %d bytes, wrote %d", res.Bytes, buf.Len())
	}
	// Every file but the skipped one, at its size in the site.
	if want := (Result{Bytes: res.Bytes, Files: 7, FileBytes: int64(treeBytes(tree) - len(tree["offline/c.zip"]))}); res != want {
		t.Errorf("Write returned %+v, want %+v", res, want)
	}
	names, files := readZip(t, buf.Bytes())
	wantNames := []string{"copy/", "copy/css/", "copy/css/s.css", "copy/empty.txt", "copy/en/",
		"copy/en/documents/", "copy/en/documents/а/", "copy/en/documents/а/index.html",
		"copy/en/index.html", "copy/favicon.svg", "copy/index.html", "copy/sitemap.xml"}
	if !slices.Equal(names, wantNames) {
		t.Errorf("entries\n got %q\nwant %q", names, wantNames)
	}
	wantFiles := map[string]string{
		"copy/index.html":                `<!doctype html><html lang=sr><link rel=stylesheet href=css/s.css><a href=en/index.html>en</a>`,
		"copy/en/index.html":             `<a href=../index.html>sr</a> <a href=documents/%D0%B0/index.html#p1>doc</a>`,
		"copy/en/documents/а/index.html": `<a href="../../index.html">home</a>`,
		"copy/css/s.css":                 `body{background:url(../favicon.svg)}`,
		"copy/favicon.svg":               `<svg href="/repo/"/>`,
		"copy/sitemap.xml":               `<loc>/repo/</loc>`,
		"copy/empty.txt":                 ``,
	}
	for name, want := range wantFiles {
		if got, ok := files[name]; !ok {
			t.Errorf("%s: missing", name)
		} else if got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
	if len(files) != len(wantFiles) {
		t.Errorf("%d files, want %d", len(files), len(wantFiles))
	}
}

// TestWriteRepeatable copies the same site several times, with one, two
// and eight processors packing the entries: the same bytes.
func TestWriteRepeatable(t *testing.T) {
	dir := t.TempDir()
	writeSynthSite(t, dir, 300, 3000)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first []byte
	for i, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		var buf bytes.Buffer
		if _, err := Write(&buf, Options{Site: dir, BaseURL: "/", Folder: "copy"}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("%d processors: %d bytes differ from one processor's %d", procs, buf.Len(), len(first))
		}
	}
}

// TestWriteErrors requires an error, not a partial ZIP reported as done,
// for a file that cannot be read, a bad base address and a bad folder.
func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"index.html": "<p>x"})
	if err := os.Symlink("nowhere", filepath.Join(dir, "broken.html")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("no symbolic links here: %v", err)
	}
	for _, o := range []Options{
		{Site: dir, BaseURL: "/", Folder: "copy"},
		{Site: t.TempDir(), BaseURL: "http://[::1", Folder: "copy"},
		{Site: t.TempDir(), BaseURL: "/", Folder: "a/b"},
		{Site: filepath.Join(dir, "none"), BaseURL: "/", Folder: "copy"},
	} {
		if _, err := Write(io.Discard, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

// words are the vocabulary of the synthetic pages: text that compresses
// like prose.
var words = strings.Fields(`parliament dialogue regional committee session
	member delegation resolution agreement cooperation assembly chair report
	draft article paragraph amendment vote plenary agenda minutes statement
	the of and to in for on with by from at as is are was were be has have`)

// synthPage returns a page of about size bytes shaped like the site's:
// root-relative links in the head, navigation and footer around
// paragraphs with block ids.
func synthPage(r *rand.Rand, slug string, size int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html><html lang=en dir=ltr><head><meta charset=utf-8><title>%s</title><link rel=stylesheet href=/css/site.min.css><link rel=alternate hreflang=sr-Latn-RS href=/sr-latn/documents/%s/><script src=/js/lang.min.js defer></script></head><body><header><a href=/>Home</a><nav class=lang><a href=/sr-latn/documents/%s/ hreflang=sr-Latn-RS>Srpski</a> <a href=/documents/%s/ hreflang=sr-Cyrl-RS>Српски</a></nav></header><main><h1 id=s1>%s</h1>`,
		slug, slug, slug, slug, slug)
	for n := 1; b.Len() < size; n++ {
		fmt.Fprintf(&b, `<p id=p%d>`, n)
		for range 20 + r.IntN(60) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, `<a class=pl href=#p%d>¶</a></p>`, n)
	}
	b.WriteString(`</main><footer><a href=/documents/>Documents</a><span data-online-only> · <a href=/offline/copy.zip download>ZIP</a></span></footer></body></html>`)
	return b.Bytes()
}

// writeSynthSite writes n pages of about size bytes in three languages
// and returns their total size.
func writeSynthSite(tb testing.TB, dir string, n, size int) int64 {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	langs := []string{"", "sr-latn/", "en/"}
	files := map[string]string{"css/site.min.css": strings.Repeat("body{margin:0}", 100), "js/lang.min.js": "(function(){})()"}
	for i := range n {
		slug := fmt.Sprintf("document-%05d", i)
		files[langs[i%3]+"documents/"+slug+"/index.html"] = string(synthPage(r, slug, size/2+r.IntN(size)))
	}
	writeTree(tb, dir, files)
	var total int64
	for _, f := range files {
		total += int64(len(f))
	}
	return total
}

// BenchmarkWrite copies 2,000 synthetic pages of about 5 KB and reports
// the rate in MB/s of the site's bytes.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	benchmarkWrite(b, dir, writeSynthSite(b, dir, 2000, 5000))
}

// BenchmarkWriteDir copies the site built under $OFFLINE_SITE (e.g. the
// public/ of a large synthetic site), and is skipped when that is not set.
func BenchmarkWriteDir(b *testing.B) {
	dir := os.Getenv("OFFLINE_SITE")
	if dir == "" {
		b.Skip("OFFLINE_SITE is not set")
	}
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		total += info.Size()
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	benchmarkWrite(b, dir, total)
}

func benchmarkWrite(b *testing.B, dir string, total int64) {
	b.SetBytes(total)
	var size int64
	for b.Loop() {
		res, err := Write(io.Discard, Options{Site: dir, BaseURL: "/", Folder: "copy"})
		if err != nil {
			b.Fatal(err)
		}
		size = res.Bytes
	}
	b.ReportMetric(100*float64(size)/float64(total), "%size")
}

// BenchmarkRewriteHTML rewrites one synthetic page of about 8 KB: the
// part of Write that is not reading or deflating.
func BenchmarkRewriteHTML(b *testing.B) {
	s, _ := newSite("/")
	page := synthPage(rand.New(rand.NewPCG(1, 2)), "document-00001", 8000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		s.rewriteHTML("documents/document-00001/index.html", page)
	}
}

// TestWriteStoresCompressed: pages are deflated, files that are compressed
// already (an EPUB is a ZIP) are stored as they are.
func TestWriteStoresCompressed(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"index.html": `<p>page</p>`, "a.epub": "PK\x03\x04 a zip already"})
	var buf bytes.Buffer
	if _, err := Write(&buf, Options{Site: dir, BaseURL: "/", Folder: "copy"}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint16{"copy/index.html": zip.Deflate, "copy/a.epub": zip.Store}
	for _, f := range zr.File {
		if m, ok := want[f.Name]; ok && f.Method != m {
			t.Errorf("%s: method %d, want %d", f.Name, f.Method, m)
		}
	}
}

// treeBytes returns the bytes of every file of tree.
func treeBytes(tree map[string]string) int {
	n := 0
	for _, v := range tree {
		n += len(v)
	}
	return n
}
