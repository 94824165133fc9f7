package document

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// nested is a document with every structure the parser makes: headings,
// paragraphs, a bulleted list, a numbered list starting at 3 whose items
// have lettered and dashed sub-items, and a list after a list.
var nested = &Document{Blocks: []Block{
	{Kind: Heading, ID: "s1", Text: "Закључци", Line: 4},
	{Kind: Paragraph, ID: "p1", Text: "Учесници су се сложили:", Line: 5, IntroducesList: true},
	{Kind: NumberedList, Start: 3, Line: 6, Items: []Item{
		{ID: "n3", Text: "размена информација:", Line: 6, Items: []Item{
			{ID: "n3a", Text: "а) између граничних служби,", Line: 7},
			{ID: "n3b", Text: "б) између полиција,", Line: 8},
		}},
		{ID: "n4", Text: "праћење.", Line: 9},
	}},
	{Kind: BulletList, Line: 10, Items: []Item{
		{ID: "b1", Text: "прво", Line: 10, Items: []Item{{ID: "b1a", Text: "– посебно деце", Line: 11}}},
	}},
	{Kind: Paragraph, ID: "p2", Text: "Крај.", Line: 12},
}}

func TestWalk(t *testing.T) {
	var got []string
	nested.Walk(func(n Node, entering bool) {
		dir := "<"
		if entering {
			dir = ">"
		}
		got = append(got, fmt.Sprintf("%s%s d%d #%d %s %q b%d", dir, n.Kind, n.Depth, n.Number, n.ID, n.Text, n.Block))
	})
	want := []string{
		`>heading d0 #0 s1 "Закључци" b0`,
		`>paragraph d0 #0 p1 "Учесници су се сложили:" b1`,
		`>numbered list d0 #3  "" b2`,
		`>list item d1 #3 n3 "размена информација:" b2`,
		`>bulleted list d1 #0  "" b2`,
		`>list item d2 #0 n3a "а) између граничних служби," b2`,
		`<list item d2 #0 n3a "а) између граничних служби," b2`,
		`>list item d2 #0 n3b "б) између полиција," b2`,
		`<list item d2 #0 n3b "б) између полиција," b2`,
		`<bulleted list d1 #0  "" b2`,
		`<list item d1 #3 n3 "размена информација:" b2`,
		`>list item d1 #4 n4 "праћење." b2`,
		`<list item d1 #4 n4 "праћење." b2`,
		`<numbered list d0 #3  "" b2`,
		`>bulleted list d0 #0  "" b3`,
		`>list item d1 #0 b1 "прво" b3`,
		`>bulleted list d1 #0  "" b3`,
		`>list item d2 #0 b1a "– посебно деце" b3`,
		`<list item d2 #0 b1a "– посебно деце" b3`,
		`<bulleted list d1 #0  "" b3`,
		`<list item d1 #0 b1 "прво" b3`,
		`<bulleted list d0 #0  "" b3`,
		`>paragraph d0 #0 p2 "Крај." b4`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("Walk:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPassages(t *testing.T) {
	for _, tc := range []struct {
		name  string
		doc   *Document
		limit int // stop after this many (0: all)
		want  string
	}{
		{"empty", &Document{}, 0, ""},
		{"every level", nested, 0, "s1 p1 n3 n3a n3b n4 b1 b1a p2"},
		{"stopped early", nested, 4, "s1 p1 n3 n3a"},
		{"stopped in a sub-list", nested, 5, "s1 p1 n3 n3a n3b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for n := range tc.doc.Passages() {
				if n.Text == "" || n.ID == "" {
					t.Errorf("passage %+v has no text or id", n)
				}
				ids = append(ids, n.ID)
				if len(ids) == tc.limit {
					break
				}
			}
			if got := strings.Join(ids, " "); got != tc.want {
				t.Errorf("Passages: %q, want %q", got, tc.want)
			}
		})
	}
}
