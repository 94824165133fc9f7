package seedparse

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/regionaldialogue/site/tools/document"
)

// months maps every spelling of a Serbian month name that a date line may
// use, in both scripts, nominative (новембар) and genitive (новембра), to
// its month.
var months = map[string]time.Month{}

func init() {
	for i, forms := range [12][]string{
		{"јануар", "јануара", "januar", "januara"},
		{"фебруар", "фебруара", "februar", "februara"},
		{"март", "марта", "mart", "marta"},
		{"април", "априла", "april", "aprila"},
		{"мај", "маја", "maj", "maja"},
		{"јун", "јуна", "јуни", "jun", "juna", "juni"},
		{"јул", "јула", "јули", "jul", "jula", "juli"},
		{"август", "августа", "avgust", "avgusta"},
		{"септембар", "септембра", "septembar", "septembra"},
		{"октобар", "октобра", "oktobar", "oktobra"},
		{"новембар", "новембра", "novembar", "novembra"},
		{"децембар", "децембра", "decembar", "decembra"},
	} {
		for _, f := range forms {
			months[f] = time.Month(i + 1)
		}
	}
}

// dateShape matches a line that means to be a place-and-date line: a
// place, a comma, and a day number.
var dateShape = regexp.MustCompile(`^([^\d,][^\d]*?),\s*(\d.*)$`)

// dateToken splits the date part into numbers, words and range signs.
var dateToken = regexp.MustCompile(`\d+\.?|\p{L}+|[–—-]`)

// errNotDate says a line is not shaped like a date line at all.
var errNotDate = fmt.Errorf("not a date line")

// parseDateLine parses "Београд, 26 – 27. новембар 2015. године" and the
// other forms of the family: a single day, a range within a month or across
// months or years, written with –, - or и, with or without "године"; a day
// written with numbers ("26.11.2015."); and a venue after the date, after a
// comma ("…2015. године, Дом Народне скупштине"), which stays in the date
// line as written.
// It returns errNotDate for a line of another shape, and a descriptive
// error for a date line it cannot read.
func parseDateLine(s string) (place string, start, end document.Date, err error) {
	m := dateShape.FindStringSubmatch(s)
	if m == nil {
		return "", start, end, errNotDate
	}
	place, dates := strings.TrimSpace(m[1]), m[2]
	type part struct{ day, month, year int }
	var parts []part
	cur := part{}
	sawRange := false
	flush := func() {
		parts = append(parts, cur)
		cur = part{}
	}
	spans := dateToken.FindAllStringIndex(dates, -1)
	hasMonthWord := false
	for _, sp := range spans {
		if _, ok := months[strings.ToLower(dates[sp[0]:sp[1]])]; ok {
			hasMonthWord = true
		}
	}
	prevEnd, prevTok := 0, ""
	for _, sp := range spans {
		tok := dates[sp[0]:sp[1]]
		if cur.year != 0 && strings.Contains(dates[prevEnd:sp[0]], ",") {
			break // a venue after the date: "…2015. године, Дом Народне скупштине"
		}
		lastTok := prevTok
		prevEnd, prevTok = sp[1], tok
		low := strings.ToLower(tok)
		switch {
		case tok[0] >= '0' && tok[0] <= '9':
			digits := strings.TrimSuffix(tok, ".")
			n, _ := strconv.Atoi(digits)
			switch {
			case len(digits) == 4:
				if cur.year != 0 || cur.day == 0 && len(parts) == 0 {
					return "", start, end, fmt.Errorf("unexpected year %s", digits)
				}
				cur.year = n
			case len(digits) <= 2 && cur.day == 0:
				cur.day = n
			case len(digits) <= 2 && cur.month == 0 && !hasMonthWord && strings.HasSuffix(lastTok, ".") && strings.HasSuffix(tok, "."):
				cur.month = n // "26.11.2015.": the month written as a number
			case len(digits) <= 2:
				return "", start, end, fmt.Errorf("two days %d and %s without a range sign between them", cur.day, digits)
			default:
				return "", start, end, fmt.Errorf("unexpected number %s", digits)
			}
		case low == "–" || low == "—" || low == "-" || low == "и" || low == "i" || low == "до" || low == "do":
			if cur.day == 0 || sawRange {
				return "", start, end, fmt.Errorf("misplaced %q", tok)
			}
			sawRange = true
			flush()
		case low == "године" || low == "godine" || low == "год" || low == "god":
		default:
			mo, ok := months[low]
			if !ok && cur.year != 0 {
				return "", start, end, fmt.Errorf("unexpected %q after the date: a venue may follow the date after a comma (%q)", tok, lastTok+", "+tok+" …")
			}
			if !ok {
				return "", start, end, fmt.Errorf("unknown month %q", tok)
			}
			if cur.day == 0 || cur.month != 0 {
				return "", start, end, fmt.Errorf("misplaced month %q", tok)
			}
			cur.month = int(mo)
		}
	}
	flush()
	last := parts[len(parts)-1]
	if last.day == 0 || last.month == 0 || last.year == 0 {
		return "", start, end, fmt.Errorf("a date needs day, month and year")
	}
	first := parts[0]
	if first.month == 0 {
		first.month = last.month
	}
	if first.year == 0 {
		first.year = last.year
		if first.month > last.month {
			first.year--
		}
	}
	if start, err = makeDate(first.year, first.month, first.day); err != nil {
		return "", start, end, err
	}
	if end, err = makeDate(last.year, last.month, last.day); err != nil {
		return "", start, end, err
	}
	if end.Before(start) {
		return "", start, end, fmt.Errorf("the range ends (%s) before it starts (%s)", end, start)
	}
	if place == "" {
		return "", start, end, fmt.Errorf("no place before the comma")
	}
	return place, start, end, nil
}

func makeDate(y, m, d int) (document.Date, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d || t.Month() != time.Month(m) {
		return document.Date{}, fmt.Errorf("no such day: %d.%d.%d", d, m, y)
	}
	return document.Date{Year: y, Month: time.Month(m), Day: d}, nil
}
