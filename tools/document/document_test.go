package document

import (
	"strings"
	"testing"
)

var sentenceCases = []string{
	"", "Једна реченица.", "Прва. Друга.", "Прва! друга. Трећа", "Прва? Ђ", "a. B", "a.  B", "a.B",
	"Крај.", "1. Април", "x. \u01c5y", "Ово је. ", ". A",
	strings.Repeat("реч ", 100) + "крај. Друга.",
	strings.Repeat("дугачкареч", 40),
	"а " + strings.Repeat("б", 400),
	strings.Repeat("x, ", 150) + ". Y",
	strings.Repeat("a", 299) + " b. C",
	strings.Repeat("a", 300) + " b. C",
	strings.Repeat("a", 301) + " b. C",
	" " + strings.Repeat("a", 320),
	"\xff. Б", strings.Repeat("\xd0", 400),
	// Invalid bytes after the first sentence, or past the runes looked at.
	"Прва. Друга\xff", strings.Repeat("a ", 200) + "\xff",
}

// TestFirstSentence checks firstSentence against firstSentenceRunes.
func TestFirstSentence(t *testing.T) {
	for _, s := range sentenceCases {
		for _, max := range []int{1, 2, 10, 300} {
			if got, want := firstSentence(s, max), firstSentenceRunes(s, max); got != want {
				t.Errorf("firstSentence(%q, %d) = %q, want %q", s, max, got, want)
			}
		}
	}
}

func FuzzFirstSentence(f *testing.F) {
	for _, s := range sentenceCases {
		f.Add(s, 300)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 1 || max > 400 {
			max = 1 + (max%400+400)%400
		}
		if got, want := firstSentence(s, max), firstSentenceRunes(s, max); got != want {
			t.Errorf("firstSentence(%q, %d) = %q, want %q", s, max, got, want)
		}
	})
}
