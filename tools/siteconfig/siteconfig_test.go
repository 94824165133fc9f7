package siteconfig

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/hugo"
)

func load(t *testing.T) *Site {
	t.Helper()
	s, err := Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLoad: the repository's site model, with Hugo's order of languages.
func TestLoad(t *testing.T) {
	s := load(t)
	if got := strings.Join(s.LanguageKeys(), " "); got != "sr sr-latn en" {
		t.Errorf("languages %q", got)
	}
	if s.DefaultLang != "sr" || s.InSubdir || s.Locale("sr-latn") != "sr-Latn-RS" || s.Prefix("sr") != "" || s.Prefix("en") != "en/" {
		t.Errorf("site %+v", s)
	}
}

// TestDefaults: what config.toml leaves out takes Hugo's defaults, and
// mistakes name the file and line.
func TestDefaults(t *testing.T) {
	for _, tc := range []struct {
		name, config, want string
	}{
		{"no languages", `title = "T"`, "en:en:ltr"},
		{"weights, zero last", "[languages.b]\nweight = 0\n[languages.a]\nweight = 2\n[languages.en]\nweight = 1\n", "en:en:ltr a:a:ltr b:b:ltr"},
		{"locale and direction", "defaultContentLanguage = \"AR\"\n[languages.ar]\nlocale = \"ar-EG\"\ndirection = \"rtl\"\n", "ar:ar-EG:rtl"},
		{"default not listed", "defaultContentLanguage = \"fr\"\n[languages.en]\n", `config.toml: defaultContentLanguage "fr" has no [languages.fr]`},
		{"bad TOML", "title = \"T\"\nbaseURL = \n", "config.toml:2:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			if err := os.WriteFile(filepath.Join(root, File), []byte(tc.config), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Load(root)
			if err != nil {
				if !strings.HasPrefix(err.Error(), tc.want) {
					t.Errorf("error %v, want %q", err, tc.want)
				}
				return
			}
			var got []string
			for _, l := range s.Languages {
				got = append(got, l.Key+":"+l.Locale+":"+l.Direction)
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("languages %q, want %q", strings.Join(got, " "), tc.want)
			}
		})
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "run the tool from the repository's root") {
		t.Errorf("no config.toml: %v", err)
	}
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, File), []byte("[languages.en]\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "i18n"), 0o755)
	os.WriteFile(filepath.Join(root, "i18n", "en.toml"), []byte("a = \"x\"\nb = \"{{ .Name \"\n"), 0o644)
	if _, err := Load(root); err == nil || !strings.HasPrefix(err.Error(), "i18n/en.toml:2: b:") {
		t.Errorf("a string that is no template: %v", err)
	}
}

// TestWording: the dates, place and type of a version, written out.
func TestWording(t *testing.T) {
	s := load(t)
	if err := s.SetStrings("sr-latn", "i18n/sr-latn.toml", mustRead(t, "../../i18n/sr-latn.toml")); err != nil {
		t.Fatal(err)
	}
	d := func(y, m, day int) document.Date { return document.Date{Year: y, Month: time.Month(m), Day: day} }
	for _, tc := range []struct {
		lang, place, typ string
		start, end       document.Date
		want             Wording
	}{
		{"sr", "Београд", "Закључци", d(2015, 11, 26), d(2015, 11, 27),
			Wording{"26–27. новембар 2015.", "Београд, 26–27. новембар 2015.", "Закључци · Београд, 26–27. новембар 2015."}},
		{"sr-latn", "Beograd", "Zaključci", d(2015, 11, 26), d(2015, 11, 27),
			Wording{"26–27. novembar 2015.", "Beograd, 26–27. novembar 2015.", "Zaključci · Beograd, 26–27. novembar 2015."}},
		{"en", "Belgrade", "Conclusions", d(2015, 11, 26), d(2015, 11, 27),
			Wording{"26–27 November 2015", "Belgrade, 26–27 November 2015", "Conclusions · Belgrade, 26–27 November 2015"}},
		{"sr", "Нови Сад", "Препоруке", d(2016, 3, 3), d(2016, 3, 3),
			Wording{"3. март 2016.", "Нови Сад, 3. март 2016.", "Препоруке · Нови Сад, 3. март 2016."}},
		{"en", "Niš", "Conclusions", d(2016, 11, 30), d(2016, 12, 1),
			Wording{"30 November – 1 December 2016", "Niš, 30 November – 1 December 2016", "Conclusions · Niš, 30 November – 1 December 2016"}},
		{"sr", "Ниш", "Закључци", d(2016, 12, 30), d(2017, 1, 2),
			Wording{"30. децембар 2016. – 2. јануар 2017.", "Ниш, 30. децембар 2016. – 2. јануар 2017.", "Закључци · Ниш, 30. децембар 2016. – 2. јануар 2017."}},
	} {
		doc := &document.Document{Place: tc.place, Type: tc.typ, Start: tc.start, End: tc.end}
		if got := s.Word(tc.lang, doc); got != tc.want {
			t.Errorf("%s %v–%v:\n got %+v\nwant %+v", tc.lang, tc.start, tc.end, got, tc.want)
		}
	}
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// TestStringsAsHugoRendersThem renders every interface string of every
// language with Go (Site.T) and with the pinned Hugo's T, each
// placeholder given a value, and wants the same text: the two sides use
// one placeholder syntax, so a string the Go tool prints reads as the
// pages print it.
func TestStringsAsHugoRendersThem(t *testing.T) {
	s := load(t)
	if err := s.SetStrings("sr-latn", "i18n/sr-latn.toml", mustRead(t, "../../i18n/sr-latn.toml")); err != nil {
		t.Fatal(err)
	}
	type tcase struct {
		ID   string         `json:"id"`
		Key  string         `json:"key"`
		Data map[string]any `json:"data"`
	}
	root := t.TempDir()
	var cases []tcase
	want := map[string]string{}
	for _, l := range s.Languages {
		for _, key := range s.Keys(l.Key) {
			raw, _ := s.Raw(l.Key, key)
			data := map[string]any{}
			for _, m := range placeholder.FindAllStringSubmatch(raw, -1) {
				data[m[1]] = "‹" + m[1] + "›"
			}
			id := l.Key + "." + key
			cases = append(cases, tcase{id, key, data})
			want[id] = s.T(l.Key, key, data)
			if strings.Contains(want[id], "{{") || strings.Contains(want[id], "<no value>") || strings.Contains(want[id], "%!") {
				t.Errorf("%s renders as %q", id, want[id])
			}
		}
	}
	files := map[string]string{
		"layouts/home.json.json": `{{ $m := dict }}{{ range site.Data.cases }}{{ if hasPrefix .id (printf "%s." site.Language.Lang) }}{{ $m = merge $m (dict .id (T .key .data)) }}{{ end }}{{ end }}{{ $m | jsonify }}`,
	}
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "defaultContentLanguage = %q\ndisableKinds = [\"page\", \"section\", \"taxonomy\", \"term\", \"rss\", \"sitemap\", \"robotsTXT\", \"404\"]\n[outputs]\nhome = [\"json\"]\n", s.DefaultLang)
	for _, l := range s.Languages {
		fmt.Fprintf(&cfg, "[languages.%s]\nweight = %d\nlocale = %q\n", l.Key, l.Weight, l.Locale)
		files["i18n/"+l.Key+".toml"] = string(mustRead(t, filepath.Join("..", "..", "i18n", l.Key+".toml")))
	}
	files["hugo.toml"] = cfg.String()
	data, _ := json.Marshal(cases)
	files["data/cases.json"] = string(data)
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	public := filepath.Join(root, "public")
	if err := hugo.Build(ctx, hugo.Options{Source: root, Destination: public}); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range s.Languages {
		var m map[string]string
		if err := json.Unmarshal(mustRead(t, filepath.Join(public, filepath.FromSlash(s.Prefix(l.Key)), "index.json")), &m); err != nil {
			t.Fatal(err)
		}
		for k, v := range m {
			got[k] = v
		}
	}
	if len(got) != len(want) || len(want) < 100 {
		t.Errorf("Hugo rendered %d strings, Go %d", len(got), len(want))
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: Hugo %q, Go %q", id, got[id], w)
		}
	}
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
