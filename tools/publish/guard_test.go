package publish

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/document"
)

// TestCheckDebris: the guard refuses a site with a template's or format
// string's debris in any file it writes, EPUB entries included, names the
// file and line, and lets pass BibTeX's {{ and a marker the documents'
// own text holds.
func TestCheckDebris(t *testing.T) {
	epub := func(entry, text string) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, _ := z.Create(entry)
		w.Write([]byte(text))
		z.Close()
		return b.Bytes()
	}
	text := func(s string) []convert.Doc {
		doc := &document.Document{Title: "Закључци", Blocks: []document.Block{{Kind: document.Paragraph, ID: "p1", Text: s}}}
		return []convert.Doc{{ID: "x", Versions: []convert.Version{{Doc: doc}}}}
	}
	for _, tc := range []struct {
		name  string
		files map[string][]byte
		docs  []convert.Doc
		want  string // the error's start; "" for none
	}{
		{"clean", map[string][]byte{"index.html": []byte("<p>Београд, 26–27. новембар 2015.</p>")}, nil, ""},
		{"printf", map[string][]byte{"a/index.html": []byte("<p>\n{{ .Place }}, {{ .Dates }}%!(EXTRA string=Belgrade)</p>")}, nil, `a/index.html:2: holds "{{"`},
		{"printf only", map[string][]byte{"index.xml": []byte("x %!(EXTRA string=a)")}, nil, `index.xml:1: holds "%!("`},
		{"printf missing", map[string][]byte{"index.xml": []byte("Belgrade, %!s(MISSING)")}, nil, `index.xml:1: holds "%!s("`},
		{"missing value", map[string][]byte{"search/d/0.js": []byte(`searchDoc(0,{"w":"<no value>"})`)}, nil, `search/d/0.js:1: holds "<no value>"`},
		{"refused value", map[string][]byte{"index.html": []byte(`<a href="#ZgotmplZ">`)}, nil, `index.html:1: holds "ZgotmplZ"`},
		{"first by path", map[string][]byte{"b.html": []byte("%!("), "a.json": []byte("<no value>")}, nil, `a.json:1:`},
		{"in an EPUB", map[string][]byte{"d/x.epub": epub("EPUB/title.xhtml", "<p>{{ .Place }}</p>")}, nil, `d/x.epub: EPUB/title.xhtml:1: holds "{{"`},
		{"BibTeX braces", map[string][]byte{"d/x.bib": []byte("author = {{Committee}},")}, nil, ""},
		{"BibTeX debris", map[string][]byte{"d/x.bib": []byte("title = {%!(EXTRA)},")}, nil, `d/x.bib:1: holds "%!("`},
		{"the document's own words", map[string][]byte{"index.html": []byte("<p>шаблон {{ .Name }}</p>")}, text("шаблон {{ .Name }}"), ""},
		{"binary files", map[string][]byte{"i.png": []byte("{{")}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dir, name), string(data))
			}
			err := checkDebris(dir, tc.docs)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
				t.Errorf("error %v, want one starting %q", err, tc.want)
			}
		})
	}
	if err := checkDebris(filepath.Join(t.TempDir(), "none"), nil); !os.IsNotExist(err) {
		t.Errorf("a missing folder: %v", err)
	}
}
