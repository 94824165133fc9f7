package publish

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFixtureLanguage adds a language the way the README tells an editor
// to (a [languages.fr] table in config.toml, i18n/fr.toml, a translation
// seeds/<id>.fr.md) to a copy of the repository, with no change to Go
// code, and builds it: the French page exists in French and the other
// versions offer it.
func TestFixtureLanguage(t *testing.T) {
	root := t.TempDir()
	if err := copyRepo(root); err != nil {
		t.Fatal(err)
	}
	appendFile(t, filepath.Join(root, "config.toml"), `
[languages.fr]
  locale = "fr"
  label = "Français"
  direction = "ltr"
  weight = 4
  title = "Dialogue parlementaire régional"
`)
	strings_, err := os.ReadFile(filepath.Join(root, "i18n", "en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "i18n", "fr.toml"), string(strings_))
	seeds, _ := filepath.Glob(filepath.Join(root, "seeds", "*.en.md"))
	if len(seeds) == 0 {
		t.Fatal("no English translation to start from")
	}
	en, err := os.ReadFile(seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	fr := strings.Replace(string(en), "title: ", "title: (FR) ", 1)
	writeFile(t, strings.TrimSuffix(seeds[0], ".en.md")+".fr.md", fr)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := Build(ctx, Options{Root: root}); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(root, "public", "fr", "documents", "*", "index.html"))
	if len(pages) != 1 {
		t.Fatalf("French document pages: %v", pages)
	}
	page, _ := os.ReadFile(pages[0])
	if !strings.Contains(string(page), `<html lang=fr`) || !strings.Contains(string(page), "(FR) ") {
		t.Errorf("%s is not the French version", pages[0])
	}
	original, _ := filepath.Glob(filepath.Join(root, "public", "documents", "*", "index.html"))
	if len(original) != 1 {
		t.Fatalf("original pages: %v", original)
	}
	if data, _ := os.ReadFile(original[0]); !strings.Contains(string(data), `hreflang=fr`) {
		t.Errorf("%s does not offer the French version", original[0])
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(data)+text)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
