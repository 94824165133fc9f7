package translit

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	latinSeed, _ := ToLatin(string(seed))
	for _, c := range []struct {
		name string
		text string
		want Script
	}{
		{"the seed", string(seed), Cyrillic},
		{"the seed in Latin", latinSeed, Latin},
		{"Cyrillic", "Закључци", Cyrillic},
		{"Latin", "Zaključci", Latin},
		{"Cyrillic with Latin names", "DCAF, UNHCR, IOM и OSCE, Washington, XXI, https://www.dcaf.ch/ и Београд", Cyrillic},
		{"names only", "DCAF UNHCR XXI www.dcaf.ch", Unknown},
		{"no letters", "2015. – 1, 2, 3", Unknown},
		{"empty", "", Unknown},
		{"tie", "ab аб", Unknown},
		{"more Latin", "Beograd i Нови Сад, Niš i Subotica", Latin},
	} {
		if got := Detect(strings.Split(c.text, "\n")); got != c.want {
			t.Errorf("%s: Detect = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestCheck checks the first problem Check finds in each case.
func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name   string
		lines  []string
		script Script
		want   string // Problem.Error(), or "" for none
		word   string
	}{
		{"Cyrillic", []string{"Закључци", "Београд, 26 – 27. новембар 2015."}, Cyrillic, "", ""},
		{"Latin names in Cyrillic", []string{"Женевски центар (DCAF), UNHCR-ом, IOM, Frontex, XXI век, COVID-19, 5 km"}, Cyrillic, "", ""},
		{"links in Cyrillic", []string{"види https://www.parlament.gov.rs/dokumenti/ и info@dcaf.ch"}, Cyrillic, "", ""},
		{"foreign words in Cyrillic", []string{"у Washington-у и New York-у"}, Cyrillic, "", ""},
		{"Word debris", []string{"[bookmark: _GoBack]\tУчесници"}, Cyrillic, "", ""},
		{"Latin word in Cyrillic", []string{"Закључци", "Регионални dijalog о миграцијама"}, Cyrillic,
			`2:12: Latin word "dijalog" in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt)`, "dijalog"},
		{"Serbian abbreviation in Latin", []string{"чланице EU"}, Cyrillic,
			`1:9: Latin word "EU" in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt)`, "EU"},
		{"mixed word", []string{"Рeпублика Србија"}, Cyrillic, `1:1: word "Рeпублика" mixes Cyrillic and Latin letters`, "Рeпублика"},
		{"mixed word in Latin", []string{"Republika Srbijа"}, Latin, `1:11: word "Srbijа" mixes Cyrillic and Latin letters`, "Srbijа"},
		{"mixed with a foreign letter", []string{"Wашингтон"}, Cyrillic, `1:1: word "Wашингтон" mixes Cyrillic and Latin letters`, "Wашингтон"},
		{"Cyrillic word in Latin", []string{"Zaključci", "Beograd i Нови Sad"}, Latin, `2:11: Cyrillic word "Нови" in Latin text`, "Нови"},
		{"Latin", []string{"Zaključci (DCAF), XXI vek"}, Latin, "", ""},
		{"Macedonian letter", []string{"Закључци", "Ѓорѓе Иванов и Скопје"}, Cyrillic, `2:1: letter Ѓ (U+0403) in "Ѓорѓе" is not in the Serbian alphabet`, "Ѓорѓе"},
		{"Macedonian letter inside", []string{"у Скопју, кај Ѕвездата"}, Cyrillic, `1:15: letter Ѕ (U+0405) in "Ѕвездата" is not in the Serbian alphabet`, "Ѕвездата"},
		{"Russian letter in Latin", []string{"Beograd, Moskvы"}, Latin, `1:15: letter ы (U+044B) in "Moskvы" is not in the Serbian alphabet`, "Moskvы"},
		{"columns count characters", []string{"Ђурђевдан ђ ж š"}, Cyrillic,
			`1:15: Latin word "š" in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt)`, "š"},
		{"unknown checks letters only", []string{"Beograd и Нови Сад"}, Unknown, "", ""},
		{"unknown and a foreign letter", []string{"Beograd и Ѓ"}, Unknown, `1:11: letter Ѓ (U+0403) in "Ѓ" is not in the Serbian alphabet`, "Ѓ"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := Check(c.lines, c.script)
			got, word := "", ""
			if len(ps) > 0 {
				got, word = ps[0].Error(), ps[0].Word
			}
			if got != c.want || word != c.word {
				t.Errorf("Check(%q, %v) = %q (word %q), want %q (word %q)", c.lines, c.script, got, word, c.want, c.word)
			}
		})
	}
}

// TestCheckSeed checks the seed against its script: a real Cyrillic
// document with a Latin acronym passes.
func TestCheckSeed(t *testing.T) {
	lines := strings.Split(readSeed(t), "\n")
	for _, p := range Check(lines, Detect(lines)) {
		t.Errorf("%s:%v", seedPath, &p)
	}
}

func TestCheckAll(t *testing.T) {
	lines := []string{"Закључци о EU и Ѓорѓу", "Рeпублика и OEBS"}
	var got []string
	for _, p := range Check(lines, Cyrillic) {
		got = append(got, fmt.Sprintf("%d %v %q", p.Kind, &p, p.Word))
	}
	want := []string{
		`3 1:12: Latin word "EU" in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt) "EU"`,
		`1 1:17: letter Ѓ (U+0403) in "Ѓорѓу" is not in the Serbian alphabet "Ѓорѓу"`,
		`2 2:1: word "Рeпублика" mixes Cyrillic and Latin letters "Рeпублика"`,
		`3 2:13: Latin word "OEBS" in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt) "OEBS"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func BenchmarkDetectAndCheck(b *testing.B) {
	lines := strings.Split(readSeed(b), "\n")
	b.ReportAllocs()
	for b.Loop() {
		Check(lines, Detect(lines))
	}
}
