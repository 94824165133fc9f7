package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The parallel view of a document (issue 17). TestPages, TestJavaScriptOff
// and TestNuHtmlChecker check it as they check every page (axe-core, the
// console, requests, overflow at 320 and 1280 px in both colour schemes,
// valid HTML); the tests here check what is its own.

// comparePage is the file of a document's parallel view in a language, in
// either build, or "" if there is none.
func (s *site) comparePage(lang, slug string) string {
	prefix := s.prefix(lang) + "documents/" + slug
	for _, rel := range s.html {
		if strings.HasPrefix(rel, prefix) && strings.HasSuffix(rel, "/compare/index.html") {
			return rel
		}
	}
	return ""
}

// rowCells is, for every row of the parallel view in tb, the geometry of
// each of its cells as shown.
type rowCell struct {
	Top, Left, Width float64
	Visible          bool
	Label            string // the ::before label, as CSS draws it
}

const rowCellsJS = `[...document.querySelectorAll('.rows > .row')].map(r => ({id: r.id,
  cells: [...r.querySelectorAll(':scope > div')].map(c => { const b = c.getBoundingClientRect();
    return {top: b.top, left: b.left, width: b.width, visible: b.width > 0 && b.height > 0,
      label: getComputedStyle(c, '::before').content}; })}))`

// TestCompareLayout: at 1280 px every version stands in a column of its
// own and the cells of each row start at the same height (within a
// pixel); at 320 px the versions of each block stand one under another,
// each marked with its version's short label; in both colour schemes.
func TestCompareLayout(t *testing.T) {
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		tab := newTab(t, br, false)
		for _, slug := range s.docs {
			for _, lang := range s.versions[slug] {
				rel := s.comparePage(lang, slug)
				if rel == "" {
					t.Errorf("no parallel view of %s in %s", slug, lang)
					continue
				}
				for _, v := range variants {
					t.Run(rel+"/"+v.String(), func(t *testing.T) {
						tb := tab.with(t)
						must(t, tb.emulate(v))
						if _, err := tb.open(s.url(rel)); err != nil {
							t.Fatal(err)
						}
						rows := eval[[]struct {
							ID    string
							Cells []rowCell
						}](tb, rowCellsJS)
						if len(rows) < 2 {
							t.Fatalf("%d rows", len(rows))
						}
						n := len(s.versions[slug])
						for _, r := range rows {
							if len(r.Cells) != n {
								t.Errorf("row %q: %d cells, want %d", r.ID, len(r.Cells), n)
								continue
							}
							for k, c := range r.Cells {
								if !c.Visible {
									t.Errorf("row %q: cell %d is not shown", r.ID, k+1)
								}
								if k == 0 {
									continue
								}
								prev := r.Cells[k-1]
								if v.width >= 1000 {
									if d := c.Top - r.Cells[0].Top; d > 1 || d < -1 {
										t.Errorf("row %q: cell %d starts %.1f px below the first", r.ID, k+1, d)
									}
									if c.Left <= prev.Left+prev.Width-1 {
										t.Errorf("row %q: cell %d (left %.0f) is not beside cell %d (right %.0f)", r.ID, k+1, c.Left, k, prev.Left+prev.Width)
									}
								} else if c.Top <= prev.Top {
									t.Errorf("row %q: at %d px cell %d is not under cell %d", r.ID, v.width, k+1, k)
								}
							}
							if v.width < 1000 && r.ID != "" {
								for k, c := range r.Cells {
									if c.Label == "none" || c.Label == "" || c.Label == `""` {
										t.Errorf("row %q: at %d px cell %d has no version label", r.ID, v.width, k+1)
									}
								}
							}
						}
						if v == (variant{1280, "light"}) && n > 2 {
							checkChooseVersions(tb, n)
						}
						if s.http && v == (variant{1280, "light"}) && lang == s.defaultLang && slug == s.docs[0] {
							png, err := run(tb, chromedp.CaptureScreenshot())
							if err != nil {
								t.Fatal(err)
							}
							if err := os.WriteFile(filepath.Join(artifactDir(t), "compare-page.png"), png, 0o644); err != nil {
								t.Fatal(err)
							}
						}
					})
				}
			}
		}
	})
}

// checkChooseVersions unchecks the first version in the parallel view in
// tb (a checkbox and CSS, no script) and checks that its column leaves
// every row and the other n-1 stand side by side in the row's full width,
// then checks it again.
func checkChooseVersions(tb *tab, n int) {
	tb.t.Helper()
	// The click returns once the browser has taken the input event; the
	// rows are read once the checkbox shows its effect, not before.
	toggle := func(checked bool) {
		tb.t.Helper()
		must(tb.t, tb.try(chromedp.Click(chromedp.CSS(`#show-version-1`))))
		must(tb.t, tb.until(func() error {
			if got := eval[bool](tb, `document.getElementById('show-version-1').checked`); got != checked {
				return fmt.Errorf("clicked, #show-version-1 is still checked=%v", got)
			}
			return nil
		}))
	}
	toggle(false)
	rows := eval[[]struct {
		ID    string
		Cells []rowCell
	}](tb, rowCellsJS)
	for _, r := range rows {
		if len(r.Cells) != n {
			continue
		}
		if r.Cells[0].Visible {
			tb.t.Errorf("row %q: the unchecked first version is still shown", r.ID)
		}
		for k := 2; k < n; k++ {
			if !r.Cells[k].Visible || r.Cells[k].Left <= r.Cells[k-1].Left {
				tb.t.Errorf("row %q: with the first version unchecked, cell %d is not beside cell %d", r.ID, k+1, k)
			}
		}
	}
	toggle(true)
	if eval[bool](tb, `getComputedStyle(document.querySelector('.rows > .row > div')).display === 'none'`) {
		tb.t.Error("checked again, the first version stays hidden")
	}
}

// TestComparePlace: from a document page scrolled to a block, the way to
// the parallel view lands on that block's row, and the way back lands on
// the block: with JavaScript through the links beside the language switch
// (lang.js carries the fragment), without it through the block's own
// sign (to its row) and the row's link back to this version.
func TestComparePlace(t *testing.T) {
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		for _, jsOff := range []bool{false, true} {
			name := "js"
			if jsOff {
				name = "nojs"
			}
			t.Run(name, func(t *testing.T) {
				tb := newTab(t, br, jsOff)
				for _, slug := range s.docs {
					for _, lang := range s.versions[slug] {
						doc, cmp := s.docPage(lang, slug), s.comparePage(lang, slug)
						if _, err := tb.open(s.url(doc)); err != nil {
							t.Fatal(err)
						}
						id := numberedConclusion(tb)
						must(t, tb.follow(`a[href$="#`+id+`"]`))
						must(t, landedAt(tb, id))
						if jsOff {
							must(t, tb.follow(`#`+id+` > a.to-parallel`))
						} else {
							must(t, linkCarriesFragment(tb))
							must(t, tb.follow(`a.compare-link`))
						}
						must(t, landedOn(tb, s, cmp))
						if err := landedAt(tb, id); err != nil {
							t.Errorf("%s → %s: %v", doc, cmp, err)
						}
						if jsOff {
							must(t, tb.follow(fmt.Sprintf(`#%s > div[lang="%s"] a.back-link`, id, s.locale(lang))))
						} else {
							must(t, linkCarriesFragment(tb))
							must(t, tb.follow(`a.compare-link`))
						}
						must(t, landedOn(tb, s, doc))
						if err := landedAt(tb, id); err != nil {
							t.Errorf("%s → %s: %v", cmp, doc, err)
						}
					}
				}
				for _, p := range tb.rec.take().problems(s, nil, nil) {
					t.Error(p)
				}
			})
		}
	})
}

// linkCarriesFragment checks that static/js/lang.js has given the link
// beside the language switch (a.compare-link) the page's fragment. No wait
// is needed: lang.js does it when the page loads, before the load event
// that open and follow wait for, and on hashchange, which follow waits for
// after a move within the page.
func linkCarriesFragment(tb *tab) error {
	tb.t.Helper()
	const carries = `(() => { const a = document.querySelector('a.compare-link'); return !!a && location.hash !== '' && a.hash === location.hash; })()`
	if !eval[bool](tb, carries) {
		return fmt.Errorf("a.compare-link does not carry the fragment %q: did static/js/lang.js run?", eval[string](tb, `location.hash`))
	}
	return nil
}

// TestComparePrint prints each parallel view to PDF as a reader's "Print"
// does (its print stylesheet asks for A4 landscape) and checks with
// pdftotext that the PDF holds every word of every version: each word as
// many times as the columns show it together (side by side, pdftotext
// reads the columns of a row in an order of its own, so the order is not
// checked; TestCompare in tools/e2e checks it in the HTML).
func TestComparePrint(t *testing.T) {
	needPdftotext(t)
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		tab := newTab(t, br, false)
		for _, slug := range s.docs {
			for _, lang := range s.versions[slug] {
				rel := s.comparePage(lang, slug)
				t.Run(rel, func(t *testing.T) {
					tb := tab.with(t)
					if _, err := tb.open(s.url(rel)); err != nil {
						t.Fatal(err)
					}
					text := eval[string](tb, `[...document.querySelectorAll('.rows > .row > div')].map(c => c.innerText).join(' ')`)
					want := normalizedFields(text)
					if len(want) == 0 {
						t.Fatal("no text in the columns")
					}
					pdf, err := run(tb, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
					if err != nil {
						t.Fatalf("printing: %v", err)
					}
					file := filepath.Join(artifactDir(t), fmt.Sprintf("%s-%s-%s-compare.pdf", s.name, lang, slug))
					if err := os.WriteFile(file, pdf, 0o644); err != nil {
						t.Fatal(err)
					}
					out, err := pdftotext(file)
					if err != nil {
						t.Fatal(err)
					}
					if missing := missingWords(normalizedFields(out), want); len(missing) > 0 {
						t.Errorf("%s: %d of the columns' %d words are not in the PDF: %q", file, len(missing), len(want), missing[:min(len(missing), 20)])
					}
				})
			}
		}
	})
}

// missingWords returns the words of want that got lacks, counting each
// word as often as it occurs. A word with a hyphen of its own may come out
// of pdftotext without it, when the browser broke the line there (see
// containsInOrder).
func missingWords(got, want []string) []string {
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	var missing []string
	for _, w := range want {
		switch {
		case have[w] > 0:
			have[w]--
		case strings.Contains(w, "-") && have[strings.ReplaceAll(w, "-", "")] > 0:
			have[strings.ReplaceAll(w, "-", "")]--
		default:
			missing = append(missing, w)
		}
	}
	return missing
}

func TestMissingWords(t *testing.T) {
	for _, tc := range []struct {
		got, want, missing string
	}{
		{"a b c", "c b a", ""},
		{"a b", "a a b", "a"},
		{"nongovernmental x", "non-governmental x", ""},
		{"Београд Beograd", "Београд Beograd Belgrade", "Belgrade"},
	} {
		got := missingWords(strings.Fields(tc.got), strings.Fields(tc.want))
		if strings.Join(got, " ") != tc.missing {
			t.Errorf("missingWords(%q, %q) = %q, want %q", tc.got, tc.want, got, tc.missing)
		}
	}
}
