package offline

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// OnlineOnly is the attribute that marks an element the offline copy
// leaves out, with everything in it: the link to the ZIP, for one.
const OnlineOnly = "data-online-only"

// linkAttrs are the attributes whose value is one address.
var linkAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "poster": true,
	"cite": true, "formaction": true, "data": true, "manifest": true,
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true,
	"source": true, "track": true, "wbr": true,
}

// attr is one attribute of a tag, its value unescaped.
type attr struct{ key, val string }

// span is where an attribute's value is written in a start tag, with the
// quotes around it if it has them.
type span struct {
	start, end int
	quoted     bool
}

// rewriteHTML returns the page at slash path page with every address in
// the site rewritten to the relative address of a file, and without the
// elements marked OnlineOnly. The page is read by golang.org/x/net/html's
// tokenizer, as a browser reads it (<noscript> as markup, as a reader
// without JavaScript sees it). Only the attribute values it changes are
// written anew (unquoted if they were and HTML allows it, as Hugo's
// minifier writes them); every other byte is copied as it is. Text is
// never changed, so a <style> or <script> keeps the hash a
// Content-Security-Policy may allow it by; such inline text must not name
// files of the site.
func (s *site) rewriteHTML(page string, src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/16)
	var (
		pos   int // src[pos:] is what the tokenizer has not read yet
		last  int // src[last:pos] is still to be copied
		skip  int // the depth of the element left out, 0 when none
		attrs []attr
		spans []span
		links = pageLinks{s: s, page: page, memo: map[string]string{}}
	)
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // the end of the page, or a tag it cuts off (no tag then)
		}
		start := pos
		pos += len(z.Raw()) // before TagName and TagAttr, which lower the case of what Raw returns
		if tt == html.EndTagToken {
			if name, _ := z.TagName(); skip > 0 && !voidElements[string(name)] {
				if skip--; skip == 0 {
					last = pos
				}
			}
			continue
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		tag := string(name)
		if tag == "noscript" {
			z.NextIsNotRawText()
		}
		void := tt == html.SelfClosingTagToken || voidElements[tag]
		if skip > 0 {
			if !void {
				skip++
			}
			continue
		}
		attrs = attrs[:0]
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs = append(attrs, attr{string(k), string(v)})
		}
		if slices.ContainsFunc(attrs, func(a attr) bool { return a.key == OnlineOnly }) {
			out = append(out, src[last:start]...)
			last = pos
			if !void {
				skip = 1
			}
			continue
		}
		raw := src[start:pos]
		spans = spans[:0]
		cursor := 0 // in raw: copied up to here
		for k := range attrs {
			a := &attrs[k]
			if !candidate(tag, a.key) {
				continue
			}
			var v string
			if linkAttrs[a.key] {
				v = links.link(a.val)
			} else {
				v = s.rewriteAttr(page, tag, attrs, a)
			}
			if v == a.val {
				continue
			}
			if len(spans) == 0 {
				if spans = valueSpans(raw, spans); len(spans) != len(attrs) {
					break // cannot happen: valueSpans reads attributes as the tokenizer does
				}
				out = append(out, src[last:start]...)
				last = pos
			}
			sp := spans[k]
			out = append(out, raw[cursor:sp.start]...)
			out = appendValue(out, v, sp.quoted)
			cursor = sp.end
		}
		if cursor > 0 {
			out = append(out, raw[cursor:]...)
		}
	}
	if skip > 0 {
		return out // an element left out and never closed: the rest is in it
	}
	return append(out, src[last:]...)
}

// candidate reports whether the attribute key of a tag may hold an
// address of the site.
func candidate(tag, key string) bool {
	switch key {
	case "srcset", "imagesrcset", "style":
		return true
	case "content":
		return tag == "meta"
	}
	return linkAttrs[key] || strings.HasPrefix(key, "data-")
}

// valueSpans returns where the values of the attributes of the start tag
// raw ("<name …>") are, in the order and by the rules of the tokenizer's
// TagAttr: an attribute without a name, or whose name (in lower case) an
// earlier one has, is not one; an attribute without a value has an empty
// span.
func valueSpans(raw []byte, spans []span) []span {
	var seen []string
	i := 1
	for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	skipSpace := func() {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
	}
	for skipSpace(); i < len(raw) && raw[i] != '>'; skipSpace() {
		if raw[i] == '/' { // no attribute: passed over
			i++
			continue
		}
		keyStart := i
		for i++; i < len(raw); i++ { // a first '=' belongs to the name
			if c := raw[i]; isSpace(c) || c == '/' || c == '>' || c == '=' {
				break
			}
		}
		key := asciiLower(raw[keyStart:i])
		sp := span{start: i, end: i}
		skipSpace()
		switch {
		case i < len(raw) && raw[i] == '/':
			i++
		case i < len(raw) && raw[i] == '=':
			i++
			skipSpace()
			switch {
			case i >= len(raw) || raw[i] == '>':
			case raw[i] == '"' || raw[i] == '\'':
				q := bytes.IndexByte(raw[i+1:], raw[i])
				if q < 0 {
					return spans // cannot happen: the tokenizer returns no tag then
				}
				sp = span{start: i, end: i + 1 + q + 1, quoted: true}
				i = sp.end
			default:
				sp.start = i
				for i < len(raw) && !isSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				sp.end = i
			}
		}
		if !slices.Contains(seen, key) {
			seen = append(seen, key)
			spans = append(spans, sp)
		}
	}
	return spans
}

// appendValue writes an attribute's value: bare if it was (as Hugo's
// minifier writes values) and HTML allows it, else in double quotes.
func appendValue(out []byte, v string, quoted bool) []byte {
	if !quoted && v != "" && !strings.ContainsAny(v, " \t\n\f\r\"'=<>`&") {
		return append(out, v...)
	}
	out = append(out, '"')
	for k := 0; k < len(v); k++ {
		switch v[k] {
		case '&':
			out = append(out, "&amp;"...)
		case '"':
			out = append(out, "&#34;"...)
		default:
			out = append(out, v[k])
		}
	}
	return append(out, '"')
}

// asciiLower returns b with ASCII letters in lower case, as the tokenizer
// compares attribute names.
func asciiLower(b []byte) string {
	s := bytes.Clone(b)
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			s[i] = c + 'a' - 'A'
		}
	}
	return string(s)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// rewriteAttr returns the new value of the attribute a of a tag.
func (s *site) rewriteAttr(page, tag string, attrs []attr, a *attr) string {
	switch {
	case linkAttrs[a.key]:
		return s.link(page, a.val)
	case a.key == "srcset" || a.key == "imagesrcset":
		return s.srcset(page, a.val)
	case a.key == "style":
		return s.rewriteCSS(page, a.val)
	case strings.HasPrefix(a.key, "data-"):
		return s.dataLink(page, a.val)
	case tag == "meta" && a.key == "content":
		for _, b := range attrs {
			if b.key == "http-equiv" && strings.EqualFold(b.val, "refresh") {
				return s.refresh(page, a.val)
			}
		}
		if s.isSiteAddress(a.val) {
			return s.link(page, a.val) // og:url
		}
	}
	return a.val
}

// srcset rewrites every address of a srcset list ("a.png 1x, b.png 2x"),
// and nothing else in it.
func (s *site) srcset(page, v string) string {
	parts := strings.Split(v, ",")
	for i, part := range parts {
		start := len(part) - len(strings.TrimLeft(part, " \t\n\f\r"))
		end := strings.IndexAny(part[start:], " \t\n\f\r")
		if end < 0 {
			end = len(part)
		} else {
			end += start
		}
		if start < end {
			parts[i] = part[:start] + s.link(page, part[start:end]) + part[end:]
		}
	}
	return strings.Join(parts, ",")
}

var refreshURL = regexp.MustCompile(`(?i)^(\s*\d*\s*[;,]\s*url\s*=\s*)(['"]?)(.*?)(['"]?)\s*$`)

// refresh rewrites the address of a meta refresh ("0; url=/sr/").
func (s *site) refresh(page, v string) string {
	m := refreshURL.FindStringSubmatch(v)
	if m == nil {
		return v
	}
	return m[1] + m[2] + s.link(page, m[3]) + m[4]
}

var cssURL = regexp.MustCompile(`url\(\s*(['"]?)([^'")\s]*)(['"]?)\s*\)`)

// rewriteCSS rewrites the address of every url() in CSS text read from the
// file (or page) at slash path file.
func (s *site) rewriteCSS(file, css string) string {
	if !strings.Contains(css, "url(") {
		return css
	}
	return cssURL.ReplaceAllStringFunc(css, func(m string) string {
		sub := cssURL.FindStringSubmatch(m)
		ref := sub[2]
		if strings.HasPrefix(ref, "data:") {
			return m
		}
		return "url(" + sub[1] + s.link(file, ref) + sub[3] + ")"
	})
}
