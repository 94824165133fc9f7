package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
	"github.com/regionaldialogue/site/tools/publish"
	"github.com/regionaldialogue/site/tools/siteconfig"
)

// outputCases are the converter's golden cases whose seeds, together with
// the repository's, hold every structure the parser knows: headings,
// paragraphs, numbered items with lettered and dashed sub-items,
// bulleted items, footnote markers, a title on several lines, a
// subtitle, a Latin-script original and translations.
var outputCases = []string{"08-cross-year-long-subtitle", "12-latin-original", "13-structure-guesses", "17-lists-in-a-row"}

// TestEveryOutputHoldsEveryLine builds the site with every output (the
// one build tools/site runs) from those seeds, and checks, for every
// document and version, that what a reader sees in each output holds
// the version's title, subtitle, place and dates (one wording) and every
// passage's text, in order: the page's article, the version's column in
// the parallel view, its record in the data JSON, its EPUB's XHTML and
// its search record.
func TestEveryOutputHoldsEveryLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of its own")
	}
	root := t.TempDir()
	for _, name := range sitecopy.Sources {
		if err := sitecopy.CopyTree(filepath.Join(built.root, name), filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range outputCases {
		ar, err := txtar.ParseFile(filepath.Join(built.root, "tools", "convert", "testdata", "golden", c+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasPrefix(f.Name, "seeds/") {
				if err := os.WriteFile(filepath.Join(root, f.Name), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	sum, err := publish.Build(ctx, publish.Options{Root: root, BaseURL: testBaseURL})
	if err != nil {
		t.Fatal(err)
	}
	site, err := siteconfig.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	public := sum.Public
	subItems, latin := 0, 0
	for _, d := range sum.Convert.Docs {
		data := readData(t, filepath.Join(public, "data", d.Slug+".json"))
		for _, v := range d.Versions {
			name := d.ID + "." + v.Lang
			heading := []string{v.Doc.Title}
			if v.Doc.Subtitle != "" {
				heading = append(heading, v.Doc.Subtitle)
			}
			var text []string
			for n := range v.Doc.Passages() {
				text = append(text, n.Text)
				if n.Depth == 2 {
					subItems++
				}
			}
			lines := slices.Concat(heading, []string{v.Wording.PlaceDates}, text)
			if v.OriginalLang == convert.LatinLang {
				latin++
			}
			dir := filepath.Join(public, filepath.FromSlash(site.Prefix(v.Lang)), "documents", d.Slug)
			locale := site.Locale(v.Lang)

			page := parseHTML(t, filepath.Join(dir, "index.html"))
			inOrder(t, name+": the page", visible(first(page, func(n *html.Node) bool { return hasClass(n, "doc") })), lines)

			// The parallel view in every interface language holds the
			// version's column.
			for _, ui := range d.Versions {
				view := parseHTML(t, filepath.Join(public, filepath.FromSlash(site.Prefix(ui.Lang)), "documents", d.Slug, "compare", "index.html"))
				var col strings.Builder
				for _, cell := range all(first(view, func(n *html.Node) bool { return hasClass(n, "rows") }), func(n *html.Node) bool { return attrOr(n, "lang") == locale }) {
					col.WriteString(visible(cell) + " ")
				}
				inOrder(t, fmt.Sprintf("%s: its column in the parallel view in %s", name, ui.Lang), col.String(), lines)
			}

			dv, ok := data[v.Lang]
			if !ok {
				t.Errorf("%s: no version in data/%s.json", name, d.Slug)
			}
			inOrder(t, name+": the data JSON", dv, lines)

			book := filepath.Join(dir, d.Slug+"."+v.Lang+".epub")
			inOrder(t, name+": the EPUB", epubText(t, book, "EPUB/title.xhtml")+" "+epubText(t, book, "EPUB/text.xhtml"), lines)

			inOrder(t, name+": the search record", searchRecord(t, filepath.Join(public, filepath.FromSlash(site.Prefix(v.Lang)), "search", "d"), d.Slug), slices.Concat([]string{v.Wording.TypePlaceDates}, heading, text))
		}
	}
	if subItems == 0 || latin == 0 {
		t.Errorf("the cases hold %d sub-items and %d Latin-script originals: they no longer cover every structure", subItems, latin)
	}
}

// inOrder checks that text holds every line, collapsed to single spaces,
// each after the one before.
func inOrder(t *testing.T, what, text string, lines []string) {
	t.Helper()
	text = strings.Join(strings.Fields(text), " ")
	at := 0
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		i := strings.Index(text[at:], l)
		if i < 0 {
			if strings.Contains(text, l) {
				t.Errorf("%s: %q is out of order", what, l)
			} else {
				t.Errorf("%s: %q is missing", what, l)
			}
			continue
		}
		at += i + len(l)
	}
	for _, m := range []string{"{{", "%!", "<no value>"} {
		if strings.Contains(text, m) {
			t.Errorf("%s: shows %q", what, m)
		}
	}
}

func parseHTML(t *testing.T, file string) *html.Node {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// visible is the text a reader sees under n, words separated by spaces.
func visible(n *html.Node) string {
	if n == nil {
		return ""
	}
	return strings.Join(words(n, nil), " ")
}

// readData returns each version's text in a document's data JSON, by
// language key: title, subtitle, place and dates, then every block.
func readData(t *testing.T, file string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Versions []struct {
			Lang, Title, Subtitle, PlaceDates string
			Blocks                            []struct{ ID, Text string }
		}
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	out := map[string]string{}
	for _, v := range d.Versions {
		s := []string{v.Title, v.Subtitle, v.PlaceDates}
		for _, b := range v.Blocks {
			s = append(s, b.Text)
		}
		out[v.Lang] = strings.Join(s, " ")
	}
	return out
}

func epubText(t *testing.T, file, entry string) string {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	r, err := z.Open(entry)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return visible(first(doc, tag("body")))
}

var searchDoc = regexp.MustCompile(`(?s)^searchDoc\(\d+,(.*)\)\s*;?\s*$`)

// searchRecord returns what a search result shows of the document slug
// in the search index's documents under dir: its wording, title,
// subtitle and every block's text.
func searchRecord(t *testing.T, dir, slug string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.js"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := searchDoc.FindSubmatch(raw)
		if m == nil {
			t.Fatalf("%s: not a searchDoc(n, {…}) call", f)
		}
		var d struct {
			S, T, U, W string
			B          [][2]string
		}
		if err := json.Unmarshal(m[1], &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if d.S != slug {
			continue
		}
		s := []string{d.W, d.T, d.U}
		for _, b := range d.B {
			s = append(s, b[1])
		}
		return strings.Join(s, " ")
	}
	t.Errorf("%s: no record of %s", dir, slug)
	return ""
}
