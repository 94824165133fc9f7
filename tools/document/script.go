package document

import (
	"fmt"
	"slices"
	"strings"

	"github.com/regionaldialogue/site/tools/translit"
)

// ToLatin returns the Latin-script version of the Cyrillic doc, read from
// file (for messages), and a warning "file:line: warning: …" for each
// title, subtitle, date line or block with letters that are not Serbian
// Cyrillic, which stay as they are. The place, part of the date line, is
// warned there.
func ToLatin(doc *Document, file string) (*Document, []string) {
	l := *doc
	l.Blocks = slices.Clone(doc.Blocks)
	var warnings []string
	convert := func(s *string, line int, warn bool) {
		latin, foreign := translit.ToLatin(*s)
		*s = strings.Clone(latin) // without the room the transliterator left

		if len(foreign) == 0 || !warn {
			return
		}
		letters := make([]string, len(foreign))
		for i, r := range foreign {
			letters[i] = fmt.Sprintf("%c (U+%04X)", r, r)
		}
		warnings = append(warnings, fmt.Sprintf("%s:%d: warning: not Serbian Cyrillic, left as is in the Latin version: %s", file, line, strings.Join(letters, ", ")))
	}
	h := doc.HeaderLines
	convert(&l.Title, h.Title, true)
	convert(&l.Subtitle, h.Subtitle, true)
	convert(&l.DateLine, h.Date, true)
	convert(&l.Place, 0, false)
	convert(&l.Summary, 0, false)
	for i := range l.Blocks {
		b := &l.Blocks[i]
		b.Items = slices.Clone(b.Items)
		convert(&b.Text, b.Line, true)
		for j := range b.Items {
			it := &b.Items[j]
			convert(&it.Text, it.Line, true)
			it.Items = slices.Clone(it.Items) // sub-items: see Item
			for k := range it.Items {
				convert(&it.Items[k].Text, it.Items[k].Line, true)
			}
		}
	}
	if len(l.Blocks) > 0 {
		l.Type = l.Blocks[0].Text
	}
	return &l, warnings
}

// ToCyrillic returns the Cyrillic version of the Serbian Latin doc
// (translit.ToCyrillic on every text, sub-items included).
func ToCyrillic(doc *Document) *Document {
	c := *doc
	for _, s := range []*string{&c.Title, &c.Subtitle, &c.DateLine, &c.Place, &c.Summary} {
		*s = translit.ToCyrillic(*s)
	}
	c.Blocks = slices.Clone(doc.Blocks)
	for i := range c.Blocks {
		b := &c.Blocks[i]
		b.Text = translit.ToCyrillic(b.Text)
		b.Items = slices.Clone(b.Items)
		for j := range b.Items {
			it := &b.Items[j]
			it.Text = translit.ToCyrillic(it.Text)
			it.Items = slices.Clone(it.Items)
			for k := range it.Items {
				it.Items[k].Text = translit.ToCyrillic(it.Items[k].Text)
			}
		}
	}
	if len(c.Blocks) > 0 {
		c.Type = c.Blocks[0].Text
	}
	return &c
}
