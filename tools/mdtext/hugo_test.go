package mdtext

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/internal/hugomd"
)

// TestHugo renders the escape cases, the corpus and every punctuation form
// through the real Hugo (go tool hugo, v0.165.0 from go.mod) with the real
// config.toml, and requires the same blocks as hugomd.Blocks. On a fresh
// machine its first run compiles Hugo (one to two minutes), as the site's
// end-to-end tests do.
func TestHugo(t *testing.T) {
	var texts []string
	for _, c := range escapeCases {
		texts = append(texts, c.text)
	}
	texts = append(texts, readLines(t, "testdata/corpus.txt")...)
	for i := 0; i < len(asciiPunct); i++ {
		c := string(asciiPunct[i])
		for _, f := range []string{"%c", "%c%c%c", "%c x", "x %c", "x%cy", "%c1%c", "x %c%c"} {
			texts = append(texts, strings.ReplaceAll(f, "%c", c))
		}
	}

	var md strings.Builder
	md.WriteString("---\ntitle: mdtext check\n---\n\n")
	var want []hugomd.Block
	for i, text := range texts {
		id := func(p string) string { return fmt.Sprintf("%s%d", p, i) }
		md.WriteString(strings.Join([]string{
			Heading(text, id("s")),
			Paragraph(text, id("p")),
			ListItem("-", text, id("b")),
			ListItem("-", text, id("c")),
			Paragraph(text, id("q")),
			ListItem("9.", text, id("n")),
			ListItem("10.", text, id("m")),
		}, "\n\n") + "\n\n")
		for _, b := range []hugomd.Block{{Tag: "h2", ID: id("s"), Text: text}, {Tag: "p", ID: id("p"), Text: text}, {Tag: "li", ID: id("b"), Text: text}, {Tag: "li", ID: id("c"), Text: text}, {Tag: "p", ID: id("q"), Text: text}, {Tag: "li", ID: id("n"), Text: text}, {Tag: "li", ID: id("m"), Text: text}} {
			want = append(want, b)
		}
	}
	// Hugo's converter must agree on the page body first.
	body := md.String()[strings.Index(md.String(), "\n---\n")+5:]
	if got, err := hugomd.Blocks([]byte(body)); err != nil || !slices.Equal(got, want) {
		t.Fatalf("hugomd.Blocks disagrees (err %v)", err)
	}

	site := t.TempDir()
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"config.toml":             string(cfg),
		"layouts/page.html":       "{{ .Content }}",
		"content/mdtext-check.md": md.String(),
	}
	for name, content := range files {
		p := filepath.Join(site, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "tool", "hugo", "--source", site, "--destination", filepath.Join(site, "public"), "--quiet")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	var page string
	_ = filepath.WalkDir(filepath.Join(site, "public"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(p, "mdtext-check") && d.Name() == "index.html" {
			page = p
		}
		return nil
	})
	if page == "" {
		t.Fatal("hugo wrote no mdtext-check page")
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	got, err := hugomd.HTMLBlocks(html)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("hugo: %d blocks, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("hugo block %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
