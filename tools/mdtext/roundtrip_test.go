package mdtext

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/regionaldialogue/site/tools/internal/hugomd"
)

// inDomain reports whether s is in Escape's domain: valid UTF-8, no control
// characters (U+0000–U+001F, U+007F), no leading or trailing space, no run
// of two spaces.
func inDomain(s string) bool {
	if !utf8.ValidString(s) || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
		return false
	}
	return !strings.ContainsFunc(s, isControl)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// toDomain maps any string into Escape's domain, as the parser's cleaning
// does: invalid UTF-8 and control characters are dropped, runs of spaces
// collapse to one, leading and trailing spaces are trimmed. Unicode spaces
// other than U+0020 (NBSP, U+2003, U+3000, …) are kept, at the ends too.
func toDomain(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			continue
		}
		if r == ' ' && strings.HasSuffix(b.String(), " ") {
			continue
		}
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), " ")
}

// shape is one way the converter writes a text: a Markdown document and the
// blocks it must render to.
type shape struct {
	name string
	md   string
	want []hugomd.Block
}

// shapes returns every block shape for text: each on its own (at the start
// of a document) and all of them together in one document, as the
// converter writes a page.
func shapes(text string) []shape {
	h := Heading(text, "s1")
	p := Paragraph(text, "p1")
	bullets := ListItem("-", text, "b1") + "\n\n" + ListItem("-", text, "b2")
	ordered := ListItem("1.", text, "n1") + "\n\n" + ListItem("2.", text, "n2")
	wide := ListItem("10.", text, "w1") + "\n\n" + ListItem("11.", text, "w2")
	late := ListItem("7.", text, "m1")
	// Two lists of a kind in a row, told apart by their markers.
	twice := strings.Join([]string{ListItem("-", text, "b1"), ListItem("-", text, "b2"), ListItem("*", text, "b3"), ListItem("*", text, "b4"),
		ListItem("1.", text, "n1"), ListItem("2.", text, "n2"), ListItem("1)", text, "n3"), ListItem("2)", text, "n4")}, "\n\n") + "\n"
	blk := func(tag, id string) hugomd.Block { return hugomd.Block{Tag: tag, ID: id, Text: text} }
	all := strings.Join([]string{h, p, Paragraph(text, "p5"), bullets, Paragraph(text, "p2"), ordered, Paragraph(text, "p3"), wide, Paragraph(text, "p4"), late + "\n\n" + ListItem("8.", text, "m2"), Heading(text, "s2")}, "\n\n") + "\n"
	return []shape{
		{"heading", h + "\n", []hugomd.Block{blk("h2", "s1")}},
		{"paragraph", p + "\n", []hugomd.Block{blk("p", "p1")}},
		{"bullets", bullets + "\n", []hugomd.Block{blk("li", "b1"), blk("li", "b2")}},
		{"ordered", ordered + "\n", []hugomd.Block{blk("li", "n1"), blk("li", "n2")}},
		{"ordered10", wide + "\n", []hugomd.Block{blk("li", "w1"), blk("li", "w2")}},
		{"lists in a row", twice, []hugomd.Block{blk("li", "b1"), blk("li", "b2"), blk("li", "b3"), blk("li", "b4"), blk("li", "n1"), blk("li", "n2"), blk("li", "n3"), blk("li", "n4")}},
		{"page", all, []hugomd.Block{
			blk("h2", "s1"), blk("p", "p1"), blk("p", "p5"), blk("li", "b1"), blk("li", "b2"), blk("p", "p2"),
			blk("li", "n1"), blk("li", "n2"), blk("p", "p3"), blk("li", "w1"), blk("li", "w2"),
			blk("p", "p4"), blk("li", "m1"), blk("li", "m2"), blk("h2", "s2"),
		}},
	}
}

// checkRoundTrip renders every shape of text and returns an error
// describing the first one whose blocks differ from the expected ones, or
// whose Markdown holds something Hugo's page lexer acts on before goldmark.
func checkRoundTrip(text string) error {
	esc := Escape(text)
	for _, marker := range []string{"{{", "<!--more-->"} {
		if strings.Contains(esc, marker) {
			return fmt.Errorf("Escape(%q) = %q contains %q, which Hugo interprets before Markdown", text, esc, marker)
		}
	}
	for _, sh := range shapes(text) {
		got, err := hugomd.Blocks([]byte(sh.md))
		if err != nil {
			return fmt.Errorf("%s: %v", sh.name, err)
		}
		if !slices.Equal(got, sh.want) {
			out, _ := hugomd.Render([]byte(sh.md))
			return fmt.Errorf("%s of %q:\nmarkdown:\n%s\nhtml:\n%s\ngot  %q\nwant %q", sh.name, text, sh.md, out, got, sh.want)
		}
	}
	return nil
}
