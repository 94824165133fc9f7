package epub

import (
	"archive/zip"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/extcheck"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tricky is a book whose strings hold what XHTML must escape and a line
// break in its title.
func tricky() *Book {
	return &Book{
		Name: "tricky.en", Locale: "en",
		Title: "Conclusions {on} 100% & \"quotas\" <b> \\ #1\nsecond line", Subtitle: "responses & more",
		Issuers:   []string{"Committee <A&B>", "Centre (DCAF)"},
		PlaceDate: "Belgrade, 26–27 November 2015", Date: "2015-11-26",
		Modified: time.Date(2015, 11, 26, 0, 0, 0, 0, time.UTC),
		URL:      "https://dialogue.example/sub/en/documents/tricky/?a=1&b=2",
		Doc: &document.Document{Blocks: []document.Block{
			{Kind: document.Heading, ID: "s1", Text: "Conclusions"},
			{Kind: document.Paragraph, ID: "p1", Text: "The participants agreed <that> 5 > 3 & \"so on\":"},
			{Kind: document.BulletList, Items: []document.Item{{ID: "b1", Text: "first,"}, {ID: "b2", Text: "second."}}},
			{Kind: document.NumberedList, Start: 3, Items: []document.Item{{ID: "n1", Text: "third:", Items: []document.Item{
				{ID: "n1a", Text: "a) between border services,"}, {ID: "n1b", Text: "b) between <police> forces;"}}}}},
		}},
		About: About{
			Heading: "About this document", Notice: "Unofficial translation:",
			Original: &Link{Title: "Закључци & остало", Locale: "sr-Cyrl-RS", URL: "https://dialogue.example/sub/documents/tricky/"},
			Facts:    []Fact{{Term: "Type", Desc: "Conclusions"}, {Term: "SHA-256", Desc: "681c", Code: true}},
		},
		Labels: Labels{Contents: "Contents", TitlePage: "Title page"},
	}
}

func TestGoldenText(t *testing.T) {
	b := tricky()
	for _, f := range b.files()[3:6] {
		name := filepath.Join("testdata", "tricky."+strings.TrimPrefix(f.name, "EPUB/"))
		if *update {
			os.WriteFile(name, []byte(f.body), 0o644)
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if f.body != string(want) {
			t.Errorf("%s differs (go test ./tools/epub -update rewrites it):\n%s", name, f.body)
		}
	}
}

// TestContainer: the same book gives the same bytes, and the archive
// starts with the stored mimetype entry, without an extra field.
func TestContainer(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, tricky()); err != nil {
		t.Fatal(err)
	}
	Write(&b, tricky())
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes differ")
	}
	if !bytes.HasPrefix(a.Bytes()[30:], []byte("mimetypeapplication/epub+zip")) {
		t.Errorf("the archive does not start with the stored mimetype: %q", a.Bytes()[:60])
	}
	r, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(2015, 11, 26, 0, 0, 0, 0, time.UTC)) && f.Modified.Format("2006-01-02 15:04:05") != "2015-11-26 00:00:00" {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
	}
	if got := strings.Join(names, " "); got != "mimetype META-INF/container.xml EPUB/package.opf EPUB/nav.xhtml EPUB/title.xhtml EPUB/text.xhtml EPUB/book.css" {
		t.Errorf("entries %s", got)
	}
}

func TestEpubcheck(t *testing.T) {
	f := filepath.Join(t.TempDir(), "tricky.epub")
	var b bytes.Buffer
	if err := Write(&b, tricky()); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f, b.Bytes(), 0o644)
	extcheck.Epubcheck(t, f)
}
