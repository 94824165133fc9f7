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
// first paragraph stands in for it). Unknown keys and keys given twice are
// errors, so that a misspelt or repeated key is not silently ignored; a
// YAML error is reported at its line.
//
// The body must have the original's blocks in the original's order: a
// heading (any level) for each heading, starting with the document type, a
// paragraph for each paragraph, a bulleted list for each bulleted list and a
// numbered list for each numbered list, with as many items. A list item is
// one paragraph; an item whose original has sub-items holds them as a list
// nested under it, with as many items:
//
//	The participants agree:
//
//	2. coordinating national responses:
//	   - a) at the borders,
//	   - b) in the reception centres,
//
// A second paragraph in an item is an error, and so is any other block
// (quotes, code, tables, rules, raw HTML), at its line.
//
// Each block, item and sub-item must carry the numbers (days, years) and,
// for a Cyrillic original, the Latin acronyms (DCAF) of its counterpart in
// the original: "26 and 27 November 2015" for "26. и 27. новембра 2015.". Blocks swapped or merged
// by mistake differ there, and the error names the block and what it lacks. Inline Markdown is
// read for its text: emphasis and links keep their words and lose their
// formatting, since the page shows the text the original shows.
package translation

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	stdhtml "html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

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
		// "yaml: line N: …", N counted from the line after the first ---.
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = n+1, m[2]
		}
		return nil, document.Errorf(file, line, "front matter: %s", msg)
	}
	if err := duplicateKeys(file, data); err != nil {
		return nil, err
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

	acronyms := cyrillic(orig)
	i, after := 0, 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		offset := startOf(n, data, after)
		after = max(after, endOf(n))
		r, err := readBlock(n, data)
		if err != nil {
			var second *secondParagraph
			if errors.As(err, &second) && i < len(orig.Blocks) {
				line := orig.Blocks[i].Line // the original's item, or else its block
				if items := orig.Blocks[i].Items; second.item <= len(items) {
					line = items[second.item-1].Line
				}
				return nil, fail(second.offset, "a second paragraph in item %d of block %d: a list item is one paragraph, as in the original (%s:%d)", second.item, i+1, origFile, line)
			}
			var pe *posError
			if errors.As(err, &pe) {
				return nil, fail(pe.offset, "%s", pe.msg)
			}
			return nil, fail(offset, "%v", err)
		}
		b := r.block
		if i >= len(orig.Blocks) {
			return nil, fail(offset, "block %d (%s) has no counterpart: the original (%s) has %d blocks", i+1, describe(b), origFile, len(orig.Blocks))
		}
		o := orig.Blocks[i]
		if b.Kind != o.Kind || len(b.Items) != len(o.Items) {
			return nil, fail(offset, "block %d is %s, but block %d of the original (%s:%d) is %s", i+1, describe(b), i+1, origFile, o.Line, describe(o))
		}
		b.ID, b.IntroducesList, b.Start, b.Line = o.ID, o.IntroducesList, o.Start, lineOf(offset)
		if missing := missingAnchors(b.Text, o.Text, acronyms); missing != "" {
			return nil, fail(offset, lacksAnchors, fmt.Sprintf("block %d (%s)", i+1, describe(b)), missing, fmt.Sprintf("block %d of the original (%s:%d)", i+1, origFile, o.Line))
		}
		for j := range b.Items {
			it, oi := &b.Items[j], o.Items[j]
			it.ID, it.Line = oi.ID, lineOf(r.items[j])
			if len(it.Items) != len(oi.Items) {
				return nil, fail(r.items[j], "item %d of block %d has %s, but the original's (%s:%d) has %d", j+1, i+1, plural(len(it.Items), "sub-item"), origFile, oi.Line, len(oi.Items))
			}
			if missing := missingAnchors(it.Text, oi.Text, acronyms); missing != "" {
				return nil, fail(r.items[j], lacksAnchors, fmt.Sprintf("item %d of block %d", j+1, i+1), missing, fmt.Sprintf("the original's (%s:%d)", origFile, oi.Line))
			}
			for k := range it.Items {
				sub, os := &it.Items[k], oi.Items[k]
				sub.ID, sub.Line = os.ID, lineOf(r.subs[j][k])
				if missing := missingAnchors(sub.Text, os.Text, acronyms); missing != "" {
					return nil, fail(r.subs[j][k], lacksAnchors, fmt.Sprintf("sub-item %d of item %d of block %d", k+1, j+1, i+1), missing, fmt.Sprintf("the original's (%s:%d)", origFile, os.Line))
				}
			}
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

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// cyrillic reports whether the text of doc has more Cyrillic letters than
// others: then its Latin acronyms (DCAF) are names that a translation
// keeps; in a Latin-script original they are Serbian acronyms (OEBS) that
// a translation translates (OSCE).
func cyrillic(doc *document.Document) bool {
	n := 0
	count := func(s string) {
		for _, r := range s {
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				n++
			case unicode.IsLetter(r):
				n--
			}
		}
	}
	for p := range doc.Passages() {
		count(p.Text)
	}
	return n > 0
}

// anchors returns what a translation must carry over from the original's
// matching block: the numbers of s (days, years, article numbers), and, if
// acronyms, its Latin acronyms (words of two or more ASCII capitals, such
// as DCAF).
func anchors(s string, acronyms bool) []string {
	var out []string
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && asciiClass(s[j]) == asciiClass(s[i]) {
			j++
		}
		switch a := s[i:j]; asciiClass(s[i]) {
		case 'd':
			out = append(out, a)
		case 'l':
			if acronyms && len(a) >= 2 && !strings.ContainsFunc(a, unicode.IsLower) {
				out = append(out, a)
			}
		}
		i = j
	}
	return out
}

// asciiClass returns 'd' for an ASCII digit, 'l' for an ASCII letter and 0
// for any other byte (a byte of a multi-byte letter too).
func asciiClass(b byte) byte {
	switch {
	case '0' <= b && b <= '9':
		return 'd'
	case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z':
		return 'l'
	}
	return 0
}

// missingAnchors returns, quoted and joined with commas, the numbers and
// Latin acronyms that orig has and tr, its translation, lacks; "" when it
// lacks none. Swapped or merged blocks differ there, whatever their words.
func missingAnchors(tr, orig string, acronyms bool) string {
	have := anchors(tr, acronyms)
	var missing []string
	for _, a := range anchors(orig, acronyms) {
		if !slices.Contains(have, a) && !slices.Contains(missing, strconv.Quote(a)) {
			missing = append(missing, strconv.Quote(a))
		}
	}
	return strings.Join(missing, ", ")
}

// lacksAnchors is the error message for missingAnchors: what lacks
// missing, which what of the original has.
const lacksAnchors = "%s lacks %s, which %s has: numbers, dates and Latin acronyms must be the same"

// duplicateKeys reads the front matter of data, if it has one, with
// yaml.v3 to report a key given twice (goldmark-meta keeps the last).
func duplicateKeys(file string, data []byte) error {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil
	}
	end := bytes.Index(rest, []byte("\n---"))
	if end < 0 {
		return nil
	}
	var node yaml.Node
	if err := yaml.Unmarshal(rest[:end+1], &node); err != nil || len(node.Content) == 0 || node.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	first := map[string]int{}
	m := node.Content[0]
	for k := 0; k+1 < len(m.Content); k += 2 {
		key := m.Content[k]
		if l, ok := first[key.Value]; ok {
			return document.Errorf(file, key.Line+1, "front matter: key %q given twice (first at line %d)", key.Value, l+1)
		}
		first[key.Value] = key.Line
	}
	return nil
}

var yamlLine = regexp.MustCompile(`^line (\d+): (.*)$`)

func describe(b document.Block) string {
	switch {
	case b.Kind.IsList() && len(b.Items) == 1:
		return "a " + b.Kind.String() + " of 1 item"
	case b.Kind.IsList():
		return fmt.Sprintf("a %s of %d items", b.Kind, len(b.Items))
	}
	return "a " + b.Kind.String()
}

// posError is an error at a byte offset of the translation.
type posError struct {
	offset int
	msg    string
}

func (e *posError) Error() string { return e.msg }

// secondParagraph is the error for a list item (1-based) that holds a
// second paragraph, at offset.
type secondParagraph struct{ offset, item int }

func (e *secondParagraph) Error() string { return fmt.Sprintf("a second paragraph in item %d", e.item) }

// readResult is a block as read, with the offsets of its items and of
// their sub-items, for messages.
type readResult struct {
	block document.Block
	items []int
	subs  [][]int
}

// readBlock turns a top-level Markdown block into a document block.
func readBlock(n ast.Node, src []byte) (readResult, error) {
	var r readResult
	switch n := n.(type) {
	case *ast.Heading:
		t, err := inlineText(n, src)
		r.block = document.Block{Kind: document.Heading, Text: t}
		return r, err
	case *ast.Paragraph:
		t, err := inlineText(n, src)
		r.block = document.Block{Kind: document.Paragraph, Text: t}
		return r, err
	case *ast.List:
		r.block.Kind = document.BulletList
		if n.IsOrdered() {
			r.block.Kind = document.NumberedList
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			item, subs, err := readItem(it, src, len(r.block.Items)+1, true)
			if err != nil {
				return r, err
			}
			r.block.Items = append(r.block.Items, item)
			r.items = append(r.items, startOf(it, src, 0))
			r.subs = append(r.subs, subs)
		}
		return r, nil
	}
	return r, fmt.Errorf("unsupported Markdown block (%s): use headings, paragraphs and lists as the original does", n.Kind())
}

// readItem reads list item it, the n-th of its list: one paragraph, and,
// when nested is true, a list of sub-items, whose offsets it returns.
func readItem(it ast.Node, src []byte, n int, nested bool) (document.Item, []int, error) {
	var item document.Item
	var subs []int
	seen := false
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if seen {
				return item, nil, &secondParagraph{offset: startOf(c, src, 0), item: n}
			}
			seen = true
			t, err := inlineText(c, src)
			if err != nil {
				return item, nil, &posError{startOf(c, src, 0), err.Error()}
			}
			item.Text = t
		case *ast.List:
			if !nested || item.Items != nil {
				return item, nil, &posError{startOf(c, src, 0), "a list in a sub-item: sub-items hold text only"}
			}
			for sub := c.FirstChild(); sub != nil; sub = sub.NextSibling() {
				si, _, err := readItem(sub, src, len(item.Items)+1, false)
				if err != nil {
					return item, nil, err
				}
				item.Items = append(item.Items, si)
				subs = append(subs, startOf(sub, src, 0))
			}
		default:
			return item, nil, &posError{startOf(c, src, 0), fmt.Sprintf("a list item may hold only text and a list of sub-items, not %s", c.Kind())}
		}
	}
	return item, subs, nil
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
	w := bufio.NewWriterSize(&esc, len(seg)+16) // any size will do: most segments are short
	html.DefaultWriter.Write(w, seg)
	w.Flush()
	return stdhtml.UnescapeString(esc.String())
}

// collapseSpace returns s without white space at its ends and with every
// run of it inside replaced by one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// startOf returns the byte offset where block n starts. A block without
// lines of its own (a thematic break) starts at the first non-blank byte
// after after, the end of the block before it.
func startOf(n ast.Node, src []byte, after int) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	for after < len(src) && (src[after] == ' ' || src[after] == '\n' || src[after] == '\t') {
		after++
	}
	return after
}

// endOf returns the byte offset where the last line of n or its
// descendants ends.
func endOf(n ast.Node) int {
	end := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			end = max(end, c.Lines().At(c.Lines().Len()-1).Stop)
		}
		return ast.WalkContinue, nil
	})
	return end
}
