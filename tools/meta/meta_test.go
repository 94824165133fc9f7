package meta

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var langs = []string{"sr", "sr-latn", "en"}

func TestParse(t *testing.T) {
	const full = `script = "Cyrl"
language = "sr"
reference = "02-1/15"
url = "https://www.parlament.gov.rs/"

[event]
sr = "Дијалог"
en = "Dialogue"

[[issuer]]
sr = "Одбор"
en = "Committee"

[[issuer]]
en = "DCAF"
`
	m, err := Parse("seeds/x.meta.toml", []byte(full), langs)
	if err != nil {
		t.Fatal(err)
	}
	want := &Meta{
		Script: "Cyrl", Language: "sr", Reference: "02-1/15", URL: "https://www.parlament.gov.rs/",
		Event:   Names{"sr": "Дијалог", "en": "Dialogue"},
		Issuers: []Names{{"sr": "Одбор", "en": "Committee"}, {"en": "DCAF"}},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("Parse = %#v, want %#v", m, want)
	}
	for _, c := range []struct {
		lang string
		want []string
		ev   string
	}{
		{"sr", []string{"Одбор", "DCAF"}, "Дијалог"},
		{"sr-latn", []string{"Odbor", "DCAF"}, "Dijalog"},
		{"en", []string{"Committee", "DCAF"}, "Dialogue"},
	} {
		if got := m.IssuersIn(c.lang, "sr"); !reflect.DeepEqual(got, c.want) {
			t.Errorf("IssuersIn(%s) = %q, want %q", c.lang, got, c.want)
		}
		if got := m.EventIn(c.lang, "sr"); got != c.ev {
			t.Errorf("EventIn(%s) = %q, want %q", c.lang, got, c.ev)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\n\nfoo = 1\n", `seeds/x.meta.toml:3: unknown key "foo" (known: script, language, reference, url, [event], [[issuer]])`},
		{"[event]\nsr = \"a\"\n[[issuer]]\nsr = \"b\"\nname = \"c\"\n", `seeds/x.meta.toml:5: language "name" is not in config.toml (sr, sr-latn, en)`},
		{"[event]\nsr = \"a\"\n\ncolour = \"red\"\n", ""},
		{"script = 1\n", "seeds/x.meta.toml:1: script must be a string"},
		{"reference = 2015\n", "seeds/x.meta.toml:1: reference must be a string"},
		{"[event]\nsr = 1\n", "seeds/x.meta.toml:2: event.sr must be a string"},
		{"event = \"x\"\n", "seeds/x.meta.toml:1: event must be a table of names by language"},
		{"issuer = 3\n", "seeds/x.meta.toml:1: issuer must be an array of tables ([[issuer]])"},
		{"[issuer]\nsr = \"x\"\n", "seeds/x.meta.toml:1: [issuer] is one table: write [[issuer]] for each issuer"},
		{"[[issuer]]\nsr = \"a\"\n[[issuer]]\nfr = \"b\"\n", `seeds/x.meta.toml:4: language "fr" is not in config.toml (sr, sr-latn, en)`},
		{"event = { sr = \"a\", de = \"b\" }\n", `seeds/x.meta.toml:1: language "de" is not in config.toml (sr, sr-latn, en)`},
		{"language = \"fr\"\n", `seeds/x.meta.toml:1: language "fr" is not in config.toml (sr, sr-latn, en)`},
		{"script = \"Grek\"\n", `seeds/x.meta.toml:1: script "Grek": want "Cyrl" or "Latn"`},
		{"\nurl = \"ftp://x\"\n", `seeds/x.meta.toml:2: url "ftp://x": want an absolute http or https address`},
		{"url = \"/docs\"\n", `seeds/x.meta.toml:1: url "/docs": want an absolute http or https address`},
		{"reference = \" 1\"\n", `seeds/x.meta.toml:1: reference " 1": leading or trailing space`},
		{"[event]\n", "seeds/x.meta.toml:1: [event] names no language"},
		{"[[issuer]]\nsr = \" \"\n", "seeds/x.meta.toml:2: empty name"},
		{"[[issuer]]\nen = \"\"\"a\nb\"\"\"\n", "seeds/x.meta.toml:2: a name is one line"},
		{"script = \"Cyrl\nx", "seeds/x.meta.toml:1: basic strings cannot have new lines"},
	} {
		_, err := Parse("seeds/x.meta.toml", []byte(c.in), langs)
		if c.want == "" {
			// An unknown key inside a table of names is a language.
			c.want = `seeds/x.meta.toml:4: language "colour" is not in config.toml (sr, sr-latn, en)`
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse(%q):\n got %v\nwant %s", c.in, err, c.want)
		}
	}
}

func TestLoadDefaults(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, "seeds"), 0o755)
	pub := Names{"sr": "Народна скупштина", "en": "National Assembly"}
	m, err := Load(root, "a", langs, pub)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.IssuersIn("sr-latn", "sr"); !reflect.DeepEqual(got, []string{"Narodna skupština"}) {
		t.Errorf("default issuer = %q", got)
	}
	m, err = Load(root, "a", langs, nil)
	if err != nil || len(m.Issuers) != 0 {
		t.Errorf("no file, no publisher: %#v, %v", m, err)
	}
	os.WriteFile(filepath.Join(root, "seeds", "a.meta.toml"), []byte("[[issuer]]\nen = \"DCAF\"\n"), 0o644)
	m, err = Load(root, "a", langs, pub)
	if err != nil || !reflect.DeepEqual(m.IssuersIn("en", "sr"), []string{"DCAF"}) {
		t.Errorf("issuer from the file: %#v, %v", m, err)
	}
}

// FuzzParse: any input gives metadata or an error naming the file and a
// line, never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("[event]\nsr = \"a\"\n[[issuer]]\nen = \"b\"\n"))
	f.Add([]byte("event = { sr = \"a\" }\nscript = \"Latn\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("seeds/x.meta.toml", data, langs)
		if err != nil {
			if len(err.Error()) < len("seeds/x.meta.toml: ") || err.Error()[:18] != "seeds/x.meta.toml:" {
				t.Fatalf("error without the file: %v", err)
			}
			return
		}
		for _, n := range m.Issuers {
			for l := range n {
				if l != "sr" && l != "sr-latn" && l != "en" {
					t.Fatalf("accepted language %q", l)
				}
			}
		}
	})
}
