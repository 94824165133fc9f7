package translation

import (
	"errors"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/seedparse"
)

const seed = "Наслов\n- поднаслов -\nБеоград, 3. март 2016.\nЗакључци\nУчесници су се сложили:\n· прво,\n· друго.\nКрај 2016. године, уз DCAF.\n"

const good = `---
title: Title
subtitle: subtitle
place: Belgrade
---

## Conclusions

The participants *agreed*:

- first \[1\] &amp; [more](http://example.com),
- second ` + "`x*y`" + `.

The end of 2016, with DCAF.
`

func TestRead(t *testing.T) {
	orig, err := seedparse.Parse("seeds/a.txt", []byte(seed))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Read("seeds/a.en.md", []byte(good), orig, "seeds/a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if tr.Title != "Title" || tr.Subtitle != "subtitle" || tr.Place != "Belgrade" || tr.Type != "Conclusions" {
		t.Errorf("header: %q %q %q %q", tr.Title, tr.Subtitle, tr.Place, tr.Type)
	}
	if tr.Start != orig.Start || tr.SourceSHA256 != orig.SourceSHA256 {
		t.Error("dates or source not the original's")
	}
	items := tr.Blocks[2].Items
	if items[0].Text != "first [1] & more," || items[1].Text != "second x*y." || items[0].ID != "b1" {
		t.Errorf("items: %+v", items)
	}
	if tr.Blocks[1].Text != "The participants agreed:" || !tr.Blocks[1].IntroducesList || tr.Blocks[1].ID != "p1" {
		t.Errorf("paragraph: %+v", tr.Blocks[1])
	}
}

func TestReadErrors(t *testing.T) {
	orig, err := seedparse.Parse("seeds/a.txt", []byte(seed))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, data, err string }{
		{"empty", " \n", "seeds/a.en.md:1: empty translation"},
		{"no subtitle", strings.Replace(good, "subtitle: subtitle\n", "", 1), "seeds/a.en.md:1: front matter: no subtitle, but the original has one (seeds/a.txt)"},
		{"title not text", strings.Replace(good, "title: Title", "title: [a, b]", 1), "seeds/a.en.md:1: front matter: title must be text, not []interface {}"},
		{"a quote", strings.Replace(good, "The end", "> The end", 1), "seeds/a.en.md:14: unsupported Markdown block (Blockquote): use headings, paragraphs and lists as the original does"},
		{"raw HTML", strings.Replace(good, "The end", "The <b>end</b>", 1), "seeds/a.en.md:14: raw HTML is not allowed in a translation"},
		{"an extra block", good + "\nMore.\n", "seeds/a.en.md:16: block 5 (a paragraph) has no counterpart: the original (seeds/a.txt) has 4 blocks"},
		{"a second paragraph in an item", strings.Replace(good, "- second", "\n  More of the first.\n\n- second", 1), "seeds/a.en.md:13: a second paragraph in item 1 of block 3: a list item is one paragraph, as in the original (seeds/a.txt:6)"},
		{"duplicate key", strings.Replace(good, "place: Belgrade\n", "place: Belgrade\ntitle: Other\n", 1), `seeds/a.en.md:5: front matter: key "title" given twice (first at line 2)`},
		{"bad YAML value", strings.Replace(good, "place: Belgrade", "place: [Belgrade", 1), "seeds/a.en.md:4: front matter: did not find expected ',' or ']'"},
		{"thematic break", strings.Replace(good, "The end", "***\n\nThe end", 1), "seeds/a.en.md:14: unsupported Markdown block (ThematicBreak): use headings, paragraphs and lists as the original does"},
		{"another year", strings.Replace(good, "2016", "2017", 1), `seeds/a.en.md:14: block 4 (a paragraph) lacks "2016", which block 4 of the original (seeds/a.txt:8) has: numbers, dates and Latin acronyms must be the same`},
		{"no acronym", strings.Replace(good, ", with DCAF", "", 1), `seeds/a.en.md:14: block 4 (a paragraph) lacks "DCAF", which block 4 of the original (seeds/a.txt:8) has: numbers, dates and Latin acronyms must be the same`},
		{"heading for paragraph", strings.Replace(good, "The end of 2016, with DCAF.", "## The end", 1), "seeds/a.en.md:14: block 4 is a heading, but block 4 of the original (seeds/a.txt:8) is a paragraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("seeds/a.en.md", []byte(tt.data), orig, "seeds/a.txt")
			if err == nil || err.Error() != tt.err {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.err)
			}
		})
	}
}

const nestedSeed = "Наслов\nБеоград, 3. март 2016.\nЗакључци\nУчесници:\n1. први:\nа) прво,\nб) друго,\n2. други.\n"

func TestReadSubItems(t *testing.T) {
	orig, err := seedparse.Parse("seeds/a.txt", []byte(nestedSeed))
	if err != nil {
		t.Fatal(err)
	}
	const tr = "---\ntitle: Title\nplace: Belgrade\n---\n\n## Conclusions\n\nThe participants:\n\n1. first:\n   - a) one,\n   - b) two,\n2. second.\n"
	doc, err := Read("seeds/a.en.md", []byte(tr), orig, "seeds/a.txt")
	if err != nil {
		t.Fatal(err)
	}
	first := doc.Blocks[2].Items[0]
	if first.Text != "first:" || len(first.Items) != 2 || first.Items[1].Text != "b) two," || first.Items[1].ID != "n1b" {
		t.Errorf("first item: %+v", first)
	}
	for _, tc := range []struct{ name, data, err string }{
		{"a sub-item missing", strings.Replace(tr, "   - b) two,\n", "", 1), "seeds/a.en.md:10: item 1 of block 3 has 1 sub-item, but the original's (seeds/a.txt:5) has 2"},
		{"sub-items where the original has none", strings.Replace(tr, "2. second.", "2. second:\n   - a) more", 1), "seeds/a.en.md:13: item 2 of block 3 has 1 sub-item, but the original's (seeds/a.txt:8) has 0"},
	} {
		if _, err := Read("seeds/a.en.md", []byte(tc.data), orig, "seeds/a.txt"); err == nil || err.Error() != tc.err {
			t.Errorf("%s: error:\n%v\nwant:\n%s", tc.name, err, tc.err)
		}
	}
}

// FuzzRead feeds arbitrary text to Read as a translation of a small seed:
// it must not panic, and every error must be a *document.Error for the
// file. The corpus in testdata/fuzz/FuzzRead runs as an ordinary test.
func FuzzRead(f *testing.F) {
	orig, err := seedparse.Parse("seeds/a.txt", []byte(nestedSeed))
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("---\ntitle: Title\nplace: Belgrade\n---\n\n## Conclusions\n\nThe participants:\n\n1. first:\n   - a) one,\n   - b) two,\n2. second.\n"))
	f.Add([]byte(good))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Read("seeds/a.en.md", data, orig, "seeds/a.txt")
		var e *document.Error
		if err != nil && (!errors.As(err, &e) || e.File != "seeds/a.en.md") {
			t.Fatalf("error %v is not a *document.Error for the file", err)
		}
	})
}

// TestAnchorsLatinOriginal checks that a Latin-script original's acronyms,
// Serbian ones, need not appear in the translation; its numbers must.
func TestAnchorsLatinOriginal(t *testing.T) {
	orig, err := seedparse.Parse("seeds/b.txt", []byte("Naslov\nBeograd, 3. mart 2016.\nZaključci\nUčesnici iz OEBS su se složili 2016. godine.\n"))
	if err != nil {
		t.Fatal(err)
	}
	const tr = "---\ntitle: Title\nplace: Belgrade\n---\n\n## Conclusions\n\nParticipants from the OSCE agreed in 2016.\n"
	if _, err := Read("seeds/b.en.md", []byte(tr), orig, "seeds/b.txt"); err != nil {
		t.Errorf("acronym of a Latin original: %v", err)
	}
	_, err = Read("seeds/b.en.md", []byte(strings.Replace(tr, "2016", "2017", 1)), orig, "seeds/b.txt")
	if want := `seeds/b.en.md:8: block 2 (a paragraph) lacks "2016", which block 2 of the original (seeds/b.txt:4) has: numbers, dates and Latin acronyms must be the same`; err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}
