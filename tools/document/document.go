// Package document is the typed model of one official document that sits
// between the parser and the writers: the seed parser fills it, the
// transliterator and the translation reader derive other language versions
// of it, and the page writer turns it into Hugo content.
//
// Text held here is final: Word-export debris and the framing of lines
// (bullet signs, the dashes around a subtitle) are already gone, runs of
// white space are single spaces, and nothing is escaped for any output
// format. Every word the reader sees is in Title, Subtitle, Place, Type or
// Blocks, in reading order. Writers visit the body through Walk or
// Passages, never by ranging over Blocks and Items themselves, so that no
// writer can miss a level (sub-items were once lost that way).
package document

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Document is one document in one language.
type Document struct {
	// ID is the seed's base name without extension, e.g.
	// "000_1dc8ae94338e037f". All language versions share it.
	ID string
	// Source is the seed file's base name, e.g. "000_1dc8ae94338e037f.txt".
	Source string
	// SourceSHA256 is the hex SHA-256 of the seed file's bytes.
	SourceSHA256 string

	Title    string // joined from the title's wrapped lines
	Subtitle string // without its framing dashes; empty if none
	Place    string // e.g. "Београд"
	Start    Date   // first day of the event
	End      Date   // last day; equal to Start for a one-day event
	DateLine string // the place-and-date line as written in the seed

	// HeaderLines are the 1-based source lines of the title's first line,
	// the subtitle's (0 if none) and the date line, for messages.
	HeaderLines struct{ Title, Subtitle, Date int }

	// Type is the document-type heading (Закључци, Препоруке, Декларација).
	// It is also the first block of Blocks, so that the body reads in the
	// order of the original.
	Type string

	Blocks []Block

	// Summary is the one-sentence description when the source gives one
	// (a translation's front matter may); Description derives it otherwise.
	Summary string
}

// Date is a calendar day with no time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String formats d as YYYY-MM-DD.
func (d Date) String() string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// Time returns midnight UTC on d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// Kind says what a block is.
type Kind int

const (
	Heading Kind = iota + 1
	Paragraph
	BulletList
	NumberedList
	// ListItem is a list item or sub-item; only Walk's nodes have it.
	ListItem
)

func (k Kind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Paragraph:
		return "paragraph"
	case BulletList:
		return "bulleted list"
	case NumberedList:
		return "numbered list"
	case ListItem:
		return "list item"
	}
	return "unknown block"
}

// IsList reports whether blocks of kind k hold Items rather than Text.
func (k Kind) IsList() bool { return k == BulletList || k == NumberedList }

// Block is one heading, paragraph or list.
type Block struct {
	Kind Kind
	// Text is the block's text; empty for lists.
	Text string
	// ID is the block's fragment identifier, the same in every language
	// version: "s1" for the first heading, "p1" for the first paragraph.
	// Empty for lists, whose items carry the ids.
	ID string
	// IntroducesList is set on a paragraph that ends with a colon and is
	// directly followed by a list.
	IntroducesList bool
	// Start is the number of a numbered list's first item.
	Start int
	Items []Item
	// Line is the 1-based line in the source file where the block starts.
	Line int
}

// Item is one list item.
type Item struct {
	Text string
	// ID is "b1", "b2", … for bulleted items and "n1", "n2", … for numbered
	// items, counted through the whole document; a sub-item's id is its
	// item's id and a letter: "n2a", "n2b", ….
	ID   string
	Line int
	// Items are the item's sub-items, a bulleted list nested under it
	// ("а)", "б)" or dashes under a numbered item in the seed); nil for
	// most items. They hold no sub-items of their own. A writer that walks
	// the items of a list must walk these too, or it loses their text.
	Items []Item
}

// SubItemID returns the id of the n-th (0-based) sub-item of the item with
// id parent: "n2a", "n2b", … "n2z", "n2aa", "n2ab", ….
func SubItemID(parent string, n int) string {
	suffix := ""
	for n++; n > 0; n = (n - 1) / 26 {
		suffix = string(rune('a'+(n-1)%26)) + suffix
	}
	return parent + suffix
}

// Error is a problem in an input file, reported as "file:line: message".
type Error struct {
	File string // as the user knows it, e.g. "seeds/x.txt"
	Line int    // 1-based; 0 when the problem is the whole file
	Msg  string
}

func (e *Error) Error() string {
	if e.Line <= 0 {
		return e.File + ": " + e.Msg
	}
	return e.File + ":" + itoa(e.Line) + ": " + e.Msg
}

// Errorf returns an *Error for file and line.
func Errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Description returns a one-sentence summary of d: the first sentence of
// its first paragraph, shortened at a word boundary to at most about 300
// characters.
func (d *Document) Description() string {
	if d.Summary != "" {
		return d.Summary
	}
	for _, b := range d.Blocks {
		if b.Kind == Paragraph {
			return firstSentence(b.Text, 300)
		}
	}
	return d.Title
}

// firstSentence returns s up to the end of its first sentence: a '.', '!'
// or '?' followed by a space and a capital letter, or the end of s. A
// sentence longer than max runes is cut at the last space before it and
// ends with "…". Invalid bytes in s become U+FFFD.
func firstSentence(s string, max int) string {
	rs := []rune(s)
	end := len(rs)
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '.' || rs[i] == '!' || rs[i] == '?') && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			end = i + 1
			break
		}
	}
	if end <= max {
		return string(rs[:end])
	}
	cut := max
	for cut > 0 && rs[cut] != ' ' {
		cut--
	}
	if cut == 0 {
		cut = max
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
}
