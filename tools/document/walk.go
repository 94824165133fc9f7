package document

import "iter"

// Node is one place in a document's body met by Walk: a heading, a
// paragraph, a list, or a list item.
type Node struct {
	// Kind is Heading, Paragraph, BulletList, NumberedList or ListItem.
	Kind Kind
	// ID is the fragment identifier of a heading, paragraph or item;
	// empty for a list.
	ID   string
	Text string // empty for a list
	Line int    // 1-based source line
	// Depth is 0 for a block (heading, paragraph, list), 1 for an item of
	// a list and for a sub-list, 2 for a sub-item.
	Depth int
	// Number is a numbered item's number (a numbered list's first number,
	// for the list); 0 for the rest.
	Number int
	// Block is the index in Blocks of the block the node is in.
	Block int
}

// Walk visits every node of d's body in reading order: headings and
// paragraphs once, lists and items twice, entering (true) and leaving
// (false). A list is entered, then each item in turn: the item entered,
// its sub-items as a bulleted list nested in it, the item left; then the
// list left. This is the one traversal of a document's text: every writer
// goes through it (or through Passages), so that none can miss a level.
func (d *Document) Walk(visit func(n Node, entering bool)) {
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if !b.Kind.IsList() {
			n := Node{Kind: b.Kind, ID: b.ID, Text: b.Text, Line: b.Line, Block: bi}
			visit(n, true)
			continue
		}
		list := Node{Kind: b.Kind, Line: b.Line, Block: bi}
		if b.Kind == NumberedList {
			list.Number = b.Start
		}
		visit(list, true)
		for j := range b.Items {
			it := &b.Items[j]
			item := Node{Kind: ListItem, ID: it.ID, Text: it.Text, Line: it.Line, Depth: 1, Block: bi}
			if b.Kind == NumberedList {
				item.Number = b.Start + j
			}
			visit(item, true)
			if len(it.Items) > 0 {
				sub := Node{Kind: BulletList, Line: it.Items[0].Line, Depth: 1, Block: bi}
				visit(sub, true)
				for _, s := range it.Items {
					n := Node{Kind: ListItem, ID: s.ID, Text: s.Text, Line: s.Line, Depth: 2, Block: bi}
					visit(n, true)
					visit(n, false)
				}
				visit(sub, false)
			}
			visit(item, false)
		}
		visit(list, false)
	}
}

// Passages yields, in reading order, every node of d's body that holds
// text: headings, paragraphs, items and sub-items, each once. Together
// with the title, subtitle and date line they are every word of the
// document.
func (d *Document) Passages() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		stop := false
		d.Walk(func(n Node, entering bool) {
			if stop || !entering || n.Kind.IsList() {
				return
			}
			if !yield(n) {
				stop = true
			}
		})
	}
}
