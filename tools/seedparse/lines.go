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

// splitLines splits text into cleaned lines, dropping the ones left empty,
// and checks that text is UTF-8: bad is the offset of its first invalid
// byte, or -1 when it has none (and then out is nil). Cleaning removes only
// Word-export debris: bookmark markers, CR of CRLF, tabs and other control
// characters (they become spaces), and runs of white space, which become
// one space; text is trimmed at both ends.
//
// It reads text once, a byte or a two-byte letter at a time, noting for
// each line whether it may hold debris; only those lines go through clean.
func splitLines(text string) (out []line, bad int) {
	out = make([]line, 0, strings.Count(text, "\n")+1)
	start, n, debris := 0, 1, false
	for i := 0; i < len(text); {
		c := text[i]
		switch lineBytes[c] {
		case textByte:
		case leadByte: // of U+00C0–U+07FF, Cyrillic among them: never blank
			if i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
			return nil, i
		case spaceByte:
			debris = debris || i == start || text[i-1] == ' '
		case newlineByte:
			out = appendLine(out, n, text[start:i], debris)
			start, n, debris = i+1, n+1, false
		case controlByte:
			debris = true
		case bracketByte:
			debris = debris || strings.HasPrefix(text[i:], "[bookmark: ")
		default: // any other rune, which may be blank or invalid
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				return nil, i
			}
			debris = debris || isBlank(r)
			i += size
			continue
		}
		i++
	}
	return appendLine(out, n, text[start:], debris), -1
}

// appendLine appends line n, s, to out unless it is empty once cleaned.
// debris says that s may hold some other than a trailing space.
func appendLine(out []line, n int, s string, debris bool) []line {
	if debris || s != "" && s[len(s)-1] == ' ' {
		s = clean(s)
	}
	if s == "" {
		return out
	}
	return append(out, line{n: n, text: s})
}

// What a byte is to splitLines.
const (
	textByte    = iota // ASCII text other than the kinds below
	leadByte           // the first byte of a two-byte rune U+00C0–U+07FF
	spaceByte          // ' '
	newlineByte        // '\n'
	controlByte        // another ASCII control character
	bracketByte        // '[', which may start a bookmark marker
	otherByte          // any other non-ASCII byte
)

var lineBytes = func() (k [256]uint8) {
	for c := range k {
		switch {
		case c == ' ':
			k[c] = spaceByte
		case c == '\n':
			k[c] = newlineByte
		case c < ' ' || c == 0x7F:
			k[c] = controlByte
		case c == '[':
			k[c] = bracketByte
		case c >= 0xC3 && c <= 0xDF:
			k[c] = leadByte
		case c >= 0x80:
			k[c] = otherByte
		}
	}
	return k
}()

// clean returns the line s, valid UTF-8, without bookmark markers and with
// every run of white space and control characters made one space, trimmed
// at both ends. splitLines calls it only for lines that hold some of them.
func clean(s string) string {
	if strings.Contains(s, "[bookmark: ") {
		s = bookmark.ReplaceAllString(s, " ")
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

// isBlank reports whether r is white space or a control character. The
// no-break space is white space too: Word puts it where the author pressed
// Ctrl+Shift+Space, and a run of spaces reads the same.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF'
}
