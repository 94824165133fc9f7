package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestDates: each document page's place-and-date line is its place and its
// event's dates as its language writes them (see checkDates).
func TestDates(t *testing.T) {
	needDocuments(t)
	checkDates(t, built)
}

// checkDates checks the place-and-date line (.docinfo in the article's
// header) of every document page of s: it is the version's wording that
// the converter wrote into the front matter (placeDates; its expected
// strings are siteconfig's TestWording), printed as it is, and names the
// page's place and the event's year. The synthetic documents of
// TestArchive have every form: one day, days of one month, across months,
// across years.
func checkDates(t *testing.T, s *site) {
	t.Helper()
	forms := map[string]bool{}
	for _, d := range s.docs {
		start, err1 := time.Parse(time.DateOnly, d.fm.Params.EventStart)
		end, err2 := time.Parse(time.DateOnly, d.fm.Params.EventEnd)
		if err1 != nil || err2 != nil {
			t.Errorf("%s: eventStart, eventEnd: %v, %v", d.file, err1, err2)
			continue
		}
		switch {
		case start.Year() != end.Year():
			forms["years"] = true
		case start.Month() != end.Month():
			forms["months"] = true
		case start.Day() != end.Day():
			forms["days"] = true
		default:
			forms["day"] = true
		}
		want := d.fm.Params.PlaceDates
		if !strings.HasPrefix(want, d.fm.Params.Place+", ") || !strings.Contains(want, strconv.Itoa(end.Year())) {
			t.Errorf("%s: placeDates %q does not name the place %q and the year %d", d.file, want, d.fm.Params.Place, end.Year())
		}
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
