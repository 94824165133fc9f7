// Package meta reads a document's metadata file, seeds/<id>.meta.toml: the
// facts a citation needs that the seed's text does not state, written by
// an editor beside the seed.
//
// # The file
//
// Every key is optional; names are given per language, by the Hugo
// language keys of config.toml:
//
//	# seeds/000_1dc8ae94338e037f.meta.toml
//	script = "Cyrl"        # the seed's script: "Cyrl" or "Latn"
//	language = "sr"        # the seed's language, a key of config.toml
//	reference = "02-123/15" # an official reference number
//	url = "https://…"      # the original publication
//
//	[event]                # the event's name
//	sr = "Регионални парламентарни дијалог …"
//	en = "Regional Parliamentary Dialogue …"
//
//	[[issuer]]             # one table per issuer (organiser), in order
//	sr = "Одбор за одбрану и унутрашње послове …"
//	en = "Defence and Internal Affairs Committee …"
//
// A name in the Latin-script language ("sr-latn") may be left out: it is
// the Cyrillic name transliterated, as the rest of the Latin version is. A
// version whose language has no name of its own uses the original's.
//
// # Defaults
//
// A document without a metadata file, or whose file names no issuer, is
// issued by config.toml's site-wide publisher, if it names one:
//
//	[params.publisher]
//	sr = "…"
//	en = "…"
//
// Nothing is guessed from the text.
//
// # Errors
//
// Load reports every problem as "seeds/<id>.meta.toml:LINE: message":
// a key it does not know, a value of the wrong type, a language that
// config.toml lacks, a script other than Cyrl or Latn, an address that is
// not absolute http(s), an empty name.
package meta

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/translit"
)

// Suffix ends a metadata file's name: seeds/<id>.meta.toml.
const Suffix = ".meta.toml"

// LatinLang is the language key whose names default to the transliterated
// Cyrillic ones.
const LatinLang = "sr-latn"

// Meta is a document's metadata.
type Meta struct {
	Script    string  // "Cyrl", "Latn", or "" when the file does not say
	Language  string  // the original's language key, or ""
	Reference string  // an official reference number, or ""
	URL       string  // the original publication's address, or ""
	Event     Names   // the event's name; nil when not given
	Issuers   []Names // the issuers (organisers), in order
}

// Names is one name in several languages, by Hugo language key.
type Names map[string]string

// In returns the name in the language lang: its own, the Cyrillic one
// transliterated for LatinLang, the one in the original's language orig,
// or else the first by language key; "" when there is none.
func (n Names) In(lang, orig string) string {
	if s, ok := n[lang]; ok {
		return s
	}
	if lang == LatinLang {
		if s, ok := n[orig]; ok && orig != LatinLang {
			latin, _ := translit.ToLatin(s)
			return latin
		}
	}
	if s, ok := n[orig]; ok {
		return s
	}
	// A name given in other languages only is still the name.
	for _, l := range sortedKeys(n) {
		return n[l]
	}
	return ""
}

// IssuersIn returns the issuers' names in the language lang (see In).
func (m *Meta) IssuersIn(lang, orig string) []string {
	var out []string
	for _, n := range m.Issuers {
		if s := n.In(lang, orig); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// EventIn returns the event's name in the language lang (see In).
func (m *Meta) EventIn(lang, orig string) string { return m.Event.In(lang, orig) }

// file is the file's shape, for strict decoding.
type file struct {
	Script    string              `toml:"script"`
	Language  string              `toml:"language"`
	Reference string              `toml:"reference"`
	URL       string              `toml:"url"`
	Event     map[string]string   `toml:"event"`
	Issuer    []map[string]string `toml:"issuer"`
}

// Load reads seeds/<id>.meta.toml under root, if it exists, and returns
// the document's metadata with defaults applied (the publisher when no
// issuer is named). langs are the site's language keys; publisher is
// config.toml's [params.publisher], or nil.
func Load(root, id string, langs []string, publisher Names) (*Meta, error) {
	rel := "seeds/" + id + Suffix
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	m := &Meta{}
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if m, err = Parse(rel, data, langs); err != nil {
			return nil, err
		}
	}
	m.Default(publisher)
	return m, nil
}

// Default gives m the site-wide publisher (config.toml's
// [params.publisher]) as its issuer when it names none.
func (m *Meta) Default(publisher Names) {
	if len(m.Issuers) == 0 && len(publisher) > 0 {
		m.Issuers = []Names{publisher}
	}
}

// Parse reads the metadata file named name (for messages) with contents
// data. langs are the site's language keys.
func Parse(name string, data []byte, langs []string) (*Meta, error) {
	var f file
	dec := toml.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, decodeError(name, data, err)
	}
	m := &Meta{Script: f.Script, Language: f.Language, Reference: f.Reference, URL: f.URL}
	if f.Event != nil {
		m.Event = Names(f.Event)
	}
	for _, n := range f.Issuer {
		m.Issuers = append(m.Issuers, Names(n))
	}
	return m, check(name, data, m, langs)
}

// decodeError turns the decoder's error into "name:line: message".
func decodeError(name string, data []byte, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs []error
		for _, e := range strict.Errors {
			line, _ := e.Position()
			errs = append(errs, document.Errorf(name, line, "unknown key %q (known: script, language, reference, url, [event], [[issuer]])", strings.Join(e.Key(), ".")))
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if k := de.Key(); len(k) > 0 {
			if want := wantType(k); want != "" && strings.Contains(msg, "cannot") {
				msg = fmt.Sprintf("%s must be %s", strings.Join(k, "."), want)
			}
		}
		return document.Errorf(name, line, "%s", msg)
	}
	return document.Errorf(name, 0, "%s", strings.TrimPrefix(err.Error(), "toml: "))
}

// wantType names the type the key path k must have.
func wantType(k []string) string {
	switch {
	case len(k) == 1 && (k[0] == "event"):
		return "a table of names by language"
	case len(k) == 1 && k[0] == "issuer":
		return "an array of tables ([[issuer]])"
	case len(k) == 1:
		return "a string"
	case k[0] == "event" || k[0] == "issuer":
		return "a string"
	}
	return ""
}

// check validates the decoded m: values, and the languages of names,
// whose lines it finds with the TOML parser.
func check(name string, data []byte, m *Meta, langs []string) error {
	lines := keyLines(data)
	var errs []error
	bad := func(key string, format string, args ...any) {
		errs = append(errs, document.Errorf(name, lines[key], format, args...))
	}
	if m.Script != "" && m.Script != "Cyrl" && m.Script != "Latn" {
		bad("script", "script %q: want \"Cyrl\" or \"Latn\"", m.Script)
	}
	if m.Language != "" && !slices.Contains(langs, m.Language) {
		bad("language", "language %q is not in config.toml (%s)", m.Language, strings.Join(langs, ", "))
	}
	if m.URL != "" {
		u, err := url.Parse(m.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			bad("url", "url %q: want an absolute http or https address", m.URL)
		}
	}
	if m.Reference != "" && strings.TrimSpace(m.Reference) != m.Reference {
		bad("reference", "reference %q: leading or trailing space", m.Reference)
	}
	names := func(table string, n Names) {
		if len(n) == 0 {
			bad(table, "[%s] names no language", strings.SplitN(table, "#", 2)[0])
		}
		for _, lang := range sortedKeys(n) {
			switch s := n[lang]; {
			case !slices.Contains(langs, lang):
				bad(table+"."+lang, "language %q is not in config.toml (%s)", lang, strings.Join(langs, ", "))
			case strings.TrimSpace(s) == "":
				bad(table+"."+lang, "empty name")
			case strings.ContainsAny(s, "\n\r\t"):
				bad(table+"."+lang, "a name is one line")
			}
		}
	}
	if line, ok := lines["[issuer]"]; ok {
		errs = append(errs, document.Errorf(name, line, "[issuer] is one table: write [[issuer]] for each issuer"))
	}
	if _, ok := lines["[event]"]; ok || m.Event != nil {
		names("event", m.Event)
	}
	for i, n := range m.Issuers {
		names(fmt.Sprintf("issuer#%d", i), n)
	}
	return errors.Join(errs...)
}

func sortedKeys(n Names) []string {
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// keyLines returns the line of every key of the (well-formed) TOML data,
// by its dotted path; the tables of an array of tables are "name#i".
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var table string
	arrays := map[string]int{}
	keyOf := func(n *unstable.Node) (string, int) {
		var parts []string
		line := 0
		it := n.Key()
		for it.Next() {
			k := it.Node()
			parts = append(parts, string(k.Data))
			if line == 0 {
				line = p.Shape(k.Raw).Start.Line
			}
		}
		return strings.Join(parts, "."), line
	}
	var keyValue func(prefix string, n *unstable.Node)
	keyValue = func(prefix string, n *unstable.Node) {
		k, line := keyOf(n)
		if prefix != "" {
			k = prefix + "." + k
		}
		lines[k] = line
		if v := n.Value(); v != nil && v.Kind == unstable.InlineTable {
			it := v.Children()
			for it.Next() {
				keyValue(k, it.Node())
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			k, line := keyOf(e)
			table = k
			lines[k] = line
			lines["["+k+"]"] = line
		case unstable.ArrayTable:
			k, line := keyOf(e)
			table = fmt.Sprintf("%s#%d", k, arrays[k])
			arrays[k]++
			lines[table] = line
		case unstable.KeyValue:
			keyValue(table, e)
		}
	}
	return lines
}
