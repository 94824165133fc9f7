package e2e

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"maps"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestFeeds: each language's home page links an RSS feed in that
// language that lists its newest documents, services.rss.limit of them.
func TestFeeds(t *testing.T) {
	needDocuments(t)
	for _, l := range built.langs {
		home := built.page(t, built.prefix(l.Key)+"index.html")
		link := first(home.doc, func(n *html.Node) bool {
			return n.Data == "link" && hasToken(n, "rel", "alternate") && attrOr(n, "type") == "application/rss+xml"
		})
		if link == nil {
			t.Errorf("%s: no RSS link", home.file)
			continue
		}
		u, err := home.resolve(attrOr(link, "href"))
		var file string
		if err == nil {
			file, err = built.fileOf(u)
		}
		if err != nil {
			t.Errorf("%s: RSS link: %v", home.file, err)
			continue
		}
		var rss struct {
			Channel struct {
				Language string `xml:"language"`
				Items    []struct {
					Title string `xml:"title"`
					Link  string `xml:"link"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal(built.read(t, file), &rss); err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if rss.Channel.Language != l.Locale {
			t.Errorf("%s: language %q, want %q", file, rss.Channel.Language, l.Locale)
		}
		var got []string
		for _, item := range rss.Channel.Items {
			u, err := url.Parse(item.Link)
			if err == nil {
				var f string
				f, err = built.fileOf(u)
				got = append(got, f)
			}
			if err != nil || item.Title == "" {
				t.Errorf("%s: item %q: %v", file, item.Title, err)
			}
		}
		checkNewest(t, built, file, l.Key, got, built.feedLimit)
	}
}

// TestRobotsAndSitemaps: robots.txt names the sitemap; the sitemap index
// leads to each language's sitemap; every document page is listed with
// its versions as hreflang alternates.
func TestRobotsAndSitemaps(t *testing.T) {
	var sitemap string
	sc := bufio.NewScanner(bytes.NewReader(built.read(t, "robots.txt")))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "Sitemap:"); ok {
			sitemap = strings.TrimSpace(v)
		}
	}
	u, err := url.Parse(sitemap)
	if err != nil || !u.IsAbs() {
		t.Fatalf("robots.txt: want an absolute Sitemap line, have %q", sitemap)
	}
	index, err := built.fileOf(u)
	if err != nil {
		t.Fatalf("robots.txt: %v", err)
	}

	type link struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	var sitemapIndex struct {
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(built.read(t, index), &sitemapIndex); err != nil {
		t.Fatalf("%s: %v", index, err)
	}
	listed := map[string]map[string]string{} // page file → hreflang → file
	for _, s := range sitemapIndex.Sitemaps {
		u, err := url.Parse(s.Loc)
		var file string
		if err == nil {
			file, err = built.fileOf(u)
		}
		if err != nil {
			t.Errorf("%s: %v", index, err)
			continue
		}
		var urlset struct {
			URLs []struct {
				Loc   string `xml:"loc"`
				Links []link `xml:"http://www.w3.org/1999/xhtml link"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(built.read(t, file), &urlset); err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		for _, entry := range urlset.URLs {
			u, err := url.Parse(entry.Loc)
			var page string
			if err == nil {
				page, err = built.fileOf(u)
			}
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			alts := map[string]string{}
			for _, l := range entry.Links {
				u, err := url.Parse(l.Href)
				if err == nil {
					alts[l.Hreflang], err = built.fileOf(u)
				}
				if err != nil {
					t.Errorf("%s: %s: %v", file, entry.Loc, err)
				}
			}
			listed[page] = alts
		}
	}

	needDocuments(t)
	for key, versions := range built.versions() {
		want := map[string]string{}
		for _, d := range versions {
			l, _ := built.lang(d.lang)
			want[l.Locale] = built.pageFile(d)
		}
		for _, d := range versions {
			alts, ok := listed[built.pageFile(d)]
			if !ok {
				t.Errorf("document %s: %s is in no sitemap", key, built.pageFile(d))
				continue
			}
			if len(versions) > 1 && !maps.Equal(alts, want) {
				t.Errorf("document %s: the sitemap lists %s with alternates %v, want %v", key, built.pageFile(d), alts, want)
			}
		}
	}
}
