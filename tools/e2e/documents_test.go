package e2e

import (
	"bytes"
	"cmp"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	model "github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/worddiff"
	"github.com/regionaldialogue/site/tools/seedparse"
	"github.com/regionaldialogue/site/tools/translation"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/net/html"
)

// TestDocumentPages: every document in content/documents has its page in
// each of its languages, and every address on the site is readable ASCII.
func TestDocumentPages(t *testing.T) {
	needDocuments(t)
	for _, d := range built.docs {
		if _, ok := built.lang(d.lang); !ok {
			t.Errorf("%s: language %q is not in config.toml", d.file, d.lang)
			continue
		}
		file := built.pageFile(d)
		if _, err := built.fileOf(built.urlOf(file)); err != nil {
			t.Errorf("%s: no page: %v", d.file, err)
		}
	}
	for key, versions := range built.versions() {
		if versions[0].lang != built.defaultLang {
			t.Errorf("document %s has no version in the original language %s", key, built.defaultLang)
		}
	}

	err := filepath.WalkDir(built.public, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(built.public, p)
		for _, r := range rel {
			if r >= utf8.RuneSelf || r == '%' || r == ' ' {
				t.Errorf("address %q is not plain ASCII", filepath.ToSlash(rel))
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// notDocumentText marks what an article holds besides the document's own
// words: the link signs after each block (class block-link, empty links named by an
// aria-label) and the place-and-date line (class docinfo), which the
// template formats for the language.
func notDocumentText(n *html.Node) bool {
	return hasClass(n, "block-link") || hasClass(n, "docinfo")
}

// TestArticleText: the words of each document page's <article> are, in
// order, the words of
//   - its source: the seed as the converter's parser reads it (the
//     original), its transliteration (sr-latn), or the translation file
//     read against the original (en): title, subtitle, then every block;
//   - its content file: title, subtitle, then the Markdown body rendered
//     with goldmark (this one tells a template's fault from the converter's).
func TestArticleText(t *testing.T) {
	needDocuments(t)
	for _, d := range built.docs {
		t.Run(d.file, func(t *testing.T) {
			p := built.page(t, built.pageFile(d))
			articles := all(p.doc, tag("article"))
			if len(articles) != 1 {
				t.Fatalf("%s: %d <article> elements, want 1", p.file, len(articles))
			}
			article := articles[0]

			// What the test leaves out must not hide any of the document's words.
			for _, a := range all(article, func(n *html.Node) bool { return hasClass(n, "block-link") }) {
				if w := words(a, nil); len(w) > 0 || attrOr(a, "aria-label") == "" {
					t.Errorf("%s: link sign %v has text %q or no aria-label", p.file, a.Attr, w)
				}
			}
			info := all(article, func(n *html.Node) bool { return hasClass(n, "docinfo") })
			if len(info) != 1 || !strings.Contains(strings.Join(words(info[0], nil), " "), d.fm.Params.Place) {
				t.Errorf("%s: want one place-and-date line naming %q, found %d", p.file, d.fm.Params.Place, len(info))
			}

			got := words(article, notDocumentText)
			source, sourceWords := sourceWords(t, d)
			var content []string
			content = append(content, strings.Fields(d.fm.Title)...)
			content = append(content, strings.Fields(d.fm.Params.Subtitle)...)
			content = append(content, markdownWords(t, d.body)...)
			for _, want := range []struct {
				file  string
				words []string
			}{{source, sourceWords}, {d.file, content}} {
				if i, diff := worddiff.First(got, want.words); diff {
					t.Errorf("%s: the article's text differs from %s at word %d:\n got  …%s…\n want …%s…",
						p.file, want.file, i, worddiff.Around(got, i), worddiff.Around(want.words, i))
				}
			}
		})
	}
}

// sourceWords reads the document version d was generated from, with the
// converter's own packages, and returns the name of its source file and
// its words: title, subtitle, then each block's text (the document type
// heading is the first block).
func sourceWords(t *testing.T, d *document) (string, []string) {
	t.Helper()
	return sourceWordsIn(t, built.root, d)
}

// sourceWordsIn is sourceWords for a document of the site whose sources
// are in root.
func sourceWordsIn(t *testing.T, root string, d *document) (string, []string) {
	t.Helper()
	seed := path.Join("seeds", d.fm.Params.Source)
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(seed)))
	if err != nil {
		t.Fatalf("%s: its source: %v", d.file, err)
	}
	doc, err := seedparse.Parse(seed, data)
	if err != nil {
		t.Fatal(err)
	}
	source := seed
	switch {
	case d.lang == cmp.Or(d.fm.Params.OriginalLanguage, built.defaultLang):
	case d.fm.Params.Transliterated && d.fm.Params.OriginalLanguage == "sr-latn":
		doc = model.ToCyrillic(doc)
		source = seed + " transliterated"
	case d.fm.Params.Transliterated:
		doc, _ = model.ToLatin(doc, seed)
		source = seed + " transliterated"
	default:
		source = strings.TrimSuffix(seed, path.Ext(seed)) + "." + d.lang + ".md"
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(source)))
		if err != nil {
			t.Fatalf("%s: its translation: %v", d.file, err)
		}
		if doc, err = translation.Read(source, data, doc, seed); err != nil {
			t.Fatal(err)
		}
	}
	var w []string
	w = append(w, strings.Fields(doc.Title)...)
	w = append(w, strings.Fields(doc.Subtitle)...)
	for _, b := range doc.Blocks {
		w = append(w, strings.Fields(b.Text)...)
		for _, item := range b.Items {
			w = append(w, strings.Fields(item.Text)...)
			for _, sub := range item.Items {
				w = append(w, strings.Fields(sub.Text)...)
			}
		}
	}
	return source, w
}

// markdownWords renders a converter-written Markdown body with goldmark
// and returns its words. Block attribute lines ({#p1}), which Hugo turns
// into ids, are removed first: goldmark alone reads attributes only on
// headings.
func markdownWords(t *testing.T, body string) []string {
	t.Helper()
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough,
			extension.DefinitionList, extension.Footnote, extension.TaskList),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	var out bytes.Buffer
	if err := md.Convert([]byte(blockIDLine.ReplaceAllString(body, "")), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	return words(doc, nil)
}

// blockIDs are the ids a content file gives its blocks, in order: {#s1}
// after a heading, {#p1} under a paragraph or list item.
func blockIDs(body string) []string {
	var ids []string
	for _, m := range anyID.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// articleIDs are the ids inside a page's article, in order.
func articleIDs(p *page) []string {
	var ids []string
	if article := first(p.doc, tag("article")); article != nil {
		for _, n := range all(article, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
			ids = append(ids, attrOr(n, "id"))
		}
	}
	return ids
}

// TestIDs: on every page each id is unique and every fragment link lands
// on an existing id; each document page carries exactly its content file's
// block ids, so every version of a document has the same ones.
func TestIDs(t *testing.T) {
	for _, file := range built.htmlFiles(t) {
		p := built.page(t, file)
		seen := map[string]bool{}
		for _, n := range all(p.doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
			id := attrOr(n, "id")
			if id == "" || strings.ContainsAny(id, " \t\n") {
				t.Errorf("%s: <%s> has an invalid id %q", file, n.Data, id)
			}
			if seen[id] {
				t.Errorf("%s: id %q is used more than once", file, id)
			}
			seen[id] = true
		}
		for _, a := range all(p.doc, func(n *html.Node) bool { return n.Data == "a" || n.Data == "area" }) {
			href, ok := attr(a, "href")
			if !ok {
				continue
			}
			u, err := p.resolve(href)
			if err != nil {
				t.Errorf("%s: bad href %q: %v", file, href, err)
				continue
			}
			if u.Fragment == "" || u.Host != built.base.Host {
				continue
			}
			target, err := built.fileOf(u)
			if err != nil {
				t.Errorf("%s: link %q: %v", file, href, err)
				continue
			}
			if !slices.Contains(pageIDs(built.page(t, target)), u.Fragment) {
				t.Errorf("%s: link %q: %s has no id %q", file, href, target, u.Fragment)
			}
		}
	}

	needDocuments(t)
	for key, versions := range built.versions() {
		for _, d := range versions {
			want := blockIDs(d.body)
			if len(want) == 0 {
				t.Errorf("%s: no block ids", d.file)
			}
			if d != versions[0] && !slices.Equal(want, blockIDs(versions[0].body)) {
				t.Errorf("document %s: %s and %s have different block ids", key, d.file, versions[0].file)
			}
			got := articleIDs(built.page(t, built.pageFile(d)))
			if !slices.Equal(got, want) {
				t.Errorf("%s: article ids %v, want %v from %s", built.pageFile(d), got, want, d.file)
			}
		}
	}
}

func pageIDs(p *page) []string {
	var ids []string
	for _, n := range all(p.doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
		ids = append(ids, attrOr(n, "id"))
	}
	return ids
}
