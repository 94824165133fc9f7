package cite

import (
	"bytes"
	"strings"
)

// BibTeX returns w as a biblatex @report entry, followed by its
// original's entry for a translation or a transliteration. The text is
// UTF-8 with no escapes for letters; the characters TeX gives a meaning
// ({ } % & # $ _ ^ ~ \) are escaped so that biber and pandoc read them back
// as written, and line breaks become spaces.
func BibTeX(w *Work) []byte {
	var b bytes.Buffer
	writeBibTeX(&b, w)
	if w.Original != nil {
		b.WriteByte('\n')
		writeBibTeX(&b, w.Original)
	}
	return b.Bytes()
}

func writeBibTeX(b *bytes.Buffer, w *Work) {
	b.WriteString("@report{")
	b.WriteString(w.Key)
	b.WriteString(",\n")
	field := func(name, value string) {
		if value == "" {
			return
		}
		b.WriteString("  ")
		b.WriteString(name)
		b.WriteString(strings.Repeat(" ", max(1, 12-len(name))))
		b.WriteString("= {")
		b.WriteString(value)
		b.WriteString("},\n")
	}
	var authors []string
	for _, a := range w.Issuers {
		// Double braces: a corporate name, never split into first and
		// last names, whatever "and" or commas it holds.
		authors = append(authors, "{"+texEscape(a)+"}")
	}
	field("author", strings.Join(authors, " and "))
	field("title", texEscape(w.Title))
	field("subtitle", texEscape(w.Subtitle))
	field("type", texEscape(w.Type))
	field("eventtitle", texEscape(w.Event))
	field("location", texEscape(w.Place))
	field("date", w.Start.String())
	if w.End != w.Start {
		field("eventdate", w.Start.String()+"/"+w.End.String())
	} else {
		field("eventdate", w.Start.String())
	}
	field("number", texEscape(w.Reference))
	field("langid", langid(w.Locale))
	field("language", w.Locale)
	field("url", urlEscape(w.URL))
	if w.Original != nil {
		field("related", w.Original.Key)
		field("relatedtype", "translationof")
		field("origlanguage", langid(w.Original.Locale))
		field("origtitle", texEscape(w.Original.FullTitle()))
		field("note", texEscape(w.relation()))
	}
	if w.PublicationURL != "" {
		field("addendum", `\url{`+urlEscape(w.PublicationURL)+`}`)
	}
	// No comma after the last field: trim it.
	b.Truncate(b.Len() - 2)
	b.WriteString("\n}\n")
}

// langid names a locale's language as babel and polyglossia do, for
// biblatex's hyphenation and localization.
func langid(locale string) string {
	switch {
	case strings.HasPrefix(locale, "sr-Cyrl"):
		return "serbianc"
	case strings.HasPrefix(locale, "sr"):
		return "serbian"
	case strings.HasPrefix(locale, "en"):
		return "english"
	}
	return ""
}

// texEscape escapes what TeX reads as markup in a field's text.
func texEscape(s string) string {
	s = oneLine(s)
	if !strings.ContainsAny(s, `{}%&#$_^~\`) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '{', '}', '%', '&', '#', '$', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// urlEscape makes an address safe inside a url field, which biblatex reads
// verbatim except for braces and the comment sign: those are
// percent-encoded, as they may be in any address (a % stays: it starts
// an escape already).
func urlEscape(s string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", " ", "%20", "\\", "%5C").Replace(oneLine(s))
}
