package pages

import (
	"slices"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/hugomd"
)

// TestSubItems checks the Markdown of a numbered list with sub-items, and
// that Hugo renders every item and sub-item with its id and text.
func TestSubItems(t *testing.T) {
	doc := exampleDoc
	doc.Blocks = []document.Block{
		{Kind: document.Heading, Text: "Закључци", ID: "s1"},
		{Kind: document.NumberedList, Start: 1, Items: []document.Item{
			{Text: "први:", ID: "n1", Items: []document.Item{{Text: "а) прва подтачка,", ID: "n1a"}, {Text: "б) друга подтачка", ID: "n1b"}}},
			{Text: "други:", ID: "n2", Items: []document.Item{{Text: "једина подтачка", ID: "n2a"}}},
			{Text: "трећи.", ID: "n3"},
		}},
	}
	page, err := Page(&doc, Version{Lang: "sr", OriginalLang: "sr"}, "slug")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(page)[4:], "---\n")
	want := `
## Закључци {#s1}

1. први:
   {#n1}

   - а) прва подтачка,
     {#n1a}

   - б) друга подтачка
     {#n1b}

2. други:
   {#n2}

   - једина подтачка
     {#n2a}

     {.loose}

3. трећи.
   {#n3}
`
	if body != want {
		t.Errorf("body:\n%s\nwant:\n%s", body, want)
	}
	got, err := hugomd.Blocks([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks := []hugomd.Block{
		{Tag: "h2", ID: "s1", Text: "Закључци"},
		{Tag: "li", ID: "n1", Text: "први:"},
		{Tag: "li", ID: "n1a", Text: "а) прва подтачка,"},
		{Tag: "li", ID: "n1b", Text: "б) друга подтачка"},
		{Tag: "li", ID: "n2", Text: "други:"},
		{Tag: "li", ID: "n2a", Text: "једина подтачка"},
		{Tag: "li", ID: "n3", Text: "трећи."},
	}
	if !slices.Equal(got, wantBlocks) {
		html, _ := hugomd.Render([]byte(body))
		t.Errorf("rendered blocks %q\nwant %q\n%s", got, wantBlocks, html)
	}
}
