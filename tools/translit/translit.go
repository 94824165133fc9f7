// Package translit transliterates Serbian text from Cyrillic to Latin script.
//
// The site publishes every document in Serbian Cyrillic (the original) and in
// Serbian Latin; the Latin version is never written by hand, it is produced by
// [ToLatin]:
//
//	latin, foreign := translit.ToLatin("Љубљана, ЉУБЉАНА, Џ. Буш (DCAF), Ѓорѓе")
//	// latin   == "Ljubljana, LJUBLJANA, Dž. Buš (DCAF), Ѓorѓe"
//	// foreign == []rune{'Ѓ', 'ѓ'}
//
// # Letters
//
// The 30 letters of the Serbian Cyrillic alphabet map one to one onto the
// Serbian Latin alphabet (Gaj's Latin alphabet), in both cases:
//
//	А Б В Г Д Ђ Е Ж З И Ј К Л Љ  М Н Њ  О П Р С Т Ћ У Ф Х Ц Ч Џ  Ш
//	A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š
//
// Љ, Њ and Џ are written with two Latin letters, never with the compatibility
// digraph code points U+01C4..U+01CC (Ǆ, ǈ, ǋ, …), which search engines and
// spell checkers handle badly.
//
// Four precomposed Cyrillic letters are Serbian vowels carrying an accent and
// map to the same vowel with the same accent: Ѐ ѐ → È è, Ѝ ѝ → Ì ì (as in
// "сѐ", "ѝ"), Ӣ ӣ → Ī ī, Ӯ ӯ → Ū ū. GNU gettext's recode-sr-latin does the same.
//
// # Capital Љ, Њ, Џ
//
// A capital Љ, Њ or Џ becomes "LJ", "NJ" or "DŽ" when its word is written in
// capitals, and "Lj", "Nj" or "Dž" otherwise:
//
//	ЉУБЉАНА → LJUBLJANA    Љубљана → Ljubljana    ЏЕМПЕР → DŽEMPER
//
// A word is a maximal run of letters (Unicode category L, any script) and
// combining marks (category M). Anything else ends a word: white space,
// punctuation (including the hyphen and the soft hyphen U+00AD), digits,
// symbols. A word is written in capitals when it has at least two capital
// letters and no lower-case or title-case letter. Hence:
//
//   - A one-letter word gets the mixed form, because one capital letter does
//     not tell a capitalized word from an all-capitals one: "Љ" → "Lj",
//     "Џ. Буш" → "Dž. Buš". This also holds for initials inside all-capitals
//     text ("ЏОН Џ. ЏОНС" → "DŽON Dž. DŽONS"); the rule looks at the word only.
//   - A capital Љ, Њ, Џ followed by lower-case letters gets the mixed form:
//     "Његош" → "Njegoš". So does any word with a lower-case letter anywhere,
//     even right after the capital: "ЉУбав" → "LjUbav".
//   - Letters of every script count, so a word mixing scripts is judged as a
//     whole: "ЏDCAF" → "DŽDCAF", "Џdcaf" → "Dždcaf". Uncased letters (for
//     example the modifier letter apostrophe ʼ) neither help nor hinder.
//   - Combining marks belong to the word, so an accent does not split it:
//     "КРА̑Љ" → "KRȂLJ".
//   - The hyphen ends a word, so each part of a hyphenated compound is judged
//     on its own: "ЏИУ-ЏИЦУ" → "DŽIU-DŽICU", "Њ-ЊУ" → "Nj-NJU".
//     Abbreviations with a case ending keep their capitals: "ЈНА-е" → "JNA-e".
//
// Lower-case љ, њ, џ always become lj, nj, dž.
//
// # Everything else
//
// Cyrillic letters that are not in the Serbian alphabet (Ѓ, Ќ, Ѕ, Ї, Є, Й, Ё,
// Я, Ы, Щ, …, Cyrillic letters of every Unicode block) are left as they are:
// there is no agreed Serbian Latin spelling for them, and guessing would hide
// an error in the source. ToLatin returns them, once each in order of first
// appearance, so that the caller can report them as warnings.
//
// Latin letters, digits, punctuation, white space, symbols, Cyrillic
// non-letters (such as the titlo U+0483) and every other character are copied
// unchanged. Bytes that are not valid UTF-8 are copied unchanged too.
//
// # Normalization
//
// The input may be in any Unicode normalization form and may carry combining
// marks such as stress accents. ToLatin first brings it to NFC (Unicode
// Normalization Form C, [golang.org/x/text/unicode/norm]), so canonically
// equivalent inputs give the same output: "Е" followed by U+0300 COMBINING
// GRAVE ACCENT is Ѐ and becomes È; "Г" followed by U+0301 COMBINING ACUTE
// ACCENT is the Macedonian letter Ѓ and stays foreign. Marks stay attached to
// the letter they followed ("ра́д" → "rád"), and the output is NFC too.
//
// # Cost
//
// ToLatin makes one pass over its input, with one allocation for the output
// (a strings.Builder grown once to a proven upper bound) and none per rune;
// it uses no regular expressions. Text made only of ASCII, Latin letters,
// Cyrillic letters and common punctuation is NFC by construction and is never handed
// to the normalizer; only when another character turns up does ToLatin check
// the whole input, and if it is not NFC, normalizes it and starts again. The
// output is normalized again only if a transliterated letter is followed by
// a combining mark that may compose with it. Because ToLatin never leaves a
// Serbian Cyrillic letter in its output, it is idempotent:
// ToLatin(ToLatin(s)) == ToLatin(s).
package translit

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// The Cyrillic block U+0400..U+04FF holds every letter that ToLatin maps.
const (
	blockFirst = 0x0400
	blockLast  = 0x04FF
)

// spelling[r-blockFirst] is the Serbian Latin spelling of the rune r of the
// Cyrillic block, or "" if r is not a Serbian letter. Capital Љ, Њ, Џ have
// their mixed form here; see upperDigraph. Every entry is NFC and none of its
// runes can combine with a rune before it (TestProofPremises).
var spelling = [blockLast - blockFirst + 1]string{
	'А' - blockFirst: "A", 'а' - blockFirst: "a",
	'Б' - blockFirst: "B", 'б' - blockFirst: "b",
	'В' - blockFirst: "V", 'в' - blockFirst: "v",
	'Г' - blockFirst: "G", 'г' - blockFirst: "g",
	'Д' - blockFirst: "D", 'д' - blockFirst: "d",
	'Ђ' - blockFirst: "Đ", 'ђ' - blockFirst: "đ",
	'Е' - blockFirst: "E", 'е' - blockFirst: "e",
	'Ж' - blockFirst: "Ž", 'ж' - blockFirst: "ž",
	'З' - blockFirst: "Z", 'з' - blockFirst: "z",
	'И' - blockFirst: "I", 'и' - blockFirst: "i",
	'Ј' - blockFirst: "J", 'ј' - blockFirst: "j",
	'К' - blockFirst: "K", 'к' - blockFirst: "k",
	'Л' - blockFirst: "L", 'л' - blockFirst: "l",
	'Љ' - blockFirst: "Lj", 'љ' - blockFirst: "lj",
	'М' - blockFirst: "M", 'м' - blockFirst: "m",
	'Н' - blockFirst: "N", 'н' - blockFirst: "n",
	'Њ' - blockFirst: "Nj", 'њ' - blockFirst: "nj",
	'О' - blockFirst: "O", 'о' - blockFirst: "o",
	'П' - blockFirst: "P", 'п' - blockFirst: "p",
	'Р' - blockFirst: "R", 'р' - blockFirst: "r",
	'С' - blockFirst: "S", 'с' - blockFirst: "s",
	'Т' - blockFirst: "T", 'т' - blockFirst: "t",
	'Ћ' - blockFirst: "Ć", 'ћ' - blockFirst: "ć",
	'У' - blockFirst: "U", 'у' - blockFirst: "u",
	'Ф' - blockFirst: "F", 'ф' - blockFirst: "f",
	'Х' - blockFirst: "H", 'х' - blockFirst: "h",
	'Ц' - blockFirst: "C", 'ц' - blockFirst: "c",
	'Ч' - blockFirst: "Č", 'ч' - blockFirst: "č",
	'Џ' - blockFirst: "Dž", 'џ' - blockFirst: "dž",
	'Ш' - blockFirst: "Š", 'ш' - blockFirst: "š",

	// Serbian vowels with an accent that Unicode encodes precomposed.
	'Ѐ' - blockFirst: "È", 'ѐ' - blockFirst: "è",
	'Ѝ' - blockFirst: "Ì", 'ѝ' - blockFirst: "ì",
	'Ӣ' - blockFirst: "Ī", 'ӣ' - blockFirst: "ī",
	'Ӯ' - blockFirst: "Ū", 'ӯ' - blockFirst: "ū",
}

// upperDigraph returns the all-capitals spelling of capital Љ, Њ or Џ, and ""
// for any other rune.
func upperDigraph(r rune) string {
	switch r {
	case 'Љ':
		return "LJ"
	case 'Њ':
		return "NJ"
	case 'Џ':
		return "DŽ"
	}
	return ""
}

// ToLatin transliterates Serbian Cyrillic in s to Serbian Latin script, NFC.
// foreign lists, once each and in order of first appearance, the Cyrillic
// letters in s that are not in the Serbian alphabet (Ѓ, Ќ, Я, Ы, Ё, Й, Щ, Ї, Є, Ѕ, …);
// they pass through unchanged and the caller reports them as warnings.
//
// A capital Љ, Њ, Џ becomes LJ, NJ, DŽ in an all-capitals word and Lj, Nj, Dž
// otherwise; the package documentation defines "word" and lists the edge
// cases. s is read after normalization to NFC, so foreign letters are
// reported in their composed form.
func ToLatin(s string) (latin string, foreign []rune) {
	b, foreign := appendLatin(nil, s)
	return ownString(b), foreign
}

// ToLatinAll returns ToLatin of each of texts, and the foreign letters of
// each, with one allocation for all the Latin text: the texts of a document
// are many and short.
func ToLatinAll(texts []string) (latin []string, foreign [][]rune) {
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	// transliterate's bound: 1.5 times the input, and its slack.
	b := make([]byte, 0, size+size/2+fastSlack)
	ends := make([]int, len(texts))
	foreign = make([][]rune, len(texts))
	for i, s := range texts {
		b, foreign[i] = appendLatin(b, s)
		ends[i] = len(b)
	}
	all, start := ownString(b), 0
	latin = make([]string, len(texts))
	for i, end := range ends {
		latin[i], start = all[start:end], end
	}
	return latin, foreign
}

// ownString returns the bytes of b as a string without copying them. b
// must be the caller's own and never written again, as strings.Builder's
// buffer is when it makes its string.
func ownString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendLatin appends ToLatin(s) to dst and returns the extended slice and
// the foreign letters of s.
func appendLatin(dst []byte, s string) ([]byte, []rune) {
	out, foreign, ok := transliterate(dst, s, false)
	if !ok {
		out, foreign, _ = transliterate(dst, norm.NFC.String(s), true)
	}
	return out, foreign
}

// transliterate does the work of appendLatin. isNFC says that s is known to
// be NFC. If it is not known, transliterate checks s as soon as it meets a
// rune for which plainStarter is false, and reports ok == false if s is not
// NFC (out is then dst's prefix with unspecified bytes after it).
func transliterate(dst []byte, s string, isNFC bool) (out []byte, foreign []rune, ok bool) {
	start := len(dst)
	// Each rune is copied or replaced by a spelling at most 1.5 times as
	// long: a two-byte Cyrillic letter becomes at most three bytes ("Dž",
	// "DŽ"). So len(s) + len(s)/2 bytes always suffice and dst never grows
	// again; the slack lets commonRun store four bytes at a time.
	if need := start + len(s) + len(s)/2 + fastSlack; cap(dst) < need {
		// By hand: slices.Grow makes two allocations in a build with
		// the race detector, where TestAllocs then fails.
		grown := make([]byte, start, max(need, 2*cap(dst)))
		copy(grown, dst)
		dst = grown
	}

	// needNFC records that a replacement was followed by a rune that may
	// combine with it, so that the output has to be normalized again.
	needNFC := false
	// replEnd is the offset just after the last replaced letter.
	replEnd := -1
	// The caps verdict of the last word that held a capital Љ, Њ or Џ,
	// which ends before byte capsEnd.
	capsEnd, caps := 0, false

	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// Copy a run of ASCII in one go.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}

		// The most common case: a run of Serbian letters, spaces and
		// punctuation, spelled from a table.
		if n, read, end := commonRun(s[i:], dst[len(dst):cap(dst)]); read > 0 {
			dst = dst[:len(dst)+n]
			if end > 0 {
				replEnd = i + end
			}
			i += read
			continue
		}

		var r rune
		size := 2
		if c >= 0xD0 && c <= 0xD3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+0400..U+04FF, decoded inline.
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}

		if r >= blockFirst && r <= blockLast {
			// commonRun has spelled every Serbian letter but capital
			// Љ, Њ, Џ; this spells any, to depend on no more than it must.
			switch class[r-blockFirst] {
			case serbian:
				repl := spelling[r-blockFirst]
				if r == 'Љ' || r == 'Њ' || r == 'Џ' {
					if i >= capsEnd {
						caps, capsEnd = wordInCaps(s, i)
					}
					if caps {
						repl = upperDigraph(r)
					}
				}
				dst = append(dst, repl...)
				i += size
				replEnd = i
				continue
			case foreignLetter:
				if !containsRune(foreign, r) {
					foreign = append(foreign, r)
				}
			}
		} else if r > blockLast && unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r) &&
			!containsRune(foreign, r) {
			foreign = append(foreign, r)
		}

		if !plainStarter(r) {
			if !isNFC {
				if !norm.NFC.IsNormalString(s) {
					return dst[:start], nil, false
				}
				isNFC = true
			}
			// Every replacement is NFC and cannot combine with what
			// precedes it (TestProofPremises), and a plain starter cannot
			// combine with what precedes it either; so the output stays
			// NFC unless a rune that is not a plain starter follows a
			// replacement and can combine with it.
			if i == replEnd && !norm.NFC.PropertiesString(s[i:]).BoundaryBefore() {
				needNFC = true
			}
		}
		dst = append(dst, s[i:i+size]...)
		i += size
	}

	if needNFC {
		latin := norm.NFC.Bytes(dst[start:])
		dst = append(dst[:start], latin...)
	}
	return dst, foreign, true
}

// plainStarter reports whether r lies in a range where every rune is NFC on
// its own, has canonical combining class 0 and never combines with a rune
// before it (TestPlainStarter checks this). A string made only of such runes
// is NFC, because each rune is a normalization segment of its own.
func plainStarter(r rune) bool {
	return r < 0x0300 || // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
		(r >= 0x0400 && r <= 0x0482) || (r >= 0x048A && r <= 0x04FF) || // Cyrillic, without U+0483..U+0489
		(r >= 0x2010 && r <= 0x2027) // dashes, quotation marks, bullets, ellipsis
}

// Classes of the runes in the Cyrillic block.
const (
	other         = iota // not a letter: passes through
	serbian              // a Serbian letter: spelling holds its Latin form
	foreignLetter        // a letter outside the Serbian alphabet
)

// class holds the class of each rune of the Cyrillic block.
var class = func() (c [blockLast - blockFirst + 1]uint8) {
	for i := range c {
		switch r := rune(blockFirst + i); {
		case spelling[i] != "":
			c[i] = serbian
		case unicode.IsLetter(r):
			c[i] = foreignLetter
		}
	}
	return c
}()

// maxFastSpelling is the longest spelling in fastSpelling, in bytes
// ("dž", "Dž"); fastSlack is the room commonRun needs after the last one,
// as it stores four bytes at a time.
const (
	maxFastSpelling = 3
	fastSlack       = 4
)

// commonRun spells into out the longest prefix of s, up to about len(out)
// bytes of spelling, made of ASCII (copied) and of the Serbian letters
// fastSpelling spells: every one but capital Љ, Њ and Џ, whose spelling
// depends on their word. It looks each letter up by its two bytes. It
// returns the bytes of out written, the bytes of s read, and the offset in
// s just after the last letter spelled (0 if none). The bytes of out after
// the n written may be changed too.
func commonRun(s string, out []byte) (n, read, end int) {
	for read < len(s) && n+fastSlack <= len(out) {
		c := s[read]
		if c < utf8.RuneSelf {
			out[n] = c
			n, read = n+1, read+1
			continue
		}
		if c < 0xD0 || c > 0xD3 || read+1 >= len(s) || s[read+1]&0xC0 != 0x80 {
			break
		}
		sp := fastSpelling[int(c-0xD0)<<6|int(s[read+1]&0x3F)]
		if sp == 0 {
			break
		}
		binary.LittleEndian.PutUint32(out[n:], sp)
		n, read = n+int(sp>>24), read+2
		end = read
	}
	return n, read, end
}

// fastSpelling[r-blockFirst] is the spelling of the rune r of the
// Cyrillic block for commonRun: its bytes in the low three bytes (little
// endian, padded with zeros) and their number in the high one; 0 for a
// rune commonRun leaves to transliterate. Indexed by a UTF-8 sequence
// 0xD0+x, 0x80+y of the block as x<<6 | y, which is r-blockFirst.
var fastSpelling = func() (t [blockLast - blockFirst + 1]uint32) {
	for i := range t {
		r := rune(blockFirst + i)
		if class[i] != serbian || upperDigraph(r) != "" {
			continue
		}
		sp := spelling[i]
		if len(sp) > maxFastSpelling {
			panic("translit: spelling of " + string(r) + " longer than maxFastSpelling")
		}
		var b [4]byte
		copy(b[:], sp)
		b[3] = byte(len(sp))
		t[i] = binary.LittleEndian.Uint32(b[:])
	}
	return t
}()

// latinOf returns the Latin spelling of a rune in the Cyrillic block, or "".
func latinOf(r rune) string {
	return spelling[r-blockFirst]
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// isWordRune reports whether r belongs to a word: a letter or a combining
// mark. ASCII and the Cyrillic letters U+0400–U+0481 are answered without
// the Unicode tables (TestFastRuneClasses checks every rune).
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r >= 0x0400 && r <= 0x0481:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// Letter cases, as wordInCaps counts them.
const (
	uncased = iota
	upperCase
	lowerCase // lower or title case
)

// caseOf returns the case of the letter r. ASCII and the Cyrillic letters
// U+0400–U+0481 are answered without the Unicode tables
// (TestFastRuneClasses checks every rune).
func caseOf(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'A' <= r && r <= 'Z':
			return upperCase
		case 'a' <= r && r <= 'z':
			return lowerCase
		}
		return uncased
	case r >= 0x0400 && r <= 0x042F:
		return upperCase
	case r >= 0x0430 && r <= 0x045F:
		return lowerCase
	case r >= 0x0460 && r <= 0x0481:
		return upperCase + int(r&1) // pairs: capital even, small odd
	case unicode.IsUpper(r):
		return upperCase
	case unicode.IsLower(r), unicode.IsTitle(r):
		return lowerCase
	}
	return uncased
}

// wordInCaps reports whether the word around the letter at s[i] is written in
// capitals (at least two capital letters, no lower or title case letter),
// and returns the byte offset where that word ends.
func wordInCaps(s string, i int) (caps bool, end int) {
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	cased, lower := 0, false
	end = start
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		switch caseOf(r) {
		case upperCase:
			cased++
		case lowerCase:
			lower = true
		}
		end += n
	}
	return cased >= 2 && !lower, end
}
