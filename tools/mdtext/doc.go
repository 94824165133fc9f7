// Package mdtext writes plain text as Hugo Markdown that renders back to
// exactly that text, and proves it by rendering.
//
// # Block shapes
//
// The converter writes each block of a document in one of these shapes,
// with a blank line between blocks (ESC is Escape of the block's text):
//
//	## ESC {#s1}            Heading(text, "s1")
//
//	ESC                     Paragraph(text, "p1")
//	{#p1}
//
//	- ESC                   ListItem("-", text, "b1")
//	  {#b1}
//
//	10. ESC                 ListItem("10.", text, "n10")
//	    {#n10}
//
// The {#id} lines are Hugo block attributes (markup.goldmark.parser.attribute.block
// in config.toml): the line gives its id to the block right above it. In a
// list item it is indented to the item's content (the marker's width plus
// one) and only works in a loose list, so list items must be separated by
// blank lines like every other block; in a tight list the id is silently
// dropped. An ordered list takes its start number from its first item. Ids
// must satisfy ValidID; texts must be non-empty. The block functions panic
// otherwise: both come from the converter, not from the document.
//
// # Domain of Escape
//
// Escape takes one line of text as the seed parser leaves it: valid UTF-8,
// no control characters (U+0000–U+001F, U+007F), no leading or trailing
// space, no run of two or more spaces. Everything else in Unicode may
// appear: all ASCII punctuation, Cyrillic and Latin, combining marks, NBSP
// and the other Unicode spaces (at the ends too: goldmark only trims ASCII
// white space), emoji, U+FFFD, bidirectional marks, C1 controls. Outside the
// domain the result is unspecified (a newline, for instance, would end the
// block).
//
// # What is escaped, and why
//
// Escape puts a backslash before an ASCII punctuation character where
// CommonMark, the extensions config.toml enables, or Hugo could read it as
// syntax, and nowhere else, so the Markdown stays readable. A backslash
// before ASCII punctuation always stands for the character itself in
// CommonMark, in every position, so no character references are needed
// (goldmark strips no Unicode space, so none is needed for a leading NBSP).
//
// Everywhere:
//
//	\      the escape character itself (and a hard line break at a line end)
//	`      code spans and fenced code blocks
//	*      emphasis, also inside words (a*b*c); bullets; thematic breaks
//	_      emphasis, unless between two letters or digits, where CommonMark's
//	       flanking rules let it neither open nor close (snake_case, 1_000)
//	[ ]    links, images (![…]), footnotes ([^1]), task lists ([ ], [x]),
//	       link reference definitions (either bracket would do; both are
//	       escaped so the pair reads alike)
//	<      raw HTML (omitted by Hugo, unsafe = false), autolinks, HTML blocks
//	~      strikethrough (~x~ and ~~x~~), fenced code blocks (~~~)
//	|      table cells; a table needs a delimiter row on the next line, which
//	       these shapes never write, but nothing should rely on that
//	{ }    attribute lists (a {#id} line, a heading's trailing {…}), Hugo
//	       shortcodes ({{< >}}, {{% %}}) and its {{__hugo_ctx}} markers: the
//	       Markdown never contains "{{" ('}' alone is harmless; escaped to
//	       pair with '{')
//	&      only before '#' or before ASCII letters and digits followed by ';'
//	       (&amp; &copy; &#1234; &#x41;), which would be character references;
//	       "R&D", "AT&T" and "A & B" stay as they are
//	!      only after '<': "<!--more-->" anywhere in the source is Hugo's
//	       summary divider, found before Markdown is parsed; \<\!--more-->
//	       is not
//
// At the start of the text, where a block could begin (a paragraph, or a
// list item's content, which may itself be a nested block):
//
//	#      ATX heading
//	>      block quote
//	- +    bullet list, thematic break (---), setext underline (---)
//	=      setext underline (===)
//	:      definition list description (": дефиниција" after a paragraph)
//	1. 1)  ordered list: the '.' or ')' after a leading run of ASCII digits
//	       when a space or the end follows ("2015. године" → "2015\. године";
//	       "1.5" and "10.000" stay)
//
// At the end of the text: a run of '#' ("Наслов #"), which in a heading
// would be a closing sequence and be dropped.
//
// Some of these cannot act in the block shapes above, where every block is
// one line followed by its attribute line: a table or a setext underline
// needs a second line, a definition needs a paragraph right before it
// (the attribute line is in between). The tests show that '|', '=' and ':'
// need no escape there; they are escaped anyway, as they are rare in prose,
// so that an escaped text stays text on any line of any Markdown.
//
// Not escaped, because nothing enabled reads them: " ' and -- ... << >>
// (the typographer is off), www.… and http://… (linkify is off), :smile:
// (emoji are off), ^ and = and + inside text (the extras superscript, mark
// and insert are off), $ (passthrough is off), %, and ! elsewhere, ( ) and
// . elsewhere, > elsewhere (it only matters after '<', which is escaped).
//
// # Rendering and proof
//
// The tests render every shape of every escape case, of every ASCII
// punctuation character in many positions, of testdata/corpus.txt (the
// seed's lines included) and of fuzzed input (FuzzEscapeRoundTrip) with
// Hugo's own goldmark converter and the site's config.toml
// (tools/internal/hugomd), and require exactly the original text and id
// back. TestHugo also builds a page with the real Hugo command.
package mdtext
