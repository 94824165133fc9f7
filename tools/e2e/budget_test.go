package e2e

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The budget of issue 3: a page's HTML with the scripts it loads,
// gzip-compressed, at most 8 KB; its CSS, which is inline in the HTML
// (issue 15), at most 3 KB. A document's parallel view
// (documents/<slug>/compare/, issue 17), which holds every version, has
// its own budget: 16 KB.
const (
	pageBudget        = 8 * 1024
	cssBudget         = 3 * 1024
	comparePageBudget = 16 * 1024
)

// gzipSize is the size of b compressed as a web server commonly sends it
// (gzip's default level, 6).
func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// scripts are the script files page p loads.
func scripts(t *testing.T, s *site, p *page) []string {
	t.Helper()
	var js []string
	for _, n := range all(p.doc, func(n *html.Node) bool { return n.Data == "script" && attrOr(n, "src") != "" }) {
		ref := attrOr(n, "src")
		u, err := p.resolve(ref)
		var file string
		if err == nil {
			file, err = s.fileOf(u)
		}
		if err != nil {
			t.Errorf("%s: <script> %q: %v", p.file, ref, err)
			continue
		}
		js = append(js, file)
	}
	return js
}

// TestBudget: every page, with what it loads, fits the budget; its inline
// CSS fits the CSS budget; the scripts are minified (checkInline checks
// that the CSS is). With -v it prints each page's weight.
func TestBudget(t *testing.T) { checkBudget(t, built) }

// checkBudget checks every page of the built site s against the budget.
func checkBudget(t *testing.T, s *site) {
	for _, file := range s.htmlFiles(t) {
		p := s.page(t, file)
		htmlSize := gzipSize(t, s.read(t, file))
		cssSize := 0
		for _, style := range all(p.doc, tag("style")) {
			if style.FirstChild != nil {
				cssSize += gzipSize(t, []byte(style.FirstChild.Data))
			}
		}
		if cssSize == 0 {
			t.Errorf("%s: no inline CSS", file)
		}
		if cssSize > cssBudget {
			t.Errorf("%s: inline CSS %d bytes gzip, over the CSS budget of %d", file, cssSize, cssBudget)
		}
		jsSize := 0
		for _, f := range scripts(t, s, p) {
			b := s.read(t, f)
			if bytes.Contains(b, []byte("/*")) || bytes.Contains(b, []byte("\n//")) || bytes.HasPrefix(b, []byte("//")) {
				t.Errorf("%s: not minified (comments)", f)
			}
			jsSize += gzipSize(t, b)
		}
		total := htmlSize + jsSize
		t.Logf("%-62s html %5d (css %5d inline) + js %4d = %5d bytes gzip", file, htmlSize, cssSize, jsSize, total)
		budget := pageBudget
		if isComparePage(file) {
			budget = comparePageBudget
		}
		if total > budget {
			t.Errorf("%s: %d bytes gzip with its scripts, over the budget of %d", file, total, budget)
		}
	}
}

// fetchingAttrs are the attributes that make a browser fetch something
// (<a href> is not one: a deliberate link elsewhere is allowed).
var fetchingAttrs = map[string]bool{
	"src": true, "srcset": true, "poster": true, "data": true, "action": true,
	"formaction": true, "background": true, "manifest": true, "ping": true,
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// TestNoExternalReferences: nothing a page loads (src, srcset, a <link>'s
// href, CSS url() and @import) comes from another host, and every such
// reference on the site's own host leads to a file that exists.
func TestNoExternalReferences(t *testing.T) {
	check := func(where string, base *url.URL, ref string) {
		ref = strings.TrimSpace(ref)
		if ref == "" {
			return
		}
		u, err := base.Parse(ref)
		if err != nil {
			t.Errorf("%s: bad reference %q: %v", where, ref, err)
			return
		}
		switch {
		case u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "javascript":
			t.Errorf("%s: %s: URI %q (the CSP allows only the site's own origin)", where, u.Scheme, ref)
		case u.Host != built.base.Host || u.Scheme != built.base.Scheme:
			t.Errorf("%s: %q is on another host", where, ref)
		default:
			if _, err := built.fileOf(u); err != nil {
				t.Errorf("%s: %v", where, err)
			}
		}
	}

	for _, file := range built.htmlFiles(t) {
		p := built.page(t, file)
		for _, n := range all(p.doc, func(*html.Node) bool { return true }) {
			for _, a := range n.Attr {
				switch {
				case a.Key == "srcset":
					for _, candidate := range strings.Split(a.Val, ",") {
						if f := strings.Fields(candidate); len(f) > 0 {
							check(file+" srcset", p.url, f[0])
						}
					}
				case fetchingAttrs[a.Key], a.Key == "href" && n.Data != "a" && n.Data != "area":
					check(file+" <"+n.Data+" "+a.Key+">", p.url, a.Val)
				}
			}
			if n.Data == "style" && n.FirstChild != nil {
				checkCSS(file+" <style>", p.url, n.FirstChild.Data, check)
			}
		}
	}

	err := filepath.WalkDir(built.public, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(f, ".css") {
			return err
		}
		rel, _ := filepath.Rel(built.public, f)
		rel = filepath.ToSlash(rel)
		checkCSS(rel, built.urlOf(rel), string(built.read(t, rel)), check)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkCSS(where string, base *url.URL, css string, check func(string, *url.URL, string)) {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		for _, ref := range m[1:] {
			if ref != "" {
				check(where+" url()", base, ref)
			}
		}
	}
}
