// Package linkcheck crawls a built site the way a reader's browser would
// meet it, over HTTP or from disk, and reports every reference that does
// not resolve: pages, stylesheets, scripts, images, CSS url()s and
// fragments.
//
// It is used by the publishing tests: the site served under a sub-path by
// a real HTTP server, and the offline copy unpacked on the file system.
package linkcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNotFound is what a Fetcher returns for an address with nothing there.
var ErrNotFound = fs.ErrNotExist

// Fetcher gets the resource at an address of the site.
type Fetcher interface {
	Fetch(u *url.URL) (body []byte, err error)
}

// Options says where to start and which addresses belong to the site.
type Options struct {
	Start *url.URL
	// Inside reports whether u is an address of the site, to fetch and
	// check. References elsewhere are problems unless External allows them.
	Inside func(u *url.URL) bool
	// External reports whether a reference outside the site is deliberate.
	External func(u *url.URL) bool
}

// Problem is one reference that does not resolve.
type Problem struct {
	Page string // the page or stylesheet that holds the reference
	Ref  string // the reference as written
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %q: %s", p.Page, p.Ref, p.Msg) }

// Page is a crawled HTML page.
type Page struct {
	URL  *url.URL
	Doc  *html.Node
	IDs  map[string]bool
	Refs []Ref
}

// Ref is a reference on a page.
type Ref struct {
	Raw  string
	URL  *url.URL // resolved
	Node *html.Node
}

// Result is what a crawl found.
type Result struct {
	Pages    map[string]*Page // by URL without fragment
	Assets   []string         // stylesheets, scripts, images and downloads fetched
	Problems []Problem
}

// Crawl visits every page reachable from o.Start and checks every
// reference on it.
func Crawl(f Fetcher, o Options) *Result {
	c := &crawler{f: f, o: o, res: &Result{Pages: map[string]*Page{}}, fetched: map[string]fetched{}}
	c.queue = append(c.queue, o.Start)
	for len(c.queue) > 0 {
		u := c.queue[0]
		c.queue = c.queue[1:]
		c.visit(u)
	}
	// Fragments last, once every page's ids are known.
	for _, key := range sortedKeys(c.res.Pages) {
		p := c.res.Pages[key]
		for _, r := range p.Refs {
			if r.URL.Fragment == "" || !c.o.Inside(r.URL) {
				continue
			}
			target := c.res.Pages[withoutFragment(r.URL)]
			if target == nil {
				continue // reported as broken already, or not a page
			}
			if !target.IDs[r.URL.Fragment] {
				c.problem(p.URL.String(), r.Raw, "no element with id "+r.URL.Fragment+" on "+withoutFragment(target.URL))
			}
		}
	}
	slices.SortFunc(c.res.Problems, func(a, b Problem) int { return strings.Compare(a.String(), b.String()) })
	slices.Sort(c.res.Assets)
	return c.res
}

type fetched struct {
	body []byte
	err  error
}

type crawler struct {
	f       Fetcher
	o       Options
	res     *Result
	queue   []*url.URL
	fetched map[string]fetched
}

func (c *crawler) problem(page, ref, msg string) {
	c.res.Problems = append(c.res.Problems, Problem{Page: page, Ref: ref, Msg: msg})
}

func (c *crawler) fetch(u *url.URL) ([]byte, error) {
	key := withoutFragment(u)
	if f, ok := c.fetched[key]; ok {
		return f.body, f.err
	}
	body, err := c.f.Fetch(u)
	c.fetched[key] = fetched{body, err}
	return body, err
}

func (c *crawler) visit(u *url.URL) {
	key := withoutFragment(u)
	if _, ok := c.res.Pages[key]; ok {
		return
	}
	body, err := c.fetch(u)
	if err != nil {
		c.problem(key, key, err.Error())
		return
	}
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		c.problem(key, key, "not HTML: "+err.Error())
		return
	}
	p := &Page{URL: u, Doc: doc, IDs: map[string]bool{}}
	c.res.Pages[key] = p
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if id := attr(n, "id"); id != "" {
			p.IDs[id] = true
		}
		for _, raw := range refsOf(n) {
			c.check(p, n, raw)
		}
		if n.DataAtom == atom.Style && n.FirstChild != nil {
			c.checkCSS(u, n.FirstChild.Data)
		}
		if style := attr(n, "style"); style != "" {
			c.checkCSS(u, style)
		}
	}
}

// refsOf returns the addresses element n refers to.
func refsOf(n *html.Node) []string {
	var refs []string
	switch n.DataAtom {
	case atom.A, atom.Area:
		if h, ok := attrOK(n, "href"); ok {
			refs = append(refs, h)
		}
	case atom.Link:
		if h, ok := attrOK(n, "href"); ok && !isHint(attr(n, "rel")) {
			refs = append(refs, h)
		}
	case atom.Script, atom.Img, atom.Iframe, atom.Embed, atom.Audio, atom.Video, atom.Source, atom.Track, atom.Input:
		if s, ok := attrOK(n, "src"); ok {
			refs = append(refs, s)
		}
	case atom.Object:
		if s, ok := attrOK(n, "data"); ok {
			refs = append(refs, s)
		}
	case atom.Form:
		if s, ok := attrOK(n, "action"); ok {
			refs = append(refs, s)
		}
	}
	if srcset := attr(n, "srcset"); srcset != "" {
		for _, cand := range strings.Split(srcset, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				refs = append(refs, f[0])
			}
		}
	}
	if n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "refresh") {
		if _, target, ok := strings.Cut(attr(n, "content"), "url="); ok {
			refs = append(refs, strings.Trim(target, `'"`))
		}
	}
	return refs
}

// isHint reports whether a link relation names no resource to load or
// follow: canonical and alternate addresses are checked by the site's own
// tests, since they are absolute by design.
func isHint(rel string) bool {
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		switch r {
		case "canonical", "alternate":
			return true
		}
	}
	return false
}

func (c *crawler) check(p *Page, n *html.Node, raw string) {
	page := p.URL.String()
	ref, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		c.problem(page, raw, "not an address: "+err.Error())
		return
	}
	switch ref.Scheme {
	case "mailto", "tel", "data":
		return
	case "javascript":
		c.problem(page, raw, "javascript: address")
		return
	}
	u := p.URL.ResolveReference(ref)
	p.Refs = append(p.Refs, Ref{Raw: raw, URL: u, Node: n})
	if !c.o.Inside(u) {
		if c.o.External == nil || !c.o.External(u) {
			c.problem(page, raw, "leads outside the site: "+u.String())
		}
		return
	}
	if isPage(n) {
		if _, err := c.fetch(u); err != nil {
			c.problem(page, raw, err.Error())
			return
		}
		if isHTMLAddress(u) {
			c.queue = append(c.queue, u)
		} else {
			c.res.Assets = appendOnce(c.res.Assets, withoutFragment(u))
		}
		return
	}
	body, err := c.fetch(u)
	if err != nil {
		c.problem(page, raw, err.Error())
		return
	}
	c.res.Assets = appendOnce(c.res.Assets, withoutFragment(u))
	if n.DataAtom == atom.Link && strings.Contains(strings.ToLower(attr(n, "rel")), "stylesheet") {
		c.checkCSS(u, string(body))
	}
}

// isPage reports whether n's reference is one a reader follows, as opposed
// to one the browser loads.
func isPage(n *html.Node) bool { return n.DataAtom == atom.A || n.DataAtom == atom.Area }

func isHTMLAddress(u *url.URL) bool {
	p := u.Path
	return strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html") || !strings.Contains(p[strings.LastIndex(p, "/")+1:], ".")
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

func (c *crawler) checkCSS(base *url.URL, css string) {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		raw := strings.Join(m[1:], "")
		if raw == "" || strings.HasPrefix(raw, "data:") || strings.HasPrefix(raw, "#") {
			continue
		}
		ref, err := url.Parse(raw)
		if err != nil {
			c.problem(base.String(), raw, "not an address: "+err.Error())
			continue
		}
		u := base.ResolveReference(ref)
		if !c.o.Inside(u) {
			if c.o.External == nil || !c.o.External(u) {
				c.problem(base.String(), raw, "leads outside the site: "+u.String())
			}
			continue
		}
		if _, err := c.fetch(u); err != nil {
			c.problem(base.String(), raw, err.Error())
		}
	}
}

func withoutFragment(u *url.URL) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	return v.String()
}

func attr(n *html.Node, name string) string {
	v, _ := attrOK(n, name)
	return v
}

func attrOK(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// Attr returns the value of n's attribute name, or "".
func Attr(n *html.Node, name string) string { return attr(n, name) }

func appendOnce(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// IsNotFound reports whether err says there is nothing at an address.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
