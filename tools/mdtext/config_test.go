package mdtext

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/markup/goldmark/goldmark_config"
	"github.com/pelletier/go-toml/v2"
)

// ignoredSettings are the keys of Hugo's goldmark configuration that have
// no effect on the HTML of blocks written by Heading, Paragraph and
// ListItem, with the reason.
var ignoredSettings = map[string]string{
	"parser.autoidtype":                        "only shapes automatic ids, which are off",
	"parser.autoheadingidtype":                 "legacy name of parser.autoIDType",
	"extensions.typographer.leftsinglequote":   "typographer is off",
	"extensions.typographer.rightsinglequote":  "typographer is off",
	"extensions.typographer.leftdoublequote":   "typographer is off",
	"extensions.typographer.rightdoublequote":  "typographer is off",
	"extensions.typographer.endash":            "typographer is off",
	"extensions.typographer.emdash":            "typographer is off",
	"extensions.typographer.ellipsis":          "typographer is off",
	"extensions.typographer.leftanglequote":    "typographer is off",
	"extensions.typographer.rightanglequote":   "typographer is off",
	"extensions.typographer.apostrophe":        "typographer is off",
	"extensions.linkifyprotocol":               "linkify is off",
	"extensions.cjk.eastasianlinebreaks":       "cjk is off",
	"extensions.cjk.eastasianlinebreaksstyle":  "cjk is off",
	"extensions.cjk.escapedspace":              "cjk is off",
	"extensions.passthrough.delimiters.inline": "passthrough is off",
	"extensions.passthrough.delimiters.block":  "passthrough is off",
	"renderhooks.image.enabledefault":          "render hooks: templates, for images only",
	"renderhooks.image.useembedded":            "render hooks: templates, for images only",
	"renderhooks.link.enabledefault":           "render hooks: templates, for links only",
	"renderhooks.link.useembedded":             "render hooks: templates, for links only",
	"duplicateresourcefiles":                   "page resources, not Markdown",
}

// flatten adds the settings in v (a struct or a map from TOML) to out,
// keyed by lower-case dotted path.
func flatten(out map[string]any, prefix string, v reflect.Value) {
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			out[prefix] = nil
			return
		}
		v = v.Elem()
	}
	join := func(k string) string {
		if prefix == "" {
			return strings.ToLower(k)
		}
		return prefix + "." + strings.ToLower(k)
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			flatten(out, join(v.Type().Field(i).Name), v.Field(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			flatten(out, join(k.String()), v.MapIndex(k))
		}
	default:
		out[prefix] = v.Interface()
	}
}

// hugoNormalize applies Hugo v0.165.0's migrations of old boolean forms
// (markup/markup_config.normalizeConfig) to the [markup.goldmark] table.
func hugoNormalize(gm map[string]any) {
	if p, ok := gm["parser"].(map[string]any); ok {
		if b, ok := p["attribute"].(bool); ok {
			p["attribute"] = map[string]any{"title": b, "block": false}
		}
	}
	if e, ok := gm["extensions"].(map[string]any); ok {
		migrate := func(key string, falseVal map[string]any) {
			if b, ok := e[key].(bool); ok {
				if b {
					delete(e, key)
				} else {
					e[key] = falseVal
				}
			}
		}
		migrate("typographer", map[string]any{"disable": true})
		migrate("footnote", map[string]any{"enable": false, "enableautoidprefix": false, "backlinkhtml": ""})
	}
}

// lowerKeys returns m with every key lower-cased, as Hugo reads its
// configuration.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lowerKeys(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

// TestConfig fails when config.toml's [markup.goldmark] settings, over
// Hugo's defaults, differ from what New implements, or when a key of Hugo's
// goldmark configuration is neither implemented nor known to be irrelevant.
func TestConfig(t *testing.T) {
	raw, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range configProblems(raw) {
		t.Error("config.toml: " + p)
	}
}

// TestConfigDrift checks that configProblems notices changes to config.toml.
func TestConfigDrift(t *testing.T) {
	raw, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ old, new string }{
		{"linkify = false", "linkify = true"},
		{"linkify = false", ""},
		{"typographer.disable = true", ""},
		{"typographer.disable = true", "typographer = true"},
		{"footnote = true", "footnote = false"},
		{"block = true", "block = false"},
		{"autoHeadingID = false", ""},
		{"unsafe = false", "unsafe = true"},
		{"mark.enable = false", "mark.enable = true"},
		{"cjk.enable = false", "cjk.enable = true"},
		{"table = true", "table = true\n  tables = true"},
		{"[markup.goldmark.parser]", "[markup.goldmark.parser]\n  autoDefinitionTermID = true"},
		{`baseURL = "/"`, `baseURL = "/"` + "\nenableEmoji = true"},
	} {
		if !strings.Contains(string(raw), c.old) {
			t.Errorf("config.toml no longer contains %q; update this test", c.old)
			continue
		}
		changed := strings.Replace(string(raw), c.old, c.new, 1)
		if len(configProblems([]byte(changed))) == 0 {
			t.Errorf("replacing %q by %q in config.toml goes unnoticed", c.old, c.new)
		}
	}
}

// configProblems returns how the site configuration raw disagrees with New().
func configProblems(raw []byte) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var site map[string]any
	if err := toml.Unmarshal(raw, &site); err != nil {
		return []string{err.Error()}
	}
	site = lowerKeys(site)

	// Outside [markup.goldmark], but changing goldmark all the same.
	if v, ok := site["enableemoji"]; ok && v != false {
		report("enableEmoji = %v; New() has no emoji extension", v)
	}
	markup, _ := site["markup"].(map[string]any)
	if h, ok := markup["defaultmarkdownhandler"]; ok && h != "goldmark" {
		report("markup.defaultMarkdownHandler = %v; New() is goldmark", h)
	}
	gm, ok := markup["goldmark"].(map[string]any)
	if !ok {
		return append(problems, "no [markup.goldmark]: Hugo's defaults (typographer, linkify) would rewrite text")
	}
	hugoNormalize(gm)

	effective := map[string]any{}
	flatten(effective, "", reflect.ValueOf(goldmark_config.Default))
	configured := map[string]any{}
	flatten(configured, "", reflect.ValueOf(gm))
	for k, v := range configured {
		if _, known := effective[k]; !known {
			report("markup.goldmark.%s is not a Hugo v0.165.0 goldmark setting", k)
			continue
		}
		effective[k] = v
	}

	for _, k := range sortedKeys(effective) {
		want, implemented := settings[k]
		_, ignored := ignoredSettings[k]
		switch {
		case implemented && ignored:
			report("markup.goldmark.%s is both implemented and ignored", k)
		case implemented:
			if got := effective[k]; got != want {
				report("markup.goldmark.%s = %#v (with Hugo's defaults), New() implements %#v", k, got, want)
			}
		case !ignored:
			report("markup.goldmark.%s (= %#v) is neither implemented by New() nor listed in ignoredSettings", k, effective[k])
		}
	}
	for k := range settings {
		if _, ok := effective[k]; !ok {
			report("settings has %s, which is not a Hugo goldmark setting", k)
		}
	}
	return problems
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var backref = regexp.MustCompile(`class="footnote-backref"[^>]*>(.*?)</a>`)

// probes observe, in New()'s HTML for a small Markdown input, the value of
// one setting. TestSettingsProbes requires each to observe settings[key].
var probes = map[string]struct {
	md      string
	observe func(html string) any
}{
	"parser.autoheadingid":                      {"## Наслов\n", has(`<h2 id=`)},
	"parser.autodefinitiontermid":               {"Термин\n: дефиниција\n", has(`<dt id=`)},
	"parser.wrapstandaloneimagewithinparagraph": {"![a](b.png)\n", has(`<p><img`)},
	"parser.attribute.block":                    {"текст\n{#x}\n", has(`<p id="x">`)},
	"parser.attribute.title":                    {"## Наслов {#x}\n", has(`<h2 id="x">`)},
	"renderer.hardwraps":                        {"a\nb\n", has(`<br`)},
	"renderer.unsafe":                           {"<b>x</b>\n", has(`<b>x</b>`)},
	"renderer.xhtml":                            {"a\\\nb\n", has(`<br />`)},
	"extensions.definitionlist":                 {"Термин\n: дефиниција\n", has(`<dl>`)},
	"extensions.footnote.enable":                {"a[^1]\n\n[^1]: b\n", has(`class="footnote-ref"`)},
	"extensions.footnote.backlinkhtml": {"a[^1]\n\n[^1]: b\n", func(h string) any {
		if m := backref.FindStringSubmatch(h); m != nil {
			return m[1]
		}
		return nil
	}},
	"extensions.linkify":                   {"www.example.com и https://example.com\n", has(`<a `)},
	"extensions.strikethrough":             {"~~x~~\n", has(`<del>x</del>`)},
	"extensions.table":                     {"| a |\n|---|\n| b |\n", has(`<table>`)},
	"extensions.tasklist":                  {"- [x] a\n", has(`type="checkbox"`)},
	"extensions.typographer.disable":       {`"a" 'b' -- c... << d >>` + "\n", has(`&quot;a&quot; 'b' -- c... &lt;&lt; d &gt;&gt;`)},
	"extensions.extras.insert.enable":      {"++x++\n", has(`<ins>`)},
	"extensions.extras.mark.enable":        {"==x==\n", has(`<mark>`)},
	"extensions.extras.subscript.enable":   {"H~2~O\n", has(`<sub>`)},
	"extensions.extras.superscript.enable": {"x^2^\n", has(`<sup>`)},
}

// unobservable are settings whose value New() cannot show in HTML of its
// own; config.toml must still agree with them (TestConfig).
var unobservable = map[string]string{
	"extensions.cjk.enable":                  "without its sub-options the CJK extension changes nothing",
	"extensions.extras.delete.enable":        "~~x~~ is <del> through strikethrough either way",
	"extensions.passthrough.enable":          "without delimiters passthrough changes nothing",
	"extensions.footnote.enableautoidprefix": "needs Hugo's documentID",
}

func has(s string) func(string) any {
	return func(h string) any { return strings.Contains(h, s) }
}

func TestSettingsProbes(t *testing.T) {
	for k, want := range settings {
		p, ok := probes[k]
		if !ok {
			if _, ok := unobservable[k]; !ok {
				t.Errorf("setting %s has no probe", k)
			}
			continue
		}
		html, err := render([]byte(p.md))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.observe(string(html)); got != want {
			t.Errorf("setting %s: New() renders %q as\n%s\nwhich means %#v, want %#v", k, p.md, html, got, want)
		}
	}
	// Emoji (Hugo's enableEmoji) are off.
	if html, _ := render([]byte(":smile:\n")); !strings.Contains(string(html), ":smile:") {
		t.Errorf("emoji rendered: %s", html)
	}
}
