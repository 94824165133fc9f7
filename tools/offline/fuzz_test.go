package offline

import (
	"bytes"
	"testing"
)

// FuzzRewriteHTML rewrites arbitrary pages: it never panics, leaves a
// page without markup as it is, and a second pass changes nothing (the
// addresses it writes are already relative addresses of files).
func FuzzRewriteHTML(f *testing.F) {
	for _, seed := range []string{
		`<!doctype html><html lang=en><link rel=stylesheet href=/css/site.min.abc.css><a href=/en/#p1>x</a>`,
		`<meta http-equiv=refresh content="0; url=/en/"><img srcset="/a.png 1x, /b.png 2x">`,
		`<p style="background:url('/favicon.svg')" data-index=/search/sr/>x<span data-online-only><a href=/offline/copy.zip>z</a></span>`,
		`<script>if (a < b) document.write("<a href=/x/>")</script><!-- <a href=/> --><a href='/documents/?q=a&amp;b'>`,
		`<A HREF = "/en" ><noscript><a href=../>x</a></noscript>`,
		`text < more text <`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, page string) {
		s, err := newSite("/")
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"index.html", "en/index.html", "documents/a/index.html", "css/s.css"} {
			s.add(name)
		}
		const at = "documents/a/index.html"
		once := s.rewriteHTML(at, []byte(page))
		if !bytes.Contains([]byte(page), []byte("<")) && string(once) != page {
			t.Fatalf("no markup, yet changed:\n%q\n%q", page, once)
		}
		if twice := s.rewriteHTML(at, once); !bytes.Equal(once, twice) {
			t.Fatalf("a second pass changed the page:\n%q\n%q\n%q", page, once, twice)
		}
	})
}
