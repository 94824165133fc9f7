package mdtext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape returns s written as Markdown inline text that renders to exactly s.
//
// s must be in the domain described in the package documentation: valid
// UTF-8 on one line, no control characters, no leading or trailing ASCII
// space, no runs of spaces. Outside the domain the result is unspecified.
func Escape(s string) string {
	trail := trailingHashes(s)
	digits := leadingDigits(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if needsEscape(s, i, digits, trail) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// needsEscape reports whether the byte at offset i of s must be written
// with a backslash in front: only some ASCII punctuation does, never a
// byte of a multi-byte rune. digits is the length of the run of ASCII
// digits s starts with, and trail is the byte offset where the run of '#'
// that s ends with begins (len(s) if none).
func needsEscape(s string, i int, digits, trail int) bool {
	switch s[i] {
	case '\\', // escapes, and a hard line break at the end of a line
		'`',      // code spans, fenced code blocks
		'*',      // emphasis, bullet lists, thematic breaks (also inside words)
		'[', ']', // links, images, footnotes [^1], task lists, reference definitions
		'<',      // raw HTML, autolinks, HTML blocks, Hugo's <!--more-->
		'~',      // strikethrough (single and double), fenced code blocks
		'|',      // table cells (a table needs a second line, but never rely on it)
		'{', '}': // block and heading attributes, Hugo shortcodes {{< >}} {{% %}}
		return true
	case '_':
		// Emphasis; an underscore between two letters or digits can neither open
		// nor close emphasis (CommonMark's flanking rules), so snake_case and
		// 1_000 stay readable.
		prev, _ := utf8.DecodeLastRuneInString(s[:i]) // RuneError at the start
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		return !(isWordRune(prev) && isWordRune(next))
	case '&':
		// Entity and numeric character references: &amp; &#1234; &#x1F;.
		return isReference(s[i+1:])
	case '!':
		// "<!--more-->" in the Markdown source is Hugo's summary divider, found
		// before any Markdown is parsed: \<\!--more--> keeps it text.
		return i > 0 && s[i-1] == '<'
	case '#':
		// An ATX heading at the start; a closing sequence at the end of a
		// heading line (goldmark strips " ###" before the attribute list).
		return i == 0 || i >= trail
	case '>', '-', '+', '=', ':':
		// At the start of a line: block quote, bullet list or thematic break or
		// setext underline, setext underline, definition list description.
		return i == 0
	case '.', ')':
		// "1." or "2015)" at the start of a line opens an ordered list when
		// followed by a space or the end of the line.
		return digits > 0 && i == digits && (i+1 == len(s) || s[i+1] == ' ')
	}
	return false
}

// isReference reports whether s, the text after an '&', could make it a
// character reference: '#', or ASCII letters and digits followed by ';'.
func isReference(s string) bool {
	if strings.HasPrefix(s, "#") {
		return true
	}
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return n > 0 && n < len(s) && s[n] == ';'
}

// isWordRune reports whether r is a letter or a decimal digit, which
// CommonMark counts as neither white space nor punctuation.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// leadingDigits returns the number of ASCII digits s starts with.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// trailingHashes returns the byte offset of the run of '#' that s ends
// with, or len(s) if s does not end with '#'.
func trailingHashes(s string) int {
	n := len(s)
	for n > 0 && s[n-1] == '#' {
		n--
	}
	return n
}

// Heading returns a level-2 ATX heading with the given id:
//
//	## ESC {#id}
//
// It panics if text is empty or id is not a valid id (see the package
// documentation).
func Heading(text, id string) string {
	mustBlock(text, id)
	return "## " + Escape(text) + " {#" + id + "}"
}

// Paragraph returns a paragraph followed by its attribute line:
//
//	ESC
//	{#id}
//
// It panics if text is empty or id is not a valid id.
func Paragraph(text, id string) string {
	mustBlock(text, id)
	return Escape(text) + "\n{#" + id + "}"
}

// ListItem returns one item of a loose list, its attribute line indented to
// the item's content (the marker's width plus one):
//
//	ListItem("-", text, "b1")    "- ESC\n  {#b1}"
//	ListItem("10.", text, "n1")  "10. ESC\n    {#n1}"
//
// marker is "-" or "*" for a bullet list, or a number of one to nine ASCII
// digits followed by "." or ")" for an ordered list (two lists in a row
// need different markers, or Markdown reads them as one). Items must be separated by a blank
// line: only in a loose list does goldmark give the item's paragraph the id.
// It panics if marker, text or id is invalid.
func ListItem(marker, text, id string) string {
	mustBlock(text, id)
	if !validMarker(marker) {
		panic("mdtext: invalid list marker " + strconv.Quote(marker))
	}
	return marker + " " + Escape(text) + "\n" + strings.Repeat(" ", len(marker)+1) + "{#" + id + "}"
}

func validMarker(m string) bool {
	if m == "-" || m == "*" {
		return true
	}
	n := leadingDigits(m)
	return n >= 1 && n <= 9 && len(m) == n+1 && (m[n] == '.' || m[n] == ')')
}

// ValidID reports whether id can be used as a block id: an ASCII letter
// followed by ASCII letters, digits, '-' or '_'. Such ids survive goldmark's
// attribute syntax unchanged and need no escaping in HTML or CSS selectors.
func ValidID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '_'):
		default:
			return false
		}
	}
	return true
}

func mustBlock(text, id string) {
	if text == "" {
		panic("mdtext: empty block text (id " + strconv.Quote(id) + ")")
	}
	if !ValidID(id) {
		panic("mdtext: invalid id " + strconv.Quote(id))
	}
}
