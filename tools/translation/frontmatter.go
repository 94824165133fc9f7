package translation

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v2"
)

// frontMatter is the front matter extension of goldmark-meta (meta.Meta)
// as Read uses it, with the YAML read once instead of twice: meta reads
// the block into a map and again into a yaml.MapSlice, which Read never
// uses. It finds the block as meta does (a line of dashes on the first
// line, up to the next one), removes it from the document when it reads
// without error, and reports the map and the error that meta would:
// when the map cannot be read, the yaml.MapSlice's error if that fails
// too (meta keeps the second error), else the map's. TestFrontMatter and
// FuzzFrontMatter compare the two extensions.
type frontMatter struct{}

func (frontMatter) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(frontMatterParser{}, 0)))
}

var frontMatterKey = parser.NewContextKey()

// frontMatterResult is what the parser leaves in the parser's context.
type frontMatterResult struct {
	fields map[string]any
	err    error
}

// getFrontMatter returns the front matter found while parsing with ctx:
// nil, nil when there was none.
func getFrontMatter(ctx parser.Context) (map[string]any, error) {
	r, _ := ctx.Get(frontMatterKey).(*frontMatterResult)
	if r == nil {
		return nil, nil
	}
	return r.fields, r.err
}

type frontMatterParser struct{}

// isSeparator reports whether line, without its surrounding white space,
// is only dashes (or nothing).
func isSeparator(line []byte) bool {
	line = util.TrimRightSpace(util.TrimLeftSpace(line))
	for _, c := range line {
		if c != '-' {
			return false
		}
	}
	return true
}

func (frontMatterParser) Trigger() []byte { return []byte{'-'} }

func (frontMatterParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if n, _ := reader.Position(); n != 0 {
		return nil, parser.NoChildren
	}
	if line, _ := reader.PeekLine(); isSeparator(line) {
		return ast.NewTextBlock(), parser.NoChildren
	}
	return nil, parser.NoChildren
}

func (frontMatterParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, segment := reader.PeekLine()
	if isSeparator(line) && !util.IsBlank(line) {
		reader.Advance(segment.Len())
		return parser.Close
	}
	node.Lines().Append(segment)
	return parser.Continue | parser.NoChildren
}

func (frontMatterParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	var buf bytes.Buffer
	lines := node.Lines()
	for i := range lines.Len() {
		s := lines.At(i)
		buf.Write(s.Value(reader.Source()))
	}
	r := &frontMatterResult{}
	fields := map[string]any{}
	if err := yaml.Unmarshal(buf.Bytes(), &fields); err != nil {
		r.err = err
		var items yaml.MapSlice
		if err := yaml.Unmarshal(buf.Bytes(), &items); err != nil {
			r.err = err
		}
	} else {
		r.fields = fields
	}
	pc.Set(frontMatterKey, r)
	if r.err == nil {
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

func (frontMatterParser) CanInterruptParagraph() bool { return false }
func (frontMatterParser) CanAcceptIndentedLine() bool { return false }
