package e2e

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// meta returns the content of <meta name=key> or <meta property=key>.
func meta(p *page, key string) (string, bool) {
	n := first(p.doc, func(n *html.Node) bool {
		return n.Data == "meta" && (attrOr(n, "name") == key || attrOr(n, "property") == key)
	})
	if n == nil {
		return "", false
	}
	return attr(n, "content")
}

// resolvesTo reports whether ref, on page p, leads to the file want.
func resolvesTo(p *page, ref, want string) bool {
	u, err := p.resolve(ref)
	if err != nil {
		return false
	}
	file, err := built.fileOf(u)
	return err == nil && file == want
}

// TestPageStructure: every page has a title, a description, a strict
// Content-Security-Policy with its CSS inline (checkInline), one h1, the
// landmarks, a skip link to the main content, a canonical link (or, on 404
// pages, no canonical link), OpenGraph and Twitter tags, and JSON-LD in its language.
func TestPageStructure(t *testing.T) {
	for _, file := range built.htmlFiles(t) {
		p := built.page(t, file)
		errorf := func(format string, args ...any) { t.Helper(); t.Errorf(file+": "+format, args...) }

		if titles := all(p.doc, tag("title")); len(titles) != 1 || len(words(titles[0], nil)) == 0 {
			errorf("want one non-empty <title>")
		}
		if d, _ := meta(p, "description"); strings.TrimSpace(d) == "" {
			errorf("no meta description")
		}

		checkInline(t, p)

		if n := len(all(p.doc, tag("h1"))); n != 1 {
			errorf("%d h1 elements, want 1", n)
		}
		body := first(p.doc, tag("body"))
		for _, landmark := range []string{"header", "main", "footer"} {
			if len(all(body, tag(landmark))) == 0 {
				errorf("no <%s>", landmark)
			}
		}
		main := first(body, tag("main"))
		if skip := first(body, tag("a")); skip == nil || main == nil || attrOr(skip, "href") != "#"+attrOr(main, "id") || attrOr(main, "id") == "" {
			errorf("the first link is not a skip link to <main id>")
		}

		if p.is404() {
			// Served with the status 404 at any address the host does not
			// know: no canonical address, and no noindex, which the status
			// makes needless (and Lighthouse counts against the page).
			if first(p.doc, func(n *html.Node) bool { return n.Data == "link" && hasToken(n, "rel", "canonical") }) != nil {
				errorf("a 404 page with a canonical link")
			}
			if r, _ := meta(p, "robots"); r != "" {
				errorf("a 404 page with robots %q", r)
			}
		} else {
			canonical := first(p.doc, func(n *html.Node) bool { return n.Data == "link" && hasToken(n, "rel", "canonical") })
			if canonical == nil || !resolvesTo(p, attrOr(canonical, "href"), file) {
				errorf("no canonical link to the page itself")
			}
			if u, _ := meta(p, "og:url"); !resolvesTo(p, u, file) {
				errorf("og:url %q is not the page", u)
			}
		}
		for _, key := range []string{"og:title", "og:description", "og:type", "og:site_name", "og:locale", "twitter:card"} {
			if v, _ := meta(p, key); v == "" {
				errorf("no %s", key)
			}
		}

		ld := jsonLD(t, p)
		if ld["@context"] != "https://schema.org" || ld["inLanguage"] != p.lang.Locale {
			errorf("JSON-LD @context %v inLanguage %v, want https://schema.org and %s", ld["@context"], ld["inLanguage"], p.lang.Locale)
		}
	}
}

// checkInline checks what page p loads and runs before it renders: its CSS
// is one <style> in <head>, minified, the Content-Security-Policy allows
// exactly that style by its SHA-256 and nothing else inline or from
// elsewhere (no 'unsafe-inline'), no stylesheet is loaded as a file (the
// page is one request), every script is a file loaded with defer, and
// there are no style attributes, event handlers or javascript: links.
func checkInline(t *testing.T, p *page) {
	t.Helper()
	errorf := func(format string, args ...any) { t.Helper(); t.Errorf(p.file+": "+format, args...) }

	var styleHash string
	styles := all(p.doc, tag("style"))
	switch {
	case len(styles) != 1:
		errorf("%d <style> elements, want 1 (the page's CSS)", len(styles))
	case styles[0].Parent == nil || styles[0].Parent.Data != "head":
		errorf("<style> outside <head>")
	case styles[0].FirstChild == nil:
		errorf("empty <style>")
	default:
		css := styles[0].FirstChild.Data
		sum := sha256.Sum256([]byte(css))
		styleHash = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if strings.Contains(css, "/*") || strings.Contains(css, "\n") {
			errorf("the inline CSS is not minified (comments or line breaks)")
		}
	}

	csp := first(p.doc, func(n *html.Node) bool {
		return n.Data == "meta" && strings.EqualFold(attrOr(n, "http-equiv"), "Content-Security-Policy")
	})
	if csp == nil {
		errorf("no Content-Security-Policy meta")
	} else {
		policy := attrOr(csp, "content")
		directives := map[string][]string{}
		for _, d := range strings.Split(policy, ";") {
			if f := strings.Fields(d); len(f) > 0 {
				directives[f[0]] = f[1:]
			}
		}
		if !slices.Equal(directives["default-src"], []string{"'self'"}) {
			errorf("CSP %q: default-src %q, want 'self'", policy, directives["default-src"])
		}
		if styleHash != "" && !slices.Equal(directives["style-src"], []string{styleHash}) {
			errorf("CSP %q: style-src %q, want exactly the inline style's hash %s", policy, directives["style-src"], styleHash)
		}
		for name, sources := range directives {
			for _, source := range sources {
				if source != "'self'" && source != "'none'" && !(name == "style-src" && source == styleHash) {
					errorf("CSP %q allows %s in %s", policy, source, name)
				}
			}
		}
	}

	for _, n := range all(p.doc, func(*html.Node) bool { return true }) {
		if n.Data == "link" && hasToken(n, "rel", "stylesheet") {
			errorf("<link rel=stylesheet href=%q>: a second request before the page renders", attrOr(n, "href"))
		}
		if n.Data == "script" && attrOr(n, "type") != "application/ld+json" {
			if attrOr(n, "src") == "" {
				errorf("inline script")
			} else if _, deferred := attr(n, "defer"); !deferred {
				errorf("<script src=%q> without defer blocks rendering", attrOr(n, "src"))
			}
		}
		for _, a := range n.Attr {
			if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
				errorf("<%s %s>: inline style or event handler", n.Data, a.Key)
			}
			if a.Key == "href" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				errorf("javascript: link")
			}
		}
	}
}

// jsonLD parses the page's one JSON-LD block.
func jsonLD(t *testing.T, p *page) map[string]any {
	t.Helper()
	blocks := all(p.doc, func(n *html.Node) bool { return n.Data == "script" && attrOr(n, "type") == "application/ld+json" })
	if len(blocks) != 1 || blocks[0].FirstChild == nil {
		t.Errorf("%s: %d JSON-LD blocks, want 1", p.file, len(blocks))
		return nil
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(blocks[0].FirstChild.Data), &ld); err != nil {
		t.Errorf("%s: JSON-LD: %v", p.file, err)
	}
	return ld
}

// TestDocumentMetadata: a document page describes itself in JSON-LD as a
// Report in its language, about the Event with its place and dates, and
// links its versions: the original lists the others as workTranslation,
// each other version names the original as translationOfWork. The
// about-this-document box names the source file and its SHA-256, and on
// a transliteration or translation links the original.
func TestDocumentMetadata(t *testing.T) {
	needDocuments(t)
	for key, versions := range built.versions() {
		var original *document
		for _, d := range versions {
			if d.lang == cmp.Or(d.fm.Params.OriginalLanguage, built.defaultLang) {
				original = d
			}
		}
		if original == nil {
			t.Errorf("document %s: no version in its original language", key)
			continue
		}
		for _, d := range versions {
			p := built.page(t, built.pageFile(d))
			ld := jsonLD(t, p)
			if ld == nil {
				continue
			}
			about, _ := ld["about"].(map[string]any)
			location, _ := about["location"].(map[string]any)
			got := map[string]any{
				"@type": ld["@type"], "name": ld["name"], "url ok": resolvesTo(p, str(ld["url"]), p.file),
				"about.@type": about["@type"], "place": location["name"],
				"startDate": about["startDate"], "endDate": about["endDate"],
			}
			want := map[string]any{
				"@type": "Report", "name": d.fm.Title, "url ok": true,
				"about.@type": "Event", "place": d.fm.Params.Place,
				"startDate": d.fm.Params.EventStart, "endDate": cmp.Or(d.fm.Params.EventEnd, d.fm.Params.EventStart),
			}
			if !maps.Equal(got, want) {
				t.Errorf("%s: JSON-LD %v, want %v", p.file, got, want)
			}

			if d == original {
				var others, listed []string
				for _, v := range versions {
					if v != d {
						others = append(others, built.pageFile(v))
					}
				}
				translations, _ := ld["workTranslation"].([]any)
				for _, tr := range translations {
					id := str(tr.(map[string]any)["@id"])
					if u, err := p.resolve(id); err == nil {
						f, _ := built.fileOf(u)
						listed = append(listed, f)
					}
				}
				slices.Sort(others)
				slices.Sort(listed)
				if !slices.Equal(others, listed) {
					t.Errorf("%s: workTranslation %v, want %v", p.file, listed, others)
				}
			} else {
				of, _ := ld["translationOfWork"].(map[string]any)
				if !resolvesTo(p, str(of["@id"]), built.pageFile(original)) {
					t.Errorf("%s: translationOfWork %v, want the original %s", p.file, of, built.pageFile(original))
				}
			}

			box := first(p.doc, func(n *html.Node) bool { return hasClass(n, "about") })
			if box == nil {
				t.Errorf("%s: no about-this-document box (class about)", p.file)
				continue
			}
			text := strings.Join(words(box, nil), " ")
			for _, s := range []string{d.fm.Params.Source, d.fm.Params.SourceSHA256} {
				if s == "" || !strings.Contains(text, s) {
					t.Errorf("%s: the about box does not show %q", p.file, s)
				}
			}
			if d != original {
				linked := false
				for _, a := range all(box, tag("a")) {
					linked = linked || resolvesTo(p, attrOr(a, "href"), built.pageFile(original))
				}
				if !linked {
					t.Errorf("%s: the about box does not link the original", p.file)
				}
			}
		}
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// Test404: the root 404.html, the one GitHub Pages serves for any missing
// address, speaks every language: for each, a passage in its locale that
// links that language's home page by an absolute path, which works however
// deep the missing address was.
func Test404(t *testing.T) {
	p := built.page(t, "404.html")
	for _, l := range built.langs {
		home := built.prefix(l.Key) + "index.html"
		found := false
		for _, n := range all(p.doc, func(n *html.Node) bool { return attrOr(n, "lang") == l.Locale && n.Data != "html" }) {
			for _, a := range all(n, tag("a")) {
				found = found || resolvesTo(p, attrOr(a, "href"), home)
			}
		}
		if !found {
			t.Errorf("404.html: no passage in %s linking %s", l.Locale, home)
		}
	}
	for _, n := range all(p.doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "/") && !strings.HasPrefix(a.Val, "#") && !strings.Contains(a.Val, "://") {
				t.Errorf("404.html: <%s %s=%q> is relative, so it breaks below the root", n.Data, a.Key, a.Val)
			}
		}
	}
}
