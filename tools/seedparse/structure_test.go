package seedparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/document"
)

// outline returns the blocks of doc one a line: the id, and the text of a
// heading or paragraph; a list's items with their ids, and their sub-items
// indented under them.
func outline(doc *document.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch {
		case b.Kind.IsList():
			out = append(out, b.Kind.String())
			for _, it := range b.Items {
				out = append(out, "  "+it.ID+" "+it.Text)
				for _, sub := range it.Items {
					out = append(out, "    "+sub.ID+" "+sub.Text)
				}
			}
		default:
			out = append(out, b.ID+" "+b.Text)
		}
	}
	return out
}

// TestStructure checks how the body's lines become blocks, in the cases
// where a guess could go either way.
func TestStructure(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{
			"footnote marker ends a sentence",
			"Увод[1]\nБрој избеглица је порастао.[2]\nКрај.\n",
			[]string{"s1 Закључци", "s2 Увод[1]", "p1 Број избеглица је порастао.[2]", "p2 Крај."},
		},
		{
			"superscript digit ends a sentence",
			"Број избеглица је порастао.²\nДруги пасус.\n",
			[]string{"s1 Закључци", "p1 Број избеглица је порастао.²", "p2 Други пасус."},
		},
		{
			"a day and month after a numbered list is a paragraph",
			"Учесници:\n1. први закључак,\n2. други закључак.\n3. новембра 2015. године одржан је други састанак.\n",
			[]string{"s1 Закључци", "p1 Учесници:", "numbered list", "  n1 први закључак,", "  n2 други закључак.", "p2 3. новембра 2015. године одржан је други састанак."},
		},
		{
			"a day and month in Latin script, nominative",
			"Učesnici:\n1. prvi zaključak,\n2. drugi zaključak.\n3. mart je dan sastanka.\n",
			[]string{"s1 Закључци", "p1 Učesnici:", "numbered list", "  n1 prvi zaključak,", "  n2 drugi zaključak.", "p2 3. mart je dan sastanka."},
		},
		{
			"the next number that reads as an item continues the list",
			"Учесници:\n1. први закључак,\n2. други закључак,\n3. новим мерама заштите.\n",
			[]string{"s1 Закључци", "p1 Учесници:", "numbered list", "  n1 први закључак,", "  n2 други закључак,", "  n3 новим мерама заштите."},
		},
		{
			"lettered sub-items under a numbered item",
			"Учесници:\n1. први закључак,\n2. други закључак:\nа) прва подтачка,\nб) друга подтачка,\n3. трећи закључак.\n",
			[]string{"s1 Закључци", "p1 Учесници:", "numbered list", "  n1 први закључак,", "  n2 други закључак:", "    n2a а) прва подтачка,", "    n2b б) друга подтачка,", "  n3 трећи закључак."},
		},
		{
			"dashed sub-items under a numbered item that ends with a colon",
			"Учесници:\n1. први закључак:\n– прва подтачка,\n– друга подтачка,\n2. други закључак.\n",
			[]string{"s1 Закључци", "p1 Учесници:", "numbered list", "  n1 први закључак:", "    n1a прва подтачка,", "    n1b друга подтачка,", "  n2 други закључак."},
		},
		{
			"dashes after a numbered item without a colon are a list of their own",
			"Учесници:\n1. први закључак,\n2. други закључак.\n– прва ставка,\n– друга ставка.\n",
			[]string{"s1 Закључци", "p1 Учесници:", "numbered list", "  n1 први закључак,", "  n2 други закључак.", "bulleted list", "  b1 прва ставка,", "  b2 друга ставка."},
		},
		{
			"a line broken by Word before a year joins its paragraph",
			"Дијалог о миграцијама одржан је у Београду 26. и 27. новембра\n2015. године уз учешће девет парламената.\n",
			[]string{"s1 Закључци", "p1 Дијалог о миграцијама одржан је у Београду 26. и 27. новембра 2015. године уз учешће девет парламената."},
		},
		{
			"a line broken by Word before a lower-case word joins its item",
			"Учесници:\n1. одржавање политичког дијалога и\nпромоција механизама,\n2. координирање.\n",
			[]string{"s1 Закључци", "p1 Учесници:", "numbered list", "  n1 одржавање политичког дијалога и промоција механизама,", "  n2 координирање."},
		},
		{
			"after a sentence's end, a year starts a new paragraph",
			"Дијалог о миграцијама одржан је у Београду у новембру.\n2016. године биће одржан следећи.\n",
			[]string{"s1 Закључци", "p1 Дијалог о миграцијама одржан је у Београду у новембру.", "p2 2016. године биће одржан следећи."},
		},
		{
			"a short line before a year keeps the editor's break",
			"Наредни састанак\n2016. године биће одржан у Скопљу.\n",
			[]string{"s1 Закључци", "s2 Наредни састанак", "p1 2016. године биће одржан у Скопљу."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("seeds/x.txt", []byte(header+tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(doc); !slices.Equal(got, tc.want) {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
