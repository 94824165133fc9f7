// Package cite writes the citation of one language version of a document
// in the formats reference managers read: BibTeX for biblatex and biber
// (UTF-8, the Cyrillic as it is), RIS, and CSL-JSON.
//
// Each file cites the version it belongs to: its issuers as corporate
// authors, its title in its own language and script, its type, the event,
// the place, the date, the language and the page's address. A translation
// or a transliteration also names the original it was made from: BibTeX
// through related/relatedtype (and the original's entry in the same
// file), RIS through OP and a note, CSL-JSON through original-title and
// a note.
package cite

import (
	"fmt"
	"strings"

	"github.com/regionaldialogue/site/tools/document"
)

// Work is one language version of a document, as a citation describes it.
type Work struct {
	Key            string   // the citation key, e.g. "2015-11-26-beograd-zakljucci-sr"
	Issuers        []string // corporate authors, in order
	Title          string
	Subtitle       string // "" if none
	Type           string // the document's type in the version's language, e.g. "Закључци"
	Event          string // the event's name, "" if not known
	Place          string
	Start, End     document.Date // the event's days; the document is dated by Start
	Locale         string        // BCP 47, e.g. "sr-Cyrl-RS"
	URL            string        // the page's absolute address, or "" when the site has none
	Reference      string        // an official reference number, or ""
	PublicationURL string        // the original publication's address, or ""
	// Original is the original version's citation for a translation or a
	// transliteration, nil for the original itself.
	Original       *Work
	Transliterated bool // a transliteration of Original, not a translation
}

// FullTitle is the title and the subtitle, joined by a colon.
func (w *Work) FullTitle() string {
	if w.Subtitle == "" {
		return w.Title
	}
	return w.Title + ": " + w.Subtitle
}

// relation describes how w derives from its original, in English (the
// notes of the data formats are not localized).
func (w *Work) relation() string {
	if w.Original == nil {
		return ""
	}
	kind := "Translation"
	if w.Transliterated {
		kind = "Transliteration"
	}
	s := fmt.Sprintf("%s of the original (%s): %s", kind, w.Original.Locale, w.Original.FullTitle())
	if w.Original.URL != "" {
		s += ", " + w.Original.URL
	}
	return s
}

// oneLine replaces every line break and tab in s with a space: a title
// broken over lines is one title.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t\v\f\u2028\u2029\u0085") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '\r', '\n', '\t', '\v', '\f', '\u2028', '\u2029', '\u0085':
			return true
		}
		return false
	}), " ")
}
