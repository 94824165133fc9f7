package browser

import (
	"archive/zip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/regionaldialogue/site/tools/publish"
	"go.yaml.in/yaml/v3"
)

// Not "-artifacts": go test has a flag of that name (testing.T.ArtifactDir),
// whose folders are removed after the run unless it is given.
var screenshotsFlag = flag.String("screenshots", "", "folder (an absolute path) to keep screenshots and PDFs in; default: a new folder under the system's temporary directory")

// root is the repository, seen from this package's folder.
const root = "../.."

// The external programs and files the tests use.
const chromiumPath = "/usr/bin/chromium"

var (
	vnuJar = filepath.Join(root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	axeJS  = filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
)

// Everything a test package builds or starts once, removed by TestMain.
var (
	cleanups   []func()
	cleanupsMu sync.Mutex
)

func atExit(f func()) {
	cleanupsMu.Lock()
	defer cleanupsMu.Unlock()
	cleanups = append(cleanups, f)
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if artifactsUsed.Load() {
		if dir, err := artifacts(); err == nil {
			fmt.Fprintf(os.Stderr, "browser: screenshots and PDFs are in %s\n", dir)
		}
	}
	cleanupsMu.Lock()
	for _, f := range slices.Backward(cleanups) {
		f()
	}
	cleanupsMu.Unlock()
	os.Exit(code)
}

// inCI reports whether missing tools fail the tests instead of skipping
// them.
func inCI() bool { return os.Getenv("CI") == "true" }

// missing skips t, saying what to install, or fails it in CI.
func missing(t testing.TB, what, install string) {
	t.Helper()
	if inCI() {
		t.Fatalf("%s is missing, and CI=true forbids skipping: %s", what, install)
	}
	t.Skipf("%s is missing: %s (with CI=true this is a failure)", what, install)
}

func needChromium(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		missing(t, chromiumPath, "install Debian's chromium: apt-get install chromium")
	}
}

func needJava(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		missing(t, "java", "install Java 17: apt-get install openjdk-17-jre-headless")
	}
}

func needPdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		missing(t, "pdftotext", "install poppler-utils: apt-get install poppler-utils")
	}
}

func needNodeModule(t testing.TB, file string) {
	t.Helper()
	if _, err := os.Stat(file); err != nil {
		rel, _ := filepath.Rel(root, file)
		missing(t, rel, "run `npm ci` at the repository's root (package.json pins vnu-jar and axe-core)")
	}
}

// artifacts returns the folder for screenshots and PDFs, made on first use
// and kept after the run.
var artifacts = sync.OnceValues(func() (string, error) {
	if *screenshotsFlag != "" {
		return *screenshotsFlag, os.MkdirAll(*screenshotsFlag, 0o755)
	}
	return os.MkdirTemp("", "site-browser-artifacts-")
})

var artifactsUsed atomic.Bool

func artifactDir(t *testing.T) string {
	t.Helper()
	artifactsUsed.Store(true)
	dir, err := artifacts()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// A language as config.toml declares it.
type language struct {
	Key    string
	Locale string `toml:"locale"`
	Weight int    `toml:"weight"`
}

// meta is what the tests know about the site from its sources.
type meta struct {
	defaultLang string
	langs       []language // by weight
	docs        []string   // the documents' slugs, sorted
	// versions[slug] are the languages a document exists in.
	versions map[string][]string
}

func (m *meta) locale(key string) string {
	for _, l := range m.langs {
		if l.Key == key {
			return l.Locale
		}
	}
	return ""
}

func readMeta() (*meta, error) {
	var config struct {
		DefaultContentLanguage string              `toml:"defaultContentLanguage"`
		Languages              map[string]language `toml:"languages"`
	}
	b, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		return nil, err
	}
	if err := toml.Unmarshal(b, &config); err != nil {
		return nil, fmt.Errorf("config.toml: %v", err)
	}
	m := &meta{defaultLang: config.DefaultContentLanguage, versions: map[string][]string{}}
	for key, l := range config.Languages {
		l.Key = key
		m.langs = append(m.langs, l)
	}
	slices.SortFunc(m.langs, func(a, b language) int { return a.Weight - b.Weight })
	files, err := filepath.Glob(filepath.Join(root, "content", "documents", "*.md"))
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		if strings.HasPrefix(name, "_index") {
			continue
		}
		lang := m.defaultLang
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			lang = name[i+1:]
		}
		var fm struct {
			Slug string `yaml:"slug"`
		}
		if err := readFrontMatter(f, &fm); err != nil {
			return nil, err
		}
		if fm.Slug == "" {
			return nil, fmt.Errorf("%s: no slug in the front matter", f)
		}
		if m.versions[fm.Slug] == nil {
			m.docs = append(m.docs, fm.Slug)
		}
		m.versions[fm.Slug] = append(m.versions[fm.Slug], lang)
	}
	slices.Sort(m.docs)
	for _, vs := range m.versions {
		slices.SortFunc(vs, func(a, b string) int { return m.weight(a) - m.weight(b) })
	}
	if len(m.docs) == 0 {
		return nil, errors.New("content/documents holds no document")
	}
	return m, nil
}

func (m *meta) weight(key string) int {
	for _, l := range m.langs {
		if l.Key == key {
			return l.Weight
		}
	}
	return 1 << 30
}

func readFrontMatter(file string, v any) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	rest, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		return fmt.Errorf("%s: no YAML front matter", file)
	}
	fm, _, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return fmt.Errorf("%s: front matter does not end", file)
	}
	if err := yaml.Unmarshal([]byte(fm), v); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	return nil
}

// site is one build of the site, as the browser reaches it.
type site struct {
	name string // "http" or "offline"
	dir  string // the built files
	base string // the URL of dir: http://127.0.0.1:PORT/repo/ or file:///…/
	http bool
	html []string // the HTML files under dir, slash-separated, sorted
	*meta
}

// url returns the address a reader uses for the file rel: over HTTP a
// folder's index.html is reached as the folder.
func (s *site) url(rel string) string {
	if s.http {
		if rel == "index.html" {
			return s.base
		}
		if dir, ok := strings.CutSuffix(rel, "/index.html"); ok {
			return s.base + dir + "/"
		}
	}
	return s.base + rel
}

// file returns the file a URL of the site opens, or false for a URL
// outside the site. The fragment and query are ignored.
func (s *site) file(u string) (string, bool) {
	u, _, _ = strings.Cut(u, "#")
	u, _, _ = strings.Cut(u, "?")
	rest, ok := strings.CutPrefix(u, s.base)
	if !ok {
		return "", false
	}
	if p, err := url.PathUnescape(rest); err == nil {
		rest = p
	}
	if s.http && (rest == "" || strings.HasSuffix(rest, "/")) {
		rest += "index.html"
	}
	return rest, true
}

// own reports whether a URL a page requested belongs to the site: over
// HTTP the test server under /repo/, from disk a file inside the copy.
func (s *site) own(u string) bool {
	_, ok := s.file(u)
	return ok
}

// prefix is the folder of a language's pages: "" or "en/".
func (s *site) prefix(lang string) string {
	if lang == s.defaultLang {
		return ""
	}
	return lang + "/"
}

func (s *site) home(lang string) string { return s.prefix(lang) + "index.html" }

// docPage is the file of a document's page in a language: its folder's
// index.html, over HTTP and in the offline copy alike.
func (s *site) docPage(lang, slug string) string {
	return s.prefix(lang) + "documents/" + slug + "/index.html"
}

// pageKind names the kind of page a file is, for screenshots and messages.
func (s *site) pageKind(rel string) string {
	lang := s.defaultLang
	if first, _, ok := strings.Cut(rel, "/"); ok && s.locale(first) != "" {
		lang = first
	}
	rest := strings.TrimPrefix(rel, s.prefix(lang))
	switch {
	case rest == "404.html":
		return "404"
	case rest == "index.html":
		return "home"
	case rest == "documents/index.html":
		return "section"
	case strings.HasPrefix(rest, "documents/") && strings.HasSuffix(rest, "/compare/index.html"):
		return "compare" // a document's parallel view
	case strings.HasPrefix(rest, "documents/"):
		return "document"
	}
	return "other"
}

func (s *site) langOf(rel string) string {
	if first, _, ok := strings.Cut(rel, "/"); ok && first != s.defaultLang && s.locale(first) != "" {
		return first
	}
	return s.defaultLang
}

// The two builds, made on first use.
type builds struct {
	http, offline *site
	// broken is a folder served under /repo/broken/ for TestBrokenPages,
	// and thirdParty the address of a second server that stands for any
	// other host.
	broken     string
	thirdParty string
}

var built = sync.OnceValues(build)

func getBuilds(t *testing.T) *builds {
	t.Helper()
	b, err := built()
	if err != nil {
		t.Fatalf("building the site: %v", err)
	}
	return b
}

func build() (*builds, error) {
	start := time.Now()
	m, err := readMeta()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "site-browser-")
	if err != nil {
		return nil, err
	}
	atExit(func() { os.RemoveAll(tmp) })

	// Listen first to learn the port the base URL names.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	base := "http://" + ln.Addr().String() + "/repo/"
	public := filepath.Join(tmp, "public")
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	sum, err := publish.Build(ctx, publish.Options{Root: root, Public: public, BaseURL: base, SkipConvert: true})
	if err != nil {
		ln.Close()
		return nil, err
	}
	b := &builds{broken: filepath.Join(tmp, "broken")}
	if err := os.Mkdir(b.broken, 0o755); err != nil {
		return nil, err
	}
	b.http = &site{name: "http", dir: public, base: base, http: true, meta: m}
	if b.http.html, err = htmlFiles(public); err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: siteHandler(public, b.broken)}
	go srv.Serve(ln)
	atExit(func() { srv.Close() })

	// A server on another host name stands for the rest of the web: a page
	// that loads anything from it has a request to another host.
	tpLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b.thirdParty = "http://localhost:" + strings.TrimPrefix(tpLn.Addr().String(), "127.0.0.1:") + "/"
	tpSrv := &http.Server{Handler: thirdPartyHandler()}
	go tpSrv.Serve(tpLn)
	atExit(func() { tpSrv.Close() })

	offline := filepath.Join(tmp, "offline")
	if err := unzip(sum.ZipPath, offline); err != nil {
		return nil, err
	}
	dir := filepath.Join(offline, publish.OfflineName)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	b.offline = &site{name: "offline", dir: abs, base: (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs) + "/"}).String(), meta: m}
	if b.offline.html, err = htmlFiles(abs); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "browser: built the site (%d HTML files) and its offline copy (%d) in %v\n",
		len(b.http.html), len(b.offline.html), time.Since(start).Round(time.Millisecond))
	return b, nil
}

// siteHandler serves public under /repo/ as GitHub Pages serves a project
// site: a folder's index.html for the folder, and for anything else that
// is not a file the site's 404.html with status 404. broken is served
// under /repo/broken/ (TestBrokenPages).
func siteHandler(public, broken string) http.Handler {
	files := http.FileServer(http.Dir(public))
	notFound := func(w http.ResponseWriter) {
		page, err := os.ReadFile(filepath.Join(public, "404.html"))
		if err != nil {
			http.Error(w, "404 page not found", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(page)
	}
	mux := http.NewServeMux()
	mux.Handle("/repo/broken/", http.StripPrefix("/repo/broken", http.FileServer(http.Dir(broken))))
	mux.HandleFunc("/repo/", func(w http.ResponseWriter, r *http.Request) {
		rel := strings.TrimPrefix(path.Clean(strings.TrimPrefix(r.URL.Path, "/repo")), "/")
		name := filepath.Join(public, filepath.FromSlash(rel))
		info, err := os.Stat(name)
		if err == nil && info.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			notFound(w)
			return
		}
		http.StripPrefix("/repo", files).ServeHTTP(w, r)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { notFound(w) })
	return mux
}

// thirdPartyHandler answers like a web font service: a stylesheet whose
// @font-face loads a font from the same host.
func thirdPartyHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if strings.HasSuffix(r.URL.Path, ".woff2") {
			w.Header().Set("Content-Type", "font/woff2")
			return
		}
		w.Header().Set("Content-Type", "text/css")
		fmt.Fprint(w, "@font-face{font-family:Web;src:url(/web.woff2) format('woff2')}body{font-family:Web,sans-serif}")
	})
}

func htmlFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(files)
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("%s: no HTML files", dir)
	}
	return files, err
}

func unzip(zipFile, dst string) error {
	zr, err := zip.OpenReader(zipFile)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) {
			return fmt.Errorf("%s: entry %q leaves the folder", zipFile, f.Name)
		}
		name := filepath.Join(dst, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(name, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return err
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// forEachSite runs f as a subtest for each build.
func forEachSite(t *testing.T, f func(t *testing.T, s *site)) {
	b := getBuilds(t)
	for _, s := range []*site{b.http, b.offline} {
		t.Run(s.name, func(t *testing.T) { f(t, s) })
	}
}
