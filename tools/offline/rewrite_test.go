package offline

import "testing"

// testSite is a site with documents/a/index.html, its folders, a CSS file
// and a search index folder, built for base.
func testSite(t *testing.T, base string) *site {
	t.Helper()
	s, err := newSite(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{
		"index.html", "404.html", "favicon.svg", "css/site.min.abc.css",
		"documents/index.html", "documents/a/index.html",
		"en/index.html", "en/documents/a/index.html", "search/sr/0.js",
		"offline/copy.zip",
	} {
		s.add(f)
	}
	return s
}

// TestRewriteHTML rewrites tags of a page at documents/a/index.html for
// each kind of base address: every address in the site becomes the
// relative address of a file, everything else is copied as it is.
func TestRewriteHTML(t *testing.T) {
	const page = "documents/a/index.html"
	tests := []struct {
		name, base, in, want string
	}{
		{"root-relative folder", "/", `<a href=/documents/>x</a>`, `<a href=../index.html>x</a>`},
		{"home", "/", `<a href=/>x</a>`, `<a href=../../index.html>x</a>`},
		{"fragment kept", "/", `<a href="/en/documents/a/#p3">x</a>`, `<a href="../../en/documents/a/index.html#p3">x</a>`},
		{"own page", "/", `<a href=/documents/a/>x</a>`, `<a href=index.html>x</a>`},
		{"one file, many fragments", "/", `<a href=/documents/a/compare/#p1>1</a><a href=/documents/a/compare/#p2>2</a><a href=/documents/a/compare/>3</a><a href="/documents/a/compare/#%C5%A1">4</a>`,
			`<a href=compare/index.html#p1>1</a><a href=compare/index.html#p2>2</a><a href=compare/index.html>3</a><a href="compare/index.html#%C5%A1">4</a>`},
		{"bare fragment", "/", `<a href=#p3>x</a>`, `<a href=#p3>x</a>`},
		{"relative folder", "/", `<a href=../>x</a>`, `<a href=../index.html>x</a>`},
		{"relative file", "/", `<a href=../../favicon.svg>x</a>`, `<a href=../../favicon.svg>x</a>`},
		{"folder without slash", "/", `<a href=/en>x</a>`, `<a href=../../en/index.html>x</a>`},
		{"stylesheet and script", "/", `<link rel=stylesheet href=/css/site.min.abc.css><script src=/search/sr/0.js defer></script>`,
			`<link rel=stylesheet href=../../css/site.min.abc.css><script src=../../search/sr/0.js defer></script>`},
		{"sub-path", "/repo/", `<a href=/repo/en/>x</a>`, `<a href=../../en/index.html>x</a>`},
		{"outside the sub-path", "/repo/", `<a href=/other/>x</a>`, `<a href=/other/>x</a>`},
		{"absolute base", "https://example.org/repo/", `<link rel=canonical href=https://example.org/repo/documents/a/>`,
			`<link rel=canonical href=index.html>`},
		{"absolute base, root-relative", "https://example.org/repo/", `<a href=/repo/>x</a>`, `<a href=../../index.html>x</a>`},
		{"other host", "https://example.org/repo/", `<a href=https://schema.org/x>x</a>`, `<a href=https://schema.org/x>x</a>`},
		{"mailto", "/", `<a href=mailto:a@b.c>x</a>`, `<a href=mailto:a@b.c>x</a>`},
		{"og:url", "https://example.org/", `<meta property=og:url content=https://example.org/en/>`,
			`<meta property=og:url content=../../en/index.html>`},
		{"other meta content", "/", `<meta name=description content="/ is a slash">`, `<meta name=description content="/ is a slash">`},
		{"meta refresh", "/", `<meta http-equiv=refresh content="0; url=/en/">`,
			`<meta http-equiv=refresh content="0; url=../../en/index.html">`},
		{"srcset", "/", `<img alt=x srcset="/favicon.svg 1x, /favicon.svg 2x">`,
			`<img alt=x srcset="../../favicon.svg 1x, ../../favicon.svg 2x">`},
		{"style url", "/", `<p style="background:url('/favicon.svg')">x</p>`,
			`<p style="background:url('../../favicon.svg')">x</p>`},
		{"data folder", "/", `<form data-index=/search/sr/>x</form>`, `<form data-index=../../search/sr/>x</form>`},
		{"data file", "/", `<div data-src=/search/sr/0.js></div>`, `<div data-src=../../search/sr/0.js></div>`},
		{"data not an address", "/", `<div data-n=3></div>`, `<div data-n=3></div>`},
		{"online only", "/", `<p>a<span data-online-only> · <a href=/offline/copy.zip download>ZIP</a></span>b</p>`, `<p>ab</p>`},
		{"online only, nested", "/", `<div data-online-only><div><br>x</div></div><p>y</p>`, `<p>y</p>`},
		{"online only, void", "/", `<p>a<link data-online-only href=/x/>b`, `<p>ab`},
		{"online only, never closed", "/", `<p>a<div data-online-only><p>x`, `<p>a`},
		{"script text untouched", "/", `<script type=application/ld+json>{"url":"/en/","a":"<a href=/en/>"}</script><a href=/>x</a>`,
			`<script type=application/ld+json>{"url":"/en/","a":"<a href=/en/>"}</script><a href=../../index.html>x</a>`},
		{"style text untouched", "/", `<style>a{background:url(/favicon.svg)}</style>`, `<style>a{background:url(/favicon.svg)}</style>`},
		{"title text untouched", "/", `<title>a <a href=/>b</a></title>`, `<title>a <a href=/>b</a></title>`},
		{"noscript is markup", "/", `<noscript><a href=/en/>x</a></noscript>`, `<noscript><a href=../../en/index.html>x</a></noscript>`},
		{"comment untouched", "/", `<!-- <a href=/en/> --><a href=/en/>x</a>`, `<!-- <a href=/en/> --><a href=../../en/index.html>x</a>`},
		{"entities kept", "/", `<a href="/documents/?q=a&amp;b=c">x &amp; y</a>`, `<a href="../index.html?q=a&amp;b=c">x &amp; y</a>`},
		{"entity in the address", "/", `<a href=/d&#111;cuments/>x</a>`, `<a href=../index.html>x</a>`},
		{"quote in the address", "/", `<a href='/documents/?q="'>x</a>`, `<a href="../index.html?q=&#34;">x</a>`},
		{"spaces, case and single quotes", "/", `<A CLASS=x HREF = '/en/' >x</A>`, `<A CLASS=x HREF = "../../en/index.html" >x</A>`},
		{"self-closing", "/", `<img src=/favicon.svg alt=""/>`, `<img src=../../favicon.svg alt=""/>`},
		{"less-than in text", "/", `<p>1 < 2 <3</p><a href=/>x</a>`, `<p>1 < 2 <3</p><a href=../../index.html>x</a>`},
		{"tag cut off by the end", "/", `<p>x<a href=/en/`, `<p>x<a href=/en/`},                              // no tag to HTML
		{"repeated attribute", "/", `<a href=/en/ HREF=/>x</a>`, `<a href=../../en/index.html HREF=/>x</a>`}, // the first counts
		{"slashes between attributes", "/", `<img/src=/favicon.svg alt=x/>`, `<img/src=../../favicon.svg alt=x/>`},
		{"name starting with =", "/", `<a =href=/x href=/en/>x</a>`, `<a =href=/x href=../../en/index.html>x</a>`},
		{"attribute without a value", "/", `<a download href = /en/ hidden>x</a>`, `<a download href = ../../en/index.html hidden>x</a>`},
		{"script text after an escaped end tag", "/", `<script><!--<script></script><a href=/en/>--></script>`, `<script><!--<script></script><a href=/en/>--></script>`},
		{"doctype and comments", "/", `<!doctype html><!-- x --><html lang=en>`, `<!doctype html><!-- x --><html lang=en>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := testSite(t, tc.base)
			if got := string(s.rewriteHTML(page, []byte(tc.in))); got != tc.want {
				t.Errorf("rewriteHTML(%s)\n got %s\nwant %s", tc.in, got, tc.want)
			}
		})
	}
}

// TestRewriteCSS rewrites url() in a stylesheet under css/.
func TestRewriteCSS(t *testing.T) {
	s := testSite(t, "/repo/")
	tests := []struct{ in, want string }{
		{`a{background:url(/repo/favicon.svg)}`, `a{background:url(../favicon.svg)}`},
		{`a{background:url("/repo/favicon.svg")}`, `a{background:url("../favicon.svg")}`},
		{`a{background:url( ../favicon.svg )}`, `a{background:url(../favicon.svg)}`},
		{`a{background:url(data:image/png;base64,AAAA)}`, `a{background:url(data:image/png;base64,AAAA)}`},
		{`a{color:red}`, `a{color:red}`},
	}
	for _, tc := range tests {
		if got := s.rewriteCSS("css/site.min.abc.css", tc.in); got != tc.want {
			t.Errorf("rewriteCSS(%s)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestNewSite accepts the base addresses a site is built with and refuses
// the rest.
func TestNewSite(t *testing.T) {
	for _, base := range []string{"", "/", "/repo", "/repo/", "https://example.org", "http://127.0.0.1:8080/repo/"} {
		if _, err := newSite(base); err != nil {
			t.Errorf("newSite(%q): %v", base, err)
		}
	}
	for _, base := range []string{"http://[::1", "repo/", "example.org/repo/", "https:///repo/", "mailto:a@b.c"} {
		if _, err := newSite(base); err == nil {
			t.Errorf("newSite(%q): no error", base)
		}
	}
}
