package offline

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	nethtml "golang.org/x/net/html"
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

// rewriteHTML returns the page at slash path page with every address in
// the site rewritten to the relative address of a file, and without the
// elements marked OnlineOnly. Tags it changes are written anew (values
// quoted); everything else is copied byte for byte. Text is never
// changed, so a <style> or <script> keeps the hash a Content-Security-
// Policy may allow it by; such inline text must not name files of the
// site.
func (s *site) rewriteHTML(page string, src []byte) []byte {
	z := nethtml.NewTokenizer(bytes.NewReader(src))
	out := make([]byte, 0, len(src)+len(src)/16)
	var (
		offset int
		skip   int // > 0 inside an element left out: its depth
		attrs  []attr
	)
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			// io.EOF, or input the tokenizer gave up on: keep the rest.
			return append(out, src[offset:]...)
		}
		raw := src[offset : offset+len(z.Raw())]
		offset += len(raw)
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			if skip > 0 && tt == nethtml.EndTagToken {
				if name, _ := z.TagName(); !voidElements[string(name)] {
					skip--
				}
				continue
			}
			if skip == 0 {
				out = append(out, raw...)
			}
			continue
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		void := voidElements[tag] || tt == nethtml.SelfClosingTagToken
		if skip > 0 {
			if !void {
				skip++
			}
			continue
		}
		attrs = attrs[:0]
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			attrs = append(attrs, attr{string(k), string(v)})
		}
		if attrsHave(attrs, OnlineOnly) {
			if !void {
				skip = 1
			}
			continue
		}
		changed := false
		for i := range attrs {
			a := &attrs[i]
			if v := s.rewriteAttr(page, tag, attrs, a); v != a.val {
				a.val, changed = v, true
			}
		}
		if changed {
			out = appendTag(out, tag, attrs, tt == nethtml.SelfClosingTagToken)
		} else {
			out = append(out, raw...)
		}
	}
}

func attrsHave(attrs []attr, key string) bool {
	for _, a := range attrs {
		if a.key == key {
			return true
		}
	}
	return false
}

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

// srcset rewrites every address of a srcset list ("a.png 1x, b.png 2x").
func (s *site) srcset(page, v string) string {
	parts := strings.Split(v, ",")
	for i, part := range parts {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		f[0] = s.link(page, f[0])
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, ", ")
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

// appendTag writes a start tag with its attributes, every value quoted and
// escaped.
func appendTag(out []byte, tag string, attrs []attr, selfClosing bool) []byte {
	out = append(out, '<')
	out = append(out, tag...)
	for _, a := range attrs {
		out = append(out, ' ')
		out = append(out, a.key...)
		if a.val != "" {
			out = append(out, `="`...)
			out = append(out, html.EscapeString(a.val)...)
			out = append(out, '"')
		}
	}
	if selfClosing {
		out = append(out, '/')
	}
	return append(out, '>')
}
