package seeds

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "seeds"), 0o755)
	for _, name := range []string{"b.txt", "a.txt", "a.en.md", "a.meta.toml", "README.md", ".hidden", "notes.docx", "a.EN.md"} {
		if err := os.WriteFile(filepath.Join(root, "seeds", name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list, warnings, err := List(root, []string{"sr", "sr-latn", "en"}, []string{"en"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range list {
		got = append(got, s.Path()+" "+s.Trans["en"])
	}
	if want := []string{"seeds/a.txt seeds/a.en.md", "seeds/b.txt "}; !slices.Equal(got, want) {
		t.Errorf("seeds %q, want %q", got, want)
	}
	if len(warnings) != 2 || !strings.HasPrefix(warnings[0], "seeds/a.EN.md: warning: not read") || !strings.HasPrefix(warnings[1], "seeds/notes.docx: warning: not read") {
		t.Errorf("warnings %q", warnings)
	}
	for name, want := range map[string]string{
		"c.en.md": "seeds/c.en.md: translation of seeds/c.txt, which does not exist",
		"a.de.md": `seeds/a.de.md: language "de" is not in config.toml`,
		"a.sr.md": `seeds/a.sr.md: "sr" is the original's language`,
	} {
		os.WriteFile(filepath.Join(root, "seeds", name), nil, 0o644)
		if _, _, err := List(root, []string{"sr", "sr-latn", "en"}, []string{"en"}); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: error %v, want %s…", name, err, want)
		}
		os.Remove(filepath.Join(root, "seeds", name))
	}
}
