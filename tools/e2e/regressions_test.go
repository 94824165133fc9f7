package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/net/html"

	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
	"github.com/regionaldialogue/site/tools/siteconfig"
)

// Regressions of issue 25, each found on the built site.

// kindSheets are the stylesheets under static/css that pages of one kind
// add to css/site.css (layouts/_partials/head.html), by the file of the
// built site that is a page of that kind.
var kindSheets = []struct {
	sheet string
	is    func(file string) bool
}{
	{"css/search.css", func(f string) bool { return f == "search/index.html" || strings.HasSuffix(f, "/search/index.html") }},
	{"css/compare.css", func(f string) bool { return strings.HasSuffix(f, "/compare/index.html") }},
}

// cssClass finds the class selectors in a stylesheet (a number such as
// .5rem starts with a digit, so it is none).
var cssClass = regexp.MustCompile(`\.(-?[A-Za-z_][\w-]*)`)

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// classesOf returns the class selectors of the stylesheet file under
// static/.
func classesOf(t *testing.T, sheet string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(built.root, "static", filepath.FromSlash(sheet)))
	if err != nil {
		t.Fatal(err)
	}
	classes := map[string]bool{}
	for _, m := range cssClass.FindAllStringSubmatch(cssComment.ReplaceAllString(string(b), ""), -1) {
		classes[m[1]] = true
	}
	return classes
}

// TestKindStylesheets (issue 25, point 3: the search page wore the
// parallel view's stylesheet): every page's inline CSS has the class
// selectors of its kind's stylesheet (search.css on the search pages,
// compare.css on the parallel views) and none that only another kind's
// stylesheet has; the home page, whose search page is another output
// format of it, has neither.
func TestKindStylesheets(t *testing.T) {
	needDocuments(t)
	site := classesOf(t, "css/site.css")
	sheets := map[string]map[string]bool{}
	for _, k := range kindSheets {
		sheets[k.sheet] = classesOf(t, k.sheet)
	}
	type class struct {
		name string
		re   *regexp.Regexp
	}
	own := map[string][]class{} // sheet → its class selectors that only it has
	for _, k := range kindSheets {
		for c := range sheets[k.sheet] {
			shared := site[c]
			for _, o := range kindSheets {
				shared = shared || (o.sheet != k.sheet && sheets[o.sheet][c])
			}
			if !shared {
				own[k.sheet] = append(own[k.sheet], class{c, regexp.MustCompile(`\.` + regexp.QuoteMeta(c) + `([^\w-]|$)`)})
			}
		}
		if len(own[k.sheet]) == 0 {
			t.Fatalf("%s has no class selector of its own to tell it by", k.sheet)
		}
	}
	seen := map[string]int{}
	for _, file := range built.htmlFiles(t) {
		p := built.page(t, file)
		style := first(p.doc, tag("style"))
		if style == nil || style.FirstChild == nil {
			t.Errorf("%s: no inline CSS", file)
			continue
		}
		css := style.FirstChild.Data
		for _, k := range kindSheets {
			want := k.is(file)
			if want {
				seen[k.sheet]++
			}
			for _, c := range own[k.sheet] {
				if c.re.MatchString(css) != want {
					if want {
						t.Errorf("%s: the inline CSS lacks %s (no .%s)", file, k.sheet, c.name)
					} else {
						t.Errorf("%s: the inline CSS has %s (.%s), which is not this page's", file, k.sheet, c.name)
					}
					break
				}
			}
		}
	}
	for _, k := range kindSheets {
		if seen[k.sheet] == 0 {
			t.Errorf("no page of the built site is one that %s is for", k.sheet)
		}
	}
}

// siteTitles reads each language's title from config.toml.
func siteTitles(t *testing.T) map[string]string {
	t.Helper()
	var config struct {
		Languages map[string]struct {
			Title string `toml:"title"`
		} `toml:"languages"`
	}
	b, err := os.ReadFile(filepath.Join(built.root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(b, &config); err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for k, l := range config.Languages {
		titles[k] = l.Title
	}
	return titles
}

// TestKindTitles (issue 25, point 3: "Претрага: све верзије упоредо"):
// in every language the search page's <title> is the search page's, and
// each document's parallel view keeps its own; the home page's is the
// site's title alone.
func TestKindTitles(t *testing.T) {
	needDocuments(t)
	strs, err := siteconfig.Load(built.root)
	if err != nil {
		t.Fatal(err)
	}
	titles := siteTitles(t)
	titleOf := func(file string) string {
		n := first(built.page(t, file).doc, tag("title"))
		if n == nil {
			return ""
		}
		return strings.Join(words(n, nil), " ")
	}
	want := map[string]string{}
	for _, l := range built.langs {
		site := titles[l.Key]
		if site == "" {
			t.Fatalf("config.toml: language %s has no title", l.Key)
		}
		want[built.prefix(l.Key)+"index.html"] = site
		want[built.searchFile(l.Key)] = strs.T(l.Key, "search", nil) + " – " + site
	}
	for _, d := range built.docs {
		compare := strs.T(d.lang, "compareTitle", map[string]any{"Title": d.fm.Title})
		want[strings.TrimSuffix(built.pageFile(d), "index.html")+"compare/index.html"] = compare + " – " + titles[d.lang]
	}
	for file, w := range want {
		if got := titleOf(file); got != strings.Join(strings.Fields(w), " ") {
			t.Errorf("%s: <title> %q, want %q", file, got, w)
		}
	}
}

// TestCitationStops (issue 25, point 4: "новембар 2015.. https://…"): on
// every document page of every language, the citation has no doubled
// full stop (the Serbian dates end with one, the English do not), and
// its last sentence ends with one full stop before the page's address.
func TestCitationStops(t *testing.T) {
	needDocuments(t)
	for _, d := range built.docs {
		checkCitationStops(t, built, built.pageFile(d))
	}
}

// TestCitationStopsFixture: the same of a copy of the site where every
// part of the citation that ends a sentence ends with a mark of its own:
// the last issuer and the document type with a full stop, the subtitle
// with a question mark, the reference with a full stop.
func TestCitationStopsFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site once more with Hugo")
	}
	needDocuments(t)
	root := filepath.Join(t.TempDir(), "site")
	for _, f := range sitecopy.Sources {
		if err := sitecopy.CopyTree(filepath.Join(built.root, f), filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}
	d := built.docs[0]
	b, err := os.ReadFile(filepath.Join(built.root, d.file))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.Contains(text, "\nparams:\n") {
		t.Fatalf("%s: no params: in the front matter", d.file)
	}
	// Each param replaced, or added when the document has none.
	for _, r := range []struct{ re, with string }{
		{`(?m)^  issuers:\n(    - .*\n)*`, "  issuers:\n    - Issuer One\n    - Issuer Two Inc.\n"},
		{`(?m)^  subtitle: .*\n`, "  subtitle: a question?\n"},
		{`(?m)^  documentType: .*\n`, "  documentType: Conclusions etc.\n"},
		{`(?m)^  reference: .*\n`, "  reference: Ref. no. 12.\n"},
	} {
		if re := regexp.MustCompile(r.re); re.MatchString(text) {
			text = re.ReplaceAllLiteralString(text, r.with)
		} else {
			text = strings.Replace(text, "\nparams:\n", "\nparams:\n"+r.with, 1)
		}
	}
	if err := os.WriteFile(filepath.Join(root, d.file), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := hugo.Build(ctx, hugo.Options{Source: root, Destination: public, BaseURL: testBaseURL, Strict: true}); err != nil {
		t.Fatal(err)
	}
	s, err := loadSite(root, public)
	if err != nil {
		t.Fatal(err)
	}
	text = checkCitationStops(t, s, s.pageFile(d))
	for _, want := range []string{"Issuer Two Inc. ", "a question? ", "Conclusions etc. ", "Ref. no. 12. https://"} {
		if !strings.Contains(text, want) {
			t.Errorf("%s: the citation lacks %q:\n%s", s.pageFile(d), want, text)
		}
	}
}

// checkCitationStops checks the citation on the page file of site s and
// returns its text.
func checkCitationStops(t *testing.T, s *site, file string) string {
	t.Helper()
	p := s.page(t, file)
	cit := first(p.doc, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "citation") })
	if cit == nil {
		t.Errorf("%s: no citation", file)
		return ""
	}
	text := strings.Join(words(cit, nil), " ")
	for _, bad := range []string{"..", ". .", " .", "?.", "!.", "….", ",."} {
		if strings.Contains(text, bad) {
			t.Errorf("%s: the citation has %q:\n%s", file, bad, text)
		}
	}
	before, ok := strings.CutSuffix(text, " "+p.url.String())
	if !ok {
		t.Errorf("%s: the citation does not end with the page's address %s:\n%s", file, p.url, text)
	} else if r := []rune(before); !strings.HasSuffix(before, ".") || strings.HasSuffix(before, "..") {
		t.Errorf("%s: the sentence before the address does not end with one full stop: …%q", file, string(r[max(0, len(r)-40):]))
	}
	return text
}

// TestBrandLink (found with issue 25, point 3): on every page the site's
// name in the header and in the footer links to the home page of the
// page's language, not, on the search page (the home page in another
// output format), to the search page itself; the header's marks the
// current page on the home page alone.
func TestBrandLink(t *testing.T) {
	for _, file := range built.htmlFiles(t) {
		p := built.page(t, file)
		if p.is404() {
			continue
		}
		home := built.prefix(p.lang.Key) + "index.html"
		brand := first(p.doc, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "brand") })
		if brand == nil {
			t.Errorf("%s: no brand link in the header", file)
			continue
		}
		if !resolvesTo(p, attrOr(brand, "href"), home) {
			t.Errorf("%s: the brand link %q does not lead to %s", file, attrOr(brand, "href"), home)
		}
		if current := attrOr(brand, "aria-current") == "page"; current != (file == home) {
			t.Errorf("%s: the brand link has aria-current=page %v, want %v", file, current, file == home)
		}
		footer := first(p.doc, func(n *html.Node) bool { return n.Data == "footer" && hasClass(n, "site") })
		var a *html.Node
		if footer != nil {
			a = first(footer, tag("a"))
		}
		if a == nil || !resolvesTo(p, attrOr(a, "href"), home) {
			t.Errorf("%s: the footer's first link does not lead to %s", file, home)
		}
	}
}
