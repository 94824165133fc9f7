package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The built HTML, read with golang.org/x/net/html: what the browser should
// show, known without the browser.

func parseFile(t *testing.T, s *site, rel string) *html.Node {
	t.Helper()
	f, err := os.Open(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return doc
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := find(c, a); m != nil {
			return m
		}
	}
	return nil
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template {
				return
			}
		}
		// Blocks are separated, so that words of two blocks never join;
		// inline elements are not, as a browser shows them.
		block := n.Type == html.ElementNode && !inline[n.DataAtom]
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}

var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.I: true, atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Del: true, atom.Ins: true,
}

// pageTitle is the <title> of a built page.
func pageTitle(t *testing.T, s *site, rel string) string {
	t.Helper()
	ti := find(parseFile(t, s, rel), atom.Title)
	if ti == nil {
		t.Fatalf("%s: no <title>", rel)
	}
	return strings.Join(strings.Fields(text(ti)), " ")
}

// articleWords are the words of a built page's <article>: the document.
// The e2e tests prove that they are the words of its source.
func articleWords(t *testing.T, s *site, rel string) []string {
	t.Helper()
	a := find(parseFile(t, s, rel), atom.Article)
	if a == nil {
		t.Fatalf("%s: no <article>", rel)
	}
	w := strings.Fields(text(a))
	if len(w) == 0 {
		t.Fatalf("%s: the <article> has no text", rel)
	}
	return w
}
