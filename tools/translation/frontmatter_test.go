package translation

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var frontMatterCases = []string{
	good,
	"---\ntitle: T\nplace: P\n---\n\n## H\n",
	"---\ntitle: yes\nplace: 12\ndescription: [a, b]\n---\ntext\n",
	"---\n- a\n- b\n---\n",
	"---\njust text\n---\n",
	"---\n[a]: b\n---\n",
	"---\ntitle: 'unclosed\n---\n",
	"---\nx: &a {k: v}\ny:\n  <<: *a\n---\n",
	"---\nx: 1\nx: 2\n---\n",
	"---\n---\n# empty\n",
	"---\ntitle: T\n",
	"-----\ntitle: T\n  -- \n\nbody\n",
	"\n---\ntitle: T\n---\n",
	"text\n---\ntitle: T\n---\n",
	"- item\n- item\n",
	"---\n\t: bad\n---\n",
}

// parseWith returns what a parse of src with m gives: the front matter
// fields, the error, and the kinds and lines of the document's blocks.
func parseWith(m goldmark.Markdown, get func(parser.Context) (map[string]any, error), src string) (map[string]any, string, string) {
	ctx := parser.NewContext()
	root := m.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
	fields, err := get(ctx)
	var blocks strings.Builder
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock {
			fmt.Fprintf(&blocks, "%s %d;", n.Kind(), n.Lines().Len())
		}
		return ast.WalkContinue, nil
	})
	e := ""
	if err != nil {
		e = err.Error()
	}
	return fields, e, blocks.String()
}

var metaMarkdown = goldmark.New(goldmark.WithExtensions(meta.Meta))

func checkFrontMatter(t *testing.T, src string) {
	wantFields, wantErr, wantBlocks := parseWith(metaMarkdown, meta.TryGet, src)
	fields, err, blocks := parseWith(markdown, getFrontMatter, src)
	if !reflect.DeepEqual(fields, wantFields) || err != wantErr || (wantErr == "" && blocks != wantBlocks) {
		t.Errorf("%q:\n got %v, %q, %s\nwant %v, %q, %s", src, fields, err, blocks, wantFields, wantErr, wantBlocks)
	}
}

// TestFrontMatter checks the front matter extension against goldmark-meta.
func TestFrontMatter(t *testing.T) {
	for _, src := range frontMatterCases {
		checkFrontMatter(t, src)
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, src := range frontMatterCases {
		f.Add(src)
	}
	f.Fuzz(checkFrontMatter)
}
