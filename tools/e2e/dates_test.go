package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
	"time"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/net/html"
)

// TestDates: each document page's place-and-date line is its place and its
// event's dates as its language writes them (see checkDates).
func TestDates(t *testing.T) {
	needDocuments(t)
	checkDates(t, built)
}

// checkDates checks the place-and-date line (.docinfo in the article's
// header) of every document page of s against the front matter's place,
// eventStart and eventEnd, formatted here with the patterns and month
// names of i18n/<lang>.toml, which are Go templates as Hugo's T runs them
// with data ({{ .Day }}): a second
// implementation of layouts/_partials/event-dates.html to test it by. The
// synthetic documents of TestArchive have every form: one day, days of one
// month, across months, across years.
func checkDates(t *testing.T, s *site) {
	t.Helper()
	stringsOf := map[string]map[string]string{}
	forms := map[string]bool{}
	for _, d := range s.docs {
		str, ok := stringsOf[d.lang]
		if !ok {
			b, err := os.ReadFile(filepath.Join(s.root, "i18n", d.lang+".toml"))
			if err == nil {
				err = toml.Unmarshal(b, &str)
			}
			if err != nil {
				t.Fatalf("i18n/%s.toml: %v", d.lang, err)
			}
			stringsOf[d.lang] = str
		}
		start, err := time.Parse(time.DateOnly, d.fm.Params.EventStart)
		if err != nil {
			t.Errorf("%s: eventStart: %v", d.file, err)
			continue
		}
		end := start
		if d.fm.Params.EventEnd != "" {
			if end, err = time.Parse(time.DateOnly, d.fm.Params.EventEnd); err != nil {
				t.Errorf("%s: eventEnd: %v", d.file, err)
				continue
			}
		}
		month := func(m time.Month) string { return str[fmt.Sprintf("month%d", m)] }
		fill := func(key string, data map[string]any) string {
			tmpl, err := template.New(key).Option("missingkey=error").Parse(str[key])
			var b strings.Builder
			if err == nil {
				err = tmpl.Execute(&b, data)
			}
			if err != nil {
				t.Errorf("i18n/%s.toml: %s: %v", d.lang, key, err)
			}
			return b.String()
		}
		day := func(d time.Time) string {
			return fill("dateDay", map[string]any{"Day": d.Day(), "Month": month(d.Month()), "Year": d.Year()})
		}
		var dates string
		switch {
		case start.Year() != end.Year():
			forms["years"] = true
			dates = fill("dateYears", map[string]any{"First": day(start), "Last": day(end)})
		case start.Month() != end.Month():
			forms["months"] = true
			dates = fill("dateMonths", map[string]any{"FirstDay": start.Day(), "FirstMonth": month(start.Month()),
				"LastDay": end.Day(), "LastMonth": month(end.Month()), "Year": start.Year()})
		case start.Day() != end.Day():
			forms["days"] = true
			dates = fill("dateDays", map[string]any{"FirstDay": start.Day(), "LastDay": end.Day(), "Month": month(start.Month()), "Year": start.Year()})
		default:
			forms["day"] = true
			dates = day(start)
		}
		want := fill("placeDates", map[string]any{"Place": d.fm.Params.Place, "Dates": dates})
		p := s.page(t, s.pageFile(d))
		var line *html.Node
		if article := first(p.doc, tag("article")); article != nil {
			line = first(article, func(n *html.Node) bool { return hasClass(n, "docinfo") })
		}
		if line == nil {
			t.Errorf("%s: no place-and-date line (.docinfo)", p.file)
			continue
		}
		if got := strings.Join(words(line, nil), " "); got != strings.Join(strings.Fields(want), " ") {
			t.Errorf("%s: place and dates %q, want %q", p.file, got, want)
		}
	}
	t.Logf("date forms seen: %v", forms)
	if len(s.docs) > 100 && len(forms) < 4 {
		t.Errorf("%d documents show only the date forms %v: the test misses some", len(s.docs), forms)
	}
}
