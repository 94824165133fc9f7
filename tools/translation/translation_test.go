package translation

import (
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/seedparse"
)

const seed = "Наслов\n- поднаслов -\nБеоград, 3. март 2016.\nЗакључци\nУчесници су се сложили:\n· прво,\n· друго.\nКрај.\n"

const good = `---
title: Title
subtitle: subtitle
place: Belgrade
---

## Conclusions

The participants *agreed*:

- first \[1\] &amp; [more](http://example.com),
- second ` + "`x*y`" + `.

The end.
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
		{"a quote", strings.Replace(good, "The end.", "> The end.", 1), "seeds/a.en.md:14: unsupported Markdown block (Blockquote): use headings, paragraphs and lists as the original does"},
		{"raw HTML", strings.Replace(good, "The end.", "The <b>end</b>.", 1), "seeds/a.en.md:14: raw HTML is not allowed in a translation"},
		{"an extra block", good + "\nMore.\n", "seeds/a.en.md:16: block 5 (a paragraph) has no counterpart: the original (seeds/a.txt) has 4 blocks"},
		{"heading for paragraph", strings.Replace(good, "The end.", "## The end", 1), "seeds/a.en.md:14: block 4 is a heading, but block 4 of the original (seeds/a.txt:8) is a paragraph"},
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
