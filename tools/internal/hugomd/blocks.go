package hugomd

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Block is a rendered h1–h6, p or li element: its tag name, its id attribute
// and its text content, entities decoded.
type Block struct{ Tag, ID, Text string }

// Blocks renders a Markdown body with Render and returns, in document order,
// each rendered h1–h6, p and li element that carries an id or text.
//
// A block's Text is the concatenation of the text nodes inside it, entities
// decoded; a <br> counts as "\n", comments (such as goldmark's
// "<!-- raw HTML omitted -->") and other markup count as nothing. A li
// stands for its direct p children (a loose list item): its ID is its own id
// or else the id of its first p, its Text is their texts joined by "\n", and
// those p are not reported again. A li without p (a tight list item) has its
// own text, without that of nested lists. Blocks nested in any of these
// (a list in a list item, a paragraph in a footnote) are reported too.
func Blocks(md []byte) ([]Block, error) {
	out, err := Render(md)
	if err != nil {
		return nil, err
	}
	return HTMLBlocks(out)
}

// HTMLBlocks returns the blocks of rendered HTML, as Blocks does.
func HTMLBlocks(rendered []byte) ([]Block, error) {
	doc, err := html.Parse(bytes.NewReader(rendered))
	if err != nil {
		return nil, err
	}
	var blocks []Block
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P:
				blocks = appendBlock(blocks, n.Data, attr(n, "id"), textOf(n))
			case atom.Li:
				id := attr(n, "id")
				var texts []string
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.DataAtom == atom.P {
						if id == "" {
							id = attr(c, "id")
						}
						texts = append(texts, textOf(c))
					}
				}
				if texts == nil {
					texts = []string{strings.Trim(textOf(n), "\n")}
				}
				blocks = appendBlock(blocks, n.Data, id, strings.Join(texts, "\n"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.P && n.DataAtom == atom.Li {
				// Reported as the li; but look inside it all the same.
				for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
					walk(cc)
				}
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return blocks, nil
}

func appendBlock(blocks []Block, tag, id, text string) []Block {
	if id == "" && strings.TrimSpace(text) == "" {
		return blocks
	}
	return append(blocks, Block{Tag: tag, ID: id, Text: text})
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text of n, leaving out nested lists and list items
// (which are blocks of their own) and counting <br> as a line break.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Br:
				b.WriteByte('\n')
				return
			case atom.Ul, atom.Ol, atom.Li:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	return b.String()
}
