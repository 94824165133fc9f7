package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMetaErrorsChangeNothing: every kind of mistake in a metadata file
// stops the run with its file and line, and leaves the tree as it was.
func TestMetaErrorsChangeNothing(t *testing.T) {
	tests := []struct{ name, meta, err string }{
		{"unknown key", "\nissuers = 1\n", `seeds/a.meta.toml:2: unknown key "issuers" (known: script, language, reference, url, [event], [[issuer]])`},
		{"wrong type", "reference = 12\n", "seeds/a.meta.toml:1: reference must be a string"},
		{"wrong type in a table", "[event]\nsr = true\n", "seeds/a.meta.toml:2: event.sr must be a string"},
		{"language the site lacks", "[[issuer]]\nsr = \"Одбор\"\nde = \"Ausschuss\"\n", `seeds/a.meta.toml:3: language "de" is not in config.toml (sr, sr-latn, en)`},
		{"original language the site lacks", "language = \"hr\"\n", `seeds/a.meta.toml:1: language "hr" is not in config.toml (sr, sr-latn, en)`},
		{"unknown script", "script = \"cyrillic\"\n", `seeds/a.meta.toml:1: script "cyrillic": want "Cyrl" or "Latn"`},
		{"relative address", "url = \"www.parlament.gov.rs\"\n", `seeds/a.meta.toml:1: url "www.parlament.gov.rs": want an absolute http or https address`},
		{"not TOML", "[event\n", "seeds/a.meta.toml:1: expected ']' to close table name"},
		{"stated script not the seed's", "script = \"Latn\"\n", `seeds/a.txt: written in Cyrillic, but its metadata file states script = "Latn"`},
		{"stated language not the seed's", "language = \"sr-latn\"\n", `seeds/a.meta.toml: language = "sr-latn", but seeds/a.txt is written in the script of "sr"`},
		{"stated language a translation's", "language = \"en\"\n", `seeds/a.meta.toml: language = "en", but seeds/a.txt is written in the script of "sr"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := newRoot(t, map[string]string{"seeds/a.txt": seedA, "seeds/a.en.md": seedAen})
			if _, err := Run(root); err != nil {
				t.Fatal(err)
			}
			writeTestFile(t, filepath.Join(root, "seeds/a.meta.toml"), []byte(tt.meta))
			before := snapshot(t, root)
			_, err := Run(root)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.err {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.err)
			}
			sameSnapshot(t, before, snapshot(t, root))
		})
	}
	t.Run("metadata of no seed", func(t *testing.T) {
		root := newRoot(t, map[string]string{"seeds/a.txt": seedA, "seeds/b.meta.toml": "[event]\nen = \"x\"\n"})
		before := snapshot(t, root)
		_, err := Run(root)
		if want := "seeds/b.meta.toml: metadata of seeds/b.txt, which does not exist"; err == nil || err.Error() != want {
			t.Errorf("error %v, want %s", err, want)
		}
		sameSnapshot(t, before, snapshot(t, root))
	})
}

// TestMetaInFrontMatter: the metadata reaches every version's front
// matter, the Latin one transliterated; without a file, config.toml's
// publisher is the issuer; a changed file is converted again.
func TestMetaInFrontMatter(t *testing.T) {
	root := newRoot(t, map[string]string{
		"seeds/a.txt": seedA, "seeds/a.en.md": seedAen,
		"seeds/a.meta.toml": "reference = \"06-2/15\"\nurl = \"https://example.org/a\"\n[event]\nsr = \"Дијалог\"\nen = \"Dialogue\"\n[[issuer]]\nsr = \"Одбор\"\nen = \"Committee\"\n[[issuer]]\nsr = \"Центар (DCAF)\"\n",
	})
	if _, err := Run(root); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"sr":      "  issuers:\n    - Одбор\n    - Центар (DCAF)\n  event: Дијалог\n  reference: 06-2/15\n  publicationURL: https://example.org/a\n",
		"sr-latn": "  issuers:\n    - Odbor\n    - Centar (DCAF)\n  event: Dijalog\n  reference: 06-2/15\n  publicationURL: https://example.org/a\n",
		"en":      "  issuers:\n    - Committee\n    - Центар (DCAF)\n  event: Dialogue\n  reference: 06-2/15\n  publicationURL: https://example.org/a\n",
	}
	for lang, tail := range want {
		data, _ := os.ReadFile(filepath.Join(root, "content/documents/2016-03-03-beograd-zakljucci."+lang+".md"))
		if !strings.Contains(string(data), tail) {
			t.Errorf("%s: front matter without\n%s\nin:\n%s", lang, tail, data)
		}
	}

	// No file: the publisher of config.toml, when it names one.
	os.Remove(filepath.Join(root, "seeds/a.meta.toml"))
	cfg, _ := os.ReadFile(filepath.Join(root, "config.toml"))
	cfg = append(cfg, "\n[params.publisher]\nsr = \"Народна скупштина\"\nen = \"National Assembly\"\n"...)
	writeTestFile(t, filepath.Join(root, "config.toml"), cfg)
	if _, err := Run(root); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(root, "content/documents/2016-03-03-beograd-zakljucci.sr-latn.md"))
	if !strings.Contains(string(data), "  issuers:\n    - Narodna skupština\n") {
		t.Errorf("sr-latn without the publisher:\n%s", data)
	}
}

// TestStatedScript: a metadata file that states the seed's own script and
// language is accepted, and the seed converts as without it.
func TestStatedScript(t *testing.T) {
	root := newRoot(t, map[string]string{"seeds/a.txt": seedA, "seeds/a.en.md": seedAen,
		"seeds/a.meta.toml": "script = \"Cyrl\"\nlanguage = \"sr\"\n"})
	docs, err := Documents(root)
	if err != nil {
		t.Fatal(err)
	}
	if got := docs[0].Versions[0]; got.Lang != "sr" || got.Transliterated {
		t.Errorf("first version %s (transliterated %v), want the Cyrillic original", got.Lang, got.Transliterated)
	}
}
