package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/docdata"
	"github.com/regionaldialogue/site/tools/internal/worddiff"
	"github.com/regionaldialogue/site/tools/siteconfig"
	"github.com/regionaldialogue/site/tools/takeaway"
)

// takeawayDocs returns the documents as the site command gives them to
// the takeaway writer, and its view of the site built at testBaseURL.
func takeawayDocs(t *testing.T) ([]convert.Doc, *takeaway.Site) {
	t.Helper()
	docs, err := convert.Documents(built.root)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := siteconfig.Load(built.root)
	if err != nil {
		t.Fatal(err)
	}
	return docs, takeaway.NewSite(cfg, testBaseURL)
}

// TestDataText: the text of each version in the document's JSON is, word
// for word, the text of its page's article: title, subtitle, then every
// block in order.
func TestDataText(t *testing.T) {
	needDocuments(t)
	docs, site := takeawayDocs(t)
	for i := range docs {
		data, err := docdata.Marshal(takeaway.Data(site, &docs[i]))
		if err != nil {
			t.Fatal(err)
		}
		var d docdata.Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		for _, v := range d.Versions {
			file := built.prefix(v.Lang) + "documents/" + d.Slug + "/index.html"
			p := built.page(t, file)
			if u := built.urlOf(file).String(); v.URL != u {
				t.Errorf("%s: the data gives the page's address as %s, want %s", file, v.URL, u)
			}
			articles := all(p.doc, tag("article"))
			if len(articles) != 1 {
				t.Fatalf("%s: %d articles", file, len(articles))
			}
			got := words(articles[0], notDocumentText)
			want := append(strings.Fields(v.Title), strings.Fields(v.Subtitle)...)
			for _, b := range v.Blocks {
				want = append(want, strings.Fields(b.Text)...)
			}
			if i, diff := worddiff.First(got, want); diff {
				t.Errorf("%s: the article's text differs from data/%s.json (%s) at word %d:\n got  …%s…\n want …%s…",
					file, d.Slug, v.Lang, i, worddiff.Around(got, i), worddiff.Around(want, i))
			}
			for _, b := range v.Blocks {
				if n := all(articles[0], func(n *html.Node) bool { return attrOr(n, "id") == b.ID }); len(n) != 1 {
					t.Errorf("%s: block %s of the data is not on the page", file, b.ID)
				}
			}
		}
	}
}

// TestCiteSection: each document page has a Cite section in its language
// with the citation (issuers, year, title, place, the page's address) and
// links to the version's citation files, e-book and data, at the
// addresses the takeaway writer writes them to.
func TestCiteSection(t *testing.T) {
	needDocuments(t)
	docs, site := takeawayDocs(t)
	for i := range docs {
		d := &docs[i]
		for j := range d.Versions {
			v := &d.Versions[j]
			file := built.prefix(v.Lang) + "documents/" + d.Slug + "/index.html"
			p := built.page(t, file)
			sections := all(p.doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "cite") })
			if len(sections) != 1 {
				t.Errorf("%s: %d Cite sections, want 1", file, len(sections))
				continue
			}
			sec := sections[0]
			if h := all(sec, tag("h2")); len(h) != 1 || strings.Join(words(h[0], nil), " ") != site.T(v.Lang, "cite", nil) {
				t.Errorf("%s: the Cite section's heading is not %q", file, site.T(v.Lang, "cite", nil))
			}
			cits := all(sec, func(n *html.Node) bool { return hasClass(n, "citation") })
			if len(cits) != 1 {
				t.Fatalf("%s: %d citations", file, len(cits))
			}
			citation := strings.Join(words(cits[0], nil), " ")
			w := takeaway.Work(site, d, v, nil)
			for _, want := range append([]string{fmt.Sprint(w.Start.Year), w.FullTitle(), w.Place, w.URL}, w.Issuers...) {
				if !strings.Contains(citation, strings.Join(strings.Fields(want), " ")) {
					t.Errorf("%s: the citation lacks %q:\n%s", file, want, citation)
				}
			}
			links := map[string]bool{}
			for _, a := range all(sec, tag("a")) {
				ref, err := url.Parse(attrOr(a, "href"))
				if err != nil {
					t.Fatal(err)
				}
				links[p.url.ResolveReference(ref).String()] = true
			}
			for _, ext := range []string{".bib", ".ris", ".json", ".epub"} {
				if u := site.Abs(site.FilePath(v.Lang, d.Slug, ext)); !links[u] {
					t.Errorf("%s: no link to %s among %v", file, u, links)
				}
			}
			if u := site.Abs(takeaway.DataPath(d.Slug)); !links[u] {
				t.Errorf("%s: no link to %s", file, u)
			}
		}
	}
}
