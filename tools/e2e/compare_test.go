package e2e

import (
	"cmp"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/internal/worddiff"
	"golang.org/x/net/html"
)

// isComparePage reports whether file (a path in the built site) is a
// document's parallel view.
func isComparePage(file string) bool {
	return strings.HasSuffix(file, "/compare/index.html")
}

// compareFile is where the parallel view of document version d must be:
// documents/<slug>/compare/index.html under d's language's root.
func (s *site) compareFile(d *document) string {
	return strings.TrimSuffix(s.pageFile(d), "index.html") + "compare/index.html"
}

// TestCompare checks the parallel views of the repository's site (see
// checkCompare).
func TestCompare(t *testing.T) {
	needDocuments(t)
	checkCompare(t, built)
}

// checkCompare checks, for every document of the built site s and every
// language it is published in, its parallel view (issue 17):
//   - it exists, in the language of the document page it belongs to;
//   - it has one column per version, the original first and then the
//     others in language weight order, each marked with the version's lang
//     and dir; no column is empty in any row;
//   - each column's words are, in order, its version's source (the seed,
//     its transliteration or the translation, as TestArticleText reads
//     them): title, subtitle, then every block;
//   - its rows carry the block ids of every version's content file, in
//     order; each row's link sign points at the row, and each cell's link
//     leads to the same block in its version's document page;
//   - the document page links to the parallel view beside the language
//     switch and from the about box, and each of its paragraphs to its own
//     row there; the parallel view links back to the document page.
func checkCompare(t *testing.T, s *site) {
	t.Helper()
	for _, group := range s.versions() {
		columns := slices.Clone(group)
		// The original first.
		slices.SortStableFunc(columns, func(a, b *document) int {
			return boolInt(!isOriginal(s, a)) - boolInt(!isOriginal(s, b))
		})
		for _, d := range group {
			file := s.compareFile(d)
			t.Run(file, func(t *testing.T) {
				if _, err := os.Stat(filepath.Join(s.public, filepath.FromSlash(file))); err != nil {
					t.Fatalf("no parallel view: %v", err)
				}
				p := s.page(t, file)
				if got := attrOr(first(p.doc, tag("html")), "lang"); got != p.lang.Locale || p.lang.Key != d.lang {
					t.Errorf("<html lang=%q>, want %q", got, p.lang.Locale)
				}
				checkCompareColumns(t, s, p, columns)
				checkCompareLinks(t, s, d, p)
			})
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isOriginal(s *site, d *document) bool {
	return d.lang == cmp.Or(d.fm.Params.OriginalLanguage, s.defaultLang)
}

// compareRows returns the rows of a parallel view: the heading row first,
// then one per block.
func compareRows(t *testing.T, p *page) []*html.Node {
	t.Helper()
	rows := first(p.doc, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "rows") })
	if rows == nil {
		t.Fatalf("%s: no div.rows", p.file)
	}
	var out []*html.Node
	for c := rows.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if !hasClass(c, "row") {
				t.Errorf("%s: <%s %v> among the rows", p.file, c.Data, c.Attr)
				continue
			}
			out = append(out, c)
		}
	}
	if len(out) == 0 || !hasClass(out[0], "head") {
		t.Fatalf("%s: the first row is not the heading row", p.file)
	}
	return out
}

// cells returns a row's cells: its div children, one per version.
func cells(row *html.Node) []*html.Node {
	var out []*html.Node
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "div" {
			out = append(out, c)
		}
	}
	return out
}

// notColumnText marks what a column holds besides its version's words:
// the version's name (class ver), the place-and-date line (class docinfo,
// formatted by the template) and the link signs (empty links).
func notColumnText(n *html.Node) bool {
	return hasClass(n, "version-label") || hasClass(n, "docinfo") || hasClass(n, "back-link") || hasClass(n, "block-link")
}

func checkCompareColumns(t *testing.T, s *site, p *page, columns []*document) {
	t.Helper()
	rows := compareRows(t, p)
	colWords := make([][]string, len(columns))
	var rowIDs []string
	for r, row := range rows {
		id := attrOr(row, "id")
		if r > 0 {
			rowIDs = append(rowIDs, id)
			if sign := first(row, func(n *html.Node) bool { return hasClass(n, "block-link") }); sign == nil || attrOr(sign, "href") != "#"+id || attrOr(sign, "aria-label") == "" {
				t.Errorf("%s: row %s: want a link sign to #%s with an aria-label", p.file, id, id)
			}
		}
		cs := cells(row)
		if len(cs) != len(columns) {
			t.Errorf("%s: row %q has %d cells, want one per version: %d", p.file, id, len(cs), len(columns))
			continue
		}
		for k, c := range cs {
			l, _ := s.lang(columns[k].lang)
			if attrOr(c, "lang") != l.Locale || attrOr(c, "dir") == "" {
				t.Errorf("%s: row %q column %d: lang=%q dir=%q, want lang=%q and a dir", p.file, id, k+1, attrOr(c, "lang"), attrOr(c, "dir"), l.Locale)
			}
			w := words(c, notColumnText)
			if len(w) == 0 {
				t.Errorf("%s: row %q column %d (%s) is empty", p.file, id, k+1, l.Locale)
			}
			colWords[k] = append(colWords[k], w...)
			if r == 0 {
				continue
			}
			back := first(c, func(n *html.Node) bool { return hasClass(n, "back-link") })
			if back == nil || attrOr(back, "aria-label") == "" {
				t.Errorf("%s: row %q column %d: no link back to the document with an aria-label", p.file, id, k+1)
				continue
			}
			u, err := p.resolve(attrOr(back, "href"))
			var target string
			if err == nil {
				target, err = s.fileOf(u)
			}
			if err != nil || target != s.pageFile(columns[k]) || u.Fragment != id {
				t.Errorf("%s: row %q column %d links to %q (%v), want %s#%s", p.file, id, k+1, attrOr(back, "href"), err, s.pageFile(columns[k]), id)
			}
		}
	}
	for k, d := range columns {
		if want := blockIDs(d.body); !slices.Equal(rowIDs, want) {
			t.Errorf("%s: the rows' ids %v, but %s has %v", p.file, rowIDs, d.file, want)
		}
		source, want := sourceWordsIn(t, s.root, d)
		if i, diff := worddiff.First(colWords[k], want); diff {
			t.Errorf("%s: column %d differs from %s at word %d:\n got  …%s…\n want …%s…",
				p.file, k+1, source, i, worddiff.Around(colWords[k], i), worddiff.Around(want, i))
		}
	}
}

// checkCompareLinks checks the links between document page d and its
// parallel view p, in both directions.
func checkCompareLinks(t *testing.T, s *site, d *document, p *page) {
	t.Helper()
	docFile := s.pageFile(d)
	doc := s.page(t, docFile)
	target := func(from *page, a *html.Node) (string, string) {
		u, err := from.resolve(attrOr(a, "href"))
		if err != nil {
			return "", ""
		}
		f, err := s.fileOf(u)
		if err != nil {
			return "", ""
		}
		return f, u.Fragment
	}
	switchLink := func(from *page) string {
		a := first(from.doc, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "compare-link") })
		if a == nil {
			return ""
		}
		f, _ := target(from, a)
		return f
	}
	if got := switchLink(doc); got != p.file {
		t.Errorf("%s: the link beside the language switch leads to %q, want %s", docFile, got, p.file)
	}
	if got := switchLink(p); got != docFile {
		t.Errorf("%s: the link beside the language switch leads to %q, want %s", p.file, got, docFile)
	}
	about := first(doc.doc, func(n *html.Node) bool { return hasClass(n, "about") })
	if about == nil || !slices.ContainsFunc(all(about, tag("a")), func(a *html.Node) bool { f, _ := target(doc, a); return f == p.file }) {
		t.Errorf("%s: the about box does not link to %s", docFile, p.file)
	}
	// Every paragraph of the document page links to its row.
	signs := 0
	for _, a := range all(doc.doc, func(n *html.Node) bool { return hasClass(n, "to-parallel") }) {
		signs++
		f, frag := target(doc, a)
		parent := a.Parent
		if f != p.file || frag == "" || frag != attrOr(parent, "id") || attrOr(a, "aria-label") == "" {
			t.Errorf("%s: paragraph %s's sign leads to %s#%s, want %s#%s with an aria-label", docFile, attrOr(parent, "id"), f, frag, p.file, attrOr(parent, "id"))
		}
		if first(p.doc, func(n *html.Node) bool { return attrOr(n, "id") == frag && hasClass(n, "row") }) == nil {
			t.Errorf("%s: no row %q for %s's sign", p.file, frag, docFile)
		}
	}
	if want := strings.Count(d.body, "\n{#p") + strings.Count(d.body, " {#b") + strings.Count(d.body, " {#n"); signs == 0 || signs < want {
		t.Errorf("%s: %d signs to the parallel view, want one on every paragraph and list item (%d)", docFile, signs, want)
	}
}

// TestCompareFixtureLanguage adds a fourth language the way the README
// tells an editor to (a [languages.fr] table in config.toml, i18n/fr.toml,
// a translation seeds/<id>.fr.md), with no change to Go code or
// templates, to a copy of the site with two more synthetic seeds, one of
// them with no translation at all: every parallel view passes
// checkCompare, the fixture language gets its column, and the document
// without a translation has two columns.
func TestCompareFixtureLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site with Hugo")
	}
	dir, root := siteCopy(t, true)
	config, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	config = append(config, `
[languages.fr]
  locale = "fr"
  label = "Français"
  direction = "ltr"
  weight = 4
  title = "Dialogue parlementaire régional"
`...)
	writeTestFile(t, filepath.Join(root, "config.toml"), config)
	en, err := os.ReadFile(filepath.Join(root, "i18n", "en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(root, "i18n", "fr.toml"), en)
	translations, _ := filepath.Glob(filepath.Join(root, "seeds", "*.en.md"))
	if len(translations) == 0 {
		t.Fatal("no English translation to start from")
	}
	data, err := os.ReadFile(translations[0])
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, strings.TrimSuffix(translations[0], ".en.md")+".fr.md", []byte(strings.Replace(string(data), "title: ", "title: (FR) ", 1)))
	// A seed with no translation: the seed itself under another name.
	seeds, _ := filepath.Glob(filepath.Join(root, "seeds", "*.txt"))
	seed, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(root, "seeds", "001_untranslated.txt"), []byte(strings.Replace(string(seed), "2015", "2016", -1)))

	fixture := buildCopy(t, dir, root)
	checkCompare(t, fixture)

	columns := map[int]int{} // number of columns: number of parallel views
	for _, d := range fixture.docs {
		p := fixture.page(t, fixture.compareFile(d))
		rows := compareRows(t, p)
		columns[len(cells(rows[0]))]++
		if d.lang == "fr" && first(rows[0], func(n *html.Node) bool { return attrOr(n, "lang") == "fr" }) == nil {
			t.Errorf("%s: no French column", p.file)
		}
	}
	// The seed's document in four languages, four columns each; the
	// untranslated one in two.
	if want := map[int]int{4: 4, 2: 2}; !maps.Equal(columns, want) {
		t.Errorf("parallel views by number of columns: %v, want %v", columns, want)
	}
	if _, err := os.Stat(filepath.Join(fixture.public, "fr", "documents")); err != nil {
		t.Error(err)
	}
}

func writeTestFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
