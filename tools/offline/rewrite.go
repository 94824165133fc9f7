package offline

import (
	"bytes"
	"html"
	"regexp"
	"strings"
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

// span is where an attribute sits in a start tag: its name, and its value
// with the quotes around it (valStart == valEnd for an attribute without
// a value).
type span struct {
	keyStart, keyEnd int
	valStart, valEnd int
	quoted           bool
}

// rawText are the elements whose content is text up to their end tag, not
// markup (<noscript> is markup to a reader without JavaScript, and so
// here).
var rawText = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true,
}

// rewriteHTML returns the page at slash path page with every address in
// the site rewritten to the relative address of a file, and without the
// elements marked OnlineOnly. Only the values it changes are written anew
// (unquoted if they were and HTML allows it, as Hugo's minifier writes
// them); every other byte is copied as it is. Text is never changed, so a <style> or
// <script> keeps the hash a Content-Security-Policy may allow it by; such
// inline text must not name files of the site.
//
// It scans the page as HTML's tokenizer does for what it needs: comments,
// doctypes, start tags with their attributes, end tags, and the raw text
// of <script>, <style> and their kind. A '<' that starts none of these is
// text.
func (s *site) rewriteHTML(page string, src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/16)
	var (
		last      int // src[last:i] is still to be copied
		skipStart = -1
		depth     int // of the element left out, while skipStart >= 0
		spans     []span
		attrs     []attr
		links     = pageLinks{s: s, page: page, memo: map[string]string{}}
	)
	i := 0
	for i < len(src) {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := src[i:]
		if len(rest) < 2 {
			break
		}
		switch c := rest[1]; {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				i = len(src)
				continue
			}
			i += 4 + k + 3
		case c == '!' || c == '?':
			i += endOfMarkup(rest)
		case c == '/':
			n := nameLen(rest[2:])
			if n == 0 {
				i += endOfMarkup(rest)
				continue
			}
			name := lower(rest[2 : 2+n])
			i += endOfMarkup(rest)
			if skipStart >= 0 && !voidElements[name] {
				if depth--; depth == 0 {
					last, skipStart = i, -1
				}
			}
		case isLetter(c):
			start := i
			n := nameLen(rest[1:])
			tag := lowerBytes(rest[1 : 1+n])
			var end int
			var selfClosing bool
			spans, end, selfClosing = scanAttrs(rest, 1+n, spans[:0])
			i += end
			void := voidElements[string(tag)] || selfClosing
			if rawText[string(tag)] && !selfClosing {
				i = endOfRawText(src, i, string(tag))
			}
			if skipStart >= 0 {
				if !void {
					depth++
				}
				continue
			}
			online, rewrite := false, false
			for _, sp := range spans {
				key := lowerBytes(rest[sp.keyStart:sp.keyEnd])
				switch {
				case string(key) == OnlineOnly:
					online = true
				case sp.valEnd > sp.valStart && rest[sp.valStart] != '#' && candidate(tag, key):
					rewrite = true
				}
			}
			if online {
				out = append(out, src[last:start]...)
				last = i
				if !void {
					skipStart, depth = start, 1
				}
				continue
			}
			if !rewrite {
				continue
			}
			attrs = attrs[:0]
			for _, sp := range spans {
				attrs = append(attrs, attr{string(lowerBytes(rest[sp.keyStart:sp.keyEnd])), attrValue(rest, sp)})
			}
			cursor := 0 // in rest: written up to here
			for k := range attrs {
				a := &attrs[k]
				if !candidate(tag, []byte(a.key)) {
					continue
				}
				var v string
				if linkAttrs[a.key] {
					v = links.link(a.val)
				} else {
					v = s.rewriteAttr(page, string(tag), attrs, a)
				}
				if v == a.val {
					continue
				}
				if cursor == 0 {
					out = append(out, src[last:start]...)
				}
				sp := spans[k]
				out = append(out, rest[cursor:sp.valStart]...)
				out = appendValue(out, v, sp.quoted)
				cursor = sp.valEnd
			}
			if cursor > 0 {
				out = append(out, rest[cursor:end]...)
				last = start + end
			}
		default:
			i++
		}
	}
	if skipStart >= 0 {
		return out // an element left out and never closed: the rest is in it
	}
	return append(out, src[last:]...)
}

// candidate reports whether the attribute key of a tag may hold an
// address of the site.
func candidate(tag, key []byte) bool {
	switch string(key) {
	case "srcset", "imagesrcset", "style":
		return true
	case "content":
		return string(tag) == "meta"
	}
	return linkAttrs[string(key)] || bytes.HasPrefix(key, []byte("data-"))
}

// scanAttrs reads the attributes of the start tag b (b[0] == '<'), from
// offset i just after its name, and returns their spans, the offset just
// after the tag's '>' (len(b) if it has none) and whether it ends in "/>".
func scanAttrs(b []byte, i int, spans []span) ([]span, int, bool) {
	for {
		for i < len(b) && (isSpace(b[i]) || b[i] == '/') {
			if b[i] == '/' && i+1 < len(b) && b[i+1] == '>' {
				return spans, i + 2, true
			}
			i++
		}
		if i >= len(b) {
			return spans, len(b), false
		}
		if b[i] == '>' {
			return spans, i + 1, false
		}
		sp := span{keyStart: i}
		i++ // a first '=' belongs to the name
		for i < len(b) && !isSpace(b[i]) && b[i] != '/' && b[i] != '>' && b[i] != '=' {
			i++
		}
		sp.keyEnd = i
		k := i
		for k < len(b) && isSpace(b[k]) {
			k++
		}
		if k < len(b) && b[k] == '=' {
			k++
			for k < len(b) && isSpace(b[k]) {
				k++
			}
			sp.valStart = k
			if k < len(b) && (b[k] == '"' || b[k] == '\'') {
				q := bytes.IndexByte(b[k+1:], b[k])
				if q < 0 {
					return spans, len(b), false
				}
				sp.quoted, i = true, k+1+q+1
			} else {
				for k < len(b) && !isSpace(b[k]) && b[k] != '>' {
					k++
				}
				i = k
			}
			sp.valEnd = i
		} else {
			sp.valStart, sp.valEnd = sp.keyEnd, sp.keyEnd
		}
		spans = append(spans, sp)
	}
}

// attrValue is the unescaped value of the attribute at sp in b.
func attrValue(b []byte, sp span) string {
	v := b[sp.valStart:sp.valEnd]
	if sp.quoted {
		v = v[1 : len(v)-1]
	}
	if bytes.IndexByte(v, '&') >= 0 {
		return html.UnescapeString(string(v))
	}
	return string(v)
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

// endOfMarkup is the offset just after the first '>' of b, or len(b).
func endOfMarkup(b []byte) int {
	if k := bytes.IndexByte(b, '>'); k >= 0 {
		return k + 1
	}
	return len(b)
}

// endOfRawText is the offset in src of the end tag "</tag" that closes
// raw text starting at i, or len(src).
func endOfRawText(src []byte, i int, tag string) int {
	for {
		k := bytes.Index(src[i:], []byte("</"))
		if k < 0 {
			return len(src)
		}
		i += k
		rest := src[i+2:]
		if len(rest) >= len(tag) && strings.EqualFold(string(rest[:len(tag)]), tag) &&
			(len(rest) == len(tag) || isSpace(rest[len(tag)]) || rest[len(tag)] == '>' || rest[len(tag)] == '/') {
			return i
		}
		i += 2
	}
}

// nameLen is the length of the tag name at the start of b.
func nameLen(b []byte) int {
	n := 0
	for n < len(b) && !isSpace(b[n]) && b[n] != '/' && b[n] != '>' {
		n++
	}
	return n
}

// lower returns b as a string in lower case.
func lower(b []byte) string {
	return string(lowerBytes(b))
}

// lowerBytes returns b in lower case: b itself if it is already, as Hugo
// writes names.
func lowerBytes(b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return bytes.ToLower(b)
		}
	}
	return b
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

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
