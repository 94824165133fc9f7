// Package translation reads a translation of a seed, seeds/<id>.<lang>.md,
// and checks it block by block against the original.
//
// A translation is YAML front matter and Markdown:
//
//	---
//	title: Migration management, refugee protection and the fight against organized crime
//	subtitle: responses at the national level and regional cooperation
//	place: Belgrade
//	description: One sentence for the list of documents and search engines.
//	---
//
//	## Conclusions
//
//	The Regional Parliamentary Dialogue … was held in Belgrade …
//
//	The main objectives of this dialogue were to:
//
//	- raise awareness of …,
//	- discuss …
//
//	1. maintaining political dialogue …,
//
// title and place are required; subtitle is required exactly when the
// original has one; description is optional (the first sentence of the
// first paragraph stands in for it). Unknown keys are errors, so that a
// misspelt key is not silently ignored.
//
// The body must have the original's blocks in the original's order: a
// heading (any level) for each heading, starting with the document type, a
// paragraph for each paragraph, a bulleted list for each bulleted list and a
// numbered list for each numbered list, with as many items. Any other block
// (quotes, code, tables, rules, raw HTML) is an error. Inline Markdown is
// read for its text: emphasis and links keep their words and lose their
// formatting, since the page shows the text the original shows.
package translation

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/regionaldialogue/site/tools/document"
)

var markdown = goldmark.New(goldmark.WithExtensions(meta.Meta))

var knownKeys = []string{"title", "subtitle", "place", "description"}

// Read parses the translation data of file (as the user knows it, e.g.
// "seeds/x.en.md") and returns orig in the translation's words: the same
// ids, dates and source, translated text. origFile names the original in
// messages. Errors are *document.Error.
func Read(file string, data []byte, orig *document.Document, origFile string) (*document.Document, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	lineOf := func(offset int) int { return bytes.Count(data[:min(offset, len(data))], []byte{'\n'}) + 1 }
	fail := func(offset int, format string, args ...any) error {
		return document.Errorf(file, lineOf(offset), format, args...)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, document.Errorf(file, 1, "empty translation")
	}

	ctx := parser.NewContext()
	root := markdown.Parser().Parse(text.NewReader(data), parser.WithContext(ctx))
	fm, err := meta.TryGet(ctx)
	if err != nil {
		return nil, document.Errorf(file, 1, "front matter: %v", err)
	}
	str := func(key string) (string, error) {
		v, ok := fm[key]
		if !ok {
			return "", nil
		}
		s, ok := v.(string)
		if !ok {
			return "", document.Errorf(file, 1, "front matter: %s must be text, not %T", key, v)
		}
		return collapseSpace(s), nil
	}
	for k := range fm {
		if !slices.Contains(knownKeys, k) {
			return nil, document.Errorf(file, 1, "front matter: unknown key %q (known: %s)", k, strings.Join(knownKeys, ", "))
		}
	}
	tr := *orig
	tr.Blocks = nil
	if tr.Title, err = str("title"); err != nil {
		return nil, err
	}
	if tr.Subtitle, err = str("subtitle"); err != nil {
		return nil, err
	}
	if tr.Place, err = str("place"); err != nil {
		return nil, err
	}
	if tr.Summary, err = str("description"); err != nil {
		return nil, err
	}
	switch {
	case tr.Title == "":
		return nil, document.Errorf(file, 1, "front matter: no title")
	case tr.Place == "":
		return nil, document.Errorf(file, 1, "front matter: no place")
	case orig.Subtitle != "" && tr.Subtitle == "":
		return nil, document.Errorf(file, 1, "front matter: no subtitle, but the original has one (%s)", origFile)
	case orig.Subtitle == "" && tr.Subtitle != "":
		return nil, document.Errorf(file, 1, "front matter: a subtitle, but the original has none (%s)", origFile)
	}

	i := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		offset := startOf(n)
		b, err := readBlock(n, data)
		if err != nil {
			return nil, fail(offset, "%v", err)
		}
		if i >= len(orig.Blocks) {
			return nil, fail(offset, "block %d (%s) has no counterpart: the original (%s) has %d blocks", i+1, describe(b), origFile, len(orig.Blocks))
		}
		o := orig.Blocks[i]
		if b.Kind != o.Kind || len(b.Items) != len(o.Items) {
			return nil, fail(offset, "block %d is %s, but block %d of the original (%s:%d) is %s", i+1, describe(b), i+1, origFile, o.Line, describe(o))
		}
		b.ID, b.IntroducesList, b.Start, b.Line = o.ID, o.IntroducesList, o.Start, lineOf(offset)
		for j := range b.Items {
			b.Items[j].ID = o.Items[j].ID
		}
		tr.Blocks = append(tr.Blocks, b)
		i++
	}
	if i < len(orig.Blocks) {
		o := orig.Blocks[i]
		return nil, fail(len(bytes.TrimRight(data, " \t\r\n")), "the translation ends after %d blocks; block %d of the original (%s:%d, %s) has no translation", i, i+1, origFile, o.Line, describe(o))
	}
	tr.Type = tr.Blocks[0].Text
	return &tr, nil
}

func describe(b document.Block) string {
	switch {
	case b.Kind.IsList() && len(b.Items) == 1:
		return "a " + b.Kind.String() + " of 1 item"
	case b.Kind.IsList():
		return fmt.Sprintf("a %s of %d items", b.Kind, len(b.Items))
	}
	return "a " + b.Kind.String()
}

// readBlock turns a top-level Markdown block into a document block.
func readBlock(n ast.Node, src []byte) (document.Block, error) {
	switch n := n.(type) {
	case *ast.Heading:
		t, err := inlineText(n, src)
		return document.Block{Kind: document.Heading, Text: t}, err
	case *ast.Paragraph:
		t, err := inlineText(n, src)
		return document.Block{Kind: document.Paragraph, Text: t}, err
	case *ast.List:
		b := document.Block{Kind: document.BulletList}
		if n.IsOrdered() {
			b.Kind = document.NumberedList
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			var parts []string
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				switch c.(type) {
				case *ast.Paragraph, *ast.TextBlock:
				default:
					return b, fmt.Errorf("a list item may hold only text, not %s", c.Kind())
				}
				t, err := inlineText(c, src)
				if err != nil {
					return b, err
				}
				parts = append(parts, t)
			}
			b.Items = append(b.Items, document.Item{Text: strings.Join(parts, " ")})
		}
		return b, nil
	}
	return document.Block{}, fmt.Errorf("unsupported Markdown block (%s): use headings, paragraphs and lists as the original does", n.Kind())
}

// inlineText returns the text of n's inline content, white space collapsed.
func inlineText(n ast.Node, src []byte) (string, error) {
	var b strings.Builder
	err := ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(textValue(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkStop, fmt.Errorf("raw HTML is not allowed in a translation")
		case *ast.Image:
			return ast.WalkStop, fmt.Errorf("images are not allowed in a translation")
		}
		return ast.WalkContinue, nil
	})
	t := collapseSpace(b.String())
	if err == nil && t == "" {
		err = fmt.Errorf("empty %s", strings.ToLower(n.Kind().String()))
	}
	return t, err
}

// textValue returns the text a Text node's source segment stands for:
// goldmark keeps backslash escapes and entity references in the source,
// and its HTML writer resolves them; unescaping that HTML gives the text.
func textValue(seg []byte) string {
	var esc bytes.Buffer
	w := bufio.NewWriter(&esc)
	html.DefaultWriter.Write(w, seg)
	w.Flush()
	return stdhtml.UnescapeString(esc.String())
}

// collapseSpace returns s without white space at its ends and with every
// run of it inside replaced by one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// startOf returns the byte offset where block n starts.
func startOf(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}
