package seedparse

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/regionaldialogue/site/tools/document"
)

func TestParseDateLine(t *testing.T) {
	d := func(y, m, day int) string { return document.Date{Year: y, Month: timeMonth(m), Day: day}.String() }
	tests := []struct {
		line, place, start, end string
	}{
		{"Београд, 26 – 27. новембар 2015. године", "Београд", d(2015, 11, 26), d(2015, 11, 27)},
		{"Нови Сад, 3. март 2016. године", "Нови Сад", d(2016, 3, 3), d(2016, 3, 3)},
		{"Ниш, 30. новембар – 1. децембар 2016.", "Ниш", d(2016, 11, 30), d(2016, 12, 1)},
		{"Подгорица, 5. и 6. јун 2018.", "Подгорица", d(2018, 6, 5), d(2018, 6, 6)},
		{"Љубљана, 12 - 14. маја 2017. године", "Љубљана", d(2017, 5, 12), d(2017, 5, 14)},
		{"Скопље, 30. децембар 2018. – 2. јануар 2019. године", "Скопље", d(2018, 12, 30), d(2019, 1, 2)},
		{"Скопље, 30. децембар – 2. јануар 2019.", "Скопље", d(2018, 12, 30), d(2019, 1, 2)},
		{"Сарајево, 10. фебруара 2021. године", "Сарајево", d(2021, 2, 10), d(2021, 2, 10)},
		{"Beograd, 26 – 27. novembar 2015. godine", "Beograd", d(2015, 11, 26), d(2015, 11, 27)},
		{"Београд, Србија, 1. јул 2020", "Београд, Србија", d(2020, 7, 1), d(2020, 7, 1)},
		{"Тирана, 29. фебруар 2024.", "Тирана", d(2024, 2, 29), d(2024, 2, 29)},
		{"Будва, 26.–27. новембра 2015.", "Будва", d(2015, 11, 26), d(2015, 11, 27)},
		// Written with numbers.
		{"Београд, 26.11.2015.", "Београд", d(2015, 11, 26), d(2015, 11, 26)},
		{"Београд, 3. 3. 2016. године", "Београд", d(2016, 3, 3), d(2016, 3, 3)},
		// A venue after the date.
		{"Београд, 26 – 27. новембар 2015. године, Дом Народне скупштине", "Београд", d(2015, 11, 26), d(2015, 11, 27)},
		{"Београд, 3. март 2016, Палата Србија", "Београд", d(2016, 3, 3), d(2016, 3, 3)},
	}
	months := []string{"јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар", "децембар"}
	genitive := []string{"јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра", "новембра", "децембра"}
	for i := range months {
		tests = append(tests,
			struct{ line, place, start, end string }{"Ниш, 1. " + months[i] + " 2020.", "Ниш", d(2020, i+1, 1), d(2020, i+1, 1)},
			struct{ line, place, start, end string }{"Ниш, 1. " + genitive[i] + " 2020. године", "Ниш", d(2020, i+1, 1), d(2020, i+1, 1)})
	}
	for _, tt := range tests {
		place, start, end, err := parseDateLine(tt.line)
		if err != nil {
			t.Errorf("parseDateLine(%q): %v", tt.line, err)
			continue
		}
		if place != tt.place || start.String() != tt.start || end.String() != tt.end {
			t.Errorf("parseDateLine(%q) = %q %s %s, want %q %s %s", tt.line, place, start, end, tt.place, tt.start, tt.end)
		}
	}
}

func TestParseDateLineErrors(t *testing.T) {
	tests := []struct{ line, err string }{
		{"Београд, 26. новембр 2015.", `unknown month "новембр"`},
		{"Београд, 31. фебруар 2016.", "no such day: 31.2.2016"},
		{"Београд, 27 – 26. новембар 2015.", "the range ends (2015-11-26) before it starts (2015-11-27)"},
		{"Београд, 26. новембар", "a date needs day, month and year"},
		{"Београд, 26 27. новембар 2015.", "two days 26 and 27 without a range sign between them"},
		{"Београд, 26.13.2015.", "no such day: 26.13.2015"},
		{"Београд, 26.11.", "a date needs day, month and year"},
		{"Београд, 3. март 2016. Дом Народне скупштине", `unexpected "Дом" after the date: a venue may follow the date after a comma ("2016., Дом …")`},
	}
	for _, tt := range tests {
		_, _, _, err := parseDateLine(tt.line)
		if err == nil || err.Error() != tt.err {
			t.Errorf("parseDateLine(%q) error = %v, want %q", tt.line, err, tt.err)
		}
	}
	// Lines not shaped like a place, a comma and a day.
	for _, line := range []string{"Закључци", "Београд 3. март 2016.", "3, март", ",3. март", ", 3. март", "Београд, март 3.", "Београд, x3. март"} {
		if _, _, _, err := parseDateLine(line); err != errNotDate {
			t.Errorf("parseDateLine(%q) = %v, want errNotDate", line, err)
		}
	}
}

const header = "Наслов\nБеоград, 3. март 2016.\nЗакључци\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		err  string
	}{
		{"empty", "", "seeds/x.txt:1: empty file: a seed needs a title, a date line and text"},
		{"whitespace only", " \r\n\t\n  \n", "seeds/x.txt:1: empty file: a seed needs a title, a date line and text"},
		{"no date line", "Наслов\n- поднаслов -\nЗакључци\nТекст.\n", `seeds/x.txt:3: no date line: expected "Place, DD. month YYYY."`},
		{"no date line, no subtitle", "Наслов\nЗакључци\nТекст.\n", `seeds/x.txt:2: no date line: expected "Place, DD. month YYYY."`},
		{"bad date", "Наслов\nБеоград, 31. јун 2016.\nЗакључци\nТекст.\n", `seeds/x.txt:2: bad date line: no such day: 31.6.2016: expected "Place, DD. month YYYY."`},
		{"no title", "Београд, 3. март 2016.\nЗакључци\nТекст.\n", "seeds/x.txt:1: no title: the first line is the date line"},
		{"only subtitle", "- поднаслов -\nБеоград, 3. март 2016.\nЗакључци\nТекст.\n", "seeds/x.txt:1: no title: the document starts with its subtitle"},
		{"no type heading", "Наслов\nБеоград, 3. март 2016.\nУчесници су се сложили.\n", `seeds/x.txt:3: no document-type heading after the date line: expected a short line such as "Закључци"`},
		{"title too long", strings.Repeat("Ово је дугачак први ред који се чита као пасус, ", 6) + "крај.\nДруги ред.\nЗакључци\nТекст.\n", `seeds/x.txt:2: no date line: expected "Place, DD. month YYYY." after the title, but the title would be 61 words long: is the date line missing?`},
		{"nothing after type", "Наслов\nБеоград, 3. март 2016.\nЗакључци\n", "seeds/x.txt:3: no text after the document-type heading"},
		{"NUL", header + "Текст\x00.\n", "seeds/x.txt:4: NUL byte at column 6: this is not a plain-text export"},
		{"UTF-16 LE BOM", "\xff\xfeH\x00i\x00", "seeds/x.txt:1: file is UTF-16 text, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 seeds/x.txt > converted.txt && mv converted.txt seeds/x.txt"},
		{"UTF-16 BE no BOM", "\x04\x1d\x04\x30\x04\x41\x04\x3b\x04\x3e\x04\x32\x00\n", "seeds/x.txt:1: file is UTF-16 text, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 seeds/x.txt > converted.txt && mv converted.txt seeds/x.txt"},
		{"Windows-1251", "\xcd\xe0\xf1\xeb\xee\xe2\n\xc1\xe5\xee\xe3\xf0\xe0\xe4, 3. \xec\xe0\xf0\xf2 2016.\n", "seeds/x.txt:1: file is not UTF-8; it looks like Windows-1251 (Cyrillic); convert it with: iconv -f WINDOWS-1251 -t UTF-8 seeds/x.txt > converted.txt && mv converted.txt seeds/x.txt"},
		{"Latin-1", header + "caf\xe9 \xbd \xa9\n", "seeds/x.txt:4: invalid UTF-8 at column 4 (byte 0xE9); save the file as UTF-8 text"},
		{"too large", header + strings.Repeat("Текст. ", MaxSize/10), "seeds/x.txt: file is 12.0 MiB; a seed may be at most 10 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("seeds/x.txt", []byte(tt.data))
			if err == nil || err.Error() != tt.err {
				t.Errorf("error = %v\nwant    %s", err, tt.err)
			}
		})
	}
}

func TestParseType(t *testing.T) {
	for _, typ := range []string{"Закључци", "Закључци:", "закључци", "Zaključci"} {
		doc, err := Parse("seeds/x.txt", []byte("Наслов\nБеоград, 3. март 2016.\n"+typ+"\nТекст.\n"))
		if err != nil {
			t.Errorf("type %q: %v", typ, err)
			continue
		}
		if doc.Type != typ || doc.Blocks[0].Text != typ {
			t.Errorf("type %q: read as %q", typ, doc.Type)
		}
	}
}

func TestParseAccepts(t *testing.T) {
	plain := header + "Текст.\n"
	for name, data := range map[string]string{
		"BOM":        "\xef\xbb\xbf" + plain,
		"CRLF":       strings.ReplaceAll(plain, "\n", "\r\n"),
		"no EOL":     strings.TrimSuffix(plain, "\n"),
		"lone space": plain + " ",
	} {
		doc, err := Parse("seeds/x.txt", []byte(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if doc.Title != "Наслов" || len(doc.Blocks) != 2 || doc.Blocks[1].Text != "Текст." {
			t.Errorf("%s: got %+v", name, doc)
		}
	}
}

func TestParseSeed(t *testing.T) {
	data, err := os.ReadFile("../../seeds/000_1dc8ae94338e037f.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse("seeds/000_1dc8ae94338e037f.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Управљање миграцијама, заштита избеглица и борба против организованог криминала" {
		t.Errorf("title %q", doc.Title)
	}
	if doc.Subtitle != "одговори на националном нивоу и регионална сарадња" {
		t.Errorf("subtitle %q", doc.Subtitle)
	}
	if doc.Place != "Београд" || doc.Start.String() != "2015-11-26" || doc.End.String() != "2015-11-27" || doc.Type != "Закључци" {
		t.Errorf("place %q, %s–%s, type %q", doc.Place, doc.Start, doc.End, doc.Type)
	}
	var shape []string
	for _, b := range doc.Blocks {
		s := b.Kind.String()
		if b.Kind.IsList() {
			s += "×" + strings.Repeat("i", len(b.Items))
		}
		if b.IntroducesList {
			s += ":"
		}
		shape = append(shape, s)
	}
	want := []string{"heading", "paragraph", "paragraph", "paragraph:", "bulleted list×iiii", "paragraph", "paragraph:", "numbered list×iiiiii"}
	if !slices.Equal(shape, want) {
		t.Errorf("blocks %v\nwant   %v", shape, want)
	}
	if got := doc.Blocks[7].Items[2].ID; got != "n3" {
		t.Errorf("third conclusion has id %q, want n3", got)
	}
	if strings.Contains(doc.Blocks[6].Text, "bookmark") || strings.HasPrefix(doc.Blocks[6].Text, " ") {
		t.Errorf("debris left in %q", doc.Blocks[6].Text)
	}
}

// TestNothingLost checks, on every seed the tests know, that the words of
// the document are the words of the seed, in order, once the debris is
// gone: only bullet signs, item numbers and a subtitle's dashes may drop out.
// The seeds are the real one and those of the converter's golden cases.
func TestNothingLost(t *testing.T) {
	data, err := os.ReadFile("../../seeds/000_1dc8ae94338e037f.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkNothingLost(t, "seeds/000_1dc8ae94338e037f.txt", data)
	cases, _ := filepath.Glob("../convert/testdata/golden/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no golden cases found")
	}
	for _, c := range cases {
		ar, err := txtar.ParseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasPrefix(f.Name, "seeds/") && strings.HasSuffix(f.Name, ".txt") {
				checkNothingLost(t, c+":"+f.Name, f.Data)
			}
		}
	}
}

// FuzzParse feeds arbitrary text to Parse: it must not panic, and whatever
// it accepts must keep every word. The corpus in testdata/fuzz/FuzzParse
// runs as an ordinary test.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("../../seeds/000_1dc8ae94338e037f.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(header + "· а\n1. б\n2) в\n- г -\nНаслов\nкрај"))
	f.Add([]byte(header + "Учесници:\n1. први:\nа) прво,\n– друго\n2. други\nнаставак.[1]\n3. марта\n2016. године.²\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("seeds/fuzz.txt", data)
		if err != nil {
			var e *document.Error
			if !errors.As(err, &e) || e.File != "seeds/fuzz.txt" {
				t.Fatalf("error %v is not a *document.Error for the file", err)
			}
			return
		}
		got, want := words(documentText(doc)), seedWords(data)
		if !slices.Equal(got, want) {
			t.Fatalf("words lost or changed:\n document %q\n seed     %q", got, want)
		}
		ids := map[string]bool{}
		for _, b := range doc.Blocks {
			for _, id := range blockIDs(b) {
				if id == "" || ids[id] {
					t.Fatalf("id %q empty or used twice", id)
				}
				ids[id] = true
			}
			for _, s := range append([]string{b.Text}, itemTexts(b)...) {
				if s != strings.TrimSpace(s) || strings.Contains(s, "  ") || strings.ContainsFunc(s, unicode.IsControl) {
					t.Fatalf("block text not clean: %q", s)
				}
			}
		}
	})
}

// blockIDs returns the ids of b, its items and their sub-items.
func blockIDs(b document.Block) []string {
	if !b.Kind.IsList() {
		return []string{b.ID}
	}
	var ids []string
	for _, it := range b.Items {
		ids = append(ids, it.ID)
		for _, sub := range it.Items {
			ids = append(ids, sub.ID)
		}
	}
	return ids
}

func itemTexts(b document.Block) []string {
	var s []string
	for _, it := range b.Items {
		s = append(s, it.Text)
		for _, sub := range it.Items {
			s = append(s, sub.Text)
		}
	}
	return s
}

func checkNothingLost(t *testing.T, name string, data []byte) {
	t.Helper()
	doc, err := Parse(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, want := words(documentText(doc)), seedWords(data)
	if !slices.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s: words differ at word %d:\n document: %q\n seed:     %q", name, i, got[i:min(i+5, len(got))], want[i:min(i+5, len(want))])
	}
}

func documentText(doc *document.Document) string {
	parts := []string{doc.Title, doc.Subtitle, doc.DateLine}
	for _, b := range doc.Blocks {
		parts = append(parts, b.Text)
		parts = append(parts, itemTexts(b)...)
	}
	return strings.Join(parts, " ")
}

// bookmark matches Word's bookmark markers, e.g. "[bookmark: _GoBack]".
var bookmark = regexp.MustCompile(`\[bookmark: [^\]\n]*\]`)

// seedWords returns the words of a seed without its debris: a byte order
// mark, bookmarks, and control characters, which count as white space.
func seedWords(data []byte) []string {
	s := bookmark.ReplaceAllString(strings.TrimPrefix(string(data), "\ufeff"), " ")
	return words(strings.Map(func(r rune) rune {
		if isBlank(r) {
			return ' '
		}
		return r
	}, s))
}

var wordRE = regexp.MustCompile(`\S+`)

// words returns the tokens of s that hold a letter: the words a reader
// reads. Bullet signs, dashes and item numbers hold none.
func words(s string) []string {
	var out []string
	for _, w := range wordRE.FindAllString(s, -1) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			out = append(out, w)
		}
	}
	return out
}

func timeMonth(m int) time.Month { return time.Month(m) }

// needsCleaningRunes reports whether s has leading, trailing, doubled or
// non-space white space or control characters, rune by rune.
func needsCleaningRunes(s string) bool {
	prevSpace := true
	for _, r := range s {
		blank := isBlank(r)
		if blank && (prevSpace || r != ' ') {
			return true
		}
		prevSpace = blank
	}
	return prevSpace && s != ""
}

// checkClean checks that clean leaves nothing to clean, and leaves a line
// that needs no cleaning as it is.
func checkClean(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		return // splitLines never passes clean invalid UTF-8
	}
	got := clean(s)
	if needsCleaningRunes(got) {
		t.Errorf("clean(%q) = %q still needs cleaning", s, got)
	}
	if !needsCleaningRunes(s) && !strings.Contains(s, "[bookmark: ") && got != s {
		t.Errorf("clean(%q) = %q, want it unchanged", s, got)
	}
}

func TestClean(t *testing.T) {
	for _, s := range []string{"", "а", "а б", " а", "а ", "а  б", "а\tб", "а\u00a0б", "\u00a0а", "а\u2003", "а\u3000б", "аб\ufeff", "a\x7fb", "Љубљана, 3. март", "а \u00a0б", "\u0085", "а · б", "а – б", "а –  б", "а \u2013\u2003б", "\u2028", "\u205f", "а[bookmark: _GoBack] б", "[bookmark: x]"} {
		checkClean(t, s)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"а · б", "а\u00a0б", " а", "а  б", "\u3000", "x[bookmark: y]z"} {
		f.Add(s)
	}
	f.Fuzz(checkClean)
}

func TestSplitLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []line
		bad  int
	}{
		{"", nil, -1},
		{"\n \n", nil, -1},
		{"а\nб", []line{{1, "а"}, {2, "б"}}, -1},
		{"\nа", []line{{2, "а"}}, -1},
		{"а\r\nб\r\n", []line{{1, "а"}, {2, "б"}}, -1},
		{" а  б\tв \n", []line{{1, "а б в"}}, -1},
		{"[bookmark: _GoBack]\tУчесници", []line{{1, "Учесници"}}, -1},
		{"а[bookmark: x] б\n[bookmark: ]", []line{{1, "а б"}}, -1},
		{"[bookmark:x] [а]", []line{{1, "[bookmark:x] [а]"}}, -1},
		{"а\u00a0б\u2003\nв\ufeff\x7f", []line{{1, "а б"}, {2, "в"}}, -1},
		{"\u0085а\u2028б", []line{{1, "а б"}}, -1},
		{"\ufffd", []line{{1, "\ufffd"}}, -1},
		{"\xff", nil, 0},
		{"а\nб\xffв", nil, 5},
		{"а\xd0", nil, 2},
		{"\xed\xa0\x80", nil, 0},
	} {
		got, bad := splitLines(tc.text)
		if bad != tc.bad || !slices.Equal(got, tc.want) {
			t.Errorf("splitLines(%q) = %v, %d; want %v, %d", tc.text, got, bad, tc.want, tc.bad)
		}
	}
}

// FuzzSplitLines checks what holds for any text: valid UTF-8 gives clean,
// non-empty lines in increasing order; invalid UTF-8 is found.
func FuzzSplitLines(f *testing.F) {
	for _, s := range []string{"а\nб", " а  б\tв \n", "[bookmark: x]а", "а\nб\xffв", "\r\n\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, bad := splitLines(s)
		if !utf8.ValidString(s) {
			if r, size := utf8.DecodeRuneInString(s[max(bad, 0):]); bad < 0 || !utf8.ValidString(s[:bad]) || r != utf8.RuneError || size != 1 {
				t.Errorf("splitLines(%q): bad = %d", s, bad)
			}
			return
		}
		last := 0
		for _, l := range got {
			if l.text == "" || needsCleaningRunes(l.text) || l.n <= last {
				t.Errorf("splitLines(%q): line %v", s, l)
			}
			last = l.n
		}
	})
}
