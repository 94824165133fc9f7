package offline

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzRewriteHTML rewrites arbitrary pages: it never panics, leaves a
// page without markup as it is, and a second pass changes nothing (the
// addresses it writes are already relative addresses of files). It also
// checks what rewriteHTML relies on: the tokens' raw bytes make up the
// page, and valueSpans finds the attributes the tokenizer does.
func FuzzRewriteHTML(f *testing.F) {
	for _, seed := range []string{
		`<!doctype html><html lang=en><link rel=stylesheet href=/css/site.min.abc.css><a href=/en/#p1>x</a>`,
		`<meta http-equiv=refresh content="0; url=/en/"><img srcset="/a.png 1x, /b.png 2x">`,
		`<p style="background:url('/favicon.svg')" data-index=/search/sr/>x<span data-online-only><a href=/offline/copy.zip>z</a></span>`,
		`<script>if (a < b) document.write("<a href=/x/>")</script><!-- <a href=/> --><a href='/documents/?q=a&amp;b'>`,
		`<A HREF = "/en" ><noscript><a href=../>x</a></noscript>`,
		`text < more text <`,
		`<a href=/en/ HREF=/><img/src=/a.png alt=x/><a =x download href = '/en/' hidden>`,
		`<script><!--<script></script><a href=/en/>--></script><p>x<a href=/en/`,
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
		checkTokens(t, []byte(page))
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

// checkTokens requires the raw bytes of page's tokens to be the page, and
// valueSpans to find in each start tag the attributes TagAttr returns:
// as many, and each value where the tokenizer read it.
func checkTokens(t *testing.T, page []byte) {
	z := html.NewTokenizer(bytes.NewReader(page))
	var all []byte
	for {
		tt := z.Next()
		raw := bytes.Clone(z.Raw())
		all = append(all, raw...)
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		spans := valueSpans(raw, nil)
		name, more := z.TagName()
		if string(name) == "noscript" {
			z.NextIsNotRawText() // as rewriteHTML reads it
		}
		var vals []string
		for more {
			var val []byte
			_, val, more = z.TagAttr()
			vals = append(vals, string(val))
		}
		if len(spans) != len(vals) {
			t.Fatalf("%q: valueSpans found %d attributes, the tokenizer %d", raw, len(spans), len(vals))
		}
		for k, sp := range spans {
			v := string(raw[sp.start:sp.end])
			if sp.quoted {
				v = v[1 : len(v)-1]
			}
			if !strings.ContainsAny(v, "&\r\x00") && v != vals[k] {
				t.Fatalf("%q: attribute %d: valueSpans found the value %q, the tokenizer %q", raw, k, v, vals[k])
			}
		}
	}
	if !bytes.Equal(all, page) {
		t.Fatalf("the tokens' raw bytes are not the page:\n%q\n%q", all, page)
	}
}
