package browser

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/internal/worddiff"
)

// TestNavigation walks the site as a reader does, with JavaScript: from
// each language's home page to each document, through every version with
// the language switch, and to a numbered conclusion by its link. Each
// step must land on the page and element it should, and the language
// switch must keep the fragment. Nothing on the way may log an error,
// fail to load or reach outside the site.
func TestNavigation(t *testing.T) {
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		for _, l := range s.langs {
			t.Run(l.Key, func(t *testing.T) {
				tb := newTab(t, br, false)
				mark := br.targets.mark()
				home := s.home(l.Key)
				for _, slug := range s.docs {
					if !slices.Contains(s.versions[slug], l.Key) {
						continue
					}
					if _, err := tb.open(s.url(home)); err != nil {
						t.Fatal(err)
					}
					must(t, landedOn(tb, s, home))
					must(t, tb.follow(`main a[href*="`+slug+`"]`))
					must(t, landedOn(tb, s, s.docPage(l.Key, slug)))

					id := numberedConclusion(tb)
					must(t, tb.follow(`a[href$="#`+id+`"]`))
					must(t, landedAt(tb, id))

					// Through every other version and back, keeping the place.
					for _, v := range rotate(s.versions[slug], l.Key) {
						must(t, tb.follow(`nav a[hreflang="`+s.locale(v)+`"]`))
						must(t, landedOn(tb, s, s.docPage(v, slug)))
						if err := landedAt(tb, id); err != nil {
							t.Errorf("switching to %s with JavaScript lost the reader's place: %v", v, err)
						}
					}
				}
				for _, p := range tb.rec.take().problems(s, br.targets.since(mark), nil) {
					t.Error(p)
				}
			})
		}
	})
}

// TestJavaScriptOff: with script execution disabled, every page shows the
// same text as with it, each document its full article, and the language
// switch still leads to the same document in every version (to its top:
// keeping the fragment is the script's work).
func TestJavaScriptOff(t *testing.T) {
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		on := newTab(t, br, false)
		off := newTab(t, br, true)
		mark := br.targets.mark()
		for _, rel := range s.html {
			t.Run(rel, func(t *testing.T) {
				on, off := on.with(t), off.with(t)
				for _, tb := range []*tab{on, off} {
					if _, err := tb.open(s.url(rel)); err != nil {
						t.Fatal(err)
					}
				}
				// What a page shows only without JavaScript (the search
				// page's notice that search needs it) is marked
				// data-without-js and left out.
				const bodyText = `(document.querySelectorAll('[data-without-js]').forEach(e => e.remove()), document.body.innerText)`
				wOn, wOff := strings.Fields(eval[string](on, bodyText)), strings.Fields(eval[string](off, bodyText))
				if i, diff := worddiff.First(wOff, wOn); diff {
					t.Errorf("without JavaScript the page's text differs at word %d:\n off …%s…\n on  …%s…", i, worddiff.Around(wOff, i), worddiff.Around(wOn, i))
				}
				if s.pageKind(rel) != "document" {
					return
				}
				want := articleWords(t, s, rel)
				got := strings.Fields(eval[string](off, `document.querySelector('article').innerText`))
				if i, diff := worddiff.First(got, want); diff {
					t.Errorf("without JavaScript the article shows, at word %d, …%s…, want …%s…", i, worddiff.Around(got, i), worddiff.Around(want, i))
				}
			})
		}
		for _, slug := range s.docs {
			versions := s.versions[slug]
			t.Run("switch/"+slug, func(t *testing.T) {
				on, off := on.with(t), off.with(t)
				first := s.docPage(versions[0], slug)
				for _, tb := range []*tab{on, off} {
					if _, err := tb.open(s.url(first)); err != nil {
						t.Fatal(err)
					}
				}
				id := numberedConclusion(off)
				for _, tb := range []*tab{on, off} {
					must(t, tb.follow(`a[href$="#`+id+`"]`))
					must(t, landedAt(tb, id))
				}
				// The script is what adds the fragment to the switch: it
				// ran in one tab and not in the other.
				const withFragment = `[...document.querySelectorAll('nav a[hreflang]')].filter(a => a.hash === location.hash).length`
				if n := eval[int](on, withFragment); n == 0 {
					t.Errorf("with JavaScript no language link carries the fragment #%s: did static/js run?", id)
				}
				if n := eval[int](off, withFragment); n != 0 {
					t.Fatalf("with script execution disabled %d language links carry the fragment: JavaScript is not off", n)
				}
				for _, v := range rotate(versions, versions[0]) {
					must(t, off.follow(`nav a[hreflang="`+s.locale(v)+`"]`))
					must(t, landedOn(off, s, s.docPage(v, slug)))
				}
			})
		}
		for _, p := range off.rec.take().problems(s, br.targets.since(mark), nil) {
			t.Error("without JavaScript: " + p)
		}
		for _, p := range on.rec.take().problems(s, nil, nil) {
			t.Error("with JavaScript: " + p)
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// rotate returns the versions after from, then from: a tour of all of
// them that ends where it began.
func rotate(versions []string, from string) []string {
	i := slices.Index(versions, from)
	return append(slices.Clone(versions[i+1:]), versions[:i+1]...)
}

// landedOn checks that the tab shows the page of file rel: its address,
// its lang, its title.
func landedOn(tb *tab, s *site, rel string) error {
	tb.t.Helper()
	got := eval[struct{ URL, Lang, Title string }](tb, `({url: location.href, lang: document.documentElement.lang, title: document.title})`)
	file, ok := s.file(got.URL)
	switch {
	case !ok:
		return fmt.Errorf("landed on %s, outside the site; want %s", got.URL, s.url(rel))
	case file != rel:
		return fmt.Errorf("landed on %s (%s), want %s", got.URL, file, rel)
	case got.Lang != s.locale(s.langOf(rel)):
		return fmt.Errorf("%s: <html lang=%q>, want %q", got.URL, got.Lang, s.locale(s.langOf(rel)))
	case got.Title != pageTitle(tb.t, s, rel):
		return fmt.Errorf("%s: title %q, want %q", got.URL, got.Title, pageTitle(tb.t, s, rel))
	}
	return nil
}

// landedAt checks that the tab's address names fragment id, that the
// element with that id is the :target, and that it is in view. The first
// two are settled when the navigation is (follow and open wait for it);
// the scroll to the element may come with a later layout of the page, so
// that is waited for, within settleTimeout.
func landedAt(tb *tab, id string) error {
	tb.t.Helper()
	type place struct {
		Hash, Target string
		Top, Height  float64
	}
	where := func() place {
		return eval[place](tb, `(() => { const e = document.querySelector(':target');
      return {hash: location.hash, target: e ? e.id : '', top: e ? e.getBoundingClientRect().top : -1, height: innerHeight}; })()`)
	}
	switch got := where(); {
	case got.Hash != "#"+id:
		return fmt.Errorf("the address has fragment %q, want #%s", got.Hash, id)
	case got.Target != id:
		return fmt.Errorf("fragment #%s: no element with that id is the :target (found %q)", id, got.Target)
	}
	return tb.until(func() error {
		if got := where(); got.Top < -1 || got.Top >= got.Height {
			return fmt.Errorf("fragment #%s: the element is not in view (top %.0f px, viewport %.0f px high)", id, got.Top, got.Height)
		}
		return nil
	})
}

// numberedConclusion returns the id of the last item of the article's
// numbered lists (the last conclusion), or else of the article's last
// element with an id.
func numberedConclusion(tb *tab) string {
	tb.t.Helper()
	id := eval[string](tb, `(() => {
  const ids = [...document.querySelectorAll('article ol > li')].map(li => li.id || li.querySelector('[id]')?.id).filter(Boolean);
  if (ids.length) return ids.pop();
  const all = [...document.querySelectorAll('article [id]')];
  return all.length ? all.pop().id : '';
})()`)
	if id == "" {
		tb.t.Fatal("the article has no element with an id to link to")
	}
	return id
}
