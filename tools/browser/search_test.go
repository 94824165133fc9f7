package browser

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/regionaldialogue/site/tools/search"
)

// searchCase is one query typed into a language's search page.
type searchCase struct {
	name, lang, q string
	// found: at least one result, the first one's block holding every
	// term (or the phrase); otherwise none.
	found bool
}

var searchCases = []searchCase{
	{"latin-plain", "sr", "zastita", true},
	{"cyrillic", "sr", "заштита", true},
	{"latin-diacritics-caps", "sr-latn", "ZAŠTITA izbeglica", true},
	{"cyrillic-on-latin", "sr-latn", "Заштита", true},
	{"inflected-prefix", "sr", "izbeglic", true},
	{"phrase", "sr-latn", `"regionalna saradnja"`, true},
	{"phrase-cyrillic", "sr", `"регионална сарадња"`, true},
	{"english", "en", "refugees", true},
	{"english-prefix", "en", "Migrat", true},
	{"no-results", "sr", "ксилофонмаркетинг", false},
	{"empty", "sr", "", false},
	{"long", "sr", strings.Repeat("заштита ", 125), true},
	{"markup", "en", `<script>alert(1)</script> "<b>&amp;'" .*+?^${}()|[]\ refugees`, true},
}

// searchResult is one result as the page shows it.
type searchResult struct {
	Href, Title string
	Marks       []string
}

// TestSearch types each query into the search page over HTTP and from the
// offline copy, checks the results against the query, opens the first
// result and checks that it lands on the document in the page's language
// at a block that holds the query; no console error, no failed request,
// nothing outside the site, and axe-core finds nothing with results shown.
func TestSearch(t *testing.T) {
	needNodeModule(t, axeJS)
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		tab := newTab(t, br, false)
		for _, c := range searchCases {
			t.Run(c.name, func(t *testing.T) {
				tb := tab.with(t)
				tb.rec.reset()
				mark := tb.b.targets.mark()
				page := s.searchFile(c.lang)
				u := s.url(page) + "?q=" + url.QueryEscape(c.q)
				if _, err := tb.open(u); err != nil {
					t.Fatal(err)
				}
				waitSearch(tb)
				got := eval[struct {
					Value, Status string
					Scripts       int
					Results       []searchResult
				}](tb, `({value: document.getElementById('search-q').value,
  status: document.getElementById('search-status').textContent,
  scripts: document.querySelectorAll('#search-results script, #search-results b').length,
  results: [...document.querySelectorAll('#search-results li')].map(li => ({
    href: li.querySelector('a').href, title: li.querySelector('a').textContent,
    marks: [...li.querySelectorAll('mark')].map(m => m.textContent)}))})`)
				if got.Value != c.q {
					t.Errorf("the search box holds %q, want the query %q", got.Value, c.q)
				}
				if got.Scripts != 0 {
					t.Errorf("the query became markup in the results")
				}
				if !c.found {
					if len(got.Results) != 0 {
						t.Errorf("%d results, want none: %v", len(got.Results), got.Results)
					}
					if c.q != "" && got.Status == "" {
						t.Error("no message that nothing was found")
					}
				} else if len(got.Results) == 0 {
					t.Fatalf("no results (status %q)", got.Status)
				}
				problems := tb.rec.take().problems(s, tb.b.targets.since(mark), nil)
				if c.name == "latin-plain" {
					problems = append(problems, runAxe(tb)...)
				}
				for _, p := range problems {
					t.Error(p)
				}
				if len(got.Results) == 0 {
					return
				}
				checkResult(tb, s, c, got.Results[0])
			})
		}
	})
}

// checkResult follows result r of case c and checks where it lands.
func checkResult(tb *tab, s *site, c searchCase, r searchResult) {
	t := tb.t
	t.Helper()
	if len(r.Marks) == 0 {
		t.Errorf("result %q marks no word", r.Title)
	}
	file, ok := s.file(r.Href)
	if !ok || s.pageKind(file) != "document" || s.langOf(file) != c.lang {
		t.Fatalf("result %q links to %s, not a document page in %s", r.Title, r.Href, c.lang)
	}
	_, id, _ := strings.Cut(r.Href, "#")
	if id == "" {
		t.Fatalf("result %q links to %s, without a block", r.Title, r.Href)
	}
	if _, err := tb.open(r.Href); err != nil {
		t.Fatal(err)
	}
	if err := landedOn(tb, s, file); err != nil {
		t.Error(err)
	}
	if err := landedAt(tb, id); err != nil {
		t.Error(err)
	}
	text := eval[string](tb, `document.querySelector(':target')?.textContent || ''`)
	words := search.Words(text, c.lang)
	phrase, isPhrase := strings.CutPrefix(c.q, `"`)
	if isPhrase {
		phrase, _, _ = strings.Cut(phrase, `"`)
		if !containsPhrase(words, queryTerms(phrase, c.lang)) {
			t.Errorf("#%s does not hold the phrase %q: %q", id, phrase, text)
		}
		return
	}
	terms := queryTerms(c.q, c.lang)
	matched := 0
	for _, term := range terms {
		if slices.ContainsFunc(words, func(w string) bool { return matches(term, w) }) {
			matched++
		}
	}
	if matched == 0 {
		t.Errorf("#%s holds none of %q: %q", id, terms, text)
	}
}

// queryTerms are the words of q as search.js matches them.
func queryTerms(q, lang string) []string {
	var terms []string
	for _, w := range search.Words(q, lang) {
		terms = append(terms, search.QueryStem(w, lang))
	}
	return terms
}

func matches(term, word string) bool {
	if len([]rune(term)) < search.KeyLen {
		return word == term
	}
	return strings.HasPrefix(word, term)
}

func containsPhrase(words, phrase []string) bool {
	for i := 0; i+len(phrase) <= len(words); i++ {
		ok := true
		for k, p := range phrase {
			if !matches(p, words[i+k]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func (r searchResult) String() string { return fmt.Sprintf("%s <%s>", r.Title, r.Href) }

// TestSearchFromHome does what the reader does: on the Cyrillic
// home page, over HTTP and from the offline copy on disk, types "zastita"
// into the header's search box and submits it, then follows the first
// result, which must land on the Cyrillic document at a paragraph that
// mentions заштита (in some form).
func TestSearchFromHome(t *testing.T) {
	br := getBrowser(t)
	forEachSite(t, func(t *testing.T, s *site) {
		tb := newTab(t, br, false)
		if _, err := tb.open(s.url(s.home(s.defaultLang))); err != nil {
			t.Fatal(err)
		}
		tb.do(chromedp.SendKeys(`header form[role=search] input[name=q]`, "zastita"))
		ctx, cancel := context.WithTimeout(tb.ctx, timeout)
		_, err := chromedp.RunResponse(ctx, chromedp.Submit(`header form[role=search] input[name=q]`))
		cancel()
		if err != nil {
			t.Fatalf("submitting the search box: %v", err)
		}
		loc := eval[string](tb, `location.href`)
		if file, ok := s.file(loc); !ok || file != s.searchFile(s.defaultLang) || !strings.Contains(loc, "q=zastita") {
			t.Fatalf("the search box led to %s, want the search page with ?q=zastita", loc)
		}
		waitSearch(tb)
		if err := tb.follow(`#search-results li a`); err != nil {
			t.Fatal(err)
		}
		loc = eval[string](tb, `location.href`)
		file, _ := s.file(loc)
		if s.pageKind(file) != "document" || s.langOf(file) != s.defaultLang {
			t.Fatalf("the first result is %s, not a document page in %s", loc, s.defaultLang)
		}
		_, id, _ := strings.Cut(loc, "#")
		if err := landedAt(tb, id); err != nil {
			t.Fatal(err)
		}
		text := eval[string](tb, `document.querySelector(':target').textContent`)
		if !strings.Contains(strings.ToLower(text), "заштит") {
			t.Errorf("#%s does not mention заштита: %q", id, text)
		}
	})
}

// searchFile is the search page of a language.
func (s *site) searchFile(lang string) string { return s.prefix(lang) + "search/index.html" }
