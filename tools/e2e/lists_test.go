package e2e

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/internal/synth"
	"golang.org/x/net/html"
)

// TestLists: the home page of each language lists its newest documents and
// links to all of them; the documents section lists every document once,
// newest first, page by page (see checkLists).
func TestLists(t *testing.T) {
	needDocuments(t)
	checkLists(t, built)
}

// archiveSeeds is how many synthetic documents TestArchive publishes:
// enough for several pages of the documents section in the languages with
// every document, and one, not full, in English (a third are translated).
const archiveSeeds = 130

// TestArchive builds a copy of the site with archiveSeeds synthetic
// documents (tools/internal/synth) instead of the real one and checks what only an
// archive shows: every page, the lists included, stays within the page
// budget; the lists and feeds are right (checkLists).
func TestArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of synthetic documents with Hugo")
	}
	dir, root := siteCopy(t, false)
	seeds := filepath.Join(root, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := synth.Write(seeds, archiveSeeds); err != nil {
		t.Fatal(err)
	}
	archive := buildCopy(t, dir, root)
	if len(archive.docs) < 2*archiveSeeds {
		t.Fatalf("%d document pages from %d seeds", len(archive.docs), archiveSeeds)
	}
	if archiveSeeds <= archive.pagerSize {
		t.Fatalf("%d documents fit on one page of %d: the test sees no pagination", archiveSeeds, archive.pagerSize)
	}
	checkBudget(t, archive)
	checkLists(t, archive)
	checkDates(t, archive)
}

// checkLists checks, for each language of the built site s:
//   - the home page lists the newest documents, s.homeDocuments of them
//     (all if there are fewer), and then, if there are more, links to
//     the documents section;
//   - the documents section, followed from its first page by rel=next,
//     lists every document of the language exactly once, newest first,
//     s.pagerSize to a page (the last may have fewer); each page's
//     rel=prev, rel=first and rel=last links lead to the right pages, its
//     canonical link to itself, and no two pages share a title.
func checkLists(t *testing.T, s *site) {
	t.Helper()
	dates := datesOf(s)
	for _, l := range s.langs {
		var docs []*document
		for _, d := range s.docs {
			if d.lang == l.Key {
				docs = append(docs, d)
			}
		}
		if len(docs) == 0 {
			continue
		}
		home := s.page(t, s.prefix(l.Key)+"index.html")
		listed := docLinks(t, s, home)
		checkNewest(t, s, home.file, l.Key, listed, s.homeDocuments)
		more := first(home.doc, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "more") })
		section := s.prefix(l.Key) + "documents/index.html"
		switch {
		case len(docs) > s.homeDocuments && more == nil:
			t.Errorf("%s: %d documents, %d listed, and no link to the others", home.file, len(docs), len(listed))
		case len(docs) > s.homeDocuments:
			if f := linkTarget(t, s, home, first(more, tag("a"))); f != section {
				t.Errorf("%s: the link to all documents leads to %q, want %s", home.file, f, section)
			}
		case more != nil:
			t.Errorf("%s: lists all %d documents and still links to more", home.file, len(docs))
		}

		var all []string
		titles := map[string]string{}
		pages := []string{}
		for file := section; file != ""; {
			if slices.Contains(pages, file) {
				t.Fatalf("%s: rel=next leads back to a page already seen", file)
			}
			pages = append(pages, file)
			p := s.page(t, file)
			onPage := docLinks(t, s, p)
			all = append(all, onPage...)
			if len(onPage) == 0 || len(onPage) > s.pagerSize {
				t.Errorf("%s: lists %d documents, want 1 to %d", file, len(onPage), s.pagerSize)
			}
			title := strings.Join(words(first(p.doc, tag("title")), nil), " ")
			if other, ok := titles[title]; ok {
				t.Errorf("%s and %s have the same title %q", other, file, title)
			}
			titles[title] = file
			if c := first(p.doc, func(n *html.Node) bool { return n.Data == "link" && hasToken(n, "rel", "canonical") }); c == nil {
				t.Errorf("%s: no canonical link", file)
			} else if f := linkTarget(t, s, p, c); f != file {
				t.Errorf("%s: canonical link to %q, want the page itself", file, f)
			}
			rel := func(r string) string { return relTarget(t, s, p, r) }
			if len(pages) > 1 {
				if got := rel("prev"); got != pages[len(pages)-2] {
					t.Errorf("%s: rel=prev leads to %q, want %s", file, got, pages[len(pages)-2])
				}
				if got := rel("first"); got != section {
					t.Errorf("%s: rel=first leads to %q, want %s", file, got, section)
				}
			} else if rel("prev") != "" {
				t.Errorf("%s: the first page has a rel=prev link", file)
			}
			next := rel("next")
			if next != "" && len(onPage) != s.pagerSize {
				t.Errorf("%s: lists %d documents and is not the last page; want %d", file, len(onPage), s.pagerSize)
			}
			if last := rel("last"); next != "" && last == "" {
				t.Errorf("%s: a next page and no rel=last", file)
			} else if next == "" && last != "" {
				t.Errorf("%s: the last page has a rel=last link", file)
			}
			file = next
		}
		if want := (len(docs) + s.pagerSize - 1) / s.pagerSize; len(pages) != want {
			t.Errorf("%s: %d pages for %d documents, want %d", section, len(pages), len(docs), want)
		}
		if last := pages[len(pages)-1]; len(pages) > 1 && relTarget(t, s, s.page(t, section), "last") != last {
			t.Errorf("%s: rel=last does not lead to %s", section, last)
		}
		var want []string
		for _, d := range docs {
			want = append(want, s.pageFile(d))
		}
		got := slices.Clone(all)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s and the pages after it list %d documents, want the %d of %s", section, len(all), len(want), l.Key)
		}
		for i := 1; i < len(all); i++ {
			if dates[all[i]] > dates[all[i-1]] {
				t.Errorf("%s…: %s (%s) comes after %s (%s): not newest first", section, all[i], dates[all[i]], all[i-1], dates[all[i-1]])
				break
			}
		}
	}
}

// checkNewest checks that got, the document pages that file lists for
// language lang, are its newest documents, limit of them or all if there
// are fewer, each once, newest first.
func checkNewest(t *testing.T, s *site, file, lang string, got []string, limit int) {
	t.Helper()
	dates := datesOf(s)
	var want []string
	for _, d := range s.docs {
		if d.lang == lang {
			want = append(want, s.pageFile(d))
		}
	}
	if n := min(limit, len(want)); len(got) != n {
		t.Errorf("%s: lists %d documents, want %d", file, len(got), n)
	}
	seen := map[string]bool{}
	for i, f := range got {
		if !slices.Contains(want, f) {
			t.Errorf("%s: lists %s, not a document of %s", file, f, lang)
		}
		if seen[f] {
			t.Errorf("%s: lists %s twice", file, f)
		}
		seen[f] = true
		if i > 0 && dates[f] > dates[got[i-1]] {
			t.Errorf("%s: %s comes after %s: not newest first", file, f, got[i-1])
		}
	}
	// Nothing left out is newer than anything listed.
	oldest := ""
	for _, f := range got {
		if oldest == "" || dates[f] < oldest {
			oldest = dates[f]
		}
	}
	for _, f := range want {
		if !seen[f] && dates[f] > oldest {
			t.Errorf("%s: leaves out %s (%s), newer than a document it lists (%s)", file, f, dates[f], oldest)
		}
	}
}

// docLinks returns the document pages that page p's list of documents
// (ul.docs) links to, in order.
func docLinks(t *testing.T, s *site, p *page) []string {
	t.Helper()
	list := first(p.doc, func(n *html.Node) bool { return n.Data == "ul" && hasClass(n, "docs") })
	if list == nil {
		t.Errorf("%s: no list of documents (ul.docs)", p.file)
		return nil
	}
	var files []string
	for _, h := range all(list, tag("h2")) {
		if f := linkTarget(t, s, p, first(h, tag("a"))); f != "" {
			files = append(files, f)
		}
	}
	return files
}

// linkTarget is the file that link n (<a> or <link>) on page p leads to,
// or "" after reporting why there is none.
func linkTarget(t *testing.T, s *site, p *page, n *html.Node) string {
	t.Helper()
	if n == nil {
		t.Errorf("%s: a link is missing", p.file)
		return ""
	}
	u, err := p.resolve(attrOr(n, "href"))
	var f string
	if err == nil {
		f, err = s.fileOf(u)
	}
	if err != nil {
		t.Errorf("%s: %v", p.file, err)
	}
	return f
}

// relTarget is the file that page p's <a rel=r> leads to, or "" if p has
// no such link.
func relTarget(t *testing.T, s *site, p *page, r string) string {
	t.Helper()
	n := first(p.doc, func(n *html.Node) bool { return n.Data == "a" && hasToken(n, "rel", r) })
	if n == nil {
		return ""
	}
	return linkTarget(t, s, p, n)
}

// datesOf maps each document page of s to its event's first day
// (YYYY-MM-DD, which sorts as dates do).
func datesOf(s *site) map[string]string {
	dates := map[string]string{}
	for _, d := range s.docs {
		dates[s.pageFile(d)] = cmp.Or(d.fm.Params.EventStart, fmt.Sprintf("(no date: %s)", d.file))
	}
	return dates
}
