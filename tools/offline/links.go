package offline

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// site is what the rewriting knows about the built site: the address it
// was built for and the files and folders in it.
type site struct {
	absBase  string          // "https://host/repo/", or "" when the base has no host
	basePath string          // "/repo/" or "/": the path every root-relative link starts with
	files    map[string]bool // slash paths of the files, relative to the site
	dirs     map[string]bool // slash paths of the folders ("" is the root)
}

// newSite parses the base address the site was built with: a URL with a
// scheme and host, or a path starting with "/".
func newSite(base string) (*site, error) {
	if base == "" {
		base = "/"
	}
	const want = "want a URL with a scheme and host, such as https://user.github.io/repo/, or a path starting with /"
	u, err := url.Parse(base)
	if err != nil {
		msg := err.Error()
		if e, ok := err.(*url.Error); ok {
			msg = e.Err.Error()
		}
		return nil, fmt.Errorf("baseURL %q: %s; %s", base, msg, want)
	}
	s := &site{files: map[string]bool{}, dirs: map[string]bool{"": true}}
	switch {
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		s.basePath = u.EscapedPath()
		if !strings.HasSuffix(s.basePath, "/") {
			s.basePath += "/"
		}
		s.absBase = u.Scheme + "://" + u.Host + s.basePath
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(base, "/") && !strings.HasPrefix(base, "//"):
		s.basePath = u.EscapedPath()
		if !strings.HasSuffix(s.basePath, "/") {
			s.basePath += "/"
		}
	default:
		return nil, fmt.Errorf("baseURL %q: %s", base, want)
	}
	return s, nil
}

// add records the file at slash path rel and its folders.
func (s *site) add(rel string) {
	s.files[rel] = true
	for d := path.Dir(rel); d != "." && !s.dirs[d]; d = path.Dir(d) {
		s.dirs[d] = true
	}
}

// sitePath returns the path inside the site (no leading slash, "" for the
// root) that the address ref on the page at slash path page leads to,
// with its query and fragment ("?…", "#…"), or ok false when ref leads
// outside the site or only within the page (a bare fragment).
func (s *site) sitePath(page, ref string) (p, tail string, ok bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return "", "", false
	}
	if s.absBase != "" && strings.HasPrefix(ref, s.absBase) {
		ref = s.basePath + ref[len(s.absBase):]
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return "", "", false
	}
	if u.RawQuery != "" || u.ForceQuery {
		tail = "?" + u.RawQuery
	}
	if u.Fragment != "" {
		tail += "#" + u.EscapedFragment()
	}
	basePath, _ := url.PathUnescape(s.basePath)
	p = u.Path
	abs := path.Clean(p)
	if !strings.HasPrefix(p, "/") {
		// Relative to the address the page is read at: its folder.
		dir := basePath
		if d := path.Dir(page); d != "." {
			dir += d + "/"
		}
		abs = path.Join(dir, p)
	}
	if (p == "" || p == "." || p == ".." || strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")) &&
		!strings.HasSuffix(abs, "/") {
		abs += "/" // a folder
	}
	rest, found := strings.CutPrefix(abs, basePath)
	if !found {
		if abs+"/" != basePath {
			return "", "", false
		}
		rest = ""
	}
	return rest, tail, true
}

// file maps a path inside the site to the file a browser opens from disk:
// a folder's index.html.
func (s *site) file(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	if !s.files[p] && s.dirs[p] {
		return p + "/index.html"
	}
	return p
}

// folder maps a path inside the site to a folder with a trailing slash,
// when it is one.
func (s *site) folder(p string) (string, bool) {
	if p == "" || strings.HasSuffix(p, "/") {
		return p, true
	}
	if !s.files[p] && s.dirs[p] {
		return p + "/", true
	}
	return p, false
}

// relative returns the address of the slash path target (a file, or a
// folder ending in "/") as written on the page at slash path page.
func relative(page, target string) string {
	from := strings.Split(path.Dir(page), "/")
	if path.Dir(page) == "." {
		from = nil
	}
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	rel := strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
	if rel == "" {
		return "./"
	}
	rel = (&url.URL{Path: rel}).EscapedPath()
	if first, _, _ := strings.Cut(rel, "/"); strings.Contains(first, ":") {
		rel = "./" + rel // not to be read as a scheme
	}
	return rel
}

// link rewrites ref, an address on the page at slash path page, to the
// relative address of the file it leads to; other addresses stay as they
// are.
func (s *site) link(page, ref string) string {
	p, tail, ok := s.sitePath(page, ref)
	if !ok {
		return ref
	}
	return relative(page, s.file(p)) + tail
}

// pageLinks rewrites the addresses of one page as site.link does,
// remembering each: a page names the same few files many times, often
// with another fragment each time (a link per block to the parallel
// view: …/compare/#p1, …/compare/#p2 …).
type pageLinks struct {
	s    *site
	page string
	memo map[string]string // address without its fragment → rewritten
}

func (l pageLinks) link(ref string) string {
	base, frag, hasFrag := strings.Cut(ref, "#")
	if base == "" || (hasFrag && !plainFragment(frag)) {
		return l.s.link(l.page, ref)
	}
	v, ok := l.memo[base]
	if !ok {
		v = l.s.link(l.page, base)
		l.memo[base] = v
	}
	if hasFrag {
		v += "#" + frag
	}
	return v
}

// plainFragment reports whether a fragment is written the same escaped
// or not: ASCII letters, digits, "-" and "_".
func plainFragment(f string) bool {
	for _, c := range []byte(f) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// dataLink rewrites a data-* attribute's value that is an address in the
// site: a file's as link does, but a folder stays a folder ("…/", no
// index.html), since a script adds the names of the files it loads.
func (s *site) dataLink(page, ref string) string {
	if !s.isSiteAddress(ref) {
		return ref
	}
	p, tail, ok := s.sitePath(page, ref)
	if !ok {
		return ref
	}
	if dir, isDir := s.folder(p); isDir {
		return relative(page, dir) + tail
	}
	return relative(page, p) + tail
}

// isSiteAddress reports whether v is written as an address of the site:
// the absolute base address or a path under the base path. Attributes
// that are not addresses by definition (content, data-*) are rewritten
// only then. An address has no space in it.
func (s *site) isSiteAddress(v string) bool {
	v = strings.TrimSpace(v)
	if strings.ContainsAny(v, " \t\n\r\f") {
		return false
	}
	if s.absBase != "" && strings.HasPrefix(v, s.absBase) {
		return true
	}
	return strings.HasPrefix(v, s.basePath) && !strings.HasPrefix(v, "//")
}
