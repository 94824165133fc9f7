package e2e

import (
	"context"
	"encoding/xml"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/hugo"
)

// addresses returns what on page p must be an absolute address: the
// canonical link, the hreflang alternates, og:url, and every @id and url
// in its JSON-LD, each named by where it was found.
func addresses(t *testing.T, p *page) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	for _, n := range all(p.doc, tag("link")) {
		switch {
		case hasToken(n, "rel", "canonical"):
			found["canonical"] = append(found["canonical"], attrOr(n, "href"))
		case hasToken(n, "rel", "alternate") && attrOr(n, "hreflang") != "":
			found["hreflang "+attrOr(n, "hreflang")] = append(found["hreflang "+attrOr(n, "hreflang")], attrOr(n, "href"))
		}
	}
	if u, ok := meta(p, "og:url"); ok {
		found["og:url"] = append(found["og:url"], u)
	}
	var walk func(where string, v any)
	walk = func(where string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && (k == "@id" || k == "url") {
					found["JSON-LD "+where+k] = append(found["JSON-LD "+where+k], s)
				} else {
					walk(where+k+".", x)
				}
			}
		case []any:
			for _, x := range v {
				walk(where, x)
			}
		}
	}
	walk("", jsonLD(t, p))
	return found
}

// sitemapAddresses returns every <loc> and alternate href in the sitemap
// files of the built site s, by file.
func sitemapAddresses(t *testing.T, s *site) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	err := filepath.WalkDir(s.public, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), "sitemap") {
			return err
		}
		rel, _ := filepath.Rel(s.public, f)
		found[rel] = nil
		dec := xml.NewDecoder(strings.NewReader(string(s.read(t, filepath.ToSlash(rel)))))
		inLoc := false
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inLoc = tok.Name.Local == "loc"
				for _, a := range tok.Attr {
					if a.Name.Local == "href" {
						found[rel] = append(found[rel], a.Value)
					}
				}
			case xml.CharData:
				if inLoc {
					found[rel] = append(found[rel], strings.TrimSpace(string(tok)))
				}
			case xml.EndElement:
				inLoc = false
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestAbsoluteAddresses: built with an absolute base URL, every page has
// its canonical link and og:url (but 404 pages), and they, the hreflang
// alternates, the JSON-LD's @id and url, and the sitemaps' addresses are
// all absolute, on the site's host and under its path.
func TestAbsoluteAddresses(t *testing.T) {
	absolute := func(where, ref string) {
		t.Helper()
		u, err := url.Parse(ref)
		if err != nil || !u.IsAbs() || u.Host != built.base.Host || !strings.HasPrefix(u.Path, built.base.Path) {
			t.Errorf("%s: %q is not an absolute address under %s", where, ref, built.base)
		}
	}
	for _, file := range built.htmlFiles(t) {
		p := built.page(t, file)
		found := addresses(t, p)
		if !p.is404() && (len(found["canonical"]) != 1 || len(found["og:url"]) != 1) {
			t.Errorf("%s: canonical %q, og:url %q: want one of each", file, found["canonical"], found["og:url"])
		}
		for where, refs := range found {
			for _, ref := range refs {
				absolute(file+": "+where, ref)
			}
		}
	}
	maps := sitemapAddresses(t, built)
	if len(maps) == 0 {
		t.Error("no sitemap")
	}
	for file, refs := range maps {
		if len(refs) == 0 {
			t.Errorf("%s: no addresses", file)
		}
		for _, ref := range refs {
			absolute(file, ref)
		}
	}
}

// TestRelativeBaseURL: built with config.toml's default base URL "/",
// which is no absolute address, the pages leave out what must be absolute
// (canonical, hreflang alternates, og:url, JSON-LD @id and url) rather
// than write relative addresses, there is no sitemap, and robots.txt
// names none; the rest of the head is as in the absolute build.
func TestRelativeBaseURL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site a second time with Hugo")
	}
	public := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := hugo.Build(ctx, hugo.Options{Source: built.root, Destination: public, Strict: true}); err != nil {
		t.Fatal(err)
	}
	s, err := loadSite(built.root, public)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range s.htmlFiles(t) {
		p := s.page(t, file)
		for where, refs := range addresses(t, p) {
			t.Errorf("%s: %s %q: a page without an absolute address has none", file, where, refs)
		}
		checkInline(t, p)
	}
	for file := range sitemapAddresses(t, s) {
		t.Errorf("%s: a sitemap, which needs absolute addresses", file)
	}
	if robots := string(s.read(t, "robots.txt")); strings.Contains(robots, "Sitemap") {
		t.Errorf("robots.txt names a sitemap:\n%s", robots)
	}
}
