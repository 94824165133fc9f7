package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cyrillic spells each lower-case Cyrillic letter in folded Latin: Serbian's
// thirty as Serbian Latin without diacritics (ђ → dj, џ → dz, ћ ч → c), and
// the letters of neighbouring alphabets close to how a Serbian reader would
// type them. Letters that decompose (ѓ ќ й ё ї) lose their marks before
// this table is read. static/js/search.js holds the same table.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "dj", 'е': "e",
	'ж': "z", 'з': "z", 'и': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj",
	'м': "m", 'н': "n", 'њ': "nj", 'о': "o", 'п': "p", 'р': "r", 'с': "s",
	'т': "t", 'ћ': "c", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c", 'ч': "c",
	'џ': "dz", 'ш': "s",
	'ѕ': "dz", 'і': "i", 'є': "je", 'ы': "y", 'э': "e", 'ю': "ju", 'я': "ja",
	'щ': "sc", 'ъ': "", 'ь': "",
}

// latin spells the Latin letters that do not decompose into a base letter
// and a mark.
var latin = map[rune]string{'đ': "dj", 'ø': "o", 'ł': "l", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ı': "i"}

// Fold returns the search key of s: s in compatibility decomposition (NFKD)
// without combining marks, in lower case, with Cyrillic letters spelled in
// Latin and the Latin letters with diacritics as their base letters, đ as
// dj. So "Заштита", "ZAŠTITA", "zaštita" and "zastita" all fold to
// "zastita", "ђак" and "Đak" to "djak", "џеп" and "džep" to "dzep".
//
// Folding is idempotent, and the same in Go and in static/js/search.js:
// the index is folded here and the reader's query there.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.M, r) {
			continue
		}
		r = unicode.ToLower(r)
		if m, ok := cyrillic[r]; ok {
			b.WriteString(m)
		} else if m, ok := latin[r]; ok {
			b.WriteString(m)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isWordRune reports whether r belongs to a word: letters and numbers.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// Words returns the folded words of s in order: maximal runs of letters and
// numbers after folding. For English (lang "en") each word is also stemmed.
func Words(s, lang string) []string {
	f := Fold(s)
	var words []string
	start := -1
	for i, r := range f {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, f[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, f[start:])
	}
	if lang == "en" {
		for i, w := range words {
			words[i] = Stem(w)
		}
	}
	return words
}

// Stem strips an English word's plural and common endings, enough for a
// query's word to be a prefix of the forms it should find: "refugees" →
// "refugee", "policies" → "policy", "managed" → "manag", "migrating" →
// "migrat". It expects a folded word.
//
// Lengths are counted in runes (so that search.js, which counts code
// points, agrees); the endings are ASCII.
func Stem(w string) string {
	n, b := utf8.RuneCountInString(w), len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:b-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:b-2]
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:b-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:b-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:b-1]
	}
	return w
}

// serbianEndings are the case and number endings QueryStem strips, longest
// first.
var serbianEndings = []string{"ama", "ima", "om", "em", "og", "oj", "ih", "im", "a", "e", "i", "o", "u"}

// QueryStem returns the stem a query's folded word w is matched by, as a
// prefix of the index's words. English words are stemmed already (Words);
// a Serbian word loses one case or number ending when at least four
// letters remain, so that "zastita" finds "заштити" and "заштитом" and
// "izbeglicama" finds "избеглица".
func QueryStem(w, lang string) string {
	if lang == "en" {
		return w
	}
	n := utf8.RuneCountInString(w)
	for _, e := range serbianEndings {
		if strings.HasSuffix(w, e) && n-len(e) >= 4 {
			return w[:len(w)-len(e)]
		}
	}
	return w
}
