package pages

import (
	"bytes"
	"github.com/regionaldialogue/site/tools/siteconfig"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/regionaldialogue/site/tools/document"
)

var exampleDoc = document.Document{
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

func TestFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		v    Version
		want string
	}{
		{Version{Lang: "sr", OriginalLang: "sr", Wording: siteconfig.Wording{Dates: "26–27. новембар 2015.",
			PlaceDates: "Београд, 26–27. новембар 2015.", TypePlaceDates: "Закључци · Београд, 26–27. новембар 2015."}}, `title: Управљање миграцијама, заштита избеглица и борба против организованог криминала
description: 'Први пасус: текст.'
date: "2015-11-26"
slug: 2015-11-26-beograd-zakljucci
translationKey: 000_1dc8ae94338e037f
params:
  generated: true
  subtitle: одговори на националном нивоу и регионална сарадња
  documentType: Закључци
  place: Београд
  eventStart: "2015-11-26"
  eventEnd: "2015-11-27"
  source: 000_1dc8ae94338e037f.txt
  sourceSHA256: 681c6a2b3f0e8d7a
  dateLine: Београд, 26 – 27. новембар 2015. године
  originalLanguage: sr
  dates: 26–27. новембар 2015.
  placeDates: Београд, 26–27. новембар 2015.
  typePlaceDates: Закључци · Београд, 26–27. новембар 2015.
`},
		{Version{Lang: "sr-latn", OriginalLang: "sr", Transliterated: true}, `  originalLanguage: sr
  transliterated: true
`},
		{Version{Lang: "en", OriginalLang: "sr", TranslationFile: "000_1dc8ae94338e037f.en.md"}, `  sourceSHA256: 681c6a2b3f0e8d7a
  originalLanguage: sr
  translation: true
  translationSource: 000_1dc8ae94338e037f.en.md
`},
	} {
		fm := newFrontMatter(&exampleDoc, tc.v, "2015-11-26-beograd-zakljucci")
		var buf bytes.Buffer
		if err := writeFrontMatter(&buf, &fm); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(buf.String(), tc.want) || tc.v.Lang == "sr" && buf.String() != tc.want {
			t.Errorf("%s: front matter\n%s\nwant it to end with\n%s", tc.v.Lang, buf.String(), tc.want)
		}
	}
}

// TestFrontMatterScalars checks how values that YAML could misread are
// written: quoted so that they read back as the same text.
func TestFrontMatterScalars(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"Наслов", "title: Наслов"},
		{"Закључак: 'први'", "title: 'Закључак: ''први'''"},
		{"1234", `title: "1234"`},
		{"2015-11-26", `title: "2015-11-26"`},
		{"true", `title: "true"`},
		{"yes", `title: "yes"`},
		{"- одговор #1", "title: '- одговор #1'"},
		{"a #b", "title: 'a #b'"},
		{" x", "title: ' x'"},
		{"а\tб", `title: "а\tб"`},
		{"😀", `title: "\U0001F600"`},
		{"први\nдруги", "title: |-\n  први\n  други"},
	} {
		d := exampleDoc
		d.Title = tc.title
		fm := newFrontMatter(&d, Version{Lang: "sr", OriginalLang: "sr"}, "slug")
		var buf bytes.Buffer
		if err := writeFrontMatter(&buf, &fm); err != nil {
			t.Fatal(err)
		}
		got, _, _ := strings.Cut(buf.String(), "\ndescription:")
		if got != tc.want {
			t.Errorf("title %q: written as %q, want %q", tc.title, got, tc.want)
		}
		var back frontMatter
		if err := yaml.Unmarshal(buf.Bytes(), &back); err != nil || !reflect.DeepEqual(back, fm) {
			t.Errorf("title %q: reads back as %+v (%v)", tc.title, back, err)
		}
	}
}

// FuzzFrontMatter checks that any title as the document holds it (one
// line of valid UTF-8 without control characters) reads back from the
// front matter as written.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{"Београд", "2015-11-26", "a: b", " x", "true", "0x1F", "1:30", "'\"\\", "- x", "a #b", "\u2028", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		if !utf8.ValidString(title) || strings.ContainsFunc(title, unicode.IsControl) {
			return
		}
		d := exampleDoc
		d.Title = title
		fm := newFrontMatter(&d, Version{Lang: "sr", OriginalLang: "sr"}, "slug")
		var buf bytes.Buffer
		if err := writeFrontMatter(&buf, &fm); err != nil {
			t.Fatal(err)
		}
		var back frontMatter
		if err := yaml.Unmarshal(buf.Bytes(), &back); err != nil || back.Title != title {
			t.Errorf("title %q reads back as %q (%v)", title, back.Title, err)
		}
	})
}
