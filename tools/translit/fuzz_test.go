package translit

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// serbianLetters maps every Serbian Cyrillic letter, including the accented
// vowels, to its Latin spelling in a word that is not in capitals. It is
// built from the test tables, not from the package's own.
var serbianLetters = func() map[rune]string {
	m := map[rune]string{}
	for _, l := range alphabet {
		m[l.upper], m[l.lower] = l.latin, l.latinL
	}
	for _, a := range accented {
		m[a.cyr] = a.latin
	}
	return m
}()

// kept reports whether a rune of the input must reach the output unchanged.
func kept(r rune) bool {
	return !unicode.Is(unicode.Cyrillic, r) && !unicode.IsMark(r)
}

func FuzzToLatin(f *testing.F) {
	// More seeds are in testdata/fuzz/FuzzToLatin.
	for _, s := range []string{
		"",
		"ЉУБЉАНА Љубљана Љ ЏИУ-ЏИЦУ",
		"Ѓорѓе ра́д се\u0300 КРА\u0311Љ DCAF 2015.",
	} {
		f.Add(s)
	}
	f.Fuzz(checkProperties)
}

// TestRandomText checks the fuzz properties on random strings over a small
// alphabet that is rich in the cases that matter (capital digraphs, case,
// marks, hyphens, foreign and decomposable letters), which byte-level fuzzing
// reaches only slowly. One in ten is long, with many words.
func TestRandomText(t *testing.T) {
	pieces := []string{
		"Љ", "Њ", "Џ", "љ", "њ", "џ", "А", "а", "Ш", "ш", "Е", "И", "Г", "К", "у",
		"Ѐ", "ѝ", "Ӣ", "Ґ", "Я", "ы", "ꙮ", "L", "j", "Z", "ǅ", "ʼ", "Α", "ß", "中",
		"\u0300", "\u0301", "\u0304", "\u0306", "\u0308", "\u0311", "\u0323", "\u0483",
		" ", "-", ".", "1", "\u00ad", "\u200d", "\u212b", "\xff", "\xd0",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := range 20000 {
		b.Reset()
		n := rng.IntN(10)
		if i%10 == 0 {
			n = rng.IntN(200)
		}
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkProperties(t, b.String())
	}
}

// checkProperties checks the promises of ToLatin on one input.
func checkProperties(t *testing.T, in string) {
	t.Helper()
	out, foreign := ToLatin(in)
	for _, r := range out {
		if _, ok := serbianLetters[r]; ok {
			t.Fatalf("ToLatin(%q) = %q keeps Serbian Cyrillic %q", in, out, r)
		}
	}
	if !utf8.ValidString(in) {
		return // invalid bytes are copied; the rest only holds for valid text
	}

	if !utf8.ValidString(out) {
		t.Fatalf("ToLatin(%q) = %q is not valid UTF-8", in, out)
	}
	if !norm.NFC.IsNormalString(out) {
		t.Fatalf("ToLatin(%q) = %q is not NFC", in, out)
	}

	// Every input rune that is neither Cyrillic nor a mark appears
	// unchanged and in order. The input is read in NFC, as ToLatin
	// reads it (NFC may replace a rune, e.g. U+212B ANGSTROM SIGN by Å).
	nfc := norm.NFC.String(in)
	rest := out
	for _, r := range nfc {
		if !kept(r) {
			continue
		}
		k := strings.IndexRune(rest, r)
		if k < 0 {
			t.Fatalf("ToLatin(%q) = %q lost %q or changed its order", in, out, r)
		}
		rest = rest[k+utf8.RuneLen(r):]
	}
	// And nothing else appears, apart from the Latin letters and marks
	// of transliterations.
	if a, b := skeleton(nfc), skeleton(out); a != b {
		t.Fatalf("ToLatin(%q) = %q: kept text %q, want %q", in, out, b, a)
	}

	if again, foreign2 := ToLatin(out); again != out || !slices.Equal(foreign, foreign2) {
		t.Fatalf("not idempotent: ToLatin(%q) = %q, %q; again %q, %q", in, out, foreign, again, foreign2)
	}
	if nfd, _ := ToLatin(norm.NFD.String(in)); nfd != out {
		t.Fatalf("ToLatin(NFD(%q)) = %q, want %q as for NFC", in, nfd, out)
	}
}

// skeleton keeps the runes of NFD(s) that are neither Cyrillic, nor marks,
// nor letters that a transliteration produces (A-Z, a-z, Đ, đ in NFD).
func skeleton(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !kept(r) || r < utf8.RuneSelf && unicode.IsLetter(r) || r == 'Đ' || r == 'đ' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
