package publish

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/hugo"
)

// TestWorkflow lints the GitHub Pages workflow with actionlint (pinned in
// go.mod as a tool) and checks that it builds with the README's command.
func TestWorkflow(t *testing.T) {
	const workflow = "../../.github/workflows/pages.yml"
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := hugo.GoCommand(ctx, "tool", "actionlint", "-no-color", workflow)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("actionlint: %v\n%s", err, out)
	}
	data, err := os.ReadFile(workflow)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const build = "go run ./tools/site"
	if !strings.Contains(string(readme), build) {
		t.Errorf("README.md does not give the build command %q", build)
	}
	wf := string(data)
	for _, want := range []string{
		build + ` -baseURL "${{ steps.pages.outputs.base_url }}/"`,
		"go-version-file: go.mod",
		"actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@",
		"pages: write", "id-token: write", "contents: read",
		"group: pages",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
}
