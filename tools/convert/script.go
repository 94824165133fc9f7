package convert

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/pages"
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
func seedScript(file string, data []byte) (translit.Script, []string, error) {
	lines := strings.Split(string(bytes.TrimPrefix(data, []byte("\uFEFF"))), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	script := translit.Detect(lines)
	if script == translit.Unknown {
		script = translit.Cyrillic // no Serbian letters to tell: the site's default
	}
	var warnings []string
	warned := 0 // the last line warned about: one warning a line
	for _, p := range translit.Check(lines, script) {
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

// serbianVersions returns the original version of the parsed seed orig
// and the other script's, transliterated, in that order, and the language
// key of the original. defaultLang is the Cyrillic version's key.
func serbianVersions(orig *document.Document, script translit.Script, defaultLang, file string) (vs []version, originalLang string, warnings []string) {
	if script == translit.Latin {
		return []version{
			{orig, pages.Version{Lang: LatinLang, OriginalLang: LatinLang}},
			{ToCyrillic(orig), pages.Version{Lang: defaultLang, OriginalLang: LatinLang, Transliterated: true}},
		}, LatinLang, nil
	}
	latin, warnings := Transliterate(orig, file)
	return []version{
		{orig, pages.Version{Lang: defaultLang, OriginalLang: defaultLang}},
		{latin, pages.Version{Lang: LatinLang, OriginalLang: defaultLang, Transliterated: true}},
	}, defaultLang, warnings
}

// ToCyrillic returns the Cyrillic-script version of the Latin doc.
func ToCyrillic(doc *document.Document) *document.Document {
	c := *doc
	for _, s := range []*string{&c.Title, &c.Subtitle, &c.DateLine, &c.Place, &c.Summary} {
		*s = translit.ToCyrillic(*s)
	}
	c.Blocks = slices.Clone(doc.Blocks)
	for i := range c.Blocks {
		b := &c.Blocks[i]
		b.Text = translit.ToCyrillic(b.Text)
		b.Items = slices.Clone(b.Items)
		for j := range b.Items {
			b.Items[j].Text = translit.ToCyrillic(b.Items[j].Text)
		}
	}
	c.Type = c.Blocks[0].Text
	return &c
}
