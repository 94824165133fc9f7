package takeaway

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"github.com/regionaldialogue/site/tools/internal/schemacheck"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/regionaldialogue/site/tools/cite"
	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/docdata"
	"github.com/regionaldialogue/site/tools/epub"
	"github.com/regionaldialogue/site/tools/internal/extcheck"
	"github.com/regionaldialogue/site/tools/internal/synth"
	"github.com/regionaldialogue/site/tools/siteconfig"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const testBase = "https://dialogue.example/sub/"

// seedDocs returns the repository's own documents.
func seedDocs(t testing.TB) []convert.Doc {
	t.Helper()
	docs, err := convert.Documents("../..")
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	name = filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./tools/takeaway -update rewrites it):\n%s", name, got)
	}
}

// TestGoldenSeed: the seed's citations, data and e-book text, built for
// an absolute address.
func TestGoldenSeed(t *testing.T) {
	site, err := loadSite("../..", testBase)
	if err != nil {
		t.Fatal(err)
	}
	docs := seedDocs(t)
	d := &docs[0]
	var orig *cite.Work
	for i := range d.Versions {
		v := &d.Versions[i]
		w := Work(site, d, v, orig)
		if i == 0 {
			orig = w
		}
		golden(t, "seed."+v.Lang+".bib", cite.BibTeX(w))
		golden(t, "seed."+v.Lang+".ris", cite.RIS(w))
		golden(t, "seed."+v.Lang+".json", cite.CSL(w))
		golden(t, "seed."+v.Lang+".text.xhtml", []byte(Book(site, d, v).Text()))
		golden(t, "seed."+v.Lang+".title.xhtml", epubEntry(t, Book(site, d, v), "EPUB/title.xhtml"))
	}
	data, err := docdata.Marshal(Data(site, d))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "seed.data.json", data)
}

// TestAddresses: absolute with an absolute base address; relative to the
// file otherwise, and no address in the citations.
func TestAddresses(t *testing.T) {
	docs := seedDocs(t)
	for _, c := range []struct{ base, page, bib, catalogue, citation string }{
		{testBase, testBase + "en/documents/2015-11-26-beograd-zakljucci/",
			testBase + "en/documents/2015-11-26-beograd-zakljucci/2015-11-26-beograd-zakljucci.en.bib",
			testBase + "data/2015-11-26-beograd-zakljucci.json", testBase + "en/documents/2015-11-26-beograd-zakljucci/"},
		{"/", "../en/documents/2015-11-26-beograd-zakljucci/",
			"../en/documents/2015-11-26-beograd-zakljucci/2015-11-26-beograd-zakljucci.en.bib",
			"../data/2015-11-26-beograd-zakljucci.json", ""},
	} {
		site, err := loadSite("../..", c.base)
		if err != nil {
			t.Fatal(err)
		}
		d := Data(site, &docs[0])
		en := d.Versions[2]
		if en.URL != c.page || en.Files.BibTeX != c.bib {
			t.Errorf("base %s: data addresses %s, %s", c.base, en.URL, en.Files.BibTeX)
		}
		if got := Catalogue(site, docs).Documents[0].Data; got != c.catalogue {
			t.Errorf("base %s: catalogue's data address %s, want %s", c.base, got, c.catalogue)
		}
		if got := Work(site, &docs[0], &docs[0].Versions[2], nil).URL; got != c.citation {
			t.Errorf("base %s: citation address %q, want %q", c.base, got, c.citation)
		}
	}
}

// testSite makes a site root with the repository's configuration and
// interface strings, n synthetic seeds (issued by config.toml's
// publisher) and a seed whose title and issuers hold every character the
// formats must escape.
func testSite(t testing.TB, n int) string {
	t.Helper()
	root := t.TempDir()
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg = append(cfg, "\n[params.publisher]\nsr = \"Народна скупштина Републике Србије\"\nen = \"National Assembly of the Republic of Serbia\"\n"...)
	files := map[string][]byte{"config.toml": cfg,
		"seeds/zz_tricky.txt":       []byte("Закључци {о} 100% & „квоти” \"q\" \\ #1 и\nдруги ред\nБеоград, 3. март 2016.\nЗакључци\nУчесници {су} се сложили & 100% #2:\n· прво,\n· друго.\n"),
		"seeds/zz_tricky.meta.toml": []byte("[[issuer]]\nsr = \"Одбор {А} & Б 50% #1 \\\"x\\\" \\\\ y\"\nen = \"Committee {A} & B 50% #1 \\\"x\\\" \\\\ y\"\n"),
	}
	for _, l := range []string{"sr", "sr-latn", "en"} {
		files["i18n/"+l+".toml"], err = os.ReadFile("../../i18n/" + l + ".toml")
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755)
		if err := os.WriteFile(filepath.Join(root, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := synth.Write(filepath.Join(root, "seeds"), n); err != nil {
		t.Fatal(err)
	}
	return root
}

// written builds a test site's files into a temporary folder.
func written(t *testing.T, n int, base string) (public string, docs []convert.Doc) {
	t.Helper()
	root := testSite(t, n)
	docs, err := convert.Documents(root)
	if err != nil {
		t.Fatal(err)
	}
	site, err := loadSite(root, base)
	if err != nil {
		t.Fatal(err)
	}
	public = t.TempDir()
	if err := Write(public, site, docs); err != nil {
		t.Fatal(err)
	}
	return public, docs
}

func glob(t *testing.T, public, pattern string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if ok, _ := filepath.Match(pattern, d.Name()); ok && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	return out
}

// TestSchema: every JSON file written validates against the schema.
func TestSchema(t *testing.T) {
	for _, base := range []string{testBase, "/"} {
		public, docs := written(t, 6, base)
		files := glob(t, filepath.Join(public, "data"), "*.json")
		if len(files) != len(docs)+1 {
			t.Fatalf("%d JSON files for %d documents", len(files), len(docs))
		}
		for _, f := range files {
			data, _ := os.ReadFile(f)
			if err := schemacheck.Validate(filepath.Join("..", "docdata", "schema.json"), data); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
}

// TestDeterministic: the same documents give the same bytes.
func TestDeterministic(t *testing.T) {
	a, _ := written(t, 3, testBase)
	b, _ := written(t, 3, testBase)
	for _, f := range glob(t, a, "*.*") {
		rel, _ := filepath.Rel(a, f)
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
	}
}

// TestPandoc: pandoc --citeproc renders the BibTeX and the CSL-JSON of
// every version of every document, Cyrillic and Latin, into a
// bibliography with its title, its issuers and its year.
func TestPandoc(t *testing.T) {
	extcheck.Need(t, "pandoc")
	public, docs := written(t, 6, testBase)
	site, _ := loadSite("../..", testBase)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i := range docs {
		d := &docs[i]
		for j := range d.Versions {
			v := &d.Versions[j]
			w := Work(site, d, v, nil)
			for _, ext := range []string{".bib", ".json"} {
				file := filepath.Join(public, filepath.FromSlash(site.FilePath(v.Lang, d.Slug, ext)))
				wg.Add(1)
				go func() {
					defer wg.Done()
					sem <- struct{}{}
					defer func() { <-sem }()
					got := extcheck.Normalize(extcheck.Bibliography(t, file))
					for _, want := range append([]string{w.FullTitle(), fmt.Sprint(w.Start.Year)}, w.Issuers...) {
						if !strings.Contains(got, extcheck.Normalize(want)) {
							t.Errorf("%s: the bibliography lacks %q:\n%s", filepath.Base(file), want, got)
						}
					}
				}()
			}
		}
	}
	wg.Wait()
}

// TestRISReader: citation-js reads every version's RIS with its title,
// issuers, year, language and address as written.
func TestRISReader(t *testing.T) {
	public, docs := written(t, 6, testBase)
	site, _ := loadSite("../..", testBase)
	works := map[string]*cite.Work{}
	var files []string
	for i := range docs {
		d := &docs[i]
		for j := range d.Versions {
			v := &d.Versions[j]
			file := filepath.Join(public, filepath.FromSlash(site.FilePath(v.Lang, d.Slug, ".ris")))
			works[file] = Work(site, d, v, nil)
			files = append(files, file)
		}
	}
	read := extcheck.ReadRIS(t, files...)
	if len(read) != len(files) {
		t.Fatalf("citation-js read %d files of %d", len(read), len(files))
	}
	for file, items := range read {
		w := works[file]
		if len(items) != 1 {
			t.Errorf("%s: %d records", file, len(items))
			continue
		}
		it := items[0]
		var names []string
		for _, a := range it.Author {
			names = append(names, a.Name())
		}
		if it.Title != w.FullTitle() || it.Language != w.Locale || it.URL != w.URL || it.Type != "report" ||
			strings.Join(names, "|") != strings.Join(w.Issuers, "|") || len(it.Issued.DateParts) != 1 || it.Issued.DateParts[0][0] != w.Start.Year {
			t.Errorf("%s: citation-js read %+v\nwant %+v", filepath.Base(file), it, w)
		}
	}
}

// TestEpubcheck: epubcheck finds no error and no warning in any e-book of
// the seed and of the tricky seed.
func TestEpubcheck(t *testing.T) {
	extcheck.Need(t, "epubcheck")
	public, _ := written(t, 0, testBase)
	site, _ := loadSite("../..", "/")
	if err := Write(public, site, seedDocs(t)); err != nil {
		t.Fatal(err)
	}
	books := glob(t, public, "*.epub")
	if len(books) != 5 { // the seed in three versions, the tricky seed in two
		t.Fatalf("%d e-books, want 5", len(books))
	}
	extcheck.Epubcheck(t, books...)
}

// TestGoldenTricky: every text file written for a seed whose title and
// issuers hold { } % & " \ # (and whose title is wrapped over two lines),
// and its e-books' text.
func TestGoldenTricky(t *testing.T) {
	public, docs := written(t, 0, testBase)
	for _, f := range glob(t, public, "*.*") {
		if strings.HasSuffix(f, ".epub") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "tricky."+filepath.Base(f), data)
	}
	site, _ := loadSite("../..", testBase)
	for i := range docs[0].Versions {
		v := &docs[0].Versions[i]
		golden(t, "tricky."+v.Lang+".text.xhtml", []byte(Book(site, &docs[0], v).Text()))
	}
}

// loadSite loads the site model under root, built for base.
func loadSite(root, base string) (*Site, error) {
	cfg, err := siteconfig.Load(root)
	if err != nil {
		return nil, err
	}
	return NewSite(cfg, base), nil
}

// epubEntry returns the entry name of b's EPUB.
func epubEntry(t *testing.T, b *epub.Book, name string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := epub.NewWriter().Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
