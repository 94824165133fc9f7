package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/regionaldialogue/site/tools/publish"
)

// The budget the site's tests assert (tools/e2e/budget_test.go): a page's
// HTML with the stylesheets and scripts it loads, gzip-compressed, and the
// CSS alone. Issue 6 names the first round trip (about 14 KB, ten TCP
// segments) as the budget; the tests' is stricter.
const (
	PageBudget = 8 * 1024
	// ComparePageBudget is a parallel view's (issue 17): it holds every
	// version of a document.
	ComparePageBudget = 16 * 1024
	CSSBudget         = 3 * 1024
	RoundTripBudget   = 14 * 1024
)

// Size is a file's size raw and gzip-compressed.
type Size struct{ Raw, Gzip int64 }

func (s Size) plus(t Size) Size { return Size{s.Raw + t.Raw, s.Gzip + t.Gzip} }

// PageWeight is what one HTML page weighs with what it loads.
type PageWeight struct {
	Path    string // relative to the site's root, with slashes
	Kind    string // home, section, document, 404
	Locale  string // <html lang>
	HTML    Size
	CSS, JS Size // CSS: inline and in files
	// InlineCSS is the part of CSS inline in the page (in HTML too).
	InlineCSS Size
	CSSFiles  []string
	JSFiles   []string
}

// Budget is the tests' budget for the page: PageBudget, or
// ComparePageBudget for a parallel view.
func (p PageWeight) Budget() int64 {
	if p.Kind == "compare" {
		return ComparePageBudget
	}
	return PageBudget
}

// Total is the page's gzip size with its CSS and scripts. CSS inline in
// the HTML (the <style> of every page) is counted once, with the HTML.
func (p PageWeight) Total() int64 { return p.HTML.Gzip + p.CSS.Gzip - p.InlineCSS.Gzip + p.JS.Gzip }

// Weight is the page weight of a built site.
type Weight struct {
	Pages    []PageWeight
	ZipBytes int64
	Files    int
	Bytes    int64
}

// MeasureWeight builds the site in root from its content/ as it is into
// dir and weighs every page.
func MeasureWeight(ctx context.Context, root, dir string) (*Weight, error) {
	public := filepath.Join(dir, "public")
	sum, err := publish.Build(ctx, publish.Options{Root: root, Public: public, SkipConvert: true})
	if err != nil {
		return nil, err
	}
	w, err := WeighSite(public)
	if err != nil {
		return nil, err
	}
	w.ZipBytes, w.Files, w.Bytes = sum.ZipBytes, sum.SiteFiles, sum.SiteBytes
	return w, nil
}

// WeighSite weighs every HTML page of the site built in public, which
// must have been built for the root of a host (baseURL "/").
func WeighSite(public string) (*Weight, error) {
	w := &Weight{}
	sizes := map[string]Size{}
	sizeOf := func(rel string) (Size, error) {
		if s, ok := sizes[rel]; ok {
			return s, nil
		}
		b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(rel)))
		if err != nil {
			return Size{}, err
		}
		s := Size{int64(len(b)), gzipSize(b)}
		sizes[rel] = s
		return s, nil
	}
	err := filepath.WalkDir(public, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(file, ".html") {
			return err
		}
		rel, err := filepath.Rel(public, file)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		p := PageWeight{Path: rel, Kind: pageKind(rel), HTML: Size{int64(len(data)), gzipSize(data)}}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%s: %v", rel, err)
		}
		base := &url.URL{Path: "/" + rel}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			var ref string
			switch {
			case n.Data == "html":
				p.Locale = attr(n, "lang")
			case n.Data == "style" && n.FirstChild != nil:
				css := []byte(n.FirstChild.Data)
				s := Size{int64(len(css)), gzipSize(css)}
				p.CSS, p.InlineCSS = p.CSS.plus(s), p.InlineCSS.plus(s)
			case n.Data == "link" && slices.Contains(strings.Fields(attr(n, "rel")), "stylesheet"):
				ref = attr(n, "href")
			case n.Data == "script" && attr(n, "src") != "":
				ref = attr(n, "src")
			}
			if ref == "" {
				continue
			}
			u, err := base.Parse(ref)
			if err != nil || u.Host != "" {
				return fmt.Errorf("%s: %q is not a file of the site", rel, ref)
			}
			target := strings.TrimPrefix(path.Clean(u.Path), "/")
			s, err := sizeOf(target)
			if err != nil {
				return fmt.Errorf("%s: %v", rel, err)
			}
			if n.Data == "script" {
				p.JS, p.JSFiles = p.JS.plus(s), append(p.JSFiles, target)
			} else {
				p.CSS, p.CSSFiles = p.CSS.plus(s), append(p.CSSFiles, target)
			}
		}
		w.Pages = append(w.Pages, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	kindOrder := map[string]int{"home": 0, "section": 1, "document": 2, "compare": 3, "404": 4}
	slices.SortStableFunc(w.Pages, func(a, b PageWeight) int {
		if d := kindOrder[a.Kind] - kindOrder[b.Kind]; d != 0 {
			return d
		}
		return strings.Compare(a.Path, b.Path)
	})
	return w, nil
}

// pageKind tells a page's kind from its path in the site: 404.html, a
// home page (index.html, en/index.html), the documents section
// (documents/index.html, documents/page/2/index.html, …) or a document (documents/<slug>/index.html).
func pageKind(rel string) string {
	if path.Base(rel) == "404.html" {
		return "404"
	}
	dir := path.Dir(rel)
	switch {
	case path.Base(dir) == "compare":
		return "compare"
	case path.Base(dir) == "documents", strings.Contains(rel, "documents/page/"):
		// The section's first page, and its further pages
		// (documents/page/2/index.html).
		return "section"
	case strings.Contains(dir, "documents/"):
		return "document"
	default:
		return "home"
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
