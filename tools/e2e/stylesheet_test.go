package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
)

// TestPageStylesheet: a page whose param css names a stylesheet under
// static/ gets it inline after site.css, in the same <style> and under the
// same hash (checkInline); other pages do not; a name that is no file
// fails the build, naming it.
func TestPageStylesheet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site twice more with Hugo")
	}
	needDocuments(t)
	root := filepath.Join(t.TempDir(), "site")
	for _, f := range sitecopy.Sources {
		if err := sitecopy.CopyTree(filepath.Join(built.root, f), filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}
	const rule = ".page-kind-rule{color:red}"
	if err := os.WriteFile(filepath.Join(root, "static", "css", "page-kind.css"), []byte(rule+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := built.docs[0]
	withCSS := func(name string) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(built.root, d.file))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(b), "\nparams:\n", "\nparams:\n  css: "+name+"\n", 1)
		if text == string(b) {
			t.Fatalf("%s: no params: in the front matter", d.file)
		}
		if err := os.WriteFile(filepath.Join(root, d.file), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func() (string, error) {
		public := filepath.Join(t.TempDir(), "public")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		return public, hugo.Build(ctx, hugo.Options{Source: root, Destination: public, BaseURL: testBaseURL, Strict: true})
	}

	withCSS("css/page-kind.css")
	public, err := build()
	if err != nil {
		t.Fatal(err)
	}
	s, err := loadSite(root, public)
	if err != nil {
		t.Fatal(err)
	}
	file := s.pageFile(d)
	for _, f := range s.htmlFiles(t) {
		p := s.page(t, f)
		checkInline(t, p)
		css := ""
		if style := first(p.doc, tag("style")); style != nil && style.FirstChild != nil {
			css = style.FirstChild.Data
		}
		switch has := strings.Contains(css, ".page-kind-rule"); {
		case f == file && (!has || !strings.Contains(css, ".block-link")):
			t.Errorf("%s: the inline CSS lacks site.css or page-kind.css", f)
		case f != file && has:
			t.Errorf("%s: the inline CSS has page-kind.css, which only %s names", f, file)
		}
	}

	withCSS("css/no-such.css")
	if _, err := build(); err == nil || !strings.Contains(err.Error(), "css/no-such.css") {
		t.Errorf("param css names no file: build error %v, want one naming css/no-such.css", err)
	}
}
