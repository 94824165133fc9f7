package e2e

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/regionaldialogue/site/tools/hugo"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// testBaseURL puts the site under a sub-path, as on a GitHub project site,
// so that a link that assumes the host's root is caught.
const testBaseURL = "https://dialogue.example/sub/"

// built is the site TestMain built, shared by every test.
var built *site

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "e2e-site-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	public := filepath.Join(dir, "public")

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	err = hugo.Build(ctx, hugo.Options{Source: root, Destination: public, BaseURL: testBaseURL, Strict: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the site:", err)
		return 1
	}
	built, err = loadSite(root, public)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}

// A language as config.toml declares it.
type language struct {
	Key    string
	Locale string `toml:"locale"`
	Weight int    `toml:"weight"`
}

// site is a built site and the sources it was built from.
type site struct {
	root        string   // the repository
	public      string   // Hugo's output
	base        *url.URL // testBaseURL
	defaultLang string
	langs       []language // by weight
	docs        []*document

	// How many documents the home page, each page of the documents
	// section and each feed list (config.toml).
	homeDocuments, pagerSize, feedLimit int

	mu    sync.Mutex
	pages map[string]*page
}

func loadSite(root, public string) (*site, error) {
	var config struct {
		DefaultContentLanguage string              `toml:"defaultContentLanguage"`
		Languages              map[string]language `toml:"languages"`
		Params                 struct {
			HomeDocuments int `toml:"homeDocuments"`
		} `toml:"params"`
		Pagination struct {
			PagerSize int `toml:"pagerSize"`
		} `toml:"pagination"`
		Services struct {
			RSS struct {
				Limit int `toml:"limit"`
			} `toml:"rss"`
		} `toml:"services"`
	}
	b, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		return nil, err
	}
	if err := toml.Unmarshal(b, &config); err != nil {
		return nil, fmt.Errorf("config.toml: %v", err)
	}
	s := &site{root: root, public: public, defaultLang: config.DefaultContentLanguage, pages: map[string]*page{},
		homeDocuments: config.Params.HomeDocuments, pagerSize: config.Pagination.PagerSize, feedLimit: config.Services.RSS.Limit}
	if s.homeDocuments < 1 || s.pagerSize < 1 || s.feedLimit < 1 {
		return nil, fmt.Errorf("config.toml: params.homeDocuments %d, pagination.pagerSize %d, services.rss.limit %d: each must be at least 1",
			s.homeDocuments, s.pagerSize, s.feedLimit)
	}
	s.base, _ = url.Parse(testBaseURL)
	for key, l := range config.Languages {
		l.Key = key
		s.langs = append(s.langs, l)
	}
	slices.SortFunc(s.langs, func(a, b language) int { return a.Weight - b.Weight })
	if _, ok := s.lang(s.defaultLang); !ok {
		return nil, fmt.Errorf("config.toml: default language %q is not among the languages", s.defaultLang)
	}
	s.docs, err = loadDocuments(root, s.defaultLang)
	return s, err
}

func (s *site) lang(key string) (language, bool) {
	for _, l := range s.langs {
		if l.Key == key {
			return l, true
		}
	}
	return language{}, false
}

// langOf returns the language of a page from its path under public: the
// default language lives at the root, the others under /<key>/.
func (s *site) langOf(file string) language {
	first, _, _ := strings.Cut(file, "/")
	if l, ok := s.lang(first); ok && first != s.defaultLang {
		return l
	}
	l, _ := s.lang(s.defaultLang)
	return l
}

// prefix is the folder of a language's pages under public: "" or "en/".
func (s *site) prefix(lang string) string {
	if lang == s.defaultLang {
		return ""
	}
	return lang + "/"
}

// htmlFiles lists the HTML files under public, slash-separated and sorted.
func (s *site) htmlFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(s.public, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(s.public, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("the built site has no HTML files")
	}
	return files
}

func (s *site) read(t *testing.T, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.public, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// urlOf is the address Hugo gives the file: index.html is its folder.
func (s *site) urlOf(file string) *url.URL {
	return s.base.ResolveReference(&url.URL{Path: strings.TrimSuffix(file, "index.html")})
}

// fileOf maps an address on the site to the file that serves it, or
// reports why it has none: another host, outside the base path, or no
// such file (a folder without index.html counts as none).
func (s *site) fileOf(u *url.URL) (string, error) {
	if u.Scheme != s.base.Scheme || u.Host != s.base.Host {
		return "", fmt.Errorf("%s is not on the site %s", u, s.base)
	}
	if !strings.HasPrefix(u.Path, s.base.Path) {
		return "", fmt.Errorf("%s is outside the site's path %s", u, s.base.Path)
	}
	file := strings.TrimPrefix(u.Path, s.base.Path)
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if file != path.Clean(file) || strings.HasPrefix(file, "../") {
		return "", fmt.Errorf("%s is not a clean path", u)
	}
	info, err := os.Stat(filepath.Join(s.public, filepath.FromSlash(file)))
	if err != nil || !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s: no file %s in the built site", u, file)
	}
	return file, nil
}

// page is one parsed HTML file of the built site.
type page struct {
	file string
	url  *url.URL
	lang language
	doc  *html.Node
}

// page parses a built HTML file once and keeps it.
func (s *site) page(t *testing.T, file string) *page {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.pages[file]; ok {
		return p
	}
	doc, err := html.Parse(bytes.NewReader(s.read(t, file)))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	p := &page{file: file, url: s.urlOf(file), lang: s.langOf(file), doc: doc}
	s.pages[file] = p
	return p
}

// resolve turns a reference on page p into an absolute address.
func (p *page) resolve(ref string) (*url.URL, error) {
	return p.url.Parse(strings.TrimSpace(ref))
}

// is404 reports whether p is one of the "not found" pages.
func (p *page) is404() bool { return path.Base(p.file) == "404.html" }

// A document is one language version of a document, read from its content
// file, the way the converter writes it.
type document struct {
	file string // relative to the repository, e.g. content/documents/x.sr.md
	lang string
	key  string // translationKey: the same in every version
	slug string
	fm   frontMatter
	body string
}

type frontMatter struct {
	Title          string `yaml:"title"`
	Description    string `yaml:"description"`
	Slug           string `yaml:"slug"`
	TranslationKey string `yaml:"translationKey"`
	Params         struct {
		Subtitle         string `yaml:"subtitle"`
		DocumentType     string `yaml:"documentType"`
		Place            string `yaml:"place"`
		EventStart       string `yaml:"eventStart"`
		EventEnd         string `yaml:"eventEnd"`
		PlaceDates       string `yaml:"placeDates"`
		Source           string `yaml:"source"`
		SourceSHA256     string `yaml:"sourceSHA256"`
		OriginalLanguage string `yaml:"originalLanguage"`
		Transliterated   bool   `yaml:"transliterated"`
		Translation      bool   `yaml:"translation"`
	} `yaml:"params"`
}

// loadDocuments reads content/documents/*.md: <name>.<lang>.md, or
// <name>.md in the default language.
func loadDocuments(root, defaultLang string) ([]*document, error) {
	files, err := filepath.Glob(filepath.Join(root, "content", "documents", "*.md"))
	if err != nil {
		return nil, err
	}
	var docs []*document
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		if strings.HasPrefix(name, "_index") {
			continue
		}
		rel, _ := filepath.Rel(root, f)
		d := &document{file: filepath.ToSlash(rel), lang: defaultLang}
		if base, lang, ok := strings.Cut(name, "."); ok {
			name, d.lang = base, lang
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		front, body, ok := splitFrontMatter(string(b))
		if !ok {
			return nil, fmt.Errorf("%s: no YAML front matter between --- lines", d.file)
		}
		if err := yaml.Unmarshal([]byte(front), &d.fm); err != nil {
			return nil, fmt.Errorf("%s: %v", d.file, err)
		}
		d.body = body
		d.key = cmp.Or(d.fm.TranslationKey, name)
		d.slug = cmp.Or(d.fm.Slug, name)
		docs = append(docs, d)
	}
	return docs, nil
}

func splitFrontMatter(s string) (front, body string, ok bool) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	rest, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		return "", "", false
	}
	front, body, ok = strings.Cut(rest, "\n---\n")
	return front, body, ok
}

// pageFile is where the document's page must be: /documents/<slug>/ in
// the default language, /<lang>/documents/<slug>/ in the others.
func (s *site) pageFile(d *document) string {
	return s.prefix(d.lang) + "documents/" + d.slug + "/index.html"
}

// versions groups the documents by translationKey, each group in language
// weight order.
func (s *site) versions() map[string][]*document {
	groups := map[string][]*document{}
	for _, d := range s.docs {
		groups[d.key] = append(groups[d.key], d)
	}
	weight := func(d *document) int {
		l, _ := s.lang(d.lang)
		return l.Weight
	}
	for _, g := range groups {
		slices.SortFunc(g, func(a, b *document) int { return weight(a) - weight(b) })
	}
	return groups
}

// needDocuments fails the test when there is nothing to check: a site
// without documents would pass every per-document check vacuously.
func needDocuments(t *testing.T) {
	t.Helper()
	if len(built.docs) == 0 {
		t.Fatal("no documents in content/documents: run `go run ./tools/site convert` first")
	}
}

// HTML helpers.

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attrOr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attrOr(n, "class")), class)
}

func hasToken(n *html.Node, key, token string) bool {
	return slices.Contains(strings.Fields(strings.ToLower(attrOr(n, key))), token)
}

// all returns the elements under n (n included) for which match is true,
// in document order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			found = append(found, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	if found := all(n, match); len(found) > 0 {
		return found[0]
	}
	return nil
}

// blocks are the elements whose edges separate words even with no space
// between them in the markup.
var blocks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"dd": true, "div": true, "dl": true, "dt": true, "figcaption": true, "figure": true,
	"footer": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "li": true, "main": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "table": true, "td": true, "th": true, "tr": true, "ul": true,
}

// words returns the words a reader sees under n, in order, leaving out
// the subtrees for which skip is true (and scripts, styles, templates).
func words(n *html.Node, skip func(*html.Node) bool) []string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "template", "noscript":
				return
			}
			if skip != nil && skip(n) {
				return
			}
			if blocks[n.Data] {
				b.WriteString(" ")
				defer b.WriteString(" ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Fields(b.String())
}

// blockIDLine is an attribute line of its own under a paragraph or list item.
var blockIDLine = regexp.MustCompile(`(?m)^[ \t]*\{#([A-Za-z][\w-]*)\}[ \t]*$`)

// anyID finds every id a content file assigns, {#s1} after a heading
// included.
var anyID = regexp.MustCompile(`\{#([A-Za-z][\w-]*)\}`)

// TestSiteSources makes `go test` cache this package's result only as long
// as the site's sources stay as they are: the build in TestMain runs before
// the testing package records which files the tests look at.
func TestSiteSources(t *testing.T) { hugo.StatInputs(built.root) }
