// Package docdata is the document as data: one JSON file per document
// with its metadata and every version's blocks, and a catalogue of all
// documents, in the format schema.json (JSON Schema 2020-12) describes.
//
// The site has them at data/<slug>.json and data/catalogue.json. Their
// addresses are absolute when the site is built with an absolute base
// address, and otherwise relative to the JSON file itself.
//
// A document's blocks are flat, in reading order: a heading, a paragraph,
// or one item of a list, each with the id its passage has on the page
// (the fragment of its address) and exactly the text the page shows.
package docdata

import (
	"bytes"
	"encoding/json"
)

// Document is data/<slug>.json.
type Document struct {
	Schema           string    `json:"$schema,omitempty"`
	ID               string    `json:"id"`
	Slug             string    `json:"slug"`
	Start            string    `json:"start"` // YYYY-MM-DD, the event's first day
	End              string    `json:"end"`
	OriginalLanguage string    `json:"originalLanguage"`
	Reference        string    `json:"reference,omitempty"`
	PublicationURL   string    `json:"publicationURL,omitempty"`
	Source           Source    `json:"source"`
	Versions         []Version `json:"versions"`
}

// Source is the seed file the document was converted from.
type Source struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// Version is one language version.
type Version struct {
	Lang     string `json:"lang"`   // the site's language key
	Locale   string `json:"locale"` // BCP 47
	Relation string `json:"relation"`
	Title    string `json:"title"`
	Subtitle string `json:"subtitle,omitempty"`
	Type     string `json:"type"`
	Place    string `json:"place"`
	DateLine string `json:"dateLine,omitempty"`
	// Dates and PlaceDates are worded as every output words them.
	Dates      string   `json:"dates"`
	PlaceDates string   `json:"placeDates"`
	Issuers    []string `json:"issuers"`
	Event      string   `json:"event,omitempty"`
	URL        string   `json:"url"`
	Files      Files    `json:"files"`
	Blocks     []Block  `json:"blocks"`
}

// The relations of a version to the original.
const (
	Original        = "original"
	Transliteration = "transliteration"
	Translation     = "translation"
)

// Files are the addresses of a version's downloads.
type Files struct {
	BibTeX string `json:"bibtex"`
	RIS    string `json:"ris"`
	CSL    string `json:"csl"`
	EPUB   string `json:"epub"`
}

// Block is a heading, a paragraph or a list item.
type Block struct {
	ID   string `json:"id"`
	Kind string `json:"kind"` // heading, paragraph, bulleted-item, numbered-item, sub-item
	Text string `json:"text"`
}

// Catalogue is data/catalogue.json.
type Catalogue struct {
	Schema    string  `json:"$schema,omitempty"`
	Documents []Entry `json:"documents"`
}

// Entry is one document of the catalogue.
type Entry struct {
	ID       string         `json:"id"`
	Slug     string         `json:"slug"`
	Start    string         `json:"start"`
	Data     string         `json:"data"` // the document's JSON
	Versions []EntryVersion `json:"versions"`
}

// EntryVersion is one version of a catalogue entry.
type EntryVersion struct {
	Lang     string `json:"lang"`
	Locale   string `json:"locale"`
	Relation string `json:"relation"`
	Title    string `json:"title"`
	URL      string `json:"url"`
	Files    Files  `json:"files"`
}

// Marshal encodes v as indented JSON, HTML characters as they are.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	err := enc.Encode(v)
	return b.Bytes(), err
}
