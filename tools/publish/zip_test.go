package publish

import (
	"archive/zip"
	"bytes"
	"compress/flate"
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

// words are the vocabulary of the synthetic pages: enough to make text
// that compresses like prose, not like a repeated string.
var words = strings.Fields(`parliament dialogue regional committee session
	member delegation resolution agreement cooperation assembly chair report
	draft article paragraph amendment vote plenary agenda minutes statement
	security economy energy trade border water transport culture education
	youth women rights law court budget finance health environment climate
	the of and to in for on with by from at as is are was were be has have
	that which this these those it its their our we they he she not no all`)

// synthPage returns an HTML page of about size bytes like the ones Hugo
// writes for the site: the same head, navigation and footer on every page
// around paragraphs of varied text with block ids.
func synthPage(r *rand.Rand, title string, size int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html><html lang=en dir=ltr><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1"><title>%s | Regional parliamentary dialogue</title><link rel=stylesheet href=../../css/site.min.css><link rel=alternate hreflang=ru href=../../ru/documents/%s.html><link rel=alternate hreflang=hy href=../../hy/documents/%s.html></head><body><header class=site-header><a class=brand href=../../index.html>Regional parliamentary dialogue</a><nav class=lang aria-label=Language><a href=../../ru/documents/%s.html hreflang=ru lang=ru>Русский</a> <a href=../../hy/documents/%s.html hreflang=hy lang=hy>Հայերեն</a></nav><nav class=main><ul><li><a href=../../index.html>Home</a><li><a href=../../documents/index.html>Documents</a><li><a href=../../about.html>About</a><li><a href=../../offline/regional-parliamentary-dialogue.zip>Offline copy</a></ul></nav></header><main><article><h1 id=s1>%s</h1><p class=meta><time datetime=2016-03-1%d>%d March 2016</time>`,
		title, title, title, title, title, title, r.IntN(10), 10+r.IntN(10))
	for n := 1; b.Len() < size; n++ {
		fmt.Fprintf(&b, `<p id=p%d>`, n)
		for range 20 + r.IntN(60) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		if r.IntN(4) == 0 {
			fmt.Fprintf(&b, `<a class=note href=#n%d id=r%d>[%d]</a>`, n, n, n)
		}
		b.WriteString("</p>\n")
	}
	b.WriteString(`</article></main><footer class=site-footer><p>Texts of the regional parliamentary dialogue, 2015–2017.<p><a href=../../offline/regional-parliamentary-dialogue.zip>Download the offline copy</a></footer><script src=../../js/site.min.js></script></body></html>`)
	return b.Bytes()
}

// writeSynthTree writes n synthetic pages of about size bytes each under
// dir/OfflineName, spread over a few language folders, as the offline
// build lays them out, and returns their total size in bytes.
func writeSynthTree(tb testing.TB, dir string, n, size int) int64 {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	langs := []string{"", "ru/", "hy/"}
	var total int64
	write := func(rel string, data []byte) {
		path := filepath.Join(dir, OfflineName, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(len(data))
	}
	for i := range n {
		title := fmt.Sprintf("document-%05d", i)
		write(langs[i%len(langs)]+"documents/"+title+".html", synthPage(r, title, size/2+r.IntN(size)))
	}
	write("index.html", synthPage(r, "index", 20*size))
	write("css/site.min.css", bytes.Repeat([]byte("body{margin:0;font:16px/1.5 system-ui}"), 40))
	return total
}

// zipEntries reads the ZIP data, requires every entry to be readable,
// with the fixed time and the mode Zip gives it, and returns the entries'
// names in order and the contents of the files.
func zipEntries(t *testing.T, data []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string][]byte{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: time %v, want %v", f.Name, f.Modified, zipTime)
		}
		wantMode := fs.FileMode(0o644)
		if strings.HasSuffix(f.Name, "/") {
			wantMode = fs.ModeDir | 0o755
		}
		if f.Mode() != wantMode {
			t.Errorf("%s: mode %v, want %v", f.Name, f.Mode(), wantMode)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc) // checks the size and the CRC-32
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = content
	}
	return names, files
}

// TestZipReadBack zips a tree with nested folders, an empty file, a file
// larger than the rest together and a name outside ASCII, and reads it
// back with archive/zip: every folder and file is there, in sorted order,
// with its content, its mode and the fixed time.
func TestZipReadBack(t *testing.T) {
	dir := t.TempDir()
	writeSynthTree(t, dir, 60, 3000)
	big := synthPage(rand.New(rand.NewPCG(3, 4)), "big", 3<<20)
	extra := map[string][]byte{
		OfflineName + "/empty.txt":                 nil,
		OfflineName + "/big/index.html":            big,
		OfflineName + "/hy/documents/Երևան.html":   []byte("<p>Երևան</p>"),
		OfflineName + "/deep/a/b/c/d/page.html":    []byte("<p>deep</p>"),
		OfflineName + "/deep/a/b/c/d/sibling.html": []byte("<p>sibling</p>"),
		OfflineName + "/deep/a/b/c/d/e/f/x":        []byte("x"),
	}
	for name, data := range extra {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	data, err := Zip(dir)
	if err != nil {
		t.Fatal(err)
	}
	names, files := zipEntries(t, data)
	if !slices.IsSorted(names) {
		t.Errorf("entries are not sorted: %v", names)
	}
	onDisk := tree(t, dir)
	for name, want := range onDisk {
		if got, ok := files[name]; !ok {
			t.Errorf("%s: not in the ZIP", name)
		} else if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes in the ZIP differ from the file's %d", name, len(got), len(want))
		}
	}
	for name := range files {
		if _, ok := onDisk[name]; !ok {
			t.Errorf("%s: in the ZIP, not on disk", name)
		}
	}
	dirs := 0
	for _, name := range names {
		if strings.HasSuffix(name, "/") {
			dirs++
			if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil || !info.IsDir() {
				t.Errorf("%s: not a folder on disk", name)
			}
		}
	}
	if want := 15; dirs != want { // the root, documents ×3, ru, hy, css, big, deep/a/b/c/d/e/f
		t.Errorf("%d folder entries, want %d: %v", dirs, want, names)
	}
}

// TestZipRepeatable zips the same tree several times: the bytes are the
// same every time.
func TestZipRepeatable(t *testing.T) {
	dir := t.TempDir()
	writeSynthTree(t, dir, 300, 5000)
	first, err := Zip(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		again, err := Zip(dir)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("run %d: %d bytes differ from the first run's %d", i+2, len(again), len(first))
		}
	}
}

// symlink makes the symbolic link newname to oldname. Where links cannot
// be made (Windows without the privilege) the test is skipped, except
// under CI=true, where that is a failure.
func symlink(t *testing.T, oldname, newname string) {
	t.Helper()
	if err := os.Symlink(oldname, newname); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("no symbolic links here: %v", err)
	}
}

// TestZipMissing requires an error, not a hang or a partial ZIP, when a
// file cannot be read (here a symbolic link to nothing).
func TestZipMissing(t *testing.T) {
	dir := t.TempDir()
	writeSynthTree(t, dir, 50, 2000)
	symlink(t, "nowhere", filepath.Join(dir, OfflineName, "documents", "broken.html"))
	if data, err := Zip(dir); err == nil {
		t.Fatalf("no error, %d bytes", len(data))
	}
}

// BenchmarkZip zips 2,000 synthetic HTML pages of about 5 KB (and a larger
// index page) and reports the rate in MB/s of uncompressed input, and
// the ZIP's size as a share of the input.
func BenchmarkZip(b *testing.B) {
	dir := b.TempDir()
	total := writeSynthTree(b, dir, 2000, 5000)
	benchmarkZip(b, dir, total)
}

// BenchmarkZipDir zips the tree under $PUBLISH_ZIP_DIR (for example the
// folder that holds an offline build of a large synthetic site, as Build
// zips it), and is skipped when that is not set.
func BenchmarkZipDir(b *testing.B) {
	dir := os.Getenv("PUBLISH_ZIP_DIR")
	if dir == "" {
		b.Skip("PUBLISH_ZIP_DIR is not set")
	}
	var total int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
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
	benchmarkZip(b, dir, total)
}

func benchmarkZip(b *testing.B, dir string, total int64) {
	b.SetBytes(total)
	var size int
	for b.Loop() {
		data, err := Zip(dir)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(100*float64(size)/float64(total), "%size")
}

// zipSerial is Zip as it was before it compressed in parallel: every file
// through zip.Writer.CreateHeader, one after another, here at the given
// flate level. writeZip must give the very same bytes.
func zipSerial(t *testing.T, dir string, level int) []byte {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			rel += "/"
		}
		paths = append(paths, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, level)
	})
	for _, rel := range paths {
		h := &zip.FileHeader{Name: rel, Modified: zipTime}
		if strings.HasSuffix(rel, "/") {
			h.SetMode(fs.ModeDir | 0o755)
			if _, err := zw.CreateHeader(h); err != nil {
				t.Fatal(err)
			}
			continue
		}
		h.Method = zip.Deflate
		h.SetMode(0o644)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestZipWorkers zips one tree (with a big file, an empty one and names
// in UTF-8) with 1, 2 and 8 workers and budgets from nothing (one file
// at a time) to plenty, twice each, and at GOMAXPROCS 1 and 4: every
// ZIP is byte for byte the one zip.Writer makes serially at the same
// level.
func TestZipWorkers(t *testing.T) {
	dir := t.TempDir()
	writeSynthTree(t, dir, 200, 4000)
	for name, data := range map[string][]byte{
		"big.html":         synthPage(rand.New(rand.NewPCG(5, 6)), "big", 1<<20),
		"empty.html":       nil,
		"hy/Երևան.html":    []byte("<p>Երևան</p>"),
		"ru/Москва/a.html": []byte("<p>Москва</p>"),
	} {
		path := filepath.Join(dir, OfflineName, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, level := range []int{zipLevel, flate.BestSpeed} {
		want := zipSerial(t, dir, level)
		check := func(what string, o zipOptions) {
			t.Helper()
			var buf bytes.Buffer
			n, err := writeZip(&buf, dir, o)
			if err != nil {
				t.Fatal(err)
			}
			if n != int64(buf.Len()) {
				t.Errorf("%s: writeZip counted %d bytes, wrote %d", what, n, buf.Len())
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Fatalf("%s: %d bytes differ from zip.Writer's %d", what, buf.Len(), len(want))
			}
		}
		for _, workers := range []int{1, 2, 8} {
			for _, budget := range []int64{0, 64 << 10, 32 << 20} {
				for run := range 2 {
					check(fmt.Sprintf("level %d, %d workers, budget %d, run %d", level, workers, budget, run+1),
						zipOptions{workers: workers, level: level, budget: budget})
				}
			}
		}
		for _, procs := range []int{1, 4} {
			prev := runtime.GOMAXPROCS(procs)
			o := defaultZipOptions()
			o.level = level
			check(fmt.Sprintf("level %d, GOMAXPROCS %d", level, procs), o)
			runtime.GOMAXPROCS(prev)
		}
	}
	data, err := Zip(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := zipSerial(t, dir, zipLevel); !bytes.Equal(data, want) {
		t.Errorf("Zip: %d bytes differ from zip.Writer's %d at level %d", len(data), len(want), zipLevel)
	}
}
