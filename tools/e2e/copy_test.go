package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
)

// siteCopy copies the repository's site into a new folder, for a test
// that changes it: its sources but content/, and seeds/ only when
// withSeeds. It returns the folder and the copy's root, dir/site.
func siteCopy(t *testing.T, withSeeds bool) (dir, root string) {
	t.Helper()
	dir = t.TempDir()
	root = filepath.Join(dir, "site")
	for _, f := range sitecopy.Sources {
		if f == "content" || (f == "seeds" && !withSeeds) {
			continue
		}
		if err := sitecopy.CopyTree(filepath.Join(built.root, f), filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}
	return dir, root
}

// buildCopy converts the copy at root and builds it with Hugo into
// dir/public as TestMain builds the repository's site (strict, under
// the sub-path testBaseURL), and loads it.
func buildCopy(t *testing.T, dir, root string) *site {
	t.Helper()
	if _, err := convert.Run(root); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := hugo.Build(ctx, hugo.Options{Source: root, Destination: public, BaseURL: testBaseURL, Strict: true}); err != nil {
		t.Fatal(err)
	}
	s, err := loadSite(root, public)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// writeFile writes data to path, making its folder.
func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
