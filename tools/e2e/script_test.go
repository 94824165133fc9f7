package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/regionaldialogue/site/tools/convert"
	docmodel "github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/worddiff"
	"github.com/regionaldialogue/site/tools/seedparse"
	"github.com/regionaldialogue/site/tools/translit"
	"golang.org/x/net/html"
)

// TestLatinOriginal builds a copy of the site whose one seed is the real
// seed in Serbian Latin script, with its English translation, and checks
// that the Latin page is the original and the Cyrillic one its
// transliteration:
//   - the sr-latn page's article is the seed, word for word; the sr page's
//     is translit.ToCyrillic of it; neither holds a word of the other
//     script that the seed does not hold as written (DCAF);
//   - each page's <html lang> is its language's locale;
//   - the about box of the sr-latn page says it is the original, in Latin
//     script, and links nowhere; those of the sr and en pages say the
//     original is in Latin script and link to the sr-latn page; the JSON-LD
//     of the sr and en pages names it as translationOfWork.
func TestLatinOriginal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site with Hugo")
	}
	dir, root := siteCopy(t, false)
	const id = "000_1dc8ae94338e037f"
	cyr, err := os.ReadFile(filepath.Join(built.root, "seeds", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	en, err := os.ReadFile(filepath.Join(built.root, "seeds", id+".en.md"))
	if err != nil {
		t.Fatal(err)
	}
	latin, _ := translit.ToLatin(string(cyr))
	writeFile(t, filepath.Join(root, "seeds", id+".txt"), []byte(latin))
	writeFile(t, filepath.Join(root, "seeds", id+".en.md"), en)

	s := buildCopy(t, dir, root)
	checkArticleScript(t, s)

	seed, err := seedparse.Parse("seeds/"+id+".txt", []byte(latin))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		convert.LatinLang: docWords(seed),
		s.defaultLang:     docWords(docmodel.ToCyrillic(seed)),
	}
	latinURL := ""
	for _, d := range s.docs {
		if d.lang == convert.LatinLang {
			latinURL = s.urlOf(s.pageFile(d)).String()
		}
	}
	if len(s.docs) != 3 || latinURL == "" {
		t.Fatalf("%d document pages, want 3 with a Latin one", len(s.docs))
	}
	for _, d := range s.docs {
		p := s.page(t, s.pageFile(d))
		if d.fm.Params.OriginalLanguage != convert.LatinLang {
			t.Errorf("%s: originalLanguage %q, want %q", d.file, d.fm.Params.OriginalLanguage, convert.LatinLang)
		}
		if got := attrOr(first(p.doc, tag("html")), "lang"); got != p.lang.Locale {
			t.Errorf("%s: <html lang=%q>, want %q", p.file, got, p.lang.Locale)
		}
		article := first(p.doc, tag("article"))
		if article == nil {
			t.Fatalf("%s: no <article>", p.file)
		}
		got := words(article, notDocumentText)
		if w, ok := want[d.lang]; ok {
			if i, diff := worddiff.First(got, w); diff {
				t.Errorf("%s: the article differs at word %d:\n got  …%s…\n want …%s…", p.file, i, worddiff.Around(got, i), worddiff.Around(w, i))
			}
		}
		// No word of the other Serbian script that the seed does not hold
		// as written (DCAF in the Cyrillic article).
		other := map[string]*unicode.RangeTable{s.defaultLang: unicode.Latin, convert.LatinLang: unicode.Cyrillic}[d.lang]
		for _, w := range got {
			if other != nil && strings.IndexFunc(w, func(r rune) bool { return unicode.Is(other, r) }) >= 0 && !strings.Contains(latin, w) {
				t.Errorf("%s: %q in the article is in the other script and not in the seed as written", p.file, w)
			}
		}

		about := first(p.doc, func(n *html.Node) bool { return n.Data == "aside" && hasClass(n, "about") })
		if about == nil {
			t.Fatalf("%s: no about box", p.file)
		}
		// The about box's notice (i18n aboutLatinOriginal,
		// aboutTransliteratedFromLatin, aboutTranslationOfLatin).
		notice := map[string]string{convert.LatinLang: "latiničkim pismom.", s.defaultLang: "са латиничког оригинала:", "en": "in Latin script, is authoritative:"}[d.lang]
		if text := strings.Join(words(about, nil), " "); !strings.Contains(text, notice) {
			t.Errorf("%s: about box %q does not say %q", p.file, text, notice)
		}
		var links []string
		for _, a := range all(about, tag("a")) {
			u, err := p.resolve(attrOr(a, "href"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(u.Path, "/documents/") && !strings.Contains(u.Path, "/compare/") { // not the browse pages nor the parallel view
				links = append(links, u.String())
			}
		}
		jsonld := ""
		for _, sc := range all(p.doc, tag("script")) {
			if attrOr(sc, "type") == "application/ld+json" && sc.FirstChild != nil {
				jsonld = sc.FirstChild.Data
			}
		}
		if d.lang == convert.LatinLang {
			if len(links) != 0 {
				t.Errorf("%s: the original's about box links to %v", p.file, links)
			}
			if !strings.Contains(jsonld, `"workTranslation"`) {
				t.Errorf("%s: JSON-LD without workTranslation: %s", p.file, jsonld)
			}
			continue
		}
		if len(links) != 1 || links[0] != latinURL {
			t.Errorf("%s: about box links to %v, want the Latin original %s", p.file, links, latinURL)
		}
		if !strings.Contains(jsonld, `"translationOfWork":{"@id":"`+latinURL+`","inLanguage":"sr-Latn-RS"}`) {
			t.Errorf("%s: JSON-LD does not name the Latin original %s: %s", p.file, latinURL, jsonld)
		}
	}
}

// docWords returns the words of doc as an article shows them: title,
// subtitle, then each block's text.
func docWords(doc *docmodel.Document) []string {
	var w []string
	w = append(w, strings.Fields(doc.Title)...)
	w = append(w, strings.Fields(doc.Subtitle)...)
	for _, b := range doc.Blocks {
		w = append(w, strings.Fields(b.Text)...)
		for _, item := range b.Items {
			w = append(w, strings.Fields(item.Text)...)
		}
	}
	return w
}

// TestArticleScript: every document page's article is in the script its
// lang says. A word with letters of the other Serbian script is allowed
// only as the seed writes it (DCAF in Cyrillic text): on a Cyrillic page
// a word with Latin letters must be a word of the seed, on a Latin page a
// word with Cyrillic letters too. (TestLatinOriginal does the same on a
// site whose seed is written in Latin.)
func TestArticleScript(t *testing.T) {
	needDocuments(t)
	checkArticleScript(t, built)
}

// checkArticleScript is TestArticleScript on the site s.
func checkArticleScript(t *testing.T, s *site) {
	t.Helper()
	seedWords := map[string]map[string]bool{} // seed file → its words
	for _, d := range s.docs {
		seed := filepath.Join(s.root, "seeds", d.fm.Params.Source)
		if seedWords[seed] == nil {
			data, err := os.ReadFile(seed)
			if err != nil {
				t.Fatal(err)
			}
			seedWords[seed] = map[string]bool{}
			for _, w := range strings.FieldsFunc(string(data), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				seedWords[seed][w] = true
			}
		}
		p := s.page(t, s.pageFile(d))
		article := first(p.doc, tag("article"))
		if article == nil {
			t.Fatalf("%s: no article", p.file)
		}
		locale := s.langOf(p.file).Locale
		other := unicode.Latin // the script a Cyrillic page may show only as the seed writes it
		if !strings.Contains(locale, "Cyrl") {
			if !strings.Contains(locale, "Latn") {
				continue // a translation into another language: TestLanguages
			}
			other = unicode.Cyrillic
		}
		for _, w := range words(article, notDocumentText) {
			for _, part := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				if strings.ContainsFunc(part, func(r rune) bool { return unicode.Is(other, r) }) && !seedWords[seed][part] {
					t.Errorf("%s (%s): %q is in the other script and not so in %s", p.file, locale, part, d.fm.Params.Source)
				}
			}
		}
	}
}
