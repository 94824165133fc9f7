package mdtext

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// settings are the [markup.goldmark] settings of config.toml that New
// implements, as Hugo's effective configuration (its defaults included),
// keyed by lower-case dotted path below markup.goldmark. TestConfig fails
// when config.toml (over Hugo v0.165.0's defaults) says anything else for a
// key listed here, and TestSettingsProbes checks New's behaviour for each.
// Keys of Hugo's configuration that are not listed have no effect on the
// HTML of text that Escape produces (see ignoredSettings in the tests).
var settings = map[string]any{
	"parser.autoheadingid":                      false,
	"parser.autodefinitiontermid":               false,
	"parser.wrapstandaloneimagewithinparagraph": true,
	"parser.attribute.block":                    true,
	"parser.attribute.title":                    true,
	"renderer.hardwraps":                        false,
	"renderer.unsafe":                           false,
	"renderer.xhtml":                            false,
	"extensions.definitionlist":                 true,
	"extensions.footnote.enable":                true,
	"extensions.footnote.enableautoidprefix":    false,
	"extensions.footnote.backlinkhtml":          footnoteBacklinkHTML,
	"extensions.linkify":                        false,
	"extensions.strikethrough":                  true,
	"extensions.table":                          true,
	"extensions.tasklist":                       true,
	"extensions.cjk.enable":                     false,
	"extensions.typographer.disable":            true,
	"extensions.extras.delete.enable":           false,
	"extensions.extras.insert.enable":           false,
	"extensions.extras.mark.enable":             false,
	"extensions.extras.subscript.enable":        false,
	"extensions.extras.superscript.enable":      false,
	"extensions.passthrough.enable":             false,
}

// footnoteBacklinkHTML is Hugo's default markup.goldmark.extensions.footnote.backlinkHTML.
const footnoteBacklinkHTML = "&#x21a9;&#xfe0e;"

// New returns a goldmark.Markdown configured as config.toml configures
// Hugo v0.165.0's goldmark (see settings): the extensions that Hugo adds
// for the enabled settings, in Hugo's order, heading attributes
// (parser.attribute.title), Hugo's block attributes (parser.attribute.block),
// no typographer, no linkify, no emoji, default renderer options (no hard
// wraps, no XHTML, raw HTML omitted).
//
// Not mirrored: Hugo's render hooks (templates in layouts/_markup; without
// them Hugo renders links, images and headings as goldmark does) and its
// TOC, image, table, code block, block quote and hugocontext extensions,
// which collect data or render constructs that Escape never lets through
// (links, images, tables, code, block quotes, {{__hugo_ctx}} markers).
// A project render-heading.html hook would be outside this proof.
// TestHugo (MDTEXT_HUGO=1) compares with the real Hugo.
func New() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
			extension.DefinitionList,
			extension.NewFootnote(extension.WithFootnoteBacklinkHTML(footnoteBacklinkHTML)),
			blockAttributes{},
		),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
}

// blockAttributes mirrors Hugo's attributes extension
// (markup/goldmark/internal/extensions/attributes) with
// parser.attribute.block = true and no automatic ids: a line that is an
// attribute list ({#id .class key=value}) is a block of its own that can
// interrupt a paragraph; after parsing, its attributes go to the block right
// before it when no blank line separates them, and it is removed.
type blockAttributes struct{}

func (blockAttributes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(attrParser{}, 100)),
		parser.WithASTTransformers(util.Prioritized(attrTransformer{}, 100)),
	)
}

var kindAttributesBlock = ast.NewNodeKind("AttributesBlock")

type attributesBlock struct{ ast.BaseBlock }

func (a *attributesBlock) Kind() ast.NodeKind { return kindAttributesBlock }

func (a *attributesBlock) Dump(source []byte, level int) {
	ast.DumpHelper(a, source, level, nil, nil)
}

type attrParser struct{}

func (attrParser) Trigger() []byte { return []byte{'{'} }

func (attrParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if attrs, ok := parser.ParseAttributes(reader); ok {
		node := &attributesBlock{}
		for _, attr := range attrs {
			node.SetAttribute(attr.Name, attr.Value)
		}
		return node, parser.NoChildren
	}
	return nil, parser.RequireParagraph
}

func (attrParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (attrParser) Close(ast.Node, text.Reader, parser.Context)                 {}
func (attrParser) CanInterruptParagraph() bool                                 { return true }
func (attrParser) CanAcceptIndentedLine() bool                                 { return false }

type attrTransformer struct{}

func (attrTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var attached, solitary []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != kindAttributesBlock {
			return ast.WalkContinue, nil
		}
		if prev := n.PreviousSibling(); prev != nil && prev.Kind() != ast.KindFencedCodeBlock && !n.HasBlankPreviousLines() {
			attached = append(attached, n)
			return ast.WalkSkipChildren, nil
		}
		solitary = append(solitary, n)
		return ast.WalkContinue, nil
	})
	for _, n := range attached {
		if prev := n.PreviousSibling(); prev != nil && prev.Type() == ast.TypeBlock {
			for _, attr := range n.Attributes() {
				if _, found := prev.Attribute(attr.Name); !found {
					prev.SetAttribute(attr.Name, attr.Value)
				}
			}
		}
		n.Parent().RemoveChild(n.Parent(), n)
	}
	for _, n := range solitary {
		n.Parent().RemoveChild(n.Parent(), n)
	}
}
