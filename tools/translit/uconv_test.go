package translit

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ICU's Latin-Cyrillic transform (uconv -x 'Latin-Cyrillic') is generic,
// not Serbian: it spells j as й and has no digraphs (lj → лй, nj → нй, dž →
// дж). TestUconv therefore first respells its output in those three known
// ways (й → ј, then лј → љ, нј → њ, дж → џ, in any case) and then compares
// word by word. Every remaining difference must be listed here, with its
// reason; an unlisted difference fails the test, and so does a listed one
// that no longer occurs.
const (
	twoLetters = "exceptions.txt: a prefix meets a root, so the pair is two letters, not the digraph ICU's respelled output has"
	keptName   = "latin.txt: a foreign name or acronym that Serbian Cyrillic text keeps in Latin letters"
	foreign    = "a letter Serbian Latin lacks (q, w, x, y): a foreign word, kept as it is"
	romanNum   = "a Roman numeral, kept in Latin letters"
	code       = "a code (letters touching digits) or a unit after a number, kept in Latin letters"
	url        = "part of a URL or an e-mail address, kept as it is"
)

var uconvDiffs = []struct{ latin, uconv, ours, reason string }{
	{"DCAF", "ДЦАФ", "DCAF", keptName},
	{"nadživeti", "наџивети", "надживети", twoLetters},
	{"nadživeo", "наџивео", "надживео", twoLetters},
	{"NADŽIVETI", "НАЏИВЕТИ", "НАДЖИВЕТИ", twoLetters},
	{"nadžupan", "наџупан", "наджупан", twoLetters},
	{"podžanr", "поџанр", "поджанр", twoLetters},
	{"podžanrovi", "поџанрови", "поджанрови", twoLetters},
	{"podžupan", "поџупан", "поджупан", twoLetters},
	{"odžaliti", "оџалити", "оджалити", twoLetters},
	{"odžalio", "оџалио", "оджалио", twoLetters},
	{"odživeti", "оџивети", "одживети", twoLetters},
	{"predžetveni", "преџетвени", "преджетвени", twoLetters},
	{"predželudac", "преџелудац", "преджелудац", twoLetters},
	{"konjunkcija", "коњункција", "конјункција", twoLetters},
	{"Konjunktura", "Коњунктура", "Конјунктура", twoLetters},
	{"konjugacija", "коњугација", "конјугација", twoLetters},
	{"konjektura", "коњектура", "конјектура", twoLetters},
	{"injekcija", "ињекција", "инјекција", twoLetters},
	{"injekcije", "ињекције", "инјекције", twoLetters},
	{"INJEKCIJA", "ИЊЕКЦИЈА", "ИНЈЕКЦИЈА", twoLetters},
	{"injektirati", "ињектирати", "инјектирати", twoLetters},
	{"vanjezički", "вањезички", "ванјезички", twoLetters},
	{"izvanjezički", "извањезички", "изванјезички", twoLetters},
	{"panjugoslovenski", "пањугословенски", "панјугословенски", twoLetters},
	{"anjon", "ањон", "анјон", twoLetters},
	{"Tanjug", "Тањуг", "Танјуг", twoLetters},
	{"UNHCR", "УНХЦР", "UNHCR", keptName},
	{"IOM", "ИОМ", "IOM", keptName},
	{"OSCE", "ОСЦЕ", "OSCE", keptName},
	{"Frontex", "Фронтекс", "Frontex", keptName},
	{"Washington", "Уасхингтон", "Washington", foreign},
	{"New", "Неу", "New", foreign},
	{"York", "Ыорк", "York", foreign},
	{"Quebec", "Куебец", "Quebec", foreign},
	{"XXI", "КСКСИ", "XXI", romanNum},
	{"IV", "ИВ", "IV", romanNum},
	{"II", "ИИ", "II", romanNum},
	{"III", "ИИИ", "III", romanNum},
	{"COVID", "ЦОВИД", "COVID", keptName},
	{"B92", "Б92", "B92", code},
	{"km", "км", "km", code},
	{"https", "хттпс", "https", url},
	{"www", "ууу", "www", url},
	{"parlament", "парламент", "parlament", url},
	{"gov", "гов", "gov", url},
	{"rs", "рс", "rs", url},
	{"info", "инфо", "info", url},
	{"dcaf", "дцаф", "dcaf", url},
	{"ch", "цх", "ch", url},
}

// TestUconv compares ToCyrillic word by word with ICU's uconv over the
// Latin version of the seed and testdata/tricky-latin.txt.
func TestUconv(t *testing.T) {
	uconv, err := exec.LookPath("uconv")
	if err != nil {
		msg := "uconv not found; install Debian package icu-devtools (apt-get install icu-devtools)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	tricky, err := os.ReadFile("testdata/tricky-latin.txt")
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := ToLatin(readSeed(t))
	text := seed + "\n" + string(tricky)

	cmd := exec.Command(uconv, "-f", "utf-8", "-t", "utf-8", "-x", "Latin-Cyrillic")
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("uconv: %v\n%s", err, stderr.Bytes())
	}
	inLines, theirLines := strings.Split(text, "\n"), strings.Split(string(out), "\n")
	if len(inLines) != len(theirLines) {
		t.Fatalf("%d lines in, uconv gave %d", len(inLines), len(theirLines))
	}
	seen := make([]bool, len(uconvDiffs))
	for n, in := range inLines {
		latinWords := words(in)
		theirWords, ourWords := words(respell(theirLines[n])), words(ToCyrillic(in))
		if len(theirWords) != len(latinWords) || len(ourWords) != len(latinWords) {
			t.Errorf("line %d: %d words, uconv gave %d, ToCyrillic %d:\n\t%q\n\t%q\n\t%q", n+1, len(latinWords), len(theirWords), len(ourWords), in, theirLines[n], ToCyrillic(in))
			continue
		}
		for k, w := range latinWords {
			theirs, ours := theirWords[k], ourWords[k]
			if theirs == ours {
				continue
			}
			i := findUconvDiff(w)
			if i < 0 || uconvDiffs[i].uconv != theirs || uconvDiffs[i].ours != ours {
				t.Errorf("line %d: unlisted difference from uconv:\n\t{%q, %q, %q, reason},", n+1, w, theirs, ours)
				continue
			}
			seen[i] = true
		}
	}
	for i, d := range uconvDiffs {
		if !seen[i] {
			t.Errorf("listed difference no longer occurs; remove it from uconvDiffs: %q", d.latin)
		}
	}
}

func findUconvDiff(latin string) int {
	for i, d := range uconvDiffs {
		if d.latin == latin {
			return i
		}
	}
	return -1
}

// words splits s into runs of letters, marks and digits.
func words(s string) []string {
	return strings.FieldsFunc(norm.NFC.String(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r)
	})
}

// respell turns ICU's generic Cyrillic into Serbian in the three ways that
// hold for every word (see uconvDiffs).
var respell = strings.NewReplacer(
	"лй", "љ", "Лй", "Љ", "ЛЙ", "Љ", "лЙ", "љ",
	"нй", "њ", "Нй", "Њ", "НЙ", "Њ", "нЙ", "њ",
	"дж", "џ", "Дж", "Џ", "ДЖ", "Џ", "дЖ", "џ",
	"й", "ј", "Й", "Ј",
).Replace
