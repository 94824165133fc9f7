package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets TestPages runs: WCAG 2.0, 2.1 and 2.2, levels
// A and AA (axe-core has no wcag22a tag).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(axeJS)
	return string(b), err
})

// TestPages opens every page of both builds at each width and colour
// scheme and checks what the reader's browser does with it (see
// checkPage). It saves a screenshot of each kind of page.
func TestPages(t *testing.T) {
	needNodeModule(t, axeJS)
	br := getBrowser(t)
	shots := 0
	forEachSite(t, func(t *testing.T, s *site) {
		tab := newTab(t, br, false)
		for _, rel := range s.html {
			t.Run(rel, func(t *testing.T) {
				for _, v := range variants {
					t.Run(v.String(), func(t *testing.T) {
						tb := tab.with(t)
						for _, p := range checkPage(tb, s, s.url(rel), v, nil) {
							t.Error(p)
						}
						// One screenshot of each kind of page, from the
						// address a reader uses.
						if s.http && s.langOf(rel) == s.defaultLang {
							name := fmt.Sprintf("%s-%s.png", s.pageKind(rel), v)
							png, err := run(tb, chromedp.FullScreenshot(100))
							if err != nil {
								t.Fatalf("screenshot: %v", err)
							}
							file := filepath.Join(artifactDir(t), name)
							if err := os.WriteFile(file, png, 0o644); err != nil {
								t.Fatal(err)
							}
							shots++
						}
					})
				}
			})
		}
	})
	if shots > 0 {
		t.Logf("%d screenshots (<page kind>-<width>-<scheme>.png) in %s", shots, artifactDir(t))
	}
}

// checkPage opens u in tab tb at variant v, and returns every problem
// found, each a line that says what and where:
//
//   - a console message of level warning or error, an uncaught exception;
//   - a failed request, an HTTP error (except the statuses in allow);
//   - a request or a browser target outside the site;
//   - an in-page fragment link with no element to land on;
//   - anything wider than the viewport (horizontal overflow);
//   - an axe-core violation of the WCAG A and AA rules.
func checkPage(tb *tab, s *site, u string, v variant, allow map[string]int64) []string {
	tb.t.Helper()
	tb.rec.reset()
	mark := tb.b.targets.mark()
	if err := tb.emulate(v); err != nil {
		return []string{err.Error()}
	}
	status, err := tb.open(u)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	if s.http && status != 200 && allow[u] != status {
		problems = append(problems, fmt.Sprintf("%s answered HTTP %d", u, status))
	}

	// The emulation took effect, so the checks below test what they say:
	// CSS sees the width and the scheme asked for. (Not innerWidth: on a
	// phone a page that overflows is zoomed out, and its visual viewport
	// grows.)
	env := eval[struct{ Width, Dark bool }](tb, fmt.Sprintf(
		`({width: matchMedia('(width: %dpx)').matches, dark: matchMedia('(prefers-color-scheme: dark)').matches})`, v.width))
	if !env.Width || env.Dark != (v.scheme == "dark") {
		tb.t.Fatalf("%s: emulating %s did not take effect: CSS width %dpx %v, dark %v", u, v, v.width, env.Width, env.Dark)
	}

	// Every stylesheet and script the page loads was recorded, so that a
	// request the recorder misses cannot hide a request to another host.
	subresources := eval[[]string](tb, `[...document.querySelectorAll('link[rel~=stylesheet][href], script[src]')].map(e => e.href || e.src)`)
	rep := tb.rec.take()
	for _, r := range subresources {
		if !containsURL(rep.requests, r) {
			problems = append(problems, fmt.Sprintf("the recorder saw no request for %s (recorded: %v)", r, rep.requests))
		}
	}
	problems = append(problems, rep.problems(s, tb.b.targets.since(mark), allow)...)

	for _, f := range eval[[]string](tb, brokenFragmentsJS) {
		problems = append(problems, "fragment link "+f)
	}
	for _, o := range eval[[]string](tb, overflowJS) {
		problems = append(problems, fmt.Sprintf("horizontal overflow at %s: %s", v, o))
	}
	problems = append(problems, runAxe(tb)...)
	return problems
}

func containsURL(list []string, u string) bool {
	u, _, _ = strings.Cut(u, "#")
	for _, l := range list {
		if l == u {
			return true
		}
	}
	return false
}

// brokenFragmentsJS lists the links to a fragment of the page itself whose
// id no element has.
const brokenFragmentsJS = `(() => {
  const here = location.href.split('#')[0];
  const out = [];
  for (const a of document.querySelectorAll('a[href*="#"]')) {
    const [page, frag] = a.href.split('#');
    if (page !== here || frag === '' || frag === undefined) continue;
    const id = decodeURIComponent(frag);
    if (!document.getElementById(id)) out.push(a.getAttribute('href') + ' (in ' + (a.closest('[id]')?.id || a.parentElement.tagName.toLowerCase()) + '): no element has id "' + id + '"');
  }
  return out;
})()`

// overflowJS lists what makes the page wider than its viewport: empty when
// the document scrolls no wider than the viewport; else the innermost
// elements that reach past its right edge, by their box or by content
// they let overflow (a long unbroken line in a <pre>), with how far.
const overflowJS = `(() => {
  const root = document.documentElement, w = root.clientWidth;
  const sw = Math.max(root.scrollWidth, document.body.scrollWidth);
  if (sw <= w) return [];
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
  const path = e => { const p = []; for (; e && e !== document.body; e = e.parentElement) p.unshift(name(e)); return p.join(' > '); };
  const wide = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    let right = r.right;
    if (getComputedStyle(e).overflowX === 'visible') right = Math.max(right, r.left + e.scrollWidth);
    if (right > w + 0.5) wide.push({e, right});
  }
  const inner = wide.filter(o => !wide.some(p => p !== o && o.e.contains(p.e)));
  inner.sort((a, b) => b.right - a.right);
  return ['the page is ' + sw + ' px wide in a ' + w + ' px viewport']
    .concat(inner.slice(0, 5).map(o => path(o.e) + ' reaches ' + Math.round(o.right) + ' px'));
})()`

// runAxe injects axe-core into the page (through the DevTools protocol,
// which the page's Content-Security-Policy does not govern) and returns
// its violations of axeTags: rule, impact, element and axe's help.
func runAxe(tb *tab) []string {
	tb.t.Helper()
	src, err := axeSource()
	if err != nil {
		tb.t.Fatal(err)
	}
	if !eval[bool](tb, `typeof axe === 'object'`) {
		if err := tb.try(chromedp.Evaluate[chromedp.Void](src)); err != nil {
			tb.t.Fatalf("injecting axe-core: %v", err)
		}
	}
	tags, _ := json.Marshal(axeTags)
	type node struct{ Target, HTML, Summary string }
	type violation struct {
		ID, Impact, Help, HelpURL string
		Nodes                     []node
	}
	// No "cssom" preload: axe would fetch each stylesheet again with
	// XMLHttpRequest, which a page read from file:// may not do (the
	// browser logs an error, which would then count against the page). The
	// CSSOM serves one rule only, css-orientation-lock, which is
	// experimental and not among axeTags' rules.
	res := eval[struct{ Violations, Incomplete []violation }](tb, `axe.run(document, {runOnly: {type: 'tag', values: `+string(tags)+`},
    resultTypes: ['violations', 'incomplete'], preload: {assets: ['media']}})
  .then(r => { const f = vs => vs.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
     nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary || ''}))}));
     return {violations: f(r.violations), incomplete: f(r.incomplete)}; })`)
	// What axe could not decide (a contrast over an image, say) needs a
	// person's look; it is shown, not failed.
	for _, v := range res.Incomplete {
		for _, n := range v.Nodes {
			tb.t.Logf("axe %s needs review at %s: %s", v.ID, n.Target, v.Help)
		}
	}
	var out []string
	for _, v := range res.Violations {
		for _, n := range v.Nodes {
			out = append(out, fmt.Sprintf("axe %s (%s) at %s: %s <%s>\n\telement: %s\n\t%s",
				v.ID, v.Impact, n.Target, v.Help, v.HelpURL, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t")))
		}
	}
	return out
}

// TestUnknownAddress: over HTTP, an unknown address under the site is
// answered with status 404 and the site's 404 page, which passes every
// check of checkPage, and whose link home works from there.
func TestUnknownAddress(t *testing.T) {
	needNodeModule(t, axeJS)
	s := getBuilds(t).http
	tab := newTab(t, getBrowser(t), false)
	for _, u := range []string{s.base + "no-such-page/", s.base + "documents/no-such-document/"} {
		t.Run(strings.TrimPrefix(u, s.base), func(t *testing.T) {
			tb := tab.with(t)
			for _, p := range checkPage(tb, s, u, variants[0], map[string]int64{u: 404}) {
				t.Error(p)
			}
			want := pageTitle(t, s, "404.html")
			if got := eval[string](tb, `document.title`); got != want {
				t.Errorf("%s shows %q, want the 404 page %q", u, got, want)
			}
			if err := tb.follow(`a[href="` + strings.TrimPrefix(s.base, "http://"+hostOf(s.base)) + `"]`); err != nil {
				t.Fatalf("the 404 page's link home: %v", err)
			}
			must(t, landedOn(tb, s, s.home(s.defaultLang)))
		})
	}
}

func hostOf(u string) string {
	rest := strings.TrimPrefix(u, "http://")
	host, _, _ := strings.Cut(rest, "/")
	return host
}
