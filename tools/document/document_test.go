package document

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFirstSentence(t *testing.T) {
	long := strings.Repeat("реч ", 100) // 400 runes
	for _, tc := range []struct {
		s    string
		max  int
		want string
	}{
		{"", 300, ""},
		{"Једна реченица.", 300, "Једна реченица."},
		{"Прва. Друга.", 300, "Прва."},
		{"Прва! друга. Трећа", 300, "Прва! друга."},
		{"Прва? Ђ", 300, "Прва?"},
		{"a. B", 300, "a."},
		{"a.  B", 300, "a.  B"}, // two spaces: not a sentence end
		{"a.B", 300, "a.B"},
		{"1. Април", 300, "1."},
		{"x. \u01c5y", 300, "x. \u01c5y"}, // title case is not upper case
		{"Ово је. ", 300, "Ово је. "},
		{". A", 300, "."},
		{"Прва реченица. Друга.", 10, "Прва…"},
		{"Прва реченица. Друга.", 14, "Прва реченица."},
		{long + "крај. Друга.", 300, strings.TrimSuffix(strings.Repeat("реч ", 75), " ") + "…"},
		{strings.Repeat("дугачкареч", 40), 300, strings.Repeat("дугачкареч", 30) + "…"},
		{"а " + strings.Repeat("б", 400), 300, "а…"},
		{strings.Repeat("x, ", 150) + ". Y", 300, strings.TrimSuffix(strings.Repeat("x, ", 100), ", ") + "…"},
		{strings.Repeat("a", 299) + " b. C", 300, strings.Repeat("a", 299) + "…"},
		{strings.Repeat("a", 297) + " b. C", 300, strings.Repeat("a", 297) + " b."},
		{" " + strings.Repeat("a", 320), 300, " " + strings.Repeat("a", 299) + "…"}, // no space to cut at but the first
		{"\xff. Б", 300, "\ufffd."},
		{"Прва. Друга\xff", 300, "Прва."},
	} {
		if got := firstSentence(tc.s, tc.max); got != tc.want {
			t.Errorf("firstSentence(%q, %d) = %q, want %q", tc.s, tc.max, got, tc.want)
		}
	}
}

// FuzzFirstSentence checks what holds for any text: the result is valid
// UTF-8, at most max runes and an ellipsis long, and, without its
// ellipsis, the start of the text.
func FuzzFirstSentence(f *testing.F) {
	for _, s := range []string{"", "Прва. Друга.", "a.  B", "\xff. Б", strings.Repeat("реч ", 100)} {
		f.Add(s, 300)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 1 || max > 400 {
			max = 1 + (max%400+400)%400
		}
		got := firstSentence(s, max)
		valid := strings.ToValidUTF8(s, "\ufffd")
		if !utf8.ValidString(got) {
			t.Fatalf("firstSentence(%q, %d) = %q: not UTF-8", s, max, got)
		}
		if n := utf8.RuneCountInString(got); n > max+1 {
			t.Errorf("firstSentence(%q, %d) = %q: %d runes", s, max, got, n)
		}
		if !strings.HasPrefix(valid, strings.TrimSuffix(got, "…")) && !strings.HasSuffix(got, "…") {
			t.Errorf("firstSentence(%q, %d) = %q: not the start of the text", s, max, got)
		}
	})
}
