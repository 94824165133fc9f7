package e2e

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// alternates returns the hreflang links in a page's head, as hreflang →
// file of the built site. A link that leads nowhere is an error.
func alternates(t *testing.T, p *page) map[string]string {
	t.Helper()
	alts := map[string]string{}
	head := first(p.doc, tag("head"))
	if head == nil {
		t.Errorf("%s: no <head>", p.file)
		return alts
	}
	for _, l := range all(head, func(n *html.Node) bool {
		_, ok := attr(n, "hreflang")
		return n.Data == "link" && hasToken(n, "rel", "alternate") && ok
	}) {
		hreflang, href := attrOr(l, "hreflang"), attrOr(l, "href")
		u, err := p.resolve(href)
		if err != nil {
			t.Errorf("%s: alternate %s: %v", p.file, hreflang, err)
			continue
		}
		file, err := built.fileOf(u)
		if err != nil {
			t.Errorf("%s: alternate %s: %v", p.file, hreflang, err)
			continue
		}
		if _, dup := alts[hreflang]; dup {
			t.Errorf("%s: two alternates for %s", p.file, hreflang)
		}
		alts[hreflang] = file
	}
	return alts
}

func withoutXDefault(alts map[string]string) map[string]string {
	m := maps.Clone(alts)
	delete(m, "x-default")
	return m
}

// TestLanguages: every page says its language's locale in <html lang>;
// its hreflang alternates name itself, every other version and x-default
// (the original), and each version names the same set back; its language
// switch links exactly those versions, each with hreflang and lang, the
// current one with aria-current="page".
func TestLanguages(t *testing.T) {
	for _, file := range built.htmlFiles(t) {
		p := built.page(t, file)
		if got := attrOr(first(p.doc, tag("html")), "lang"); got != p.lang.Locale {
			t.Errorf("%s: <html lang=%q>, want %q", file, got, p.lang.Locale)
		}
		checkScript(t, p)
		if p.is404() {
			continue // Test404: it speaks every language and has no versions
		}

		alts := alternates(t, p)
		if alts[p.lang.Locale] != file {
			t.Errorf("%s: the alternate for its own locale %s is %q, want the page itself", file, p.lang.Locale, alts[p.lang.Locale])
		}
		if x, ok := alts["x-default"]; !ok {
			t.Errorf("%s: no x-default alternate", file)
		} else if built.langOf(x).Key != built.defaultLang {
			t.Errorf("%s: x-default is %s, not in the default language %s", file, x, built.defaultLang)
		}
		for hreflang, target := range withoutXDefault(alts) {
			if got := built.langOf(target).Locale; got != hreflang {
				t.Errorf("%s: alternate hreflang=%s leads to %s, a page in %s", file, hreflang, target, got)
				continue
			}
			back := alternates(t, built.page(t, target))
			if !maps.Equal(back, alts) {
				t.Errorf("%s: alternates %v, but its version %s has %v", file, alts, target, back)
			}
		}

		nav := first(p.doc, func(n *html.Node) bool { return n.Data == "nav" && hasClass(n, "lang") })
		if nav == nil {
			t.Errorf("%s: no language switch (nav.lang)", file)
			continue
		}
		if attrOr(nav, "aria-label") == "" {
			t.Errorf("%s: the language switch has no aria-label", file)
		}
		links := map[string]string{}
		current := 0
		for _, a := range all(nav, tag("a")) {
			hreflang := attrOr(a, "hreflang")
			if hreflang == "" || attrOr(a, "lang") != hreflang {
				t.Errorf("%s: switch link %v: want hreflang and an equal lang", file, a.Attr)
			}
			u, err := p.resolve(attrOr(a, "href"))
			if err == nil {
				links[hreflang], err = built.fileOf(u)
			}
			if err != nil {
				t.Errorf("%s: switch link %s: %v", file, hreflang, err)
			}
			if attrOr(a, "aria-current") == "page" {
				current++
				if links[hreflang] != file {
					t.Errorf("%s: aria-current marks %s, not this page", file, links[hreflang])
				}
			}
		}
		if current != 1 {
			t.Errorf("%s: %d switch links with aria-current=page, want 1", file, current)
		}
		if want := withoutXDefault(alts); !maps.Equal(links, want) {
			t.Errorf("%s: the switch links %v, the alternates %v", file, links, want)
		}
	}

	// A document's versions are exactly its content files: none missing,
	// none invented; x-default is the original.
	needDocuments(t)
	for key, versions := range built.versions() {
		want := map[string]string{}
		original := ""
		for _, d := range versions {
			l, _ := built.lang(d.lang)
			want[l.Locale] = built.pageFile(d)
			if d.lang == cmp.Or(d.fm.Params.OriginalLanguage, built.defaultLang) {
				original = built.pageFile(d)
			}
		}
		for _, d := range versions {
			alts := alternates(t, built.page(t, built.pageFile(d)))
			if got := withoutXDefault(alts); !maps.Equal(got, want) {
				t.Errorf("document %s: %s lists versions %v, want %v", key, built.pageFile(d), got, want)
			}
			if alts["x-default"] != original {
				t.Errorf("document %s: %s has x-default %q, want the original %q", key, built.pageFile(d), alts["x-default"], original)
			}
		}
	}
}

// checkScript: Cyrillic letters appear only where the language in force
// (the nearest lang attribute) is written in Cyrillic, its locale saying
// so (sr-Cyrl-RS). This catches an interface string left untranslated or
// untransliterated (Hugo falls back to the default language's strings
// without a warning when a language's i18n file is missing), and a
// Cyrillic name, such as a switch label, without its own lang.
func checkScript(t *testing.T, p *page) {
	t.Helper()
	var walk func(n *html.Node, locale string)
	walk = func(n *html.Node, locale string) {
		cyrillicOK := slices.Contains(strings.Split(locale, "-"), "Cyrl")
		check := func(what, s string) {
			if !cyrillicOK && strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
				t.Errorf("%s: Cyrillic %s %q where the language is %s", p.file, what, strings.TrimSpace(s), locale)
			}
		}
		switch n.Type {
		case html.TextNode:
			if n.Parent == nil || n.Parent.Data != "script" {
				check("text", n.Data)
			}
		case html.ElementNode:
			if l, ok := attr(n, "lang"); ok {
				locale = l
				cyrillicOK = slices.Contains(strings.Split(locale, "-"), "Cyrl")
			}
			for _, key := range []string{"aria-label", "title", "alt", "content"} {
				if v, ok := attr(n, key); ok {
					check(key, v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, locale)
		}
	}
	walk(p.doc, "")
}
