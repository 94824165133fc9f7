package search

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// foldCases is the table of Fold, shared with js_test.go, which checks that
// static/js/search.js folds every input the same way.
var foldCases = []struct{ in, want string }{
	{"", ""},
	{"zastita", "zastita"},
	{"zaštita", "zastita"},
	{"ZAŠTITA", "zastita"},
	{"заштита", "zastita"},
	{"ЗАШТИТА", "zastita"},
	{"Заштита", "zastita"},
	{"zas\u030Ctita", "zastita"}, // š as s and a combining caron (NFD)
	{"Đorđe", "djordje"},
	{"Ђорђе", "djordje"},
	{"džep", "dzep"},
	{"DŽEP", "dzep"},
	{"ǅep", "dzep"}, // the one-letter digraph U+01C5
	{"џеп", "dzep"},
	{"Џ", "dz"},
	{"ćevapčići", "cevapcici"},
	{"ћевапчићи", "cevapcici"},
	{"žito", "zito"},
	{"жито", "zito"},
	{"Љубљана", "ljubljana"},
	{"Његош", "njegos"},
	{"NJEGOŠ", "njegos"},
	{"избеглицама", "izbeglicama"},
	{"Ѓорѓе Ќерка", "gorge kerka"}, // Macedonian: the marks go
	{"Refugees", "refugees"},
	{"naïve café", "naive cafe"},
	{"ﬁnance", "finance"}, // the fi ligature
	{"Straße", "strasse"},
	{"İstanbul", "istanbul"},
	{"DCAF (UNHCR) 2015.", "dcaf (unhcr) 2015."},
	{"<>\"'&.*+?^${}()|[]\\", "<>\"'&.*+?^${}()|[]\\"},
	{"Ελλάδα", "ελλαδα"},
}

func TestFold(t *testing.T) {
	for _, c := range foldCases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// wordsCases is the table of Words, shared with js_test.go.
var wordsCases = []struct {
	in, lang string
	want     []string
}{
	{"", "sr", nil},
	{"Заштита избеглица", "sr", []string{"zastita", "izbeglica"}},
	{"regionalna saradnja — DCAF, 2015.", "sr-latn", []string{"regionalna", "saradnja", "dcaf", "2015"}},
	{"COVID-19", "sr", []string{"covid", "19"}},
	{"The refugees' policies", "en", []string{"the", "refugee", "policy"}},
	{"managed migrating processes", "en", []string{"manag", "migrat", "process"}},
	{"status analysis class", "en", []string{"status", "analysis", "class"}},
	{"bus is as", "en", []string{"bus", "is", "as"}},
	{"<b>a&amp;b</b>", "en", []string{"b", "a", "amp", "b", "b"}},
}

func TestWords(t *testing.T) {
	for _, c := range wordsCases {
		if got := Words(c.in, c.lang); !slices.Equal(got, c.want) {
			t.Errorf("Words(%q, %q) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"refugees": "refugee", "policies": "policy", "ties": "tie", "classes": "class",
		"organising": "organis", "sing": "sing", "managed": "manag", "red": "red",
		"cats": "cat", "its": "its", "bus": "bus", "analysis": "analysis", "glass": "glass",
		"naïves": "naïve",
	} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

// queryStemCases is the table of QueryStem, shared with js_test.go.
var queryStemCases = []struct{ in, lang, want string }{
	{"zastita", "sr", "zastit"},
	{"izbeglicama", "sr-latn", "izbeglic"},
	{"zastitom", "sr", "zastit"},
	{"saradnja", "sr", "saradnj"},
	{"borba", "sr", "borb"},
	{"beograd", "sr", "beograd"},
	{"eu", "sr", "eu"},
	{"zasa", "sr", "zasa"},
	{"refugee", "en", "refugee"},
	{"izbeglic", "sr", "izbeglic"},
}

func TestQueryStem(t *testing.T) {
	for _, c := range queryStemCases {
		if got := QueryStem(c.in, c.lang); got != c.want {
			t.Errorf("QueryStem(%q, %q) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"zastita": "zas", "eu": "eu", "zas": "zas", "ελλαδα": "ελλ", "1": "1",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"zas": "zas", "ελλ": "_3b5__3bb__3bb_", "a.b": "a_2e_b",
	} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if k2 := Fold(k); k2 != k {
			t.Errorf("Fold not idempotent: Fold(%q) = %q, Fold of that = %q", s, k, k2)
		}
		for _, w := range Words(s, "en") {
			if w == "" || !utf8.ValidString(w) && utf8.ValidString(s) {
				t.Errorf("Words(%q) has %q", s, w)
			}
		}
		_ = FileName(Key(k))
	})
}
