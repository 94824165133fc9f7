package translit

import (
	"strings"
	"testing"
	"unicode"
)

func TestToCyrillic(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"lower letters", "abvgdđežzijklljmnnjoprstćufhcčdžš", "абвгдђежзијклљмнњопрстћуфхцчџш"},
		{"upper letters", "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ", "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"},
		{"capitalized", "Ljubljana Njegoš Džemper", "Љубљана Његош Џемпер"},
		{"all caps", "LJUBLJANA NJEGOŠ DŽEMPER", "ЉУБЉАНА ЊЕГОШ ЏЕМПЕР"},
		{"Word's two capitals", "NJegoš LJubljana DŽemper", "Његош Љубљана Џемпер"},
		{"second letter capital", "lJ nJ dŽ", "љ њ џ"},
		{"one-letter digraphs", "Lj Nj Dž LJ", "Љ Њ Џ Љ"},
		{"hyphenated", "Džiu-džicu DŽIU-DŽICU Nj-NJU", "Џиу-џицу ЏИУ-ЏИЦУ Њ-ЊУ"},
		{"hyphenated abbreviation", "JNA-e CEFTA-om EU-a", "ЈНА-е ЦЕФТА-ом ЕУ-а"},
		{"compatibility digraphs", "ǅak ǈubav ǋegoš Ǆ ǉ ǌ ǆ", "Џак Љубав Његош Џ љ њ џ"},
		{"accented vowels", "sè Ì Ī ū", "сѐ Ѝ Ӣ ӯ"},
		{"accents", "rád ràd râd rȁd rȃd rād pȑst", "ра\u0301д ра\u0300д ра\u0302д ра\u030fд ра\u0311д ра\u0304д пр\u030fст"},
		{"NFD accents", "ra\u0301d", "ра\u0301д"},
		{"date line", "Beograd, 26 – 27. novembar 2015. godine", "Београд, 26 – 27. новембар 2015. године"},
		{"punctuation", "„Zaključci“ «Lj» (Dž) [Nj] Lj—Nj Lj…", "„Закључци“ «Љ» (Џ) [Њ] Љ—Њ Љ…"},
		{"Cyrillic passes", "Љубљана, ЉУБЉАНА, Ѓорѓе", "Љубљана, ЉУБЉАНА, Ѓорѓе"},
		{"mixed word", "Рeпублика", "Република"},

		// Exceptions: two letters, in any case and inflected.
		{"nadživeti", "nadživeti nadživeo Nadživljavaju NADŽIVETI", "надживети надживео Надживљавају НАДЖИВЕТИ"},
		{"nadžupan", "nadžupan", "наджупан"},
		{"podžanr", "podžanr podžanrovi PODŽANR", "поджанр поджанрови ПОДЖАНР"},
		{"podžupan", "podžupan", "поджупан"},
		{"odžaliti", "odžaliti odžalio", "оджалити оджалио"},
		{"odživeti", "odživeti", "одживети"},
		{"predžetveni", "predžetveni predželudac", "преджетвени преджелудац"},
		{"konjunkcija", "konjunkcija Konjunktura konjunktiv", "конјункција Конјунктура конјунктив"},
		{"konjugacija", "konjugacija konjektura", "конјугација конјектура"},
		{"injekcija", "injekcija injekcije INJEKCIJA injektirati injunkcija", "инјекција инјекције ИНЈЕКЦИЈА инјектирати инјункција"},
		{"vanjezički", "vanjezički izvanjezički vanjugoslovenski panjugoslovenski", "ванјезички изванјезички ванјугословенски панјугословенски"},
		{"anjon", "anjon anjoni", "анјон анјони"},
		{"Tanjug", "Tanjug TANJUG", "Танјуг ТАНЈУГ"},
		// … and the digraphs next to them.
		{"real digraphs", "konj konjušnica kanjon nadžak odžak džep injekcijom-konj", "коњ коњушница кањон наџак оџак џеп инјекцијом-коњ"},
		{"exceptions apply at the start of a word only", "prekonjunkcija", "прекоњункција"}, // needs an entry "prekon junk"

		// Kept in Latin letters.
		{"listed acronyms", "DCAF, UNHCR, IOM, OSCE i Frontex", "DCAF, UNHCR, IOM, OSCE и Frontex"},
		{"acronym with ending", "DCAF-a, UNHCR-om", "DCAF-а, UNHCR-ом"},
		{"names match exactly", "Dcaf dcaf", "Дцаф дцаф"},
		{"Serbian abbreviations", "EU, OEBS, UN, NATO, MUP, SFRJ", "ЕУ, ОЕБС, УН, НАТО, МУП, СФРЈ"},
		{"q w x y", "Washington, Quebec, Xbox, Yale, New York", "Washington, Quebec, Xbox, Yale, New York"},
		{"other letters", "Müller Øresund Straße Ελλάδα", "Müller Øresund Straße Ελλάδα"},
		{"Roman numerals", "XXI vek, član IV, II i III, LX, XL, VI", "XXI век, члан IV, II и III, LX, XL, VI"},
		{"one letter is not Roman", "I tako, V. Petrović, C", "И тако, В. Петровић, Ц"},
		{"not Roman", "LI DA LI, DIV, MI, CV", "ЛИ ДА ЛИ, ДИВ, МИ, ЦВ"},
		{"codes", "B92, H2O, 5G, COVID-19, G7", "B92, H2O, 5G, COVID-19, G7"},
		{"units", "5 km, 10 kg, 3\u00a0cm, 100 MB, 5km", "5 km, 10 kg, 3\u00a0cm, 100 MB, 5km"},
		{"unit without number", "km kg", "км кг"},
		{"abbreviation after year", "2015. g.", "2015. г."},
		{"URL", "vidi https://www.parlament.gov.rs/dokumenti/ i www.dcaf.ch.", "види https://www.parlament.gov.rs/dokumenti/ и www.dcaf.ch."},
		{"URL in brackets", "(http://example.org/a?b=c)", "(http://example.org/a?b=c)"},
		{"e-mail", "pišite na info@dcaf.ch ili kancelarija@parlament.rs.", "пишите на info@dcaf.ch или kancelarija@parlament.rs."},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ToCyrillic(c.in); got != c.want {
				t.Errorf("ToCyrillic(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestExceptionsApply checks every entry of exceptions.txt on the bare
// prefix+root, in lower case and in capitals.
func TestExceptionsApply(t *testing.T) {
	if len(Exceptions) < 10 {
		t.Fatalf("exceptions.txt has %d entries", len(Exceptions))
	}
	for _, e := range Exceptions {
		for _, w := range []string{e.Prefix + e.Root, strings.ToUpper(e.Prefix + e.Root)} {
			want := ToCyrillic(e.Prefix) + ToCyrillic(e.Root)
			if unicode.IsUpper([]rune(w)[0]) {
				want = strings.ToUpper(want)
			}
			if got := ToCyrillic(w); got != want {
				t.Errorf("exceptions.txt:%d: ToCyrillic(%q) = %q, want %q", e.Line, w, got, want)
			}
		}
	}
}

func TestParseExceptions(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"nad živ # reason\n", ""},
		{"# comment\n\n  \nnad živ   # reason", ""},
		{"nad živ\n", "exceptions.txt:1: nad živ has no reason after #"},
		{"\nnadživ # r", "exceptions.txt:2: want a prefix, a space and a root, then # and the reason"},
		{"na d živ # r", "exceptions.txt:1: want a prefix, a space and a root, then # and the reason"},
		{"Nad živ # r", `exceptions.txt:1: "Nad": only lower-case Serbian Latin letters`},
		{"nad žiw # r", `exceptions.txt:1: "žiw": only lower-case Serbian Latin letters`},
		{"pod ruka # r", "exceptions.txt:1: pod ruka: the prefix must end in l, n or d and the root start with j or ž (l+j, n+j, d+ž)"},
		{"in žekc # r", "exceptions.txt:1: in žekc: the prefix must end in l, n or d and the root start with j or ž (l+j, n+j, d+ž)"},
	} {
		_, err := parseExceptions(c.in)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("parseExceptions(%q): error %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseLatinNames(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"DCAF # note\n\nIOM\n", ""},
		{"DCAF IOM\n", "latin.txt:1: want one word a line"},
		{"\nDCAF-a # x", `latin.txt:2: "DCAF-a": a name is letters only (endings after a hyphen need no entry)`},
	} {
		_, err := parseLatinNames(c.in)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("parseLatinNames(%q): error %q, want %q", c.in, got, c.want)
		}
	}
	names, err := parseLatinNames(latinFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if got := ToCyrillic(n + "-a"); got != n+"-а" {
			t.Errorf("ToCyrillic(%q) = %q, want the name kept", n+"-a", got)
		}
	}
}

func BenchmarkToCyrillic(b *testing.B) {
	latin, _ := ToLatin(readSeed(b))
	b.SetBytes(int64(len(latin)))
	b.ReportAllocs()
	for b.Loop() {
		ToCyrillic(latin)
	}
}
