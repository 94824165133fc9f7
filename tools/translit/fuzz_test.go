package translit

import (
	"math/rand/v2"
	"regexp"
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

// FuzzRoundTrip checks the round trips on any text within the alphabets:
// the input's runes are mapped onto Serbian Cyrillic letters, digits, white
// space and punctuation, giving a Cyrillic text c, and onto Serbian Latin
// letters and the same, giving a Latin text l (runes already within an
// alphabet stay).
//
//   - Unless c holds н+ј, л+ј or д+ж (which Latin spells as the digraphs
//     nj, lj, dž, and only exceptions.txt tells apart), the Latin that
//     ToLatin writes comes back, ToLatin(ToCyrillic(ToLatin(c))) ==
//     ToLatin(c), and so does the Cyrillic, ToCyrillic(ToLatin(c)) == c,
//     unless c has a word that ToCyrillic keeps in Latin letters (a Roman
//     numeral such as ИВ → IV, a listed name such as ДЦАФ → DCAF).
//   - ToCyrillic is stable: its output comes back through ToLatin and
//     ToCyrillic, and it leaves no Serbian Latin letter outside the words
//     it keeps.
func FuzzRoundTrip(f *testing.F) {
	// More seeds are in testdata/fuzz/FuzzRoundTrip.
	for _, s := range []string{"", "Љубљана ЉУБЉАНА Џ. Буш", "надживети инјекција ЊЕГОШ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, l := withinAlphabets(in)
		latin, _ := ToLatin(c)
		cyr := ToCyrillic(latin)
		if !ambiguous.MatchString(c) {
			if again, _ := ToLatin(cyr); again != latin {
				t.Fatalf("Latin %q → Cyrillic %q → Latin %q", latin, cyr, again)
			}
			if cyr != c && !hasLatin(cyr) {
				t.Fatalf("Cyrillic %q → Latin %q → Cyrillic %q", c, latin, cyr)
			}
		}
		lc := ToCyrillic(l)
		l2, _ := ToLatin(lc)
		if lc2 := ToCyrillic(l2); lc2 != lc {
			t.Fatalf("ToCyrillic(%q) = %q, but through Latin %q it becomes %q", l, lc, l2, lc2)
		}
		for tok := range tokens(lc) {
			if tok.kind == word && !tok.keep && hasLatin(lc[tok.start:tok.end]) {
				t.Fatalf("ToCyrillic(%q) = %q leaves Latin in %q", l, lc, lc[tok.start:tok.end])
			}
		}
	})
}

// ambiguous matches the Cyrillic letter pairs that Serbian Latin spells
// like a digraph.
var ambiguous = regexp.MustCompile(`(?i)нј|лј|дж`)

func hasLatin(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) >= 0
}

// withinAlphabets maps each rune of in onto the Serbian Cyrillic alphabet
// (both cases) with digits, space, hyphen and punctuation, and onto the
// Serbian Latin alphabet with the same.
func withinAlphabets(in string) (cyr, latin string) {
	const extra = "0123456789 -.,\n"
	var cyrRunes, latinRunes []string
	for _, l := range alphabet {
		cyrRunes = append(cyrRunes, string(l.upper), string(l.lower))
		latinRunes = append(latinRunes, l.latinCaps, l.latinL)
	}
	latinRunes = append(latinRunes, "Lj", "Nj", "Dž", "lJ", "nJ", "dŽ")
	for _, r := range extra {
		cyrRunes = append(cyrRunes, string(r))
		latinRunes = append(latinRunes, string(r))
	}
	// A rune already within an alphabet stays; any other is mapped.
	var c, l strings.Builder
	for _, r := range in {
		if slices.Contains(cyrRunes, string(r)) {
			c.WriteRune(r)
		} else {
			c.WriteString(cyrRunes[int(r)%len(cyrRunes)])
		}
		if slices.Contains(latinRunes, string(r)) {
			l.WriteRune(r)
		} else {
			l.WriteString(latinRunes[int(r)%len(latinRunes)])
		}
	}
	return c.String(), l.String()
}
