// Package translit transliterates Serbian text between Cyrillic and Latin
// script, and tells which of the two a text is written in.
//
// The site publishes every document in Serbian Cyrillic and in Serbian
// Latin; whichever the original is written in, the other version is never
// written by hand, it is produced by [ToLatin] or [ToCyrillic]:
//
//	latin, foreign := translit.ToLatin("Љубљана, ЉУБЉАНА, Џ. Буш (DCAF), Ѓорѓе")
//	// latin   == "Ljubljana, LJUBLJANA, Dž. Buš (DCAF), Ѓorѓe"
//	// foreign == []rune{'Ѓ', 'ѓ'}
//	cyrillic := translit.ToCyrillic("Injekcija, NJEGOŠ, DCAF-a, XXI vek")
//	// cyrillic == "Инјекција, ЊЕГОШ, DCAF-а, XXI век"
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
// ToLatin never leaves a Serbian Cyrillic letter in its output, so it is
// idempotent: ToLatin(ToLatin(s)) == ToLatin(s).
//
// # Latin to Cyrillic
//
// [ToCyrillic] spells each Serbian Latin letter with its Cyrillic letter,
// in its case, and reads lj, nj and dž as one letter in any case: "LJ",
// "Lj" and "NJegoš" (as Word's autocorrect leaves it) give Љ, Љ and Његош;
// "lJ" gives љ, the case of the first letter deciding. Accented vowels keep
// their accents (rád → ра́д, sè → сѐ), and so do the compatibility digraphs
// ǅ, ǈ, ǋ (→ Џ, Љ, Њ). Words are those of ToLatin (letters and combining
// marks); a hyphen ends a word, so each part of "Džiu-džicu" or "DCAF-a" is
// judged on its own.
//
// In a few words l+j, n+j or d+ž are two letters, where a prefix meets a
// root: nadživeti → надживети, podžanr → поджанр, konjunkcija →
// конјункција, injekcija → инјекција. These are listed, with the reason for
// each, in the file exceptions.txt beside this package (embedded in the
// program; [Exceptions] holds its entries). An entry is a prefix and the
// start of a root; it applies to every word that starts with both, in any
// case, so inflected forms are covered: nadživeo, INJEKCIJE.
//
// ToCyrillic leaves in Latin letters what Serbian Cyrillic text keeps in
// Latin letters:
//
//   - the foreign names and acronyms listed in latin.txt beside this package
//     (DCAF, UNHCR, IOM, OSCE, Frontex, COVID, …), matched exactly; Serbian
//     abbreviations are transliterated like any word (EU → ЕУ, OEBS → ОЕБС);
//   - words with a letter Serbian Latin lacks (q, w, x, y, ü, ß, Greek, …):
//     Washington, Müller;
//   - Roman numerals of two letters or more, from I, V, X and L (XXI, IV,
//     LX); a single I or V is a Serbian word or initial. The all-capitals
//     pronoun VI (ВИ) is read as the numeral six;
//   - codes, where letters and digits touch (B92, H2O, 5G), and the units
//     km, kg, cm, mm, mg, ml, kW, MW, GW, kWh, MWh, GWh, KB, MB, GB, TB,
//     Mbps, Gbps after a number (5 km, 10 kg);
//   - URLs (with http://, https://, ftp:// or www.) and e-mail addresses.
//
// Cyrillic text passes through ToCyrillic unchanged.
//
// # Which script
//
// [Detect] tells whether a text is Serbian Cyrillic or Serbian Latin, from
// the letters of the words ToCyrillic would transliterate, and [Check]
// finds the words that the script does not allow (a Latin word in Cyrillic
// text that is not kept in Latin, a word mixing the scripts, a Cyrillic
// letter outside the Serbian alphabet), each with its line and column, so
// that a caller can report "file:line:col: message". [Scan] gives a caller
// that needs both one value for both.
package translit

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The Cyrillic block U+0400..U+04FF holds every letter that ToLatin maps.
const (
	blockFirst = 0x0400
	blockLast  = 0x04FF
)

// spelling[r-blockFirst] is the Serbian Latin spelling of the rune r of the
// Cyrillic block, or "" if r is not a Serbian letter. Capital Љ, Њ, Џ have
// their mixed form here; see upperDigraph.
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
	s = norm.NFC.String(s)
	var b strings.Builder
	// The caps verdict of the last word that held a capital Љ, Њ or Џ,
	// which ends before byte capsEnd.
	capsEnd, caps := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		repl := latinOf(r)
		switch {
		case repl != "":
			if up := upperDigraph(r); up != "" {
				if i >= capsEnd {
					caps, capsEnd = wordInCaps(s, i)
				}
				if caps {
					repl = up
				}
			}
			b.WriteString(repl)
		case unicode.IsLetter(r) && unicode.Is(unicode.Cyrillic, r):
			if !slices.Contains(foreign, r) {
				foreign = append(foreign, r)
			}
			fallthrough
		default:
			b.WriteString(s[i : i+size]) // invalid UTF-8 too, as it is
		}
		i += size
	}
	// A Latin letter may compose with a mark that follows it (а + U+0301
	// has no precomposed form, a + U+0301 is á).
	return norm.NFC.String(b.String()), foreign
}

// latinOf returns the Latin spelling of r if r is a Serbian Cyrillic
// letter, and "" otherwise.
func latinOf(r rune) string {
	if r < blockFirst || r > blockLast {
		return ""
	}
	return spelling[r-blockFirst]
}

// isWordRune reports whether r belongs to a word: a letter or a combining
// mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r)
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
	upper, lower := 0, false
	end = start
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r), unicode.IsTitle(r):
			lower = true
		}
		end += n
	}
	return upper >= 2 && !lower, end
}
