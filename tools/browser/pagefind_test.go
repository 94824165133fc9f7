package browser

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// pagefindBin is Pagefind's command, pinned in package.json as a test and
// benchmark dependency (the site never needs it).
var pagefindBin = filepath.Join(root, "node_modules", ".bin", "pagefind")

func needPagefind(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(pagefindBin); err != nil {
		missing(t, "node_modules/.bin/pagefind", "run `npm ci` at the repository's root (package.json pins pagefind)")
	}
}

// pagefindSite is a copy of a built site with Pagefind's index, served at
// the root of its own HTTP server, with one page per language that loads
// Pagefind's search API (pagefind-<lang>.html, whose <html lang> tells
// Pagefind which language's index to use). The site's own pages keep
// their absolute links to the base they were built for; only the paths
// of Pagefind's results matter.
type pagefindSite struct {
	base string // http://127.0.0.1:PORT/
	dir  string // the copy it serves

	// served lists the paths requested from the server since the last
	// takeServed: Pagefind's worker fetches its index, and the tab's
	// recorder does not see a worker's requests.
	mu     sync.Mutex
	served []string
}

// takeServed returns the paths served since the last call and forgets them.
func (p *pagefindSite) takeServed() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.served
	p.served = nil
	return s
}

// newPagefindSite copies the site at dir, runs Pagefind over the copy and
// serves it.
func newPagefindSite(t testing.TB, dir string, locales []string) *pagefindSite {
	t.Helper()
	needPagefind(t)
	cp := filepath.Join(t.TempDir(), "site")
	if out, err := exec.Command("cp", "-r", dir, cp).CombinedOutput(); err != nil {
		t.Fatalf("copying the site: %v: %s", err, out)
	}
	// The copy's search index and pages are not Pagefind's business.
	cmd := exec.Command(pagefindBin, "--site", cp, "--exclude-selectors", "header.site, footer.site, nav, aside")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pagefind: %v: %s", err, out)
	}
	for _, loc := range locales {
		page := `<!doctype html><html lang="` + loc + `"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script type="module">
window.pagefindSearch = async (q, shown) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, shown).map(x => x.data()));
  window.searchDone = performance.now();
  return data.map(d => d.url);
};
const q = new URLSearchParams(location.search).get('q');
if (q) pagefindSearch(q, 10);
</script></body></html>`
		if err := os.WriteFile(filepath.Join(cp, "pagefind-"+loc+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &pagefindSite{base: "http://" + ln.Addr().String() + "/", dir: cp}
	files := http.FileServer(http.Dir(cp))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.served = append(p.served, p.base+strings.TrimPrefix(r.URL.RequestURI(), "/"))
		p.mu.Unlock()
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return p
}

// search runs query q through Pagefind in locale loc and returns the paths
// of all its results. (Opened with ?q=, the page loads the first ten
// results' data, as our search page shows ten: TestSearchWeight.)
func (p *pagefindSite) search(tb *tab, loc, q string) []string {
	tb.t.Helper()
	if _, err := tb.open(p.base + "pagefind-" + loc + ".html"); err != nil {
		tb.t.Fatal(err)
	}
	return eval[[]string](tb, fmt.Sprintf(`pagefindSearch(%q, Infinity)`, q))
}

// pagefindQueries are single words of the seed, in each language and
// written in its script: Pagefind does not fold one script into the other
// (a Latin query on the Cyrillic pages is TestSearch's business, not a
// comparison with Pagefind).
var pagefindQueries = map[string][]string{
	"sr":      {"заштита", "избеглица", "сарадња", "парламент", "криминала"},
	"sr-latn": {"zaštita", "izbeglica", "saradnja", "parlamentarni", "kriminala"},
	"en":      {"refugee", "migration", "cooperation", "parliament", "crime", "Refugees"},
}

// TestPagefindIncluded runs Pagefind over the HTTP build and, for single
// words in each language, checks that our search finds every document
// Pagefind finds, in the same language.
func TestPagefindIncluded(t *testing.T) {
	b := getBuilds(t)
	s := b.http
	br := getBrowser(t)
	var locales []string
	for _, l := range s.langs {
		locales = append(locales, l.Locale)
	}
	pf := newPagefindSite(t, s.dir, locales)
	tab := newTab(t, br, false)
	base, _ := url.Parse(s.base)
	for lang, queries := range pagefindQueries {
		for _, q := range queries {
			t.Run(lang+"/"+q, func(t *testing.T) {
				tb := tab.with(t)
				var theirs []string
				for _, u := range pf.search(tb, s.locale(lang), q) {
					// Only document pages: Pagefind also finds lists and
					// browse pages, which our search does not index.
					rel := strings.TrimPrefix(u, base.Path)
					rel = strings.TrimPrefix(rel, "/")
					if file := rel + "index.html"; slices.Contains(s.html, file) && s.pageKind(file) == "document" && s.langOf(file) == lang {
						theirs = append(theirs, file)
					}
				}
				if len(theirs) == 0 {
					t.Fatalf("Pagefind finds no document for %q in %s: not a useful query", q, lang)
				}
				ours := ourResults(tb, s, lang, q)
				for _, f := range theirs {
					if !slices.Contains(ours, f) {
						t.Errorf("Pagefind finds %s for %q, our search does not (ours: %v)", f, q, ours)
					}
				}
			})
		}
	}
}

// ourResults runs query q on the search page of lang and returns the
// files of the documents it shows.
func ourResults(tb *tab, s *site, lang, q string) []string {
	tb.t.Helper()
	if _, err := tb.open(s.url(s.prefix(lang)+"search/index.html") + "?q=" + url.QueryEscape(q)); err != nil {
		tb.t.Fatal(err)
	}
	waitSearch(tb)
	var files []string
	for _, h := range eval[[]string](tb, `[...document.querySelectorAll('#search-results li a')].map(a => a.href)`) {
		if f, ok := s.file(h); ok {
			files = append(files, f)
		}
	}
	return files
}

// waitSearch waits until search.js has shown its results.
func waitSearch(tb *tab) {
	tb.t.Helper()
	state := eval[string](tb, `new Promise(done => { const r = document.getElementById('search-results');
  const check = () => r.dataset.state === 'done' ? done('done') : setTimeout(check, 5); check(); })`)
	if state != "done" {
		tb.t.Fatal("the search did not finish")
	}
}
