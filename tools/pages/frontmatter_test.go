package pages

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/regionaldialogue/site/tools/document"
)

// encoded returns s as yaml.v3 encodes it as the value of a mapping, and
// whether appendScalar gives the same.
func encoded(t testing.TB, s string) (want, got string, ok bool) {
	t.Helper()
	out, err := yaml.Marshal(struct {
		V string `yaml:"v"`
	}{s})
	if err != nil {
		t.Fatalf("yaml.Marshal(%q): %v", s, err)
	}
	want = strings.TrimSuffix(strings.TrimPrefix(string(out), "v: "), "\n")
	b, ok := appendScalar(nil, s)
	return want, string(b), ok
}

// TestScalar checks appendScalar against yaml.v3 on strings of every style,
// and that it handles (ok) the ones it should.
func TestScalar(t *testing.T) {
	for _, tc := range []struct {
		s  string
		ok bool
	}{
		// Plain.
		{"Управљање миграцијама, заштита избеглица", true},
		{"Upravljanje migracijama: odgovori na nivou", true},
		{"Belgrade", true},
		{"sr", true},
		{"sr-latn", true},
		{"000_1dc8ae94338e037f", true},
		{"000_1dc8ae94338e037f.en.md", true},
		{"2015-11-26-beograd-zakljucci", true},
		{"681c6a2b3f0e", true},
		{"Beograd, 26 – 27. novembar 2015. godine", true},
		{"a#b", true},
		{"a:b", true},
		{"x-", true},
		{"-x", true},
		{"<<", true},
		{"yes please", true},
		{"Trueish", true},
		{"1.2.3", true},
		{"0x1G", true},
		{"1_000x", true},
		{"Текст са *звездицама* и _подвлакама_", true},
		{"a'b\"c\\d", true},
		{"…", true},
		{"\u00a0", true},
		{"\ufffd", true},
		// Single quoted.
		{"Закључак:", true},
		{"key: value", true},
		{"a #comment", true},
		{" leading", true},
		{"trailing ", true},
		{"---", true},
		{"...x", true},
		{"- item", true},
		{"? q", true},
		{": c", true},
		{"#hash", true},
		{"'quoted'", true},
		{"\"quoted\"", true},
		{"*star", true},
		{"&amp", true},
		{"!bang", true},
		{"|pipe", true},
		{">gt", true},
		{"%pct", true},
		{"@at", true},
		{"`tick", true},
		{",comma", true},
		{"[x]", true},
		{"{x}", true},
		{"it's: here", true},
		{" ", true},
		// Double quoted: another type when plain.
		{"2015-11-26", true},
		{"2015-1-2", true},
		{"2015-11-26 10:00:00", true},
		{"2015-11-26T10:00:00Z", true},
		{"2015-11-26t10:00:00.5+01:00", true},
		{"2015-11-261", true},
		{"2015-11-26x", true},
		{"2015-111-26", true},
		{"2015-11-", true},
		{"2015-1-2 ", true},
		{"2015-02-30", true},
		{"2015-13-01", true},
		{"true", true},
		{"False", true},
		{"null", true},
		{"~", true},
		{"yes", true},
		{"N", true},
		{"off", true},
		{"123", true},
		{"-12", true},
		{"+1_000", true},
		{"0x1F", true},
		{"0o17", true},
		{"-0o17", true},
		{"0b101", true},
		{"-0b101", true},
		{"1e5", true},
		{"-1.5", true},
		{".5", true},
		{".inf", true},
		{"-.Inf", true},
		{".NaN", true},
		{"1:30", true},
		{"-1:30:00.5", true},
		{"18446744073709551615", true},
		{"99999999999999999999", true},
		{"1e999", true},
		// Outside the domain: left to yaml.v3.
		{"", false},
		{"two\nlines", false},
		{"tab\there", false},
		{"cr\r", false},
		{"nel\u0085", false},
		{"ls\u2028", false},
		{"ps\u2029", false},
		{"bom\ufeff", false},
		{"\ufffe", false},
		{"del\x7f", false},
		{"emoji 😀", false},
		{"invalid \xff", false},
		{"c1 \u0080", false},
	} {
		want, got, ok := encoded(t, tc.s)
		if ok != tc.ok {
			t.Errorf("appendScalar(%q): ok = %v, want %v", tc.s, ok, tc.ok)
		}
		if ok && got != want {
			t.Errorf("appendScalar(%q) = %s, yaml.v3 writes %s", tc.s, got, want)
		}
	}
}

// FuzzScalar checks that whatever appendScalar writes is what yaml.v3
// writes.
func FuzzScalar(f *testing.F) {
	for _, s := range []string{"Београд", "2015-11-26", "2015-1-2T3:4:5Z", "2015-11-26-beograd", "a: b", " x", "true", "0x1F", "1:30", "'\"\\", "- x", "a #b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want, got, ok := encoded(t, s); ok && got != want {
			t.Errorf("appendScalar(%q) = %s, yaml.v3 writes %s", s, got, want)
		}
	})
}

// TestFrontMatter checks that the front matter written by hand is the
// encoder's, with and without the optional fields, and that a value the
// writer does not handle leaves the whole front matter to the encoder.
func TestFrontMatter(t *testing.T) {
	doc := &document.Document{
		ID: "000_1dc8ae94338e037f", Source: "000_1dc8ae94338e037f.txt",
		SourceSHA256: "681c6a2b3f0e8d7a",
		Title:        "Управљање миграцијама, заштита избеглица и борба против организованог криминала",
		Subtitle:     "одговори на националном нивоу и регионална сарадња",
		Place:        "Београд",
		Start:        document.Date{Year: 2015, Month: 11, Day: 26},
		End:          document.Date{Year: 2015, Month: 11, Day: 27},
		DateLine:     "Београд, 26 – 27. новембар 2015. године",
		Type:         "Закључци",
		Blocks: []document.Block{
			{Kind: document.Heading, Text: "Закључци", ID: "s1"},
			{Kind: document.Paragraph, Text: "Први пасус: текст. Друга реченица.", ID: "p1"},
		},
	}
	versions := []Version{
		{Lang: "sr", OriginalLang: "sr"},
		{Lang: "sr-latn", OriginalLang: "sr", Transliterated: true},
		{Lang: "en", OriginalLang: "sr", TranslationFile: "000_1dc8ae94338e037f.en.md"},
	}
	edits := map[string]func(d *document.Document){
		"as is":           func(d *document.Document) {},
		"no subtitle":     func(d *document.Document) { d.Subtitle = "" },
		"no date line":    func(d *document.Document) { d.DateLine = "" },
		"quoted title":    func(d *document.Document) { d.Title = "Закључак: 'први'" },
		"numeric place":   func(d *document.Document) { d.Place = "1234" },
		"summary":         func(d *document.Document) { d.Summary = "- одговор #1" },
		"two-line title":  func(d *document.Document) { d.Title = "први\nдруги" },
		"empty title":     func(d *document.Document) { d.Title = "" },
		"emoji subtitle":  func(d *document.Document) { d.Subtitle = "😀" },
		"invalid UTF-8":   func(d *document.Document) { d.Place = "\xff" },
		"tab in the type": func(d *document.Document) { d.Type = "а\tб" },
	}
	for name, edit := range edits {
		d := *doc
		edit(&d)
		for _, v := range versions {
			fm := newFrontMatter(&d, v, "2015-11-26-beograd-zakljucci")
			var want, got bytes.Buffer
			if err := encodeFrontMatter(&want, &fm); err != nil {
				t.Fatal(err)
			}
			ok := appendFrontMatter(&got, &fm)
			if ok && got.String() != want.String() {
				t.Errorf("%s, %s: by hand:\n%s\nyaml.v3:\n%s", name, v.Lang, got.String(), want.String())
			}
			if !ok && !strings.Contains(name, "title") && !strings.Contains(name, "emoji") && !strings.Contains(name, "invalid") && !strings.Contains(name, "tab") {
				t.Errorf("%s, %s: not written by hand", name, v.Lang)
			}
			var page bytes.Buffer
			if err := writeFrontMatter(&page, &fm); err != nil {
				t.Fatal(err)
			}
			if page.String() != want.String() {
				t.Errorf("%s, %s: writeFrontMatter:\n%s\nyaml.v3:\n%s", name, v.Lang, page.String(), want.String())
			}
		}
	}
}

// TestAppendPage checks that AppendPage keeps what dst holds and adds
// exactly the page Page returns, whether dst has room for it or not.
func TestAppendPage(t *testing.T) {
	doc := &document.Document{
		ID: "a", Source: "a.txt", Title: "Наслов", Place: "Београд", Type: "Закључци",
		Start: document.Date{Year: 2016, Month: 3, Day: 3}, End: document.Date{Year: 2016, Month: 3, Day: 3},
		Blocks: []document.Block{
			{Kind: document.Heading, Text: "Закључци", ID: "s1"},
			{Kind: document.BulletList, Items: []document.Item{{Text: "прво *", ID: "i1"}, {Text: "друго", ID: "i2"}}},
		},
	}
	v := Version{Lang: "sr", OriginalLang: "sr"}
	want, err := Page(doc, v, "2016-03-03-beograd-zakljucci")
	if err != nil {
		t.Fatal(err)
	}
	for _, dst := range [][]byte{nil, []byte("prefix"), make([]byte, 0, 1<<16), append(make([]byte, 0, 1<<16), "prefix"...)} {
		prefix := string(dst)
		got, err := AppendPage(dst, doc, v, "2016-03-03-beograd-zakljucci")
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != prefix+string(want) {
			t.Errorf("AppendPage(%q, cap %d) =\n%s\nwant the prefix and\n%s", prefix, cap(dst), got, want)
		}
	}
}

// FuzzTimestamp checks isTimestamp's shortcut (dateFirst) against trying
// every layout.
func FuzzTimestamp(f *testing.F) {
	for _, s := range []string{"2015-11-26", "2015-1-2T3:4:5Z", "2015-11-26 10:00:00", "2015-11-26-beograd", "2015-11-261", "2015-1-2t1:2:3+01:00",
		"0000-02-29", "1900-02-29", "2000-02-29", "2015-02-29", "2016-2-29", "2015-4-31", "2015-0-1", "2015-12-0", "2015-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		for _, format := range timestampFormats {
			if _, err := time.Parse(format, s); err == nil {
				want = true
			}
		}
		if got := isTimestamp(s); got != want {
			t.Errorf("isTimestamp(%q) = %v, want %v", s, got, want)
		}
	})
}
