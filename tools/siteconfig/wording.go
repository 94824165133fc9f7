package siteconfig

import (
	"fmt"

	"github.com/regionaldialogue/site/tools/document"
)

// Wording is how a document version's dates, place and type read in its
// language, made once from the interface strings (dateDay … dateYears,
// month1 … month12, placeDates, typePlaceDates) and printed as they are
// by every output: the page, the lists, the parallel view, the citation,
// the search results, the e-book and the data.
type Wording struct {
	Dates          string `yaml:"dates,omitempty" json:"dates"`                   // 26–27. новембар 2015.
	PlaceDates     string `yaml:"placeDates,omitempty" json:"placeDates"`         // Београд, 26–27. новембар 2015.
	TypePlaceDates string `yaml:"typePlaceDates,omitempty" json:"typePlaceDates"` // Закључци · Београд, 26–27. новембар 2015.
}

// Word returns the wording of doc, a version in language lang.
func (s *Site) Word(lang string, doc *document.Document) Wording {
	dates := s.Dates(lang, doc.Start, doc.End)
	return Wording{
		Dates:          dates,
		PlaceDates:     s.T(lang, "placeDates", map[string]any{"Place": doc.Place, "Dates": dates}),
		TypePlaceDates: s.T(lang, "typePlaceDates", map[string]any{"Type": doc.Type, "Place": doc.Place, "Dates": dates}),
	}
}

// Dates writes an event's dates in lang: one day, days of one month,
// days across months, or across years (two full dates).
func (s *Site) Dates(lang string, start, end document.Date) string {
	month := func(d document.Date) string { return s.T(lang, fmt.Sprintf("month%d", d.Month), nil) }
	day := func(d document.Date) string {
		return s.T(lang, "dateDay", map[string]any{"Day": d.Day, "Month": month(d), "Year": d.Year})
	}
	switch {
	case start.Year != end.Year:
		return s.T(lang, "dateYears", map[string]any{"First": day(start), "Last": day(end)})
	case start.Month != end.Month:
		return s.T(lang, "dateMonths", map[string]any{"FirstDay": start.Day, "FirstMonth": month(start),
			"LastDay": end.Day, "LastMonth": month(end), "Year": start.Year})
	case start.Day != end.Day:
		return s.T(lang, "dateDays", map[string]any{"FirstDay": start.Day, "LastDay": end.Day, "Month": month(start), "Year": start.Year})
	}
	return day(start)
}
