package cite

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/extcheck"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tricky is a Cyrillic original and its English translation whose titles
// hold every character BibTeX, RIS or JSON might mangle, and a line break.
func tricky() (orig, tr *Work) {
	orig = &Work{
		Key:     "tricky-sr",
		Issuers: []string{"Одбор за одбрану и унутрашње послове", "Центар {DCAF} & партнери"},
		Title:   "Закључци {о} 100% & \"квоти\" \\ #1\nдруги ред", Subtitle: "одговори $_^~",
		Type: "Закључци", Event: "Дијалог #2", Place: "Београд",
		Start: document.Date{Year: 2015, Month: 11, Day: 26}, End: document.Date{Year: 2015, Month: 11, Day: 27},
		Locale: "sr-Cyrl-RS", URL: "https://dialogue.example/sub/documents/tricky/",
		Reference: "06-2/15", PublicationURL: "https://www.parlament.gov.rs/a%20b",
	}
	tr = &Work{
		Key:     "tricky-en",
		Issuers: []string{"Defence and Internal Affairs Committee", "Centre {DCAF} & partners"},
		Title:   "Conclusions {on} 100% & \"quotas\" \\ #1\nsecond line", Subtitle: "responses $_^~",
		Type: "Conclusions", Event: "Dialogue #2", Place: "Belgrade",
		Start: orig.Start, End: orig.End, Locale: "en",
		URL:       "https://dialogue.example/sub/en/documents/tricky/",
		Reference: orig.Reference, PublicationURL: orig.PublicationURL, Original: orig,
	}
	return orig, tr
}

// formats are the writers, by the extension of their files.
var formats = []struct {
	ext   string
	write func(*Work) []byte
}{{".bib", BibTeX}, {".ris", RIS}, {".json", CSL}}

func TestGolden(t *testing.T) {
	orig, tr := tricky()
	for _, w := range []*Work{orig, tr} {
		for _, f := range formats {
			name := filepath.Join("testdata", w.Key+f.ext)
			got := f.write(w)
			if *update {
				if err := os.WriteFile(name, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs (go test ./tools/cite -update rewrites it):\n%s", name, got)
			}
		}
	}
}

func TestTexEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Одбор", "Одбор"},
		{`{a} 50% & b # c $ d _ e`, `\{a\} 50\% \& b \# c \$ d \_ e`},
		{`a\b ^ ~`, `a\textbackslash{}b \textasciicircum{} \textasciitilde{}`},
		{"\"quoted\"", "\"quoted\""},
		{"line\nbreak\r\nand\ttab", "line break and tab"},
	} {
		if got := texEscape(c.in); got != c.want {
			t.Errorf("texEscape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPandoc: pandoc --citeproc reads the BibTeX and the CSL-JSON of both
// versions and renders each into a bibliography with the title, every
// issuer and the year, the characters of the titles as they were written.
func TestPandoc(t *testing.T) {
	extcheck.Need(t, "pandoc")
	dir := t.TempDir()
	orig, tr := tricky()
	for _, w := range []*Work{orig, tr} {
		for _, f := range []struct {
			ext   string
			write func(*Work) []byte
		}{{".bib", BibTeX}, {".json", CSL}} {
			file := filepath.Join(dir, w.Key+f.ext)
			if err := os.WriteFile(file, f.write(w), 0o644); err != nil {
				t.Fatal(err)
			}
			got := extcheck.Normalize(extcheck.Bibliography(t, file))
			for _, want := range append([]string{oneLine(w.FullTitle()), "2015"}, w.Issuers...) {
				if !strings.Contains(got, extcheck.Normalize(want)) {
					t.Errorf("%s: the bibliography lacks %q:\n%s", w.Key+f.ext, want, got)
				}
			}
		}
	}
}

// TestRISReader: citation-js, an independent RIS reader, reads every field
// back as written.
func TestRISReader(t *testing.T) {
	dir := t.TempDir()
	orig, tr := tricky()
	works := map[string]*Work{}
	var files []string
	for _, w := range []*Work{orig, tr} {
		file := filepath.Join(dir, w.Key+".ris")
		os.WriteFile(file, RIS(w), 0o644)
		works[file] = w
		files = append(files, file)
	}
	read := extcheck.ReadRIS(t, files...)
	for file, w := range works {
		items := read[file]
		if len(items) != 1 {
			t.Fatalf("%s: %d items", file, len(items))
		}
		CompareRIS(t, file, items[0], w)
	}
}

// CompareRIS checks that citation-js read w's fields from file as written.
func CompareRIS(t *testing.T, file string, got extcheck.RISItem, w *Work) {
	t.Helper()
	var names []string
	for _, a := range got.Author {
		names = append(names, a.Name())
	}
	if y := got.Issued.DateParts; len(y) != 1 || !reflect.DeepEqual(y[0], []int{w.Start.Year, int(w.Start.Month), w.Start.Day}) {
		t.Errorf("%s: issued %v, want %s", file, y, w.Start)
	}
	want := extcheck.RISItem{ID: w.Key, Type: "report", Title: oneLine(w.FullTitle()), Language: w.Locale, URL: w.URL,
		PublisherPlace: w.Place, Genre: w.Type, Event: w.Event, Note: oneLine(w.relation())}
	got.Author, want.Issued = nil, got.Issued
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: citation-js read\n%+v\nwant\n%+v", file, got, want)
	}
	if strings.Join(names, "|") != strings.Join(w.Issuers, "|") {
		t.Errorf("%s: authors %q, want %q", file, names, w.Issuers)
	}
}
