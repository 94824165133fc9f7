package seedparse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one cleaned, non-empty line of a seed and where it was.
type line struct {
	n    int // 1-based line number in the file
	text string
}

// bookmark matches the markers Word leaves for bookmarks when it saves as
// plain text, e.g. "[bookmark: _GoBack]".
var bookmark = regexp.MustCompile(`\[bookmark: [^\]\n]*\]`)

// splitLines splits text into cleaned lines, dropping the ones left empty.
// Cleaning removes only Word-export debris: bookmark markers, CR of CRLF,
// tabs and other control characters (they become spaces), and runs of
// white space, which become one space; text is trimmed at both ends.
func splitLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")+1)
	for n := 1; ; n++ {
		s, rest, more := strings.Cut(text, "\n")
		if s = clean(s); s != "" {
			out = append(out, line{n: n, text: s})
		}
		if !more {
			return out
		}
		text = rest
	}
}

func clean(s string) string {
	if strings.Contains(s, "[bookmark: ") {
		s = bookmark.ReplaceAllString(s, " ")
	}
	if !needsCleaning(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isBlank(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// needsCleaning reports whether s has leading, trailing, doubled or
// non-space white space; most lines of a seed have none. Spaces are
// checked at the ends and, for doubles, with strings.Contains; the other
// bytes through byteKinds, and runes only where a byte may start
// multi-byte white space.
func needsCleaning(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch byteKinds[s[i]] {
		case blankByte:
			return true
		case mayBeBlankByte:
			// White space other than ' ', or a control character,
			// always needs cleaning.
			r, size := utf8.DecodeRuneInString(s[i:])
			if isBlank(r) {
				return true
			}
			i += size - 1
		}
	}
	return false
}

// What a byte of UTF-8 text may be, for needsCleaning.
const (
	plainByte      = iota // not white space other than ' ': ASCII, or part of a rune that is not
	blankByte             // ASCII white space other than ' ', or a control character
	mayBeBlankByte        // the first byte of a rune that may be white space (mayBeBlank)
)

var byteKinds = func() (k [256]uint8) {
	for c := range k {
		switch {
		case c < ' ' || c == 0x7F:
			k[c] = blankByte
		case c >= 0x80 && mayBeBlank(byte(c)):
			k[c] = mayBeBlankByte
		}
	}
	return k
}()

func needsCleaningRunes(s string) bool {
	prevSpace := true
	for _, r := range s {
		blank := isBlank(r)
		if blank && (prevSpace || r != ' ') {
			return true
		}
		prevSpace = blank
	}
	return prevSpace
}

// mayBeBlank reports whether c is the first byte of a UTF-8 sequence
// that may encode white space or a control character: U+0080–U+00A0
// (0xC2), U+1680 (0xE1), U+2000–U+205F (0xE2), U+3000 (0xE3), U+FEFF
// (0xEF).
func mayBeBlank(c byte) bool {
	return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF
}

// isBlank reports whether r is white space or a control character. The
// no-break space is white space too: Word puts it where the author pressed
// Ctrl+Shift+Space, and a run of spaces reads the same.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF'
}
