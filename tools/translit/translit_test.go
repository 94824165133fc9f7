package translit

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// seedPath is the real document the site is built from.
const seedPath = "../../seeds/000_1dc8ae94338e037f.txt"

// alphabet is the Serbian Cyrillic alphabet in its order, with the Latin
// spelling of each letter: capital in an all-capitals word, capital in any
// other word, small.
var alphabet = []struct {
	upper, lower             rune
	latinCaps, latin, latinL string
}{
	{'А', 'а', "A", "A", "a"},
	{'Б', 'б', "B", "B", "b"},
	{'В', 'в', "V", "V", "v"},
	{'Г', 'г', "G", "G", "g"},
	{'Д', 'д', "D", "D", "d"},
	{'Ђ', 'ђ', "Đ", "Đ", "đ"},
	{'Е', 'е', "E", "E", "e"},
	{'Ж', 'ж', "Ž", "Ž", "ž"},
	{'З', 'з', "Z", "Z", "z"},
	{'И', 'и', "I", "I", "i"},
	{'Ј', 'ј', "J", "J", "j"},
	{'К', 'к', "K", "K", "k"},
	{'Л', 'л', "L", "L", "l"},
	{'Љ', 'љ', "LJ", "Lj", "lj"},
	{'М', 'м', "M", "M", "m"},
	{'Н', 'н', "N", "N", "n"},
	{'Њ', 'њ', "NJ", "Nj", "nj"},
	{'О', 'о', "O", "O", "o"},
	{'П', 'п', "P", "P", "p"},
	{'Р', 'р', "R", "R", "r"},
	{'С', 'с', "S", "S", "s"},
	{'Т', 'т', "T", "T", "t"},
	{'Ћ', 'ћ', "Ć", "Ć", "ć"},
	{'У', 'у', "U", "U", "u"},
	{'Ф', 'ф', "F", "F", "f"},
	{'Х', 'х', "H", "H", "h"},
	{'Ц', 'ц', "C", "C", "c"},
	{'Ч', 'ч', "Č", "Č", "č"},
	{'Џ', 'џ', "DŽ", "Dž", "dž"},
	{'Ш', 'ш', "Š", "Š", "š"},
}

// accented are the precomposed Serbian vowels with an accent.
var accented = []struct {
	cyr   rune
	latin string
}{
	{'Ѐ', "È"}, {'ѐ', "è"},
	{'Ѝ', "Ì"}, {'ѝ', "ì"},
	{'Ӣ', "Ī"}, {'ӣ', "ī"},
	{'Ӯ', "Ū"}, {'ӯ', "ū"},
}

func check(t *testing.T, in, want string, wantForeign []rune) {
	t.Helper()
	got, foreign := ToLatin(in)
	if got != want {
		t.Errorf("ToLatin(%q) = %q, want %q", in, got, want)
	}
	if !slices.Equal(foreign, wantForeign) {
		t.Errorf("ToLatin(%q) foreign = %q, want %q", in, foreign, wantForeign)
	}
}

func TestAlphabet(t *testing.T) {
	if len(alphabet) != 30 {
		t.Fatalf("alphabet has %d letters, want 30", len(alphabet))
	}
	for _, l := range alphabet {
		U, L := string(l.upper), string(l.lower)
		check(t, U, l.latin, nil)                                                // one-letter word
		check(t, L, l.latinL, nil)                                               // one-letter word
		check(t, U+U, l.latinCaps+l.latinCaps, nil)                              // all capitals
		check(t, U+"А", l.latinCaps+"A", nil)                                    // all capitals
		check(t, "А"+U, "A"+l.latinCaps, nil)                                    // all capitals, letter last
		check(t, U+L, l.latin+l.latinL, nil)                                     // capitalized
		check(t, L+L+L, l.latinL+l.latinL+l.latinL, nil)                         // small
		check(t, "("+U+") "+U+"-"+L, "("+l.latin+") "+l.latin+"-"+l.latinL, nil) // single letters between punctuation
	}
	for _, a := range accented {
		check(t, string(a.cyr), a.latin, nil)
	}

	// The table maps exactly the 60 letters and the 8 accented vowels.
	want := map[rune]bool{}
	for _, l := range alphabet {
		want[l.upper], want[l.lower] = true, true
	}
	for _, a := range accented {
		want[a.cyr] = true
	}
	for r := rune(blockFirst); r <= blockLast; r++ {
		if mapped := latinOf(r) != ""; mapped != want[r] {
			t.Errorf("%U %c: mapped = %v, want %v", r, r, mapped, want[r])
		}
	}
}

func TestDigraphCapitals(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"all caps", "ЉУБЉАНА", "LJUBLJANA"},
		{"capitalized", "Љубљана", "Ljubljana"},
		{"all caps Џ", "ЏЕМПЕР", "DŽEMPER"},
		{"all caps Њ", "ЊЕГОШ", "NJEGOŠ"},
		{"capitalized Њ", "Његош", "Njegoš"},
		{"two letters", "ЉУ", "LJU"},
		{"two digraphs", "ЉЊ", "LJNJ"},
		{"one-letter word", "Љ", "Lj"},
		{"one-letter words", "Љ Њ Џ", "Lj Nj Dž"},
		{"initial", "Џ. Буш", "Dž. Buš"},
		{"initial in caps text", "ЏОН Џ. ЏОНС", "DŽON Dž. DŽONS"},
		{"capital then lower", "Љу", "Lju"},
		{"lower anywhere", "ЉУбав", "LjUbav"},
		{"lower before", "еЉУ", "eLjU"},
		{"camel case", "МакЏОН", "MakDžON"},
		{"hyphenated caps", "ЏИУ-ЏИЦУ", "DŽIU-DŽICU"},
		{"hyphenated title", "Џиу-џицу", "Džiu-džicu"},
		{"hyphen one letter", "Њ-ЊУ", "Nj-NJU"},
		{"en dash", "ЏИУ–ЏИЦУ", "DŽIU–DŽICU"},
		{"case ending", "ЈНА-е ЦЕФТА-ом", "JNA-e CEFTA-om"},
		{"mixed script caps", "ЉDCAF", "LJDCAF"},
		{"mixed script lower", "Џdcaf", "Dždcaf"},
		{"foreign capital counts", "ЏҐ", "DŽҐ"},
		{"greek capital counts", "ЉΑ", "LJΑ"},
		{"uncased letter ignored", "Љʼ", "Ljʼ"},
		{"uncased letter ignored caps", "ЉʼА", "LJʼA"},
		{"title-case letter", "Љǅ", "Ljǅ"},
		{"accent inside caps word", "КРА\u0311Љ", "KRȂLJ"},
		{"accent after digraph", "Љ\u0301УБ", "LJ\u0301UB"},
		{"lone accented digraph", "Љ\u0300", "Lj\u0300"},
		{"digit splits", "Љ1 1ЉУ", "Lj1 1LJU"},
		{"soft hyphen splits", "ЉУБ\u00adЉАНА", "LJUB\u00adLJANA"},
		{"soft hyphen one letter", "Љ\u00adУБ", "Lj\u00adUB"},
		{"apostrophe splits", "Џ'ЕМ", "Dž'EM"},
		{"lower digraphs", "љ њ џ ЉУ љу", "lj nj dž LJU lju"},
		{"many digraphs", strings.Repeat("Љ", 1000), strings.Repeat("LJ", 1000)},
		{"many digraphs title", "Љ" + strings.Repeat("љ", 1000), "Lj" + strings.Repeat("lj", 1000)},
	} {
		t.Run(c.name, func(t *testing.T) { check(t, c.in, c.want, foreignOf(c.in)) })
	}
}

// foreignOf lists the foreign letters of the test inputs above that have any.
func foreignOf(s string) []rune {
	if strings.ContainsRune(s, 'Ґ') {
		return []rune{'Ґ'}
	}
	return nil
}

func TestForeign(t *testing.T) {
	for _, c := range []struct {
		in, want string
		foreign  []rune
	}{
		{"Ѓорѓе", "Ѓorѓe", []rune{'Ѓ', 'ѓ'}},
		{"Ќерка Ѕвезда", "Ќerka Ѕvezda", []rune{'Ќ', 'Ѕ'}},
		{"Щукин, Юрий, Ёлка, Ы, Я", "Щukin, Юriй, Ёlka, Ы, Я", []rune{'Щ', 'Ю', 'й', 'Ё', 'Ы', 'Я'}},
		{"Київ, Європа", "Kiїv, Єvropa", []rune{'ї', 'Є'}},
		{"ЯЯ я Я я", "ЯЯ я Я я", []rune{'Я', 'я'}}, // once each, in order
		{"ЉЯ", "LJЯ", []rune{'Я'}},                 // foreign letters count as letters
		{"Љя", "Ljя", []rune{'я'}},
		{"ꙮ ᲀ ᴫ", "ꙮ ᲀ ᴫ", []rune{'ꙮ', 'ᲀ', 'ᴫ'}}, // other Cyrillic blocks
		{"҂а Б\u0483", "҂a B\u0483", nil},         // Cyrillic non-letters are not reported
		{"Г\u0301", "Ѓ", []rune{'Ѓ'}},             // NFD Ѓ is Ѓ
		{"И\u0306 Е\u0308", "Й Ё", []rune{'Й', 'Ё'}},
		{"Ѐ Ѝ Ӣ Ӯ", "È Ì Ī Ū", nil}, // Serbian vowels with an accent
	} {
		check(t, c.in, c.want, c.foreign)
	}
}

func TestPassThrough(t *testing.T) {
	for _, in := range []string{
		"",
		"DCAF",
		"Geneva Centre for the Democratic Control of Armed Forces (DCAF)",
		"0123456789 ½ ² ٣",
		"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ „“ ‘’ «» – — … · •",
		" \t\n\r\v\f\u00a0\u2009\u200b\u2028\ufeff",
		"Đorđe Ćuprija Žižak čačak šabac LJUBLJANA Džemper",
		"ǅ ǈ ǋ Ǆ Ǉ Ǌ ǆ ǉ ǌ",
		"ΑΒΓ Ελλάδα 中文 עברית العربية 🙂👍🏽",
		"info@dcaf.ch https://www.parlament.gov.rs/",
		"\x00\x01",
		"\xff\xfe Љ \xd0", // invalid UTF-8 passes through
	} {
		want := strings.ReplaceAll(in, "Љ", "Lj")
		check(t, in, want, nil)
	}
}

func TestNormalization(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"acute", "ра́д", "rád"},
		{"grave", "ра̀д", "ràd"},
		{"circumflex", "ра̂д", "râd"},
		{"double grave", "ра̏д", "rȁd"},
		{"inverted breve", "ра̑д", "rȃd"},
		{"macron", "ра̄д", "rād"},
		{"syllabic r", "пр̏ст ПР̏СТ", "pȑst PȐST"},
		{"precomposed ѐ", "сѐ", "sè"},
		{"NFD ѐ", "се\u0300", "sè"},
		{"NFD Ѝ", "И\u0300", "Ì"},
		{"NFD Ӣ", "И\u0304", "Ī"},
		{"NFD Ӯ", "у\u0304", "ū"},
		{"two marks", "Е\u0301\u0300", "É\u0300"},
		{"marks reordered", "А\u0301\u0323", "Ạ\u0301"}, // NFC puts dot below (ccc 220) first
		{"mark at start", "\u0301Љ", "\u0301Lj"},
		{"mark after ASCII", "A\u0301 Б", "Á B"},
		{"NFD Latin", "e\u0301 Ж", "é Ž"},
		{"titlo", "Њ\u0483", "Nj\u0483"},
		{"invalid UTF-8 kept", "\xffЕ\u0300\xd0", "\xffÈ\xd0"},
		{"singleton", "\u212b Ж", "Å Ž"}, // ANGSTROM SIGN is Å in NFC
	} {
		t.Run(c.name, func(t *testing.T) {
			check(t, c.in, c.want, nil)
			check(t, norm.NFD.String(c.in), c.want, nil)
			if utf8.ValidString(c.want) && !norm.NFC.IsNormalString(c.want) {
				t.Errorf("want %q is not NFC", c.want)
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	got, foreign := ToLatin("")
	if got != "" || foreign != nil {
		t.Errorf(`ToLatin("") = %q, %q; want "", nil`, got, foreign)
	}
}

// TestIdempotent checks ToLatin(ToLatin(x)) == ToLatin(x) on the seed, the
// tricky corpus and every input above.
func TestIdempotent(t *testing.T) {
	inputs := []string{"ЉУБЉАНА Љубљана Љ Ѓорѓе ра́д се\u0300 Е\u0301\u0300 \xff"}
	for _, l := range alphabet {
		inputs = append(inputs, string(l.upper)+string(l.lower), string(l.upper)+string(l.upper))
	}
	for _, path := range []string{seedPath, "testdata/tricky.txt"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
		inputs = append(inputs, strings.Split(string(b), "\n")...)
	}
	for _, in := range inputs {
		once, foreign1 := ToLatin(in)
		twice, foreign2 := ToLatin(once)
		if once != twice {
			t.Errorf("not idempotent on %q:\n once  %q\n twice %q", in, once, twice)
		}
		if !slices.Equal(foreign1, foreign2) {
			t.Errorf("foreign letters changed on %q: %q then %q", in, foreign1, foreign2)
		}
	}
}

// TestLines checks that a text gives the same result whole and line by line,
// which the differential test relies on.
func TestLines(t *testing.T) {
	b, err := os.ReadFile("testdata/tricky.txt")
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := ToLatin(string(b))
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		out, _ := ToLatin(l)
		lines = append(lines, out)
	}
	if byLine := strings.Join(lines, "\n"); whole != byLine {
		t.Errorf("whole text and line by line differ:\n%s\n%s", whole, byLine)
	}
}

func readSeed(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func BenchmarkToLatin(b *testing.B) {
	seed := readSeed(b)
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		ToLatin(seed)
	}
}

func TestForeignClass(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r) &&
			!(r >= blockFirst && r <= blockLast && latinOf(r) != "")
		_, foreign := ToLatin(string(r))
		if got := len(foreign) == 1 && foreign[0] == r; got != want {
			t.Errorf("%U %c: reported foreign = %v, want %v", r, r, got, want)
		}
	}
}
