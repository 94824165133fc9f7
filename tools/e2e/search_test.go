package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/search"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// searchFile is the search page of a language.
func (s *site) searchFile(lang string) string { return s.prefix(lang) + "search/index.html" }

// TestSearchPages: every language has its search page, with the form that
// submits to itself, the element the results go in, the notice for
// readers without JavaScript and the links to the browse pages; and every
// page's header has a search box that leads to the search page of its
// language.
func TestSearchPages(t *testing.T) {
	s := built
	for _, l := range s.langs {
		p := s.page(t, s.searchFile(l.Key))
		if first(p.doc, func(n *html.Node) bool { return attrOr(n, "id") == "search-results" }) == nil {
			t.Errorf("%s: no #search-results", p.file)
		}
		nojs := first(p.doc, func(n *html.Node) bool { return attrOr(n, "id") == "search-nojs" })
		if nojs == nil || strings.TrimSpace(text(nojs)) == "" {
			t.Errorf("%s: no notice that search needs JavaScript", p.file)
		}
		scripts := all(p.doc, func(n *html.Node) bool {
			return n.Data == "script" && strings.Contains(attrOr(n, "src"), "/search.min.")
		})
		if len(scripts) != 1 {
			t.Errorf("%s: %d search scripts, want 1 (minified and fingerprinted)", p.file, len(scripts))
		}
		for _, kind := range []string{"years", "places", "types"} {
			if !linksTo(t, s, p, s.prefix(l.Key)+kind+"/index.html") {
				t.Errorf("%s: no link to the browse page %s", p.file, kind)
			}
		}
	}
	for _, file := range s.htmlFiles(t) {
		p := s.page(t, file)
		header := first(p.doc, func(n *html.Node) bool { return n.Data == "header" && hasClass(n, "site") })
		if header == nil {
			if !p.is404() {
				t.Errorf("%s: no site header", file)
			}
			continue
		}
		form := first(header, func(n *html.Node) bool { return n.Data == "form" && attrOr(n, "role") == "search" })
		if form == nil {
			t.Errorf("%s: no <form role=search> in the header", file)
			continue
		}
		input := first(form, func(n *html.Node) bool {
			return n.Data == "input" && attrOr(n, "type") == "search" && attrOr(n, "name") == "q"
		})
		if input == nil {
			t.Errorf("%s: the search form has no <input type=search name=q>", file)
		}
		u, err := p.resolve(attrOr(form, "action"))
		var target string
		if err == nil {
			target, err = s.fileOf(u)
		}
		if err != nil || target != s.searchFile(p.lang.Key) {
			t.Errorf("%s: the search form's action %q leads to %q (%v), want %s", file, attrOr(form, "action"), target, err, s.searchFile(p.lang.Key))
		}
	}
}

// linksTo reports whether page p has a link to file.
func linksTo(t *testing.T, s *site, p *page, file string) bool {
	t.Helper()
	for _, a := range all(p.doc, tag("a")) {
		u, err := p.resolve(attrOr(a, "href"))
		if err != nil {
			continue
		}
		if f, err := s.fileOf(u); err == nil && f == file {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestBrowsePages: each document's about box links to its year, place and
// type in the same language; each of those pages lists it; the home page
// and the documents section link to the three browse pages, which link
// to every term page of their language.
func TestBrowsePages(t *testing.T) {
	s := built
	needDocuments(t)
	var fm struct {
		Params struct{ Years, Places, Types string } `yaml:"params"`
	}
	for _, d := range s.docs {
		if err := readParams(s, d, &fm); err != nil {
			t.Fatal(err)
		}
		about := first(s.page(t, s.pageFile(d)).doc, func(n *html.Node) bool { return n.Data == "aside" && hasClass(n, "about") })
		if about == nil {
			t.Fatalf("%s: no about box", s.pageFile(d))
		}
		for kind, term := range map[string]string{"years": fm.Params.Years, "places": fm.Params.Places, "types": fm.Params.Types} {
			if term == "" || term != strings.ToLower(term) || strings.ContainsFunc(term, func(r rune) bool { return r > 0x7f }) {
				t.Errorf("%s: %s term %q is not an ASCII slug", d.file, kind, term)
				continue
			}
			termFile := s.prefix(d.lang) + kind + "/" + term + "/index.html"
			p := s.page(t, s.pageFile(d))
			found := false
			for _, a := range all(about, tag("a")) {
				if f := linkTarget(t, s, p, a); f == termFile {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the about box has no link to %s", s.pageFile(d), termFile)
			}
			tp := s.page(t, termFile)
			if !slices.Contains(docLinks(t, s, tp), s.pageFile(d)) {
				t.Errorf("%s does not list %s", termFile, s.pageFile(d))
			}
			if !linksTo(t, s, s.page(t, s.prefix(d.lang)+kind+"/index.html"), termFile) {
				t.Errorf("%s: no link to %s", s.prefix(d.lang)+kind+"/index.html", termFile)
			}
		}
	}
	for _, l := range s.langs {
		for _, from := range []string{s.prefix(l.Key) + "index.html", s.prefix(l.Key) + "documents/index.html"} {
			for _, kind := range []string{"years", "places", "types"} {
				if !linksTo(t, s, s.page(t, from), s.prefix(l.Key)+kind+"/index.html") {
					t.Errorf("%s: no link to the browse page %s", from, kind)
				}
			}
		}
	}
}

func readParams(s *site, d *document, v any) error {
	b, err := os.ReadFile(filepath.Join(s.root, d.file))
	if err != nil {
		return err
	}
	front, _, _ := splitFrontMatter(string(b))
	return yaml.Unmarshal([]byte(front), v)
}

var docCall = regexp.MustCompile(`^searchDoc\((\d+),(.*)\);\n$`)

// TestSearchIndex writes the index of the site's documents as the build
// does and checks it against the built pages: every version of every
// document once, in its language, its address a page of the site, its
// block ids ids of that page, and every word of its text in the shard of
// its key, pointing back at the document.
func TestSearchIndex(t *testing.T) {
	s := built
	needDocuments(t)
	docs, err := convert.Documents(s.root)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := search.WriteSite(dir, s.prefix, docs); err != nil {
		t.Fatal(err)
	}
	for _, l := range s.langs {
		idx := filepath.Join(dir, filepath.FromSlash(s.prefix(l.Key)), "search")
		docs, _ := filepath.Glob(filepath.Join(idx, "d", "*.js"))
		want := 0
		for _, d := range s.docs {
			if d.lang == l.Key {
				want++
			}
		}
		if len(docs) != want {
			t.Errorf("%s: %d documents in the index, want %d", l.Key, len(docs), want)
		}
		shards := map[string]map[string][]int{}
		for _, f := range docs {
			b, _ := os.ReadFile(f)
			m := docCall.FindSubmatch(b)
			if m == nil {
				t.Errorf("%s: not a searchDoc call", f)
				continue
			}
			var doc struct {
				S, T string
				B    [][2]string
			}
			if err := json.Unmarshal(m[2], &doc); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			page := s.prefix(l.Key) + "documents/" + doc.S + "/index.html"
			if _, err := os.Stat(filepath.Join(s.public, page)); err != nil {
				t.Errorf("%s: document %q has no page %s", f, doc.T, page)
				continue
			}
			ids := pageIDs(s.page(t, page))
			for _, blk := range doc.B {
				if !slices.Contains(ids, blk[0]) {
					t.Errorf("%s: block id %q is not an id of %s", f, blk[0], page)
				}
				for _, w := range search.Words(blk[1], l.Key) {
					if len([]rune(w)) < 2 {
						continue
					}
					name := search.FileName(search.Key(w))
					if shards[name] == nil {
						shards[name] = readShard(t, filepath.Join(idx, "t", name+".js"))
					}
					if !postingHas(shards[name][w], docNumber(f)) {
						t.Errorf("%s: word %q of block %s is not indexed for its document", f, w, blk[0])
					}
				}
			}
		}
	}
}

func docNumber(file string) int {
	n := 0
	for _, c := range strings.TrimSuffix(filepath.Base(file), ".js") {
		n = n*10 + int(c-'0')
	}
	return n
}

var shardCall = regexp.MustCompile(`^searchShard\("[^"]*",(.*)\);\n$`)

func readShard(t *testing.T, file string) map[string][]int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Errorf("%v", err)
		return map[string][]int{}
	}
	m := shardCall.FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s: not a searchShard call", file)
	}
	var words map[string][]int
	if err := json.Unmarshal(m[1], &words); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return words
}

// postingHas decodes postings as search.Index.Files writes them.
func postingHas(p []int, doc int) bool {
	d := -1
	for _, v := range p {
		d += v >> 1
		if d == doc {
			return true
		}
	}
	return false
}
