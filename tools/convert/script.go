package convert

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/translit"
)

// This file decides which of a seed's two Serbian versions is the original:
// the one in the script the seed is written in. A Cyrillic seed's original
// is the default language's page (sr) and its Latin version is
// transliterated; a Latin seed's original is the sr-latn page, published as
// written, and its Cyrillic version is transliterated.

// seedScript returns the script the seed's text is written in. A letter
// outside the Serbian alphabet or a word that mixes the scripts is an error
// "file:line:col: message"; a word of the other script that Serbian text
// does not keep in it (a Latin word in Cyrillic text that is not a name
// listed in tools/translit/latin.txt) is a warning, the first on its line.
//
// stated is the script the seed's metadata file states ("Cyrl", "Latn"),
// or "": when it is given, the text must be written in it.
func seedScript(file string, data []byte, stated string) (translit.Script, []string, error) {
	lines := strings.Split(string(bytes.TrimPrefix(data, []byte("\uFEFF"))), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	text := translit.Scan(lines)
	script := text.Script()
	if stated != "" {
		want := map[string]translit.Script{"Cyrl": translit.Cyrillic, "Latn": translit.Latin}[stated]
		if script != translit.Unknown && script != want {
			return 0, nil, fmt.Errorf("%s: written in %s, but its metadata file states script = %q", file, script, stated)
		}
		script = want
	}
	if script == translit.Unknown {
		script = translit.Cyrillic // no Serbian letters to tell: the site's default
	}
	var warnings []string
	warned := 0 // the last line warned about: one warning a line
	for _, p := range text.Check(script) {
		if p.Kind != translit.OtherScript {
			return 0, nil, fmt.Errorf("%s:%v", file, &p)
		}
		if p.Line != warned {
			warnings = append(warnings, fmt.Sprintf("%s:%d:%d: warning: %s", file, p.Line, p.Col, p.Msg))
			warned = p.Line
		}
	}
	return script, warnings, nil
}

// serbianVersions returns the seed's two Serbian versions by language
// key, the original as parsed and the other script's transliterated, and
// the language key of the original. defaultLang is the Cyrillic version's
// key.
func serbianVersions(orig *document.Document, script translit.Script, defaultLang, file string) (map[string]*document.Document, string, []string) {
	if script == translit.Latin {
		return map[string]*document.Document{LatinLang: orig, defaultLang: document.ToCyrillic(orig)}, LatinLang, nil
	}
	latin, warnings := document.ToLatin(orig, file)
	return map[string]*document.Document{defaultLang: orig, LatinLang: latin}, defaultLang, warnings
}
