package browser

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/regionaldialogue/site/tools/internal/worddiff"
	"golang.org/x/text/unicode/norm"
)

// TestPrint prints each document page of both builds to PDF with
// Chromium, as a reader's "Print" does (the print stylesheet, A4 as its
// @page asks), and checks with pdftotext that the PDF's text holds every
// word of the document's article, in order.
func TestPrint(t *testing.T) {
	needPdftotext(t)
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		tab := newTab(t, br, false)
		for _, slug := range s.docs {
			for _, lang := range s.versions[slug] {
				rel := s.docPage(lang, slug)
				t.Run(rel, func(t *testing.T) {
					tb := tab.with(t)
					if _, err := tb.open(s.url(rel)); err != nil {
						t.Fatal(err)
					}
					pdf, err := run(tb, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
					if err != nil {
						t.Fatalf("printing: %v", err)
					}
					file := filepath.Join(artifactDir(t), fmt.Sprintf("%s-%s-%s.pdf", s.name, lang, slug))
					if err := os.WriteFile(file, pdf, 0o644); err != nil {
						t.Fatal(err)
					}
					out, err := pdftotext(file)
					if err != nil {
						t.Fatal(err)
					}
					if err := containsInOrder(out, articleWords(t, s, rel)); err != nil {
						t.Errorf("%s: %v", file, err)
					}
				})
			}
		}
		t.Logf("PDFs in %s", artifactDir(t))
	})
}

func pdftotext(file string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", file, "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pdftotext %s: %v\n%s", file, err, stderr.Bytes())
	}
	return stdout.String(), nil
}

// normalizeWord makes a word of the PDF's text and a word of the HTML
// comparable. NFKC folds the presentation forms a PDF may carry (the
// ligature ﬁ back to f and i) and compatibility spaces; soft hyphens, which
// a browser shows only where it breaks a line, and zero-width characters
// go. Cyrillic and Latin letters, and the dashes and quotes of the text,
// are left as they are: a change there is a real loss.
func normalizeWord(w string) string {
	w = norm.NFKC.String(w)
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		}
		return r
	}, w)
}

func normalizedFields(s string) []string {
	var out []string
	for _, w := range strings.Fields(norm.NFKC.String(s)) {
		if w = normalizeWord(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// containsInOrder checks that the words of want appear in text as one run,
// in order, allowing only what printing does to running text:
//
//   - a word broken across lines or pages with a hyphen ("органи-" then
//     "зованог"), or split by pdftotext into pieces, is joined;
//   - a word with a hyphen of its own ("non-governmental") that the browser
//     broke at that hyphen comes out of pdftotext without it
//     ("nongovernmental": poppler joins a line ending in a hyphen to the
//     next and drops the hyphen, and cannot be told not to), so it matches
//     with one of its hyphens left out;
//   - a link target that the print stylesheet writes after a link
//     ("<https://…>") may stand between two words;
//   - so may a list item's number ("1."), which the browser draws for an
//     <ol> and which is not a word of the document's text.
//
// Anything else, a missing, changed or extra word inside the document,
// fails with the place it happens.
func containsInOrder(text string, want []string) error {
	got := normalizedFields(text)
	want = normalizedFields(strings.Join(want, " "))
	if len(want) == 0 {
		return nil
	}
	best, bestAt := -1, 0
	for start := range got {
		if !strings.HasPrefix(want[0], strings.TrimRight(got[start], "-‐")) {
			continue
		}
		n, at := matchRun(got, start, want)
		if n == len(want) {
			return nil
		}
		if n > best {
			best, bestAt = n, at
		}
	}
	if best < 0 {
		return fmt.Errorf("the PDF's text does not contain the document's first word %q", want[0])
	}
	return fmt.Errorf("the PDF's text holds the document's first %d of %d words, then differs:\n pdf  …%s…\n want …%s…",
		best, len(want), worddiff.Around(got, bestAt), worddiff.Around(want, best))
}

// matchRun matches want against got from got[i] on, and returns how many
// words matched and where in got the match stopped.
func matchRun(got []string, i int, want []string) (int, int) {
	j := 0
	for j < len(want) && i < len(got) {
		if next, ok := joinedMatch(got, i, want[j]); ok {
			i, j = next, j+1
			continue
		}
		if j > 0 && listMarker.MatchString(got[i]) {
			i++
			continue
		}
		if strings.HasPrefix(got[i], "<") && j > 0 {
			// A printed link target: skip to the token that closes it.
			k := i
			for k < len(got) && !strings.HasSuffix(got[k], ">") && k-i < 20 {
				k++
			}
			if k < len(got) {
				i = k + 1
				continue
			}
		}
		break
	}
	return j, i
}

// listMarker is the text of an ordered list's marker in the PDF: a
// decimal, letter or roman numeral with its period or parenthesis.
var listMarker = regexp.MustCompile(`^(?:[0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]$`)

// joinedMatch reports whether got[i], alone or joined with the tokens
// after it (a hyphen at a line's end dropped), spells w; next is the token
// after the match.
func joinedMatch(got []string, i int, w string) (next int, ok bool) {
	for h := 0; h < len(w); h++ {
		if w[h] == '-' && got[i] == w[:h]+w[h+1:] {
			return i + 1, true
		}
	}
	acc := ""
	for k := i; k < len(got) && k < i+4; k++ {
		tok := got[k]
		if acc+tok == w {
			return k + 1, true
		}
		switch {
		case strings.HasPrefix(w, acc+tok):
			acc += tok
		case strings.HasSuffix(tok, "-") && strings.HasPrefix(w, acc+strings.TrimSuffix(tok, "-")):
			acc += strings.TrimSuffix(tok, "-")
		case strings.HasSuffix(tok, "‐") && strings.HasPrefix(w, acc+strings.TrimSuffix(tok, "‐")):
			acc += strings.TrimSuffix(tok, "‐")
		default:
			return 0, false
		}
	}
	return 0, false
}

// TestContainsInOrder: the comparison of the PDF's text accepts what
// printing does and nothing more.
func TestContainsInOrder(t *testing.T) {
	want := strings.Fields("Регионални парламентарни дијалог о управљању миграцијама (DCAF). Закључак")
	for _, tc := range []struct {
		name, pdf string
		ok        bool
	}{
		{"same", "Наслов\nРегионални парламентарни дијалог о управљању миграцијама (DCAF). Закључак\nО документу", true},
		{"lines and pages", "Регионални\nпарламентарни дијалог о\n\f управљању миграцијама\n(DCAF).\nЗакључак", true},
		{"hyphenated", "Регионални парламен-\nтарни дијалог о упра‐\nвљању миграцијама (DCAF). Закључак", true},
		{"ligature and soft hyphen", "Регионални парла\u00adментарни дијалог о управљању миграцијама (DCAF). Закључак", true},
		{"list numbers", "Регионални парламентарни\n1. дијалог о\n2. управљању миграцијама (DCAF). Закључак", true},
		{"link target", "Регионални парламентарни дијалог <#p1> о управљању миграцијама (DCAF). Закључак", true},
		{"word missing", "Регионални парламентарни дијалог о миграцијама (DCAF). Закључак", false},
		{"word changed", "Регионални парламентарни дијалог о управлјању миграцијама (DCAF). Закључак", false},
		{"transliterated", "Regionalni parlamentarni dijalog o upravljanju migracijama (DCAF). Zaključak", false},
		{"order", "парламентарни Регионални дијалог о управљању миграцијама (DCAF). Закључак", false},
		{"extra word", "Регионални парламентарни дијалог о о управљању миграцијама (DCAF). Закључак", false},
		{"cut short", "Регионални парламентарни дијалог о управљању", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := containsInOrder(tc.pdf, want)
			if (err == nil) != tc.ok {
				t.Errorf("containsInOrder(%q) = %v, want ok=%v", tc.pdf, err, tc.ok)
			}
		})
	}
	// A word's own hyphen at a line's end, which pdftotext drops or keeps.
	hyphenated := []string{"between", "non-governmental", "organizations"}
	for _, pdf := range []string{"between nongovernmental organizations", "between non-\ngovernmental organizations", "between non-governmental organizations"} {
		if err := containsInOrder(pdf, hyphenated); err != nil {
			t.Errorf("%q: %v", pdf, err)
		}
	}
	if err := containsInOrder("between governmental organizations", hyphenated); err == nil {
		t.Errorf("a lost word part passes")
	}
	// A ligature glyph in the PDF's text is the two letters it draws.
	if err := containsInOrder("of\ufb01cial \ufb02ow", []string{"official", "flow"}); err != nil {
		t.Errorf("ligatures: %v", err)
	}
}
