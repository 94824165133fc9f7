package translit

import (
	_ "embed"
	"fmt"
	"iter"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ToCyrillic transliterates Serbian Latin in s to Serbian Cyrillic script,
// NFC. The package documentation lists what it leaves in Latin letters and
// how it tells a digraph (nj in njegov) from two letters (nj in injekcija).
// Cyrillic text passes through unchanged, so ToCyrillic(ToLatin(s)) == s for
// Serbian Cyrillic text that has no words in Latin letters and no
// exceptions' two letters (нј in инјекција) outside the listed words.
func ToCyrillic(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	for t := range tokens(s) {
		text := s[t.start:t.end]
		if t.kind != word || t.keep {
			b.WriteString(text)
			continue
		}
		writeCyrillic(&b, text, t.split)
	}
	return norm.NFC.String(b.String())
}

// writeCyrillic writes the Cyrillic spelling of the word w. split is the
// rune index at which two letters must not be read as a digraph (the start
// of the root, from exceptions.txt), or -1.
func writeCyrillic(b *strings.Builder, w string, split int) {
	rs := []rune(w)
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) && i+1 != split {
			if c, ok := digraphs[[2]rune{unicode.ToLower(rs[i]), unicode.ToLower(rs[i+1])}]; ok {
				if unicode.IsUpper(rs[i]) {
					c = unicode.ToUpper(c)
				}
				b.WriteRune(c)
				i++
				continue
			}
		}
		b.WriteString(cyrillicOf(rs[i]))
	}
}

// cyrillicOf returns the Cyrillic spelling of one rune of a word: a Serbian
// Latin letter, such a letter with Serbian accents (á, ȁ, ȓ), or anything
// else unchanged.
func cyrillicOf(r rune) string {
	if c, ok := cyrillicLetters[r]; ok {
		return string(c)
	}
	if base, marks, ok := splitAccents(r); ok {
		return string(cyrillicLetters[base]) + marks
	}
	return string(r)
}

// splitAccents splits a Latin letter with accents into its base letter and its
// combining marks, if the base is a Serbian Latin letter and every mark one
// that Serbian uses for stress and length (serbianMarks).
func splitAccents(r rune) (base rune, marks string, ok bool) {
	d := norm.NFD.String(string(r))
	base, n := utf8.DecodeRuneInString(d)
	if n == len(d) {
		return 0, "", false
	}
	if _, ok := cyrillicLetters[base]; !ok {
		return 0, "", false
	}
	for _, m := range d[n:] {
		if !strings.ContainsRune(serbianMarks, m) {
			return 0, "", false
		}
	}
	return base, d[n:], true
}

// serbianMarks are the combining marks of Serbian accentuation: grave,
// acute, circumflex, macron, double grave, inverted breve.
const serbianMarks = "\u0300\u0301\u0302\u0304\u030F\u0311"

// cyrillicLetters maps every Serbian Latin letter spelled with one rune,
// and the compatibility digraphs U+01C4..U+01CC, to its Cyrillic letter;
// digraphs maps the lower-case two-letter spellings lj, nj, dž to theirs.
// Both are the inverse of spelling.
var cyrillicLetters, digraphs = func() (map[rune]rune, map[[2]rune]rune) {
	one, two := map[rune]rune{}, map[[2]rune]rune{}
	for i, sp := range spelling {
		c := rune(blockFirst + i)
		switch rs := []rune(sp); len(rs) {
		case 1:
			one[rs[0]] = c
		case 2:
			two[[2]rune{unicode.ToLower(rs[0]), rs[1]}] = unicode.ToLower(c)
		}
	}
	for _, d := range []struct {
		compat string
		c      rune
	}{{"Ǆǅ", 'Џ'}, {"ǆ", 'џ'}, {"Ǉǈ", 'Љ'}, {"ǉ", 'љ'}, {"Ǌǋ", 'Њ'}, {"ǌ", 'њ'}} {
		for _, r := range d.compat {
			one[r] = d.c
		}
	}
	return one, two
}()

// isSerbianLatin reports whether r is a letter of Serbian Latin script, with
// or without Serbian accents.
func isSerbianLatin(r rune) bool {
	if !isLatinLetter(r) {
		return false
	}
	if _, ok := cyrillicLetters[r]; ok {
		return true
	}
	_, _, ok := splitAccents(r)
	return ok
}

// Token kinds.
const (
	other = iota // text between words: spaces, punctuation, digits
	word         // a maximal run of letters and combining marks
	link         // a URL or an e-mail address
)

// token is a piece of a text: s[start:end].
type token struct {
	start, end int
	kind       int
	// keep says that the word stays in Latin letters (a listed name, a
	// foreign word, a Roman numeral, a code or unit); split is the rune
	// index inside it where an exception forbids a digraph, or -1.
	keep  bool
	split int
	// In a word: how many Serbian Cyrillic letters and Latin letters it
	// has, and the byte offset in it of its first Cyrillic letter outside
	// the Serbian alphabet, or -1.
	cyr, lat int
	foreign  int
}

// links finds URLs (with a scheme or starting with www.) and e-mail
// addresses. A URL ends before white space and before punctuation that
// closes a sentence or a bracket.
var links = regexp.MustCompile(`(?i)(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”«»]*[^\s<>"“”«».,;:!?)\]}'’]` +
	`|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`)

// tokens yields the links, the words and the text between them of an NFC
// text, in order, and decides for each word whether it stays in Latin
// letters.
func tokens(s string) iter.Seq[token] {
	return func(yield func(token) bool) {
		pos := 0
		for _, m := range links.FindAllStringIndex(s, -1) {
			if !yieldWords(s, pos, m[0], yield) || !yield(token{start: m[0], end: m[1], kind: link, split: -1, foreign: -1}) {
				return
			}
			pos = m[1]
		}
		yieldWords(s, pos, len(s), yield)
	}
}

// yieldWords yields the words of s[from:to] and the text between them; it
// returns false when yield does.
func yieldWords(s string, from, to int, yield func(token) bool) bool {
	for i := from; i < to; {
		t := token{start: i, kind: other, split: -1, foreign: -1}
		for i < to {
			r, n := utf8.DecodeRuneInString(s[i:to])
			if inWord := isWordRune(r); i == t.start {
				if inWord {
					t.kind = word
				}
			} else if inWord != (t.kind == word) {
				break
			}
			if t.kind == word {
				switch {
				case latinOf(r) != "":
					t.cyr++
				case isLatinLetter(r):
					t.lat++
				case t.foreign < 0 && unicode.IsLetter(r) && unicode.Is(unicode.Cyrillic, r):
					t.foreign = i - t.start
				}
			}
			i += n
		}
		t.end = i
		// Only a word with Latin letters has anything to keep or split.
		if w := s[t.start:t.end]; t.lat > 0 {
			t.keep, t.split = keptInLatin(w, s[:t.start], s[t.end:]), exceptionSplit(w)
		}
		if !yield(t) {
			return false
		}
	}
	return true
}

// isLatinLetter reports whether r is a letter of the Latin script.
func isLatinLetter(r rune) bool {
	return unicode.Is(unicode.Latin, r)
}

// keptInLatin reports whether the word w, between the texts before and
// after it, stays in Latin letters in Cyrillic text.
func keptInLatin(w, before, after string) bool {
	if latinNames[w] || isRoman(w) {
		return true
	}
	for _, r := range w {
		if unicode.IsLetter(r) && !isSerbianLatin(r) && latinOf(r) == "" && !unicode.Is(unicode.Cyrillic, r) {
			return true // q, w, x, y, ß, ü, Greek …: a foreign word
		}
	}
	// A code: letters and digits with nothing between them (B92, H2O, 5G).
	last, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	if unicode.IsDigit(last) || unicode.IsDigit(next) {
		return true
	}
	// A unit after a number: 5 km, 10 kg.
	if units[w] {
		b := strings.TrimSuffix(strings.TrimSuffix(before, " "), "\u00a0")
		last, _ := utf8.DecodeLastRuneInString(b)
		return unicode.IsDigit(last)
	}
	return false
}

// units are the symbols of units that stay in Latin letters after a number.
// Single-letter symbols are left out: "2015. g." is an abbreviation of
// godine, not grams.
var units = map[string]bool{
	"km": true, "cm": true, "mm": true, "kg": true, "mg": true, "ml": true,
	"kW": true, "MW": true, "GW": true, "kWh": true, "MWh": true, "GWh": true,
	"KB": true, "MB": true, "GB": true, "TB": true, "Mbps": true, "Gbps": true,
}

// roman matches Roman numerals from 1 to 89 written with I, V, X and L.
var roman = regexp.MustCompile(`^(?:LX{0,3}|XL|X{0,3})(?:IX|IV|V?I{0,3})$`)

// isRoman reports whether w is a Roman numeral of two letters or more
// (a single I or V is as likely a Serbian initial or the conjunction I).
func isRoman(w string) bool {
	return len(w) >= 2 && roman.MatchString(w) && w != "LI"
}

// Exception is a word start at which two letters that look like a Serbian
// Latin digraph (lj, nj, dž) are two letters: Prefix ends with the first,
// Root starts with the second.
type Exception struct {
	Prefix, Root, Reason string
	Line                 int // in exceptions.txt

	start string // Prefix + Root
}

//go:embed exceptions.txt
var exceptionsFile string

//go:embed latin.txt
var latinFile string

// Exceptions are the entries of exceptions.txt, in file order.
var Exceptions = mustParse(parseExceptions(exceptionsFile))

// latinNames holds the words of latin.txt.
var latinNames = func() map[string]bool {
	names, err := parseLatinNames(latinFile)
	if err != nil {
		panic(err)
	}
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}()

func mustParse(e []Exception, err error) []Exception {
	if err != nil {
		panic(err)
	}
	return e
}

// exceptionSplit returns the rune index in the word w where an exception's
// root starts, or -1 if no exception applies to w.
func exceptionSplit(w string) int {
	lower := strings.ToLower(w)
	for _, e := range Exceptions {
		if strings.HasPrefix(lower, e.start) {
			return utf8.RuneCountInString(e.Prefix)
		}
	}
	return -1
}

// parseExceptions reads exceptions.txt.
func parseExceptions(text string) ([]Exception, error) {
	var out []Exception
	for n, line := range strings.Split(text, "\n") {
		entry, reason, _ := strings.Cut(line, "#")
		f := strings.Fields(entry)
		if len(f) == 0 {
			continue
		}
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("exceptions.txt:%d: %s", n+1, fmt.Sprintf(format, args...))
		}
		if len(f) != 2 {
			return nil, errorf("want a prefix, a space and a root, then # and the reason")
		}
		e := Exception{Prefix: norm.NFC.String(f[0]), Root: norm.NFC.String(f[1]), Reason: strings.TrimSpace(reason), Line: n + 1}
		if e.Reason == "" {
			return nil, errorf("%s %s has no reason after #", e.Prefix, e.Root)
		}
		for _, p := range []string{e.Prefix, e.Root} {
			for _, r := range p {
				if !isSerbianLatin(r) || !unicode.IsLower(r) {
					return nil, errorf("%q: only lower-case Serbian Latin letters", p)
				}
			}
		}
		last, _ := utf8.DecodeLastRuneInString(e.Prefix)
		first, _ := utf8.DecodeRuneInString(e.Root)
		if _, ok := digraphs[[2]rune{last, first}]; !ok {
			return nil, errorf("%s %s: the prefix must end in l, n or d and the root start with j or ž (l+j, n+j, d+ž)", e.Prefix, e.Root)
		}
		e.start = e.Prefix + e.Root
		out = append(out, e)
	}
	return out, nil
}

// parseLatinNames reads latin.txt.
func parseLatinNames(text string) ([]string, error) {
	var out []string
	for n, line := range strings.Split(text, "\n") {
		entry, _, _ := strings.Cut(line, "#")
		f := strings.Fields(entry)
		if len(f) == 0 {
			continue
		}
		if len(f) != 1 {
			return nil, fmt.Errorf("latin.txt:%d: want one word a line", n+1)
		}
		for _, r := range f[0] {
			if !unicode.IsLetter(r) {
				return nil, fmt.Errorf("latin.txt:%d: %q: a name is letters only (endings after a hyphen need no entry)", n+1, f[0])
			}
		}
		out = append(out, norm.NFC.String(f[0]))
	}
	return out, nil
}
