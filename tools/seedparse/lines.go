package seedparse

import (
	"regexp"
	"strings"
	"unicode"
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
	raw := strings.Split(text, "\n")
	out := make([]line, 0, len(raw))
	for i, s := range raw {
		if s = clean(s); s != "" {
			out = append(out, line{n: i + 1, text: s})
		}
	}
	return out
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
// non-space white space; most lines of a seed have none.
func needsCleaning(s string) bool {
	if s == "" {
		return false
	}
	prevSpace := true // a leading space needs cleaning
	for _, r := range s {
		blank := isBlank(r)
		if blank && (prevSpace || r != ' ') {
			return true
		}
		prevSpace = blank
	}
	return prevSpace
}

// isBlank reports whether r is white space or a control character. The
// no-break space is white space too: Word puts it where the author pressed
// Ctrl+Shift+Space, and a run of spaces reads the same.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF'
}
