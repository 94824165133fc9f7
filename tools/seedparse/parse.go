// Package seedparse reads a seed, the plain-text export of a Word document
// of the family this site publishes, into a document.Document.
//
// A seed looks like this (the real one is seeds/000_1dc8ae94338e037f.txt):
//
//	Управљање миграцијама, заштита избеглица и борба против
//	организованог криминала
//	- одговори на националном нивоу и регионална сарадња -
//	Београд, 26 – 27. новембар 2015. године
//	Закључци
//	Регионални парламентарни дијалог … одржана је у Београду …
//	Главни циљеви овог дијалога били су да се:
//	· подигне свест о …,
//	· пружи платформа за дијалог ….
//	[bookmark: _GoBack]	Учесници Конференције се слажу …:
//	1. одржавање политичког дијалога …,
//	2. координирање националних одговора …
//
// # The header
//
// The title comes first and may wrap over several lines; they are joined
// with a space. A subtitle may follow, framed by dashes ("- … -", also with
// – or —), on one line or several. Then the place-and-date line: a place, a
// comma, and a date: a single day ("3. март 2016. године", also written
// with numbers, "26.11.2015."), a range within a month ("26 – 27. новембар
// 2015.", "26. и 27. новембра 2015."), or across months or years ("30.
// новембар – 1. децембар 2016."); month names in nominative or genitive,
// in Cyrillic or Latin script; "године" optional. A venue may follow the
// date after a comma ("…2015. године, Дом Народне скупштине"); it stays in
// the date line as written. The line after it is the document-type heading
// (Закључци, Препоруке, Декларација, …), also with a colon or in lower case
// ("Закључци:", "закључци"), kept as written.
//
// # The body
//
// Every further line is a block:
//   - a bulleted item: a line starting with ·, •, ◦, ▪, ■, ●, ‣, ►, -, –, —,
//   - or Word's Symbol-font bullet (U+F0B7, U+F0A7), then a space;
//   - a numbered item: "1. " or "1) ", when the number is 1 or continues the
//     last numbered list, and the text after it is not a month's name: "26.
//     новембра 2015. године …" and "3. март …" begin sentences, whatever
//     the number, since the items of this family begin with a verbal noun
//     or a lower-case word, never with a month;
//   - a sub-item of the numbered item before it: a line starting with a
//     lower-case letter and ")" ("а) ", "б) ", kept as text), or, when that
//     item ends with a colon, a dash and a space ("– ", dropped). Sub-items
//     form a bulleted list nested in their item, with ids n2a, n2b, …;
//   - a heading: a line of at most twelve words that starts with a capital
//     letter or a digit, does not end in sentence or clause punctuation, and
//     is not the last line. Footnote markers at the end ("[2]", "[*]",
//     superscript digits) do not count: "… порастао.[2]" ends a sentence;
//   - otherwise a paragraph.
//
// A line that Word broke inside a sentence continues the paragraph or item
// before it: when that one does not end with sentence punctuation and the
// line starts with a lower-case letter, or with a digit ("2015. године …")
// after a paragraph or item. After a heading-like short line, a line that
// starts with a digit begins a new paragraph unless the short line ends
// with a month's name and the line with a year ("… 26. и 27. новембра" /
// "2015. године …"): where a break could go either way, the editor's line
// breaks are kept.
//
// Consecutive items of one kind form a list. A paragraph that ends with a
// colon and is followed by a list is marked as introducing it.
//
// # What is dropped
//
// Only the Word export's debris and the framing of lines: a UTF-8 byte order
// mark, CR of CRLF, "[bookmark: …]" markers, tabs and other control
// characters, runs of white space (one space remains), white space at the
// ends of lines, empty lines, bullet signs and item numbers (kept as the
// list's kind and start), and the subtitle's dashes. Every other character
// reaches the document, in order.
package seedparse

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/regionaldialogue/site/tools/document"
)

// maxHeaderLines is how far from the top the date line is looked for.
const maxHeaderLines = 10

// Parse reads the seed data whose path, as the user knows it (for example
// "seeds/000_1dc8ae94338e037f.txt"), is file. Errors are *document.Error.
func Parse(file string, data []byte) (*document.Document, error) {
	return ParseHashed(file, data, sha256.Sum256(data))
}

// ParseHashed is Parse for a caller that has hashed data already (the
// converter hashes every input to tell whether it changed): sum must be
// sha256.Sum256(data), which becomes the document's SourceSHA256.
func ParseHashed(file string, data []byte, sum [sha256.Size]byte) (*document.Document, error) {
	text, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	lines, bad := splitLines(text)
	if bad >= 0 {
		return nil, notUTF8(file, []byte(text), bad)
	}
	if len(lines) == 0 {
		return nil, document.Errorf(file, 1, "empty file: a seed needs a title, a date line and text")
	}
	base := filepath.Base(file)
	doc := &document.Document{
		ID:           strings.TrimSuffix(base, filepath.Ext(base)),
		Source:       base,
		SourceSHA256: hex.EncodeToString(sum[:]),
	}
	rest, err := parseHeader(file, doc, lines)
	if err != nil {
		return nil, err
	}
	doc.Blocks = parseBody(rest)
	return doc, nil
}

// parseHeader fills the title, subtitle, place, dates and type of doc and
// returns the lines of the body, starting with the type heading.
func parseHeader(file string, doc *document.Document, lines []line) ([]line, error) {
	dateAt := -1
	for i, l := range lines {
		if i >= maxHeaderLines {
			break
		}
		place, start, end, err := parseDateLine(l.text)
		if errors.Is(err, errNotDate) {
			if endsSentence(l.text) && i > 0 {
				break // prose: the header is over
			}
			continue
		}
		if err != nil {
			return nil, document.Errorf(file, l.n, "bad date line: %v: expected \"Place, DD. month YYYY.\"", err)
		}
		dateAt = i
		doc.Place, doc.Start, doc.End, doc.DateLine = place, start, end, l.text
		break
	}
	if dateAt < 0 {
		at := expectedDateLine(lines)
		if n := titleWords(lines, at); n > maxTitleWords {
			return nil, document.Errorf(file, at, "no date line: expected \"Place, DD. month YYYY.\" after the title, but the title would be %d words long: is the date line missing?", n)
		}
		return nil, document.Errorf(file, at, "no date line: expected \"Place, DD. month YYYY.\"")
	}
	if dateAt == 0 {
		return nil, document.Errorf(file, lines[0].n, "no title: the first line is the date line")
	}

	head := lines[:dateAt]
	sub := len(head)
	if last := head[len(head)-1].text; isSubtitleEnd(last) {
		for sub = len(head) - 1; sub > 0 && !isSubtitleStart(head[sub].text); sub-- {
		}
		if !isSubtitleStart(head[sub].text) {
			sub = len(head) // a dash at the end of a title line, not a frame
		}
	}
	if sub == 0 {
		return nil, document.Errorf(file, head[0].n, "no title: the document starts with its subtitle")
	}
	doc.Title = joinText(head[:sub])
	doc.HeaderLines.Title, doc.HeaderLines.Date = head[0].n, lines[dateAt].n
	if sub < len(head) {
		doc.Subtitle = unframe(joinText(head[sub:]))
		doc.HeaderLines.Subtitle = head[sub].n
	}

	body := lines[dateAt+1:]
	if len(body) == 0 || !isTypeHeading(body[0].text) {
		n := lines[dateAt].n + 1
		if len(body) > 0 {
			n = body[0].n
		}
		return nil, document.Errorf(file, n, "no document-type heading after the date line: expected a short line such as \"Закључци\"")
	}
	doc.Type = body[0].text
	if len(body) == 1 {
		return nil, document.Errorf(file, body[0].n, "no text after the document-type heading")
	}
	return body, nil
}

// maxTitleWords is the most words a title has; the longest of the family
// has about twenty.
const maxTitleWords = 30

// titleWords returns the number of words on the lines before line at
// (1-based), up to a subtitle: the title's, if the date line were at.
func titleWords(lines []line, at int) int {
	n := 0
	for _, l := range lines {
		if l.n >= at || isSubtitleStart(l.text) {
			break
		}
		n += len(strings.Fields(l.text))
	}
	return n
}

// isTypeHeading reports whether s can be the document-type heading: a
// heading ("Закључци"), also in lower case or with a colon ("закључци",
// "Закључци:").
func isTypeHeading(s string) bool {
	t := strings.TrimSuffix(s, ":")
	if t == "" || isListItem(s) {
		return false
	}
	first, size := utf8.DecodeRuneInString(t)
	return isHeadingText(string(unicode.ToUpper(first)) + t[size:])
}

// expectedDateLine returns the line where the date line should have been:
// after the subtitle if there is one, else after the title's first line.
func expectedDateLine(lines []line) int {
	for i, l := range lines {
		if i >= maxHeaderLines {
			break
		}
		if isSubtitleEnd(l.text) && i+1 < len(lines) {
			return lines[i+1].n
		}
	}
	if len(lines) > 1 {
		return lines[1].n
	}
	return lines[0].n
}

const dashes = "-–—"

func isSubtitleStart(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(dashes, r) && len(s) > size && s[size] == ' '
}

func isSubtitleEnd(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(dashes, r) && len(s) > size && s[len(s)-size-1] == ' '
}

// unframe removes the dashes around a subtitle.
func unframe(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	s = s[size:]
	_, size = utf8.DecodeLastRuneInString(s)
	return strings.TrimSpace(s[:len(s)-size])
}

func joinText(ls []line) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

// endsSentence reports whether s ends with sentence punctuation, footnote
// markers after it aside.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimNotes(s))
	return strings.ContainsRune(".!?:;…", r)
}

// isHeadingText reports whether s is short and unpunctuated like a
// heading, footnote markers at its end aside.
func isHeadingText(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimNotes(s))
	if strings.ContainsRune(".,;:!?…", r) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	return len(strings.Fields(s)) <= 12
}

// trimNotes returns s without the footnote markers at its end: "[2]",
// "[*]" (one to three digits or stars in brackets) and superscript
// digits, any number of them.
func trimNotes(s string) string {
	for {
		r, size := utf8.DecodeLastRuneInString(s)
		open := strings.LastIndexByte(s, '[')
		switch {
		case strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r):
			s = s[:len(s)-size]
		case r == ']' && open >= 0 && isNoteMark(s[open+1:len(s)-1]):
			s = s[:open]
		default:
			return s
		}
	}
}

// isNoteMark reports whether s is one to three digits or one to three stars.
func isNoteMark(s string) bool {
	return len(s) >= 1 && len(s) <= 3 && (strings.Trim(s, "0123456789") == "" || strings.Trim(s, "*") == "")
}

// startsWithMonth reports whether s starts with a month's name, as the
// text after a day number does in "27. новембра 2015. године …".
func startsWithMonth(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	_, ok := months[strings.ToLower(s[:end])]
	return ok
}

// subItem returns the text of s as a sub-item of the last item of list,
// and whether s is one: a line that starts with a letter and ")" ("а) …",
// kept as text) under any numbered item, or a dash and a space ("– …",
// the dash dropped) under a numbered item that ends with a colon or
// already has dashed sub-items.
func subItem(list *document.Block, s string) (string, bool) {
	if list == nil || list.Kind != document.NumberedList {
		return "", false
	}
	last := list.Items[len(list.Items)-1]
	if letteredItem.MatchString(s) {
		return s, true
	}
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(dashes, r) && len(s) > size+1 && s[size] == ' ' &&
		(strings.HasSuffix(last.Text, ":") || len(last.Items) > 0 && !letteredItem.MatchString(last.Items[0].Text)) {
		return s[size+1:], true
	}
	return "", false
}

// year matches a year at the start of a line.
var year = regexp.MustCompile(`^\d{4}\.? `)

// letteredItem matches a line that starts with a lettered sub-item's
// label: one Serbian Cyrillic or Latin lower-case letter and ")".
var letteredItem = regexp.MustCompile(`^[а-шђјљњћџa-z]\) `)

// item is a list item as written: its kind, number and text.
type item struct {
	kind   document.Kind
	number int
	text   string
}

var bullets = "·•◦▪■●‣►-–—*\uF0B7\uF0A7"

// listItem returns the list item s starts, and whether it starts one.
func listItem(s string) (item, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(bullets, r) {
		if len(s) > size+1 && s[size] == ' ' {
			return item{kind: document.BulletList, text: s[size+1:]}, true
		}
		return item{}, false
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+2 >= len(s) || (s[i] != '.' && s[i] != ')') || s[i+1] != ' ' {
		return item{}, false
	}
	n, _ := strconv.Atoi(s[:i])
	return item{kind: document.NumberedList, number: n, text: s[i+2:]}, true
}

// isListItem reports whether s is a list item.
func isListItem(s string) bool {
	_, ok := listItem(s)
	return ok
}

func parseBody(lines []line) []document.Block {
	blocks := make([]document.Block, 0, len(lines))
	counts := map[byte]int{} // by the id's prefix
	nextID := func(prefix byte) string {
		counts[prefix]++
		return string(prefix) + strconv.Itoa(counts[prefix])
	}
	lastNumber := 0 // the number of the last numbered item so far
	for i, l := range lines {
		var prev *document.Block
		if len(blocks) > 0 {
			prev = &blocks[len(blocks)-1]
		}
		it, isItem := listItem(l.text)
		if isItem && it.kind == document.NumberedList && (it.number != 1 && it.number != lastNumber+1 || startsWithMonth(it.text)) {
			isItem = false // "26. новембра …" starts a sentence, not an item
		}
		if text, ok := subItem(prev, l.text); ok {
			last := &prev.Items[len(prev.Items)-1]
			last.Items = append(last.Items, document.Item{Text: text, ID: document.SubItemID(last.ID, len(last.Items)), Line: l.n})
			continue
		}
		switch {
		case isItem:
			if it.kind == document.NumberedList {
				lastNumber = it.number
			}
			continuesList := prev != nil && prev.Kind == it.kind &&
				(it.kind == document.BulletList || it.number == prev.Start+len(prev.Items))
			if !continuesList {
				blocks = append(blocks, document.Block{Kind: it.kind, Start: it.number, Line: l.n})
				prev = &blocks[len(blocks)-1]
			}
			prefix := byte('b')
			if it.kind == document.NumberedList {
				prefix = 'n'
			}
			prev.Items = append(prev.Items, document.Item{Text: it.text, ID: nextID(prefix), Line: l.n})
		case len(blocks) > 1 && continues(prev, l.text):
			if prev.Kind.IsList() {
				last := &prev.Items[len(prev.Items)-1]
				if len(last.Items) > 0 {
					last = &last.Items[len(last.Items)-1]
				}
				last.Text += " " + l.text
			} else {
				prev.Text += " " + l.text
				if prev.Kind == document.Heading && !isHeadingText(prev.Text) {
					prev.Kind, prev.ID = document.Paragraph, ""
					counts['s']--
					prev.ID = nextID('p')
				}
			}
		case i == 0 || isHeadingText(l.text) && i+1 < len(lines):
			blocks = append(blocks, document.Block{Kind: document.Heading, Text: l.text, ID: nextID('s'), Line: l.n})
		default:
			blocks = append(blocks, document.Block{Kind: document.Paragraph, Text: l.text, ID: nextID('p'), Line: l.n})
		}
	}
	for i := range blocks {
		b := &blocks[i]
		if b.Kind == document.Paragraph && strings.HasSuffix(b.Text, ":") && i+1 < len(blocks) && blocks[i+1].Kind.IsList() {
			b.IntroducesList = true
		}
	}
	return blocks
}

// continues reports whether text, a line that is not a list item,
// continues block b after a manual line break (Word's, inside a sentence):
// b's last text does not end a sentence, and text starts with a lower-case
// letter, or with a digit when b is a paragraph or a list ("2015.
// године"), or with a year when b ends with a month's name ("… 26. и 27.
// новембра" and "2015. године …"). Otherwise a short line without
// punctuation followed by a line that starts with a digit stays a heading
// and a paragraph: the editor's line break is kept when the break could
// go either way.
func continues(b *document.Block, text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	switch {
	case unicode.IsLower(first):
	case unicode.IsDigit(first) && b.Kind != document.Heading:
	case year.MatchString(text) && b.Kind == document.Heading && startsWithMonth(b.Text[strings.LastIndexByte(b.Text, ' ')+1:]):
	default:
		return false
	}
	last := b.Text
	if b.Kind.IsList() {
		it := b.Items[len(b.Items)-1]
		if len(it.Items) > 0 {
			it = it.Items[len(it.Items)-1]
		}
		last = it.Text
	}
	return !endsSentence(last)
}
