package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// TestStructure builds a site from the seed and translation of the golden
// case 13-structure-guesses (footnote markers, a day and month after a
// list, sub-items, Word's line breaks) and checks, in the HTML Hugo
// writes for each language, that the sub-items are a list nested in their
// item with their ids, and that the guesses made paragraphs of what must
// be paragraphs.
func TestStructure(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site with Hugo")
	}
	ar, err := txtar.ParseFile("../convert/testdata/golden/13-structure-guesses.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir, root := siteCopy(t, false)
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "seeds/") {
			writeFile(t, filepath.Join(root, f.Name), f.Data)
		}
	}
	public := buildCopy(t, dir, root).public

	for _, lang := range []string{"sr", "sr-latn", "en"} {
		file := filepath.Join(public, built.prefix(lang), "documents", "2016-03-03-skoplje-zakljucci", "index.html")
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]*html.Node{}
		for _, n := range all(doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
			byID[attrOr(n, "id")] = n
		}
		// Each sub-item's paragraph sits in a li of a ul nested in the li
		// of its item, after the item's own paragraph.
		for _, c := range []struct{ sub, item string }{{"n1a", "n1"}, {"n1b", "n1"}, {"n2a", "n2"}} {
			p := byID[c.sub]
			if p == nil || p.Data != "p" || p.Parent.Data != "li" || p.Parent.Parent.Data != "ul" {
				t.Errorf("%s: no <ul><li><p id=%q>", file, c.sub)
				continue
			}
			outer := p.Parent.Parent.Parent
			if outer == nil || outer.Data != "li" || first(outer, func(n *html.Node) bool { return attrOr(n, "id") == c.item }) == nil {
				t.Errorf("%s: #%s is not nested in the item of #%s", file, c.sub, c.item)
			}
		}
		var kinds []string
		for _, id := range []string{"s2", "p1", "p2", "p4", "n3"} {
			if n := byID[id]; n != nil {
				kinds = append(kinds, id+":"+n.Data)
			}
		}
		if want := []string{"s2:h2", "p1:p", "p2:p", "p4:p", "n3:p"}; !slices.Equal(kinds, want) {
			t.Errorf("%s: blocks %v, want %v", file, kinds, want)
		}
		if n := byID["n4"]; n != nil {
			t.Errorf("%s: a fourth item: the paragraph after the list was taken for one", file)
		}
	}
}
