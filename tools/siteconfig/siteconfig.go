// Package siteconfig is the site model: config.toml and i18n/ read once,
// with Hugo's defaults, and the one wording of a document version's
// place, dates and type in its language. The converter, the search index,
// the take-away files and the build all use the *Site that Load returns;
// none reads config.toml or i18n/ itself.
package siteconfig

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/pelletier/go-toml/v2"
)

// File is the configuration file's name, under the site's root.
const File = "config.toml"

// Site is what the Go tool knows of the site.
type Site struct {
	Title string
	// BaseURL is config.toml's baseURL, or "/" when it has none (Hugo's
	// own default is "", which builds the same site).
	BaseURL string
	// DefaultLang is defaultContentLanguage, lowercased; Hugo's default
	// is "en".
	DefaultLang string
	InSubdir    bool // defaultContentLanguageInSubdir
	// Languages are config.toml's languages in Hugo's order: by weight,
	// a weight of 0 last, then by key.
	Languages []Language
	// Publisher is [params.publisher]: the default issuer's name per
	// language key.
	Publisher map[string]string

	strings map[string]map[string]*template.Template // language → i18n key → string
	raw     map[string]map[string]string
}

// Language is one of config.toml's [languages.<key>].
type Language struct {
	Key       string // lowercased, as Hugo keys it
	Locale    string // BCP 47; Hugo's default is the key
	Label     string
	Direction string // "ltr" unless config.toml says "rtl"
	Weight    int
	Title     string
}

// Load reads config.toml and i18n/<lang>.toml for each language under
// root. An error names the file and line.
func Load(root string) (*Site, error) {
	data, err := os.ReadFile(filepath.Join(root, File))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: not found in %s: run the tool from the repository's root (the folder with config.toml, seeds/ and content/)", File, absOr(root))
	}
	if err != nil {
		return nil, err
	}
	var raw struct {
		Title       string `toml:"title"`
		BaseURL     string `toml:"baseURL"`
		DefaultLang string `toml:"defaultContentLanguage"`
		InSubdir    bool   `toml:"defaultContentLanguageInSubdir"`
		Languages   map[string]struct {
			Locale    string `toml:"locale"`
			Label     string `toml:"label"`
			Direction string `toml:"direction"`
			Weight    int    `toml:"weight"`
			Title     string `toml:"title"`
		} `toml:"languages"`
		Params struct {
			Publisher map[string]string `toml:"publisher"`
		} `toml:"params"`
	}
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, tomlError(File, err)
	}
	s := &Site{
		Title:       raw.Title,
		BaseURL:     cmp.Or(raw.BaseURL, "/"),
		DefaultLang: cmp.Or(strings.ToLower(raw.DefaultLang), "en"),
		InSubdir:    raw.InSubdir,
		Publisher:   map[string]string{},
		strings:     map[string]map[string]*template.Template{},
		raw:         map[string]map[string]string{},
	}
	for k, v := range raw.Params.Publisher {
		s.Publisher[strings.ToLower(k)] = v
	}
	for k, l := range raw.Languages {
		k = strings.ToLower(k)
		s.Languages = append(s.Languages, Language{Key: k, Locale: cmp.Or(l.Locale, k), Label: cmp.Or(l.Label, k),
			Direction: cmp.Or(l.Direction, "ltr"), Weight: l.Weight, Title: cmp.Or(l.Title, raw.Title)})
	}
	if len(s.Languages) == 0 {
		s.Languages = []Language{{Key: s.DefaultLang, Locale: s.DefaultLang, Label: s.DefaultLang, Direction: "ltr", Title: raw.Title}}
	}
	slices.SortFunc(s.Languages, func(a, b Language) int {
		switch {
		case a.Weight == b.Weight:
			return strings.Compare(a.Key, b.Key)
		case a.Weight == 0:
			return 1
		case b.Weight == 0:
			return -1
		}
		return cmp.Compare(a.Weight, b.Weight)
	})
	if _, ok := s.Language(s.DefaultLang); !ok {
		return nil, fmt.Errorf("%s: defaultContentLanguage %q has no [languages.%s]", File, s.DefaultLang, s.DefaultLang)
	}
	for _, l := range s.Languages {
		rel := filepath.ToSlash(filepath.Join("i18n", l.Key+".toml"))
		data, err := os.ReadFile(filepath.Join(root, rel))
		if errors.Is(err, fs.ErrNotExist) {
			data, err = nil, nil // Hugo builds without it; T then gives the key
		}
		if err != nil {
			return nil, err
		}
		if err := s.SetStrings(l.Key, rel, data); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// SetStrings sets the interface strings of lang from data, the TOML of
// the file rel (for messages). The converter calls it for a language
// whose strings it generates.
func (s *Site) SetStrings(lang, rel string, data []byte) error {
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return tomlError(rel, err)
	}
	ts, strs := map[string]*template.Template{}, map[string]string{}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		str, ok := raw[key].(string)
		if !ok {
			continue // go-i18n's plural tables; this site has none
		}
		t, err := template.New(key).Option("missingkey=zero").Parse(str)
		if err != nil {
			return fmt.Errorf("%s:%d: %s: %v", rel, lineOf(data, key), key, err)
		}
		ts[key], strs[key] = t, str
	}
	s.strings[lang], s.raw[lang] = ts, strs
	return nil
}

// Keys returns the keys of lang's interface strings, sorted.
func (s *Site) Keys(lang string) []string {
	return slices.Sorted(maps.Keys(s.raw[lang]))
}

// Raw returns lang's interface string key as written, placeholders and
// all, and whether it has one.
func (s *Site) Raw(lang, key string) (string, bool) {
	v, ok := s.raw[lang][key]
	return v, ok
}

// T renders lang's interface string key with data, as Hugo's T does: its
// placeholders are Go template actions, {{ .Name }}, filled from data's
// fields. A key lang lacks gives the key itself, as in Hugo.
func (s *Site) T(lang, key string, data map[string]any) string {
	t, ok := s.strings[lang][key]
	if !ok {
		return key
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		// Only an action Hugo could not run either gets here; the build's
		// guard then refuses the file that holds this text.
		return "%!(" + err.Error() + ")"
	}
	return b.String()
}

// Language returns the language with key lang.
func (s *Site) Language(lang string) (Language, bool) {
	i := slices.IndexFunc(s.Languages, func(l Language) bool { return l.Key == lang })
	if i < 0 {
		return Language{}, false
	}
	return s.Languages[i], true
}

// LanguageKeys returns every language's key, in Hugo's order.
func (s *Site) LanguageKeys() []string {
	keys := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		keys[i] = l.Key
	}
	return keys
}

// Locale returns lang's locale.
func (s *Site) Locale(lang string) string {
	l, _ := s.Language(lang)
	return cmp.Or(l.Locale, lang)
}

// Prefix is the path of lang's root under the site's root: "" or "<lang>/".
func (s *Site) Prefix(lang string) string {
	if lang == s.DefaultLang && !s.InSubdir {
		return ""
	}
	return lang + "/"
}

// Base returns the absolute address baseURL names, ending in "/", or nil
// when it is not absolute ("/", a path): then the site has no absolute
// address.
func Base(baseURL string) *url.URL {
	u, err := url.Parse(baseURL)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u
}

// tomlError names file and, where go-toml knows it, the line.
func tomlError(file string, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		return fmt.Errorf("%s:%d: %s", file, line, de.Error())
	}
	return fmt.Errorf("%s: %v", file, err)
}

// lineOf returns the 1-based line of data on which key is set, or 0.
func lineOf(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		f := strings.TrimSpace(line)
		if strings.HasPrefix(f, key) && strings.HasPrefix(strings.TrimSpace(f[len(key):]), "=") {
			return i + 1
		}
	}
	return 0
}

func absOr(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return dir
}
