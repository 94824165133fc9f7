package publish

import (
	"archive/zip"
	"bytes"
	"context"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/linkcheck"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
	"github.com/regionaldialogue/site/tools/offline"
)

// The site is built once under a sub-path, as a GitHub project site is
// (https://USER.github.io/REPO/), and served by a real HTTP server.
var (
	buildOnce sync.Once
	server    *httptest
	buildErr  error
	publicA   string // the site, built from one copy of the repository
	publicB   string // built again from another copy, for reproducibility
	summaryA  *Summary
)

type httptest struct {
	base *url.URL // http://127.0.0.1:PORT/repo/
	srv  *http.Server
}

// copyRepo copies the site's sources into a new folder, so that the tests
// build exactly as a fresh clone would and never write into the repository.
func copyRepo(dst string) error {
	for _, name := range sitecopy.Sources {
		if err := sitecopy.CopyTree(filepath.Join("..", "..", name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	return nil
}

func setup(t *testing.T) {
	t.Helper()
	hugo.StatInputs("../..")
	buildOnce.Do(func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			buildErr = err
			return
		}
		base, _ := url.Parse("http://" + ln.Addr().String() + "/repo/")
		dir, err := os.MkdirTemp("", "publish-test-")
		if err != nil {
			buildErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		for i, public := range []*string{&publicA, &publicB} {
			root := filepath.Join(dir, "repo"+string(rune('A'+i)))
			if buildErr = copyRepo(root); buildErr != nil {
				return
			}
			*public = filepath.Join(root, "public")
			var sum *Summary
			if sum, buildErr = Build(ctx, Options{Root: root, BaseURL: base.String()}); buildErr != nil {
				return
			}
			if i == 0 {
				summaryA = sum
			}
		}
		srv := &http.Server{Handler: http.StripPrefix("/repo", pagesHandler(publicA))}
		go srv.Serve(ln)
		server = &httptest{base: base, srv: srv}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// pagesHandler serves dir as GitHub Pages serves a site: a folder's
// index.html, and the site's own 404.html with status 404 for an address
// with nothing there.
func pagesHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/")))
		if info, err := os.Stat(p); err == nil && (!info.IsDir() || exists(filepath.Join(p, "index.html"))) {
			files.ServeHTTP(w, r)
			return
		}
		body, _ := os.ReadFile(filepath.Join(dir, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(body)
	})
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// TestSummary: the files and bytes the build reports are those of the
// site it left in public/, the offline ZIP included.
func TestSummary(t *testing.T) {
	setup(t)
	files, size := 0, int64(0)
	err := filepath.WalkDir(publicA, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		files, size = files+1, size+info.Size()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if summaryA.SiteFiles != files || summaryA.SiteBytes != size {
		t.Errorf("summary: %d files, %d bytes; public/ holds %d files, %d bytes", summaryA.SiteFiles, summaryA.SiteBytes, files, size)
	}
	zipInfo, err := os.Stat(filepath.Join(publicA, filepath.FromSlash(ZipPath)))
	if err != nil {
		t.Fatal(err)
	}
	if summaryA.ZipBytes != zipInfo.Size() {
		t.Errorf("summary: ZIP of %d bytes; the file has %d", summaryA.ZipBytes, zipInfo.Size())
	}
}

// TestReproducible builds the site twice, from two copies of the
// repository, and requires byte-identical trees, the offline ZIP included.
func TestReproducible(t *testing.T) {
	setup(t)
	a, b := tree(t, publicA), tree(t, publicB)
	if len(a) == 0 {
		t.Fatal("empty build")
	}
	for name, data := range a {
		if other, ok := b[name]; !ok {
			t.Errorf("%s: only in the first build", name)
		} else if !bytes.Equal(data, other) {
			t.Errorf("%s: differs between two builds of the same sources", name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			t.Errorf("%s: only in the second build", name)
		}
	}
}

func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestSubPathCrawl crawls the site served under /repo/ from its root: every
// link, stylesheet, script, image and fragment on every page resolves, and
// nothing leads outside /repo/.
func TestSubPathCrawl(t *testing.T) {
	setup(t)
	res := linkcheck.Crawl(linkcheck.HTTP{Client: http.DefaultClient}, linkcheck.Options{
		Start:  server.base,
		Inside: server.inside,
	})
	for _, p := range res.Problems {
		t.Error(p)
	}
	checkCoverage(t, res, publicA)
	// The offline copy is linked from every page, and downloads.
	zipURL := server.base.ResolveReference(&url.URL{Path: ZipPath}).String()
	if !slices.Contains(res.Assets, zipURL) {
		t.Errorf("the offline copy %s is not linked from the site", zipURL)
	}
	for key, p := range res.Pages {
		if !linksTo(p, zipURL) {
			t.Errorf("%s: no link to the offline copy", key)
		}
	}
}

func (s *httptest) inside(u *url.URL) bool {
	return u.Scheme == s.base.Scheme && u.Host == s.base.Host && strings.HasPrefix(u.Path, s.base.Path)
}

// checkCoverage requires the crawl to have reached every HTML page of the
// build (but the 404 pages, which nothing links to).
func checkCoverage(t *testing.T, res *linkcheck.Result, dir string) {
	t.Helper()
	reached := map[string]bool{}
	for _, p := range res.Pages {
		reached[pagePath(p.URL)] = true
	}
	for name := range tree(t, dir) {
		if strings.HasSuffix(name, ".html") && filepath.Base(name) != "404.html" && !reached[name] {
			t.Errorf("%s: no link leads to it", name)
		}
	}
}

// pagePath maps a crawled address to the file under the site's root.
func pagePath(u *url.URL) string {
	p := u.Path
	if i := strings.Index(p, "/repo/"); u.Scheme != "file" && i >= 0 {
		p = p[i+len("/repo/"):]
	} else if i := strings.Index(p, "/"+OfflineName+"/"); i >= 0 {
		p = p[i+len(OfflineName)+2:]
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

func linksTo(p *linkcheck.Page, target string) bool {
	for _, r := range p.Refs {
		if r.URL.String() == target {
			return true
		}
	}
	return false
}

// TestUnknownAddress asks for an address with nothing under /repo/: the
// answer is the site's 404.html with status 404, and its links work from
// there.
func TestUnknownAddress(t *testing.T) {
	setup(t)
	missing := server.base.ResolveReference(&url.URL{Path: "no/such/page/"})
	resp, err := http.Get(missing.String())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("%s: status %d, want 404", missing, resp.StatusCode)
	}
	notFound, err := os.ReadFile(filepath.Join(publicA, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	f := bodyFor{missing.String(), notFound, linkcheck.HTTP{Client: http.DefaultClient}}
	res := linkcheck.Crawl(f, linkcheck.Options{Start: missing, Inside: server.inside})
	for _, p := range res.Problems {
		t.Error(p)
	}
	if len(res.Pages) < 3 {
		t.Errorf("from the 404 page the crawl reached only %d pages", len(res.Pages))
	}
}

// bodyFor answers one address with a fixed body, others from next.
type bodyFor struct {
	url  string
	body []byte
	next linkcheck.Fetcher
}

func (b bodyFor) Fetch(u *url.URL) ([]byte, error) {
	v := *u
	v.Fragment = ""
	if v.String() == b.url {
		return b.body, nil
	}
	return b.next.Fetch(u)
}

// TestOfflineZip checks the offline copy as a reader gets it: one folder
// whose index.html opens the site, sorted entries with fixed times, and
// every link, from index.html on, leads to a file inside the copy.
func TestOfflineZip(t *testing.T) {
	setup(t)
	data, err := os.ReadFile(filepath.Join(publicA, filepath.FromSlash(ZipPath)))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !strings.HasPrefix(f.Name, OfflineName+"/") {
			t.Errorf("entry %s is outside the folder %s/", f.Name, OfflineName)
		}
		if !f.Modified.Equal(offline.Time) {
			t.Errorf("entry %s has time %v, want the fixed %v", f.Name, f.Modified, offline.Time)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("entries are not sorted: %v", names)
	}
	root := filepath.Join(dir, OfflineName)
	index := filepath.Join(root, "index.html")
	if !exists(index) {
		t.Fatalf("the copy has no %s/index.html", OfflineName)
	}

	res := linkcheck.Crawl(linkcheck.Dir{Root: root}, linkcheck.Options{
		Start: linkcheck.FileURL(index),
		Inside: func(u *url.URL) bool {
			return u.Scheme == "file"
		},
	})
	for _, p := range res.Problems {
		t.Error(p)
	}
	checkCoverage(t, res, root)
	checkSwitches(t, res)
	checkNoFetch(t, root)
	checkNoZipLink(t, root)
}

// checkNoZipLink requires the copy to leave out what only the site has:
// the link to the ZIP (the copy does not hold itself) and anything else
// marked online-only.
func checkNoZipLink(t *testing.T, root string) {
	t.Helper()
	for name, data := range tree(t, root) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if bytes.Contains(data, []byte(offline.OnlineOnly)) || bytes.Contains(data, []byte(OfflineName+".zip")) {
			t.Errorf("%s: keeps the link to the ZIP or an element marked %s", name, offline.OnlineOnly)
		}
	}
}

// checkSwitches requires every language switch on a document page to lead
// to the same document in the version it names: a page in that language
// with the same block ids.
func checkSwitches(t *testing.T, res *linkcheck.Result) {
	t.Helper()
	docs := 0
	for key, p := range res.Pages {
		if !strings.Contains(p.URL.Path, "/documents/") || strings.HasSuffix(p.URL.Path, "/documents/index.html") {
			continue
		}
		docs++
		switches := 0
		for _, r := range p.Refs {
			lang := linkcheck.Attr(r.Node, "hreflang")
			if lang == "" || r.Node.Parent == nil || !inNav(r.Node) {
				continue
			}
			switches++
			target := res.Pages[r.URL.String()]
			if target == nil {
				t.Errorf("%s: switch to %s leads to %s, not a crawled page", key, lang, r.URL)
				continue
			}
			if got := htmlLang(target.Doc); got != lang {
				t.Errorf("%s: switch to %s leads to a page in %q", key, lang, got)
			}
			for id := range p.IDs {
				if isBlockID(id) && !target.IDs[id] {
					t.Errorf("%s: switch to %s leads to %s, which lacks block %s: not the same document", key, lang, r.URL, id)
				}
			}
		}
		if switches < 2 {
			t.Errorf("%s: %d language switch links, want one per version", key, switches)
		}
	}
	if docs == 0 {
		t.Error("no document page reached")
	}
}

func inNav(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.DataAtom == atom.Nav {
			return true
		}
	}
	return false
}

func htmlLang(doc *html.Node) string {
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Html {
			return linkcheck.Attr(n, "lang")
		}
	}
	return ""
}

// isBlockID reports whether id is a converter's block id: s1, p2, b3, n4.
func isBlockID(id string) bool {
	return len(id) >= 2 && strings.ContainsRune("spbn", rune(id[0])) && strings.Trim(id[1:], "0123456789") == ""
}

// checkNoFetch requires the copy's scripts to load nothing (from disk,
// fetch() and XMLHttpRequest fail) and its pages to name no host.
func checkNoFetch(t *testing.T, root string) {
	t.Helper()
	for name, data := range tree(t, root) {
		if strings.HasSuffix(name, ".js") && (bytes.Contains(data, []byte("fetch(")) || bytes.Contains(data, []byte("XMLHttpRequest"))) {
			t.Errorf("%s: loads data at run time, which fails from disk", name)
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				if v := strings.TrimSpace(a.Val); strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
					t.Errorf("%s: <%s %s=%q>: an absolute address; the copy must depend on no host", name, n.Data, a.Key, v)
				}
			}
		}
	}
}
