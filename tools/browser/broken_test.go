package browser

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBrokenPages proves that the checks catch what they are for: each
// case breaks a copy of a real document page of the HTTP build in one way,
// serves it from the test server (under /repo/broken/), and asserts that
// the matching check reports it. The site itself is not touched.
func TestBrokenPages(t *testing.T) {
	needNodeModule(t, axeJS)
	b := getBuilds(t)
	s := b.http
	rel := s.docPage(s.defaultLang, s.docs[0])
	orig, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	page := string(orig)
	tab := newTab(t, getBrowser(t), false)
	id := numberedConclusion(tab.withOpen(t, s.url(rel)))

	insert := func(before, what string) func(*testing.T, string) string {
		return func(t *testing.T, p string) string {
			if !strings.Contains(p, before) {
				t.Fatalf("%s has no %s to insert before", rel, before)
			}
			return strings.Replace(p, before, what+before, 1)
		}
	}
	csp := regexp.MustCompile(`<meta http-equiv="?Content-Security-Policy"?[^>]*>`)
	link := regexp.MustCompile(`href="?#` + regexp.QuoteMeta(id) + `"?([ >])`)
	font := `<link rel=stylesheet href="` + b.thirdParty + `css2?family=Web">`

	for _, tc := range []struct {
		name   string
		break_ func(*testing.T, string) string
		want   string // a problem checkPage must report
	}{
		{"img-without-alt", insert("</article>", `<img src=/repo/favicon.svg width=16 height=16>`), "axe image-alt"},
		{"fragment-to-nowhere", func(t *testing.T, p string) string {
			if !link.MatchString(p) {
				t.Fatalf("%s has no link to #%s", rel, id)
			}
			return link.ReplaceAllString(p, `href=#`+id+`-gone$1`)
		}, `no element has id "` + id + `-gone"`},
		{"external-font", insert("</head>", font), "console: security error: Loading the stylesheet '" + b.thirdParty},
		{"external-font-without-csp", func(t *testing.T, p string) string {
			return csp.ReplaceAllString(insert("</head>", font)(t, p), "")
		}, "request to another host or outside the site: " + b.thirdParty + "css2?family=Web"},
		{"inline-script", insert("</article>", `<script>document.title='x'</script>`), "Content Security Policy"},
		{"missing-script", insert("</head>", `<script src=/repo/js/missing.js defer></script>`), "HTTP 404: " + s.base + "js/missing.js"},
		{"wide-pre", insert("</article>", "<pre>"+strings.Repeat("x", 200)+"</pre>"), "horizontal overflow at 320px-light"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := tab.with(t)
			broken := tc.break_(t, page)
			if broken == page {
				t.Fatal("the case changed nothing")
			}
			name := tc.name + ".html"
			if err := os.WriteFile(filepath.Join(b.broken, name), []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			problems := checkPage(tb, s, s.base+"broken/"+name, variants[0], nil)
			if !containsProblem(problems, tc.want) {
				t.Errorf("checkPage did not report %q; it reported:\n%s", tc.want, strings.Join(problems, "\n"))
			} else {
				t.Logf("caught, as it should be:\n%s", strings.Join(problems, "\n"))
			}
		})
	}

	t.Run("fragment-to-nowhere/navigation", func(t *testing.T) {
		tb := tab.withOpen(t, s.base+"broken/fragment-to-nowhere.html")
		must(t, tb.follow(`a[href$="#`+id+`-gone"]`))
		if err := landedAt(tb, id+"-gone"); err == nil {
			t.Error("following a link to a missing fragment passed landedAt")
		}
	})

	t.Run("img-without-alt/vnu", func(t *testing.T) {
		needJava(t)
		needNodeModule(t, vnuJar)
		msgs, err := vnu(filepath.Join(b.broken, "img-without-alt.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			if m.isError() && strings.Contains(m.Message, "alt") {
				return
			}
		}
		t.Errorf("the Nu Html Checker did not report the img without alt: %+v", msgs)
	})
}

func containsProblem(problems []string, want string) bool {
	for _, p := range problems {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}
