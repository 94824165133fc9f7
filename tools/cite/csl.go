package cite

import (
	"bytes"
	"encoding/json"
)

// CSLItem is one item of CSL-JSON (the Citation Style Language's input
// format, as citeproc-js, pandoc and Zotero read it).
type CSLItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Author         []CSLName `json:"author,omitempty"`
	Title          string    `json:"title"`
	Genre          string    `json:"genre,omitempty"`
	Event          string    `json:"event-title,omitempty"`
	EventPlace     string    `json:"event-place,omitempty"`
	EventDate      *CSLDate  `json:"event-date,omitempty"`
	PublisherPlace string    `json:"publisher-place,omitempty"`
	Issued         *CSLDate  `json:"issued,omitempty"`
	Number         string    `json:"number,omitempty"`
	Language       string    `json:"language,omitempty"`
	URL            string    `json:"URL,omitempty"`
	OriginalTitle  string    `json:"original-title,omitempty"`
	Note           string    `json:"note,omitempty"`
}

// CSLName is an author; a corporate author is a literal name.
type CSLName struct {
	Literal string `json:"literal"`
}

// CSLDate is a date or a range of dates, as [year, month, day] parts.
type CSLDate struct {
	DateParts [][3]int `json:"date-parts"`
}

// CSL returns w as a CSL-JSON array of one item, indented.
func CSL(w *Work) []byte {
	it := CSLItem{
		ID: w.Key, Type: "report", Title: oneLine(w.FullTitle()), Genre: oneLine(w.Type),
		Event: oneLine(w.Event), EventPlace: oneLine(w.Place), PublisherPlace: oneLine(w.Place),
		Number: oneLine(w.Reference), Language: w.Locale, URL: w.URL,
		Issued:    &CSLDate{[][3]int{{w.Start.Year, int(w.Start.Month), w.Start.Day}}},
		EventDate: &CSLDate{[][3]int{{w.Start.Year, int(w.Start.Month), w.Start.Day}}},
	}
	if w.End != w.Start {
		it.EventDate.DateParts = append(it.EventDate.DateParts, [3]int{w.End.Year, int(w.End.Month), w.End.Day})
	}
	for _, a := range w.Issuers {
		it.Author = append(it.Author, CSLName{oneLine(a)})
	}
	if w.Original != nil {
		it.OriginalTitle = oneLine(w.Original.FullTitle())
		it.Note = oneLine(w.relation())
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode([]CSLItem{it}); err != nil {
		panic(err) // strings and numbers only: cannot fail
	}
	return b.Bytes()
}
