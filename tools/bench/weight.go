package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// kinds are the page kinds the report lists, in order.
var kinds = []string{"home", "section", "document", "view", "taxonomy", "search", "404"}

// pageKind tells a page's kind from its path in the site (with slashes),
// its language's folder (en/, sr-latn/) aside.
func pageKind(rel string) string {
	for _, lang := range []string{"en/", "sr-latn/"} {
		rel = strings.TrimPrefix(rel, lang)
	}
	parts := strings.Split(path.Dir(rel), "/")
	switch {
	case rel == "404.html":
		return "404"
	case rel == "index.html":
		return "home"
	case parts[0] == "search":
		return "search"
	case parts[0] != "documents":
		return "taxonomy" // places/, types/, years/ and their terms
	case len(parts) == 3 && parts[2] == "compare":
		return "view"
	case len(parts) == 2 && parts[1] != "page":
		return "document"
	default:
		return "section" // documents/, documents/page/2/
	}
}

// kindWeight is the weight of one kind of page: gzip bytes of its HTML
// (inline CSS and JS included) with the stylesheets and scripts it loads.
type kindWeight struct {
	kind        string
	count       int
	median, max int64
	heaviest    string // the page of max
}

// counter counts the bytes written to it.
type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }

var zw, _ = gzip.NewWriterLevel(nil, gzip.DefaultCompression)

// gzipSize is the size of b gzip-compressed at the default level.
func gzipSize(b []byte) int64 {
	var n counter
	zw.Reset(&n)
	zw.Write(b)
	zw.Close()
	return int64(n)
}

// gzipFile is gzipSize of the file at path (with slashes) in public.
func gzipFile(public, path string) (int64, error) {
	b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(path)))
	return gzipSize(b), err
}

// weighPages weighs every HTML page of the site in public (built for
// baseURL "/"), by kind.
func weighPages(public string) ([]kindWeight, error) {
	loaded := map[string]int64{} // each CSS or JS file's gzip size, read once
	weights, paths := map[string][]int64{}, map[string][]string{}
	err := filepath.WalkDir(public, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(file, ".html") {
			return err
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(public, file)
		rel = filepath.ToSlash(rel)
		total := gzipSize(data)
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%s: %v", rel, err)
		}
		for n := range doc.Descendants() {
			ref := ""
			if n.Type == html.ElementNode && n.Data == "link" && slices.Contains(strings.Fields(attr(n, "rel")), "stylesheet") {
				ref = attr(n, "href")
			} else if n.Type == html.ElementNode && n.Data == "script" {
				ref = attr(n, "src")
			}
			if ref == "" {
				continue
			}
			u, err := (&url.URL{Path: "/" + rel}).Parse(ref)
			if err != nil || u.Host != "" {
				return fmt.Errorf("%s: %q is not a file of the site", rel, ref)
			}
			size, ok := loaded[u.Path]
			if !ok {
				if size, err = gzipFile(public, path.Clean(u.Path)); err != nil {
					return fmt.Errorf("%s loads %s: %v", rel, ref, err)
				}
				loaded[u.Path] = size
			}
			total += size
		}
		k := pageKind(rel)
		weights[k], paths[k] = append(weights[k], total), append(paths[k], rel)
		return nil
	})
	var out []kindWeight
	for _, k := range kinds {
		if w := weights[k]; len(w) > 0 {
			i := slices.Index(w, slices.Max(w)) // the first in the walk's (lexical) order
			out = append(out, kindWeight{kind: k, count: len(w), median: median(w), max: w[i], heaviest: paths[k][i]})
		}
	}
	return out, err
}

func attr(n *html.Node, key string) string {
	if i := slices.IndexFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key }); i >= 0 {
		return n.Attr[i].Val
	}
	return ""
}

// shown is how many results the search page shows at a time, each loading
// its document file (static/js/search.js, SHOWN).
const shown = 10

// searchWeight is what a first query loads in the default language
// (search/ at the site's root), gzip bytes.
type searchWeight struct {
	page, keys, maxShard int64 // the search page with its CSS and JS; k.js; the largest shard
	shards, docs         int   // files in t/ and d/
	typical, most        int64 // page + keys + a shard + shown documents: medians; largest
}

// weighSearch weighs the search index in public; pages gives the search
// page's weight.
func weighSearch(public string, pages []kindWeight) (searchWeight, error) {
	var s searchWeight
	for _, k := range pages {
		if k.kind == "search" {
			s.page = k.median
		}
	}
	var err error
	if s.keys, err = gzipFile(public, "search/k.js"); err != nil {
		return s, err
	}
	sizes := func(sub string) ([]int64, error) {
		entries, err := os.ReadDir(filepath.Join(public, "search", sub))
		v := make([]int64, len(entries))
		for i, e := range entries {
			if v[i], err = gzipFile(public, "search/"+sub+"/"+e.Name()); err != nil {
				return nil, err
			}
		}
		slices.Sort(v)
		return v, err
	}
	shards, err1 := sizes("t")
	docs, err2 := sizes("d")
	if err := errors.Join(err1, err2); err != nil || len(shards) == 0 || len(docs) == 0 {
		return s, fmt.Errorf("search index: %d shards, %d documents, %v", len(shards), len(docs), err)
	}
	s.shards, s.docs, s.maxShard = len(shards), len(docs), shards[len(shards)-1]
	s.typical = s.page + s.keys + median(shards) + int64(min(shown, len(docs)))*median(docs)
	s.most = s.page + s.keys + s.maxShard
	for _, d := range docs[max(0, len(docs)-shown):] {
		s.most += d
	}
	return s, nil
}

// viewCost compares the parallel view's template with the document page's,
// from Hugo's --templateMetrics.
type viewCost struct {
	views, pages     int           // renders
	viewAvg, pageAvg time.Duration // average time per render
}

func (v viewCost) ratio() float64 { return ratio(v.viewAvg, v.pageAvg) }

// parseMetrics reads Hugo's template metrics table: cumulative, average
// and maximum duration, count, template.
func parseMetrics(out []byte) (viewCost, error) {
	var v viewCost
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) != 5 || (f[4] != "page.html" && f[4] != "page.compare.html") {
			continue
		}
		avg, err1 := time.ParseDuration(f[1])
		count, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			return v, fmt.Errorf("template metrics: %q", line)
		}
		if f[4] == "page.html" {
			v.pages, v.pageAvg = count, avg
		} else {
			v.views, v.viewAvg = count, avg
		}
	}
	if v.pages == 0 || v.views == 0 {
		return v, fmt.Errorf("no metrics for page.html and page.compare.html in Hugo's output:\n%s", out)
	}
	return v, nil
}
