// Package epub writes one language version of a document as an EPUB 3
// book that e-readers and phones open: a title page with the place and
// date and the page's about box, the full text with the same structure and
// block ids as the web page (so #p5 names the same passage in both), and a
// navigation document. dc:language is the version's locale. No fonts are
// embedded: readers use their own.
//
// The bytes are deterministic: the entries are always the same, in the
// same order, with the same fixed time; the mimetype entry is first and
// stored, with no extra field, as the EPUB container requires.
package epub

import (
	"archive/zip"
	"compress/flate"
	"crypto/sha1"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/ziptime"
)

// Book is what goes into the EPUB, every visible string already in the
// version's language.
type Book struct {
	Name      string // a name unique to this document and version, for the identifier
	Locale    string // BCP 47, e.g. "sr-Cyrl-RS": dc:language and every lang
	Title     string
	Subtitle  string
	Issuers   []string
	PlaceDate string             // the place and the dates as the page writes them
	Date      string             // the document's date, YYYY-MM-DD
	Modified  time.Time          // the fixed time of the entries and dcterms:modified
	URL       string             // the web page's absolute address, or ""
	Doc       *document.Document // the text: its body, through Walk
	About     About
	Labels    Labels
}

// About is the page's about box.
type About struct {
	Heading  string
	Notice   string
	Original *Link // the original, for a translation or a transliteration
	Facts    []Fact
}

// Link names another version.
type Link struct{ Title, Locale, URL string }

// Fact is one term and its description.
type Fact struct {
	Term, Desc string
	Code       bool // the description is a file name or a hash
}

// Labels are the book's own words.
type Labels struct {
	Contents  string // the navigation's heading
	TitlePage string // the title page's entry in it
}

// Identifier returns the book's dc:identifier: a name-based UUID (version
// 5) of b.Name, so that the same document and version keep it.
func (b *Book) Identifier() string {
	h := sha1.Sum([]byte("regionaldialogue:" + b.Name))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// level is the deflate level of the book's entries (but the mimetype).
const level = flate.DefaultCompression

// A Writer writes books, reusing one compressor from book to book; it
// is for one goroutine at a time.
type Writer struct{ fw *flate.Writer }

// NewWriter returns a Writer.
func NewWriter() *Writer {
	fw, err := flate.NewWriter(io.Discard, level)
	if err != nil {
		panic(err) // only for a level out of range
	}
	return &Writer{fw: fw}
}

// Write writes b as an EPUB to w.
func (ew *Writer) Write(w io.Writer, b *Book) error {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		ew.fw.Reset(out)
		return ew.fw, nil
	})
	date, clock := ziptime.DOS(b.Modified)
	for i, f := range b.files() {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, ModifiedDate: date, ModifiedTime: clock}
		if i == 0 {
			h.Method = zip.Store // the mimetype: first, stored
		}
		fw, err := z.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return err
		}
	}
	return z.Close()
}

// Write writes b as an EPUB to w, with a Writer of its own.
func Write(w io.Writer, b *Book) error { return NewWriter().Write(w, b) }

type file struct{ name, body string }

// The book's files, in the order of the archive.
func (b *Book) files() []file {
	return []file{
		{"mimetype", "application/epub+zip"},
		{"META-INF/container.xml", container},
		{"EPUB/package.opf", b.packageDoc()},
		{"EPUB/nav.xhtml", b.nav()},
		{"EPUB/title.xhtml", b.titlePage()},
		{"EPUB/text.xhtml", b.Text()},
		{"EPUB/book.css", css},
	}
}

const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`

// css is the book's only style: lists of passages keep their ids on
// paragraphs, whose margins the list items need not double.
const css = `li p { margin: 0.3em 0; }
.placedate, .issuers { font-style: italic; }
code { overflow-wrap: anywhere; }
`

var esc = html.EscapeString

func (b *Book) packageDoc() string {
	var s strings.Builder
	fmt.Fprintf(&s, `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="%s">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">%s</dc:identifier>
<dc:title>%s</dc:title>
<dc:language>%s</dc:language>
`, esc(b.Locale), b.Identifier(), esc(oneLine(b.fullTitle())), esc(b.Locale))
	for _, is := range b.Issuers {
		fmt.Fprintf(&s, "<dc:creator>%s</dc:creator>\n", esc(is))
	}
	fmt.Fprintf(&s, "<dc:date>%s</dc:date>\n", b.Date)
	if b.URL != "" {
		fmt.Fprintf(&s, "<dc:source>%s</dc:source>\n", esc(b.URL))
	}
	fmt.Fprintf(&s, `<meta property="dcterms:modified">%s</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
<item id="text" href="text.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="book.css" media-type="text/css"/>
</manifest>
<spine>
<itemref idref="title"/>
<itemref idref="text"/>
</spine>
</package>
`, b.Modified.UTC().Format("2006-01-02T15:04:05Z"))
	return s.String()
}

func (b *Book) fullTitle() string {
	if b.Subtitle == "" {
		return b.Title
	}
	return b.Title + ": " + b.Subtitle
}

// head opens an XHTML document titled title.
func (b *Book) head(s *strings.Builder, title string) {
	fmt.Fprintf(s, `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%[1]s" xml:lang="%[1]s">
<head>
<meta charset="UTF-8"/>
<title>%[2]s</title>
<link rel="stylesheet" href="book.css"/>
</head>
`, esc(b.Locale), esc(oneLine(title)))
}

func (b *Book) nav() string {
	var s strings.Builder
	b.head(&s, b.Labels.Contents)
	fmt.Fprintf(&s, "<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>%s</h1>\n<ol>\n<li><a href=\"title.xhtml\">%s</a></li>\n", esc(b.Labels.Contents), esc(b.Labels.TitlePage))
	for n := range b.Doc.Passages() {
		if n.Kind == document.Heading {
			fmt.Fprintf(&s, "<li><a href=\"text.xhtml#%s\">%s</a></li>\n", n.ID, esc(n.Text))
		}
	}
	s.WriteString("</ol>\n</nav>\n</body>\n</html>\n")
	return s.String()
}

func (b *Book) titlePage() string {
	var s strings.Builder
	b.head(&s, b.Title)
	s.WriteString("<body>\n<section epub:type=\"titlepage\">\n")
	fmt.Fprintf(&s, "<h1>%s</h1>\n", lines(b.Title))
	if b.Subtitle != "" {
		fmt.Fprintf(&s, "<p class=\"subtitle\">%s</p>\n", lines(b.Subtitle))
	}
	if len(b.Issuers) > 0 {
		fmt.Fprintf(&s, "<p class=\"issuers\">%s</p>\n", esc(strings.Join(b.Issuers, "; ")))
	}
	fmt.Fprintf(&s, "<p class=\"placedate\">%s</p>\n</section>\n", esc(b.PlaceDate))
	a := b.About
	fmt.Fprintf(&s, "<section>\n<h2>%s</h2>\n<p>%s", esc(a.Heading), esc(a.Notice))
	if o := a.Original; o != nil {
		if o.URL != "" {
			fmt.Fprintf(&s, ` <a href="%s" hreflang="%s" lang="%[2]s" xml:lang="%[2]s">%s</a>`, esc(o.URL), esc(o.Locale), lines(o.Title))
		} else {
			fmt.Fprintf(&s, ` <span lang="%s" xml:lang="%[1]s">%s</span>`, esc(o.Locale), lines(o.Title))
		}
	}
	s.WriteString("</p>\n<dl>\n")
	for _, f := range a.Facts {
		desc := esc(f.Desc)
		if f.Code {
			desc = "<code>" + desc + "</code>"
		}
		fmt.Fprintf(&s, "<dt>%s</dt><dd>%s</dd>\n", esc(f.Term), desc)
	}
	s.WriteString("</dl>\n</section>\n</body>\n</html>\n")
	return s.String()
}

// Text returns the XHTML of the book's text: every block, with its id.
func (b *Book) Text() string {
	var s strings.Builder
	b.head(&s, b.Title)
	s.WriteString("<body>\n<section epub:type=\"bodymatter\">\n")
	b.Doc.Walk(func(n document.Node, entering bool) {
		switch {
		case n.Kind == document.Heading:
			fmt.Fprintf(&s, "<h2 id=\"%s\">%s</h2>\n", n.ID, esc(n.Text))
		case n.Kind == document.Paragraph:
			fmt.Fprintf(&s, "<p id=\"%s\">%s</p>\n", n.ID, esc(n.Text))
		case n.Kind == document.ListItem && entering:
			fmt.Fprintf(&s, "<li><p id=\"%s\">%s</p>", n.ID, esc(n.Text))
		case n.Kind == document.ListItem:
			s.WriteString("</li>\n")
		case !entering && n.Kind == document.NumberedList:
			s.WriteString("</ol>\n")
		case !entering:
			s.WriteString("</ul>\n")
		case n.Kind == document.NumberedList && n.Number > 1:
			fmt.Fprintf(&s, "<ol start=\"%d\">\n", n.Number)
		case n.Kind == document.NumberedList:
			s.WriteString("<ol>\n")
		case n.Depth > 0: // a sub-list, inside its item's <li>
			s.WriteString("\n<ul>\n")
		default:
			s.WriteString("<ul>\n")
		}
	})
	s.WriteString("</section>\n</body>\n</html>\n")
	return s.String()
}

// lines escapes s, its line breaks as <br/>.
func lines(s string) string {
	parts := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, p := range parts {
		parts[i] = esc(p)
	}
	return strings.Join(parts, "<br/>")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
