package mdtext

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// FuzzEscapeRoundTrip requires every block shape (see shapes) of a text to
// render, through Hugo's goldmark converter (hugomd.Blocks), to exactly that text with its id.
// Each input gives two texts, both mapped into Escape's domain with
// toDomain (drop invalid UTF-8 and control characters, collapse runs of
// spaces, trim spaces; empty results are skipped):
//
//   - the input itself;
//   - the input read as a list of tokens, each byte choosing one of
//     fuzzTokens, so that byte mutations combine Markdown syntax, not
//     just characters.
//
// Its seed corpus is testdata/fuzz/FuzzEscapeRoundTrip, the escape cases
// and testdata/corpus.txt.
func FuzzEscapeRoundTrip(f *testing.F) {
	for _, c := range escapeCases {
		f.Add(c.text)
	}
	for _, l := range readLines(f, "testdata/corpus.txt") {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, text := range []string{toDomain(s), toDomain(fromTokens([]byte(s)))} {
			if text == "" {
				continue
			}
			if err := checkRoundTrip(text); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// fuzzTokens are pieces of text that mean something to Markdown, Hugo or
// HTML, or that sit at the edges of the domain.
var fuzzTokens = func() []string {
	t := strings.Split(asciiPunct, "")
	return append(t,
		" ", " ", "a", "я", "Ђ", "1", "10", "2015", "123456789", "1234567890",
		"\u00a0", "\u2003", "\u3000", "\u0301", "\u200b", "\u200f", "\u202e", "\ufeff", "\ufffd", "\u0085", "😀", "👨‍👩‍👧",
		"<!--more-->", "<!--", "-->", "{{<", ">}}", "{{%", "%}}", "{{__hugo_ctx", "/}}",
		"&amp;", "&#1;", "&#x41;", "&nbsp", "&copy;",
		"http://x.y", "www.x.y", "<http://x>", "x@y.z", "<b>", "</b>", "<br/>", "<?", "<![CDATA[",
		"[^1]", "[^1]:", "[x]", "[ ]", "](", "![", "[a]: /u",
		"```", "~~~", "***", "---", "___", "* * *", "===",
		"1.", "1)", "- ", "+ ", "* ", "> ", "# ", "## ", "###### ", ": ",
		"{#x}", "{.c}", "{x=y}", " {#s1}", "|---|", ":--", "\\", "__", "**", "~~", "==", "++", "^^", "$$", "\\(", "\\[",
		"snake_case", "e\u0301", "R&D", "2015. године",
	)
}()

// fromTokens reads b as a list of token indices into fuzzTokens.
func fromTokens(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		s.WriteString(fuzzTokens[int(c)%len(fuzzTokens)])
	}
	return s.String()
}

// TestRandomTokens checks texts of random tokens from a fixed seed: a
// deterministic sample of what the fuzzer explores.
func TestRandomTokens(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	rng := rand.New(rand.NewPCG(2015, 1126))
	for range n {
		b := make([]byte, 1+rng.IntN(10))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		text := toDomain(fromTokens(b))
		if text == "" {
			continue
		}
		if err := checkRoundTrip(text); err != nil {
			t.Fatal(err)
		}
	}
}
