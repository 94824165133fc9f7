package translit

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Script is one of the two scripts Serbian is written in.
type Script int

const (
	Unknown  Script = iota // no Serbian letters, or as many of one script as of the other
	Cyrillic               // Serbian Cyrillic
	Latin                  // Serbian Latin (Gaj's alphabet)
)

func (s Script) String() string {
	switch s {
	case Cyrillic:
		return "Cyrillic"
	case Latin:
		return "Latin"
	}
	return "unknown"
}

// A Problem is a place where a text departs from its script.
type Problem struct {
	Kind Kind
	Line int    // 1-based
	Col  int    // 1-based, in characters (runes) of the line as given
	Word string // the offending word
	Msg  string // what is wrong, lower case, without the position
}

// Kind says what is wrong.
type Kind int

const (
	// ForeignLetter is a Cyrillic letter outside the Serbian alphabet
	// (Macedonian ѓ ќ ѕ, Russian ы э ъ, …), in either script.
	ForeignLetter Kind = iota + 1
	// MixedWord is a word that mixes Cyrillic and Latin letters: almost
	// always a typing error (a Latin a or e among Cyrillic letters).
	MixedWord
	// OtherScript is a word in Latin letters in Cyrillic text that
	// ToCyrillic would transliterate (not a name kept in Latin, a foreign
	// word, a Roman numeral, a code), or a word in Cyrillic letters in
	// Latin text.
	OtherScript
)

// Error returns "line:col: message"; a caller that knows the file writes
// file + ":" + p.Error().
func (p *Problem) Error() string {
	return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
}

// wordDebris matches Word's bookmark markers, which the seed parser drops.
var wordDebris = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

// Detect returns the script of a text given as lines: the script most of
// its Serbian letters are in. Only words that ToCyrillic would transliterate
// count, so Latin names, acronyms, foreign words, Roman numerals, codes and
// URLs inside Cyrillic text do not make it Latin.
func Detect(lines []string) Script { return Scan(lines).Script() }

// Check returns the places in lines that Serbian text in script s does not
// allow, in order, at most one a word:
//
//   - a Cyrillic letter outside the Serbian alphabet (ForeignLetter), in
//     either script; Col is the letter's;
//   - a word that mixes Cyrillic and Latin letters (MixedWord);
//   - in Cyrillic text, a word in Latin letters that ToCyrillic would
//     transliterate (OtherScript); words it keeps in Latin (names and
//     acronyms of latin.txt, words with q w x y, Roman numerals, codes,
//     units after a number), URLs and e-mail addresses are allowed;
//   - in Latin text, a word with Cyrillic letters (OtherScript).
//
// For a word, Col is where it starts. Word's bookmark markers
// ("[bookmark: _GoBack]") are skipped. s == Unknown checks only the first
// two rules.
func Check(lines []string, s Script) []Problem { return (&Text{lines: lines}).Check(s) }

// Text is a text given as lines, for a caller that needs both Detect and
// Check: Scan counts its letters for Script, and Check reads it again.
type Text struct {
	lines    []string
	cyr, lat int // the letters Detect counts
}

// Scan reads lines word by word and counts the letters Detect counts.
func Scan(lines []string) *Text {
	text := &Text{lines: lines}
	for _, line := range lines {
		for t := range tokens(withoutDebris(line)) {
			if t.kind == word && !t.keep {
				text.cyr, text.lat = text.cyr+t.cyr, text.lat+t.lat
			}
		}
	}
	return text
}

// Script returns the script of the text, as Detect.
func (text *Text) Script() Script {
	switch {
	case text.cyr > text.lat:
		return Cyrillic
	case text.lat > text.cyr:
		return Latin
	}
	return Unknown
}

// Check returns the places in the text that Serbian text in script s does
// not allow, as Check.
func (text *Text) Check(s Script) []Problem {
	var out []Problem
	for n, line := range text.lines {
		line = withoutDebris(line)
		for t := range tokens(line) {
			if t.kind != word {
				continue
			}
			if p, ok := checkWord(line, t, s); ok {
				p.Line = n + 1
				out = append(out, p)
			}
		}
	}
	return out
}

// withoutDebris returns line with Word's bookmark markers blanked out,
// keeping every rune's column.
func withoutDebris(line string) string {
	return wordDebris.ReplaceAllStringFunc(line, func(m string) string {
		return strings.Repeat(" ", utf8.RuneCountInString(m))
	})
}

// checkWord checks the word t of line against script s.
func checkWord(line string, t token, s Script) (Problem, bool) {
	w := line[t.start:t.end]
	cyr, lat := t.cyr > 0, t.lat > 0
	p := Problem{Word: w}
	at := t.start // the byte offset in line of what p is about
	switch {
	case t.foreign >= 0:
		r, _ := utf8.DecodeRuneInString(w[t.foreign:])
		p.Kind, p.Msg = ForeignLetter, fmt.Sprintf("letter %c (U+%04X) in %q is not in the Serbian alphabet", r, r, w)
		at += t.foreign
	case cyr && lat:
		p.Kind, p.Msg = MixedWord, fmt.Sprintf("word %q mixes Cyrillic and Latin letters", w)
	case s == Cyrillic && lat && !t.keep:
		p.Kind, p.Msg = OtherScript, fmt.Sprintf("Latin word %q in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt)", w)
	case s == Latin && cyr:
		p.Kind, p.Msg = OtherScript, fmt.Sprintf("Cyrillic word %q in Latin text", w)
	default:
		return Problem{}, false
	}
	p.Col = utf8.RuneCountInString(line[:at]) + 1
	return p, true
}
