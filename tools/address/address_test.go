package address

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/pages"
)

func TestIDSuffix(t *testing.T) {
	for id, want := range map[string]string{
		"x_b2":                 "b2",
		"000_1dc8ae94338e037f": "1dc8ae94338e037f",
		"novi-sad":             "sad",
		"v_":                   "v",
		"V#":                   "v",
		"a_B C":                "b-c",
		"ж_Ђорђе":              "djordje",
		"x_Čačak":              "cacak",
		"__":                   "5f5f",
		"#":                    "23",
		"文书":                   "e69687e4b9a6",
	} {
		if got := Suffix(id); got != want {
			t.Errorf("Suffix(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestAssign(t *testing.T) {
	const base = "2016-03-03-beograd-zakljucci"
	claim := func(id string) Claim { return Claim{ID: id, File: "seeds/" + id + ".txt", Base: base} }
	tests := []struct {
		name   string
		claims []Claim
		known  map[string]Entry
		want   []string // each claim's "slug old…"
		err    string
	}{
		{"first run: the first by id has the plain slug", []Claim{claim("x_a"), claim("x_b")}, nil,
			[]string{base, base + "-b"}, ""},
		{"a known address stays", []Claim{claim("x_a"), claim("x_b")}, map[string]Entry{"x_b": {Slug: base}},
			[]string{base + "-a", base}, ""},
		{"a known suffixed address stays", []Claim{claim("x_a"), claim("x_b")}, map[string]Entry{"x_b": {Slug: base + "-b"}},
			[]string{base, base + "-b"}, ""},
		{"a moved document keeps its old slug, which nobody takes",
			[]Claim{claim("x_a"), {ID: "x_b", File: "seeds/x_b.txt", Base: "2016-03-04-beograd-zakljucci"}},
			map[string]Entry{"x_b": {Slug: base, Old: []string{"2016-01-01-nis-zakljucci"}}},
			[]string{base + "-a", "2016-03-04-beograd-zakljucci 2016-01-01-nis-zakljucci " + base}, ""},
		{"a suffixed address stays though the plain one is free",
			[]Claim{{ID: "x_b", File: "seeds/x_b.txt", Base: "2016-03-04-beograd-zakljucci"}},
			map[string]Entry{"x_b": {Slug: "2016-03-04-beograd-zakljucci-b"}},
			[]string{"2016-03-04-beograd-zakljucci-b"}, ""},
		{"both addresses taken", []Claim{claim("v"), claim("v_"), claim("w_v")}, nil, nil,
			"seeds/w_v.txt: its addresses documents/" + base + "/ and documents/" + base + "-v/ are taken by seeds/v.txt and seeds/v_.txt: rename the seed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Assign(tt.claims, tt.known)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error %v\nwant  %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range got {
				s := e.Slug
				for _, o := range e.Old {
					s += " " + o
				}
				if s != tt.want[i] {
					t.Errorf("%s: %q, want %q", tt.claims[i].ID, s, tt.want[i])
				}
			}
		})
	}
}

// TestRead reads a content/ folder with the versions of two documents,
// one of whose pages has an alias the others lack, and a page that the
// converter did not write.
func TestRead(t *testing.T) {
	root := t.TempDir()
	page := func(id, slug string, aliases ...string) string {
		s := "---\n" + pages.GeneratedMark + " from seeds/" + id + ".txt. DO NOT EDIT.\ntitle: Т\nslug: " + slug + "\ntranslationKey: " + id + "\nparams:\n  generated: true\n"
		if len(aliases) > 0 {
			s += "aliases:\n"
			for _, a := range aliases {
				s += "  - /documents/" + a + "/\n"
			}
		}
		return s + "---\n\nТекст\n{#p1}\n"
	}
	files := map[string]string{
		"content/_index.md":              "---\ntitle: Home\n---\n",
		"content/documents/a.sr.md":      page("x", "a"),
		"content/documents/a.sr-latn.md": page("x", "a"),
		"content/documents/b.en.md":      page("y", "b"),
		"content/documents/b.sr-latn.md": page("y", "b", "old-b"),
		"content/documents/b.sr.md":      page("y", "b"),
		"content/documents/c.sr.md":      page("\"z\"", "c", "c-1", "old-c"),
		"content/documents/notes.txt":    "not Markdown",
		"content/documents/d.sr.md":      page("w", "D"), // not the shape of a slug
	}
	for rel, data := range files {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	known, got, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	wantKnown := map[string]Entry{
		"x": {Slug: "a"},
		"y": {Slug: "b", Old: []string{"old-b"}},
		"z": {Slug: "c", Old: []string{"c-1", "old-c"}},
		"w": {},
	}
	if !reflect.DeepEqual(known, wantKnown) {
		t.Errorf("Read: addresses %v, want %v", known, wantKnown)
	}
	for rel, data := range files {
		p, ok := got[rel]
		switch {
		case strings.HasSuffix(rel, ".txt"):
			if ok {
				t.Errorf("Read: %s is not Markdown, but is in %v", rel, got)
			}
		case !ok:
			t.Errorf("Read: no %s", rel)
		case rel == "content/_index.md":
			if p != (Page{}) {
				t.Errorf("Read: %s = %v, want a page the converter did not write", rel, p)
			}
		case p != (Page{Generated: true, Sum: Hash([]byte(data))}):
			t.Errorf("Read: %s = %v, want generated with the SHA-256 of its bytes", rel, p)
		}
	}
}

// TestReadErrors checks that a root without content/ has no pages, and
// that a generated page whose front matter is not YAML is an error that
// names it.
func TestReadErrors(t *testing.T) {
	known, files, err := Read(t.TempDir())
	if err != nil || len(known) != 0 || len(files) != 0 {
		t.Errorf("Read of a root without content/ = %v, %v, %v; want nothing", known, files, err)
	}
	root := t.TempDir()
	path := filepath.Join(root, "content", "documents", "a.sr.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	page := "---\n" + pages.GeneratedMark + " from seeds/x.txt. DO NOT EDIT.\nslug: [a\n---\n"
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Read(root); err == nil || !strings.HasPrefix(err.Error(), "content/documents/a.sr.md: front matter:") {
		t.Errorf("Read of a broken page: error %v, want one naming content/documents/a.sr.md", err)
	}
}
