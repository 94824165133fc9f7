package seedparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one cleaned, non-empty line of a seed and where it was.
type line struct {
	n    int // 1-based line number in the file
	text string
}

// splitLines splits text into cleaned lines, dropping the ones left empty,
// and checks that text is UTF-8: bad is the offset of its first invalid
// byte, or -1 when it has none (and then out is nil).
func splitLines(text string) (out []line, bad int) {
	if !utf8.ValidString(text) {
		for i, r := range text {
			if r == utf8.RuneError && !strings.HasPrefix(text[i:], "\uFFFD") { // not U+FFFD itself: a byte that is not UTF-8
				return nil, i
			}
		}
	}
	lines := strings.Split(text, "\n")
	out = make([]line, 0, len(lines))
	for n, s := range lines {
		if s = clean(s); s != "" {
			out = append(out, line{n: n + 1, text: s})
		}
	}
	return out, -1
}

// clean returns the line s, valid UTF-8, without the Word export's debris:
// bookmark markers go, CR of CRLF, tabs and other control characters become
// spaces, every run of white space becomes one space, and the line is
// trimmed at both ends.
func clean(s string) string {
	if !needsCleaning(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(withoutBookmarks(s), isBlank), " ")
}

// needsCleaning reports whether clean would change s: whether it has a
// bookmark marker, or white space or a control character that is not a
// single space between two other characters.
func needsCleaning(s string) bool {
	prevBlank := true // the start of the line counts as white space
	for _, r := range s {
		blank := isBlank(r)
		if blank && (prevBlank || r != ' ') {
			return true
		}
		prevBlank = blank
	}
	return prevBlank && s != "" || strings.Contains(s, "[bookmark: ")
}

// withoutBookmarks returns the line s with each of the markers Word leaves
// for bookmarks when it saves as plain text, e.g. "[bookmark: _GoBack]",
// replaced by a space.
func withoutBookmarks(s string) string {
	for i := 0; ; {
		start := strings.Index(s[i:], "[bookmark: ")
		if start < 0 {
			return s
		}
		start += i
		end := strings.IndexByte(s[start:], ']')
		if end < 0 {
			return s
		}
		s = s[:start] + " " + s[start+end+1:]
		i = start + 1
	}
}

// isBlank reports whether r is white space or a control character. The
// no-break space is white space too: Word puts it where the author pressed
// Ctrl+Shift+Space, and a run of spaces reads the same.
func isBlank(r rune) bool {
	if r >= 0x0400 && r <= 0x04FF {
		return false // Cyrillic, the common case
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF'
}
