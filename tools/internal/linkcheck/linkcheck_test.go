package linkcheck

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// site is an in-memory site: path → body.
type site map[string]string

func (s site) Fetch(u *url.URL) ([]byte, error) {
	if body, ok := s[u.Path]; ok {
		return []byte(body), nil
	}
	return nil, fmt.Errorf("%s: %w", u.Path, ErrNotFound)
}

func TestCrawl(t *testing.T) {
	start, _ := url.Parse("http://h/repo/")
	inside := func(u *url.URL) bool { return u.Host == "h" && strings.HasPrefix(u.Path, "/repo/") }
	tests := []struct {
		name  string
		site  site
		pages int
		want  []string // problems, as "ref: message" suffixes
	}{
		{"all good", site{
			"/repo/":      `<link rel=stylesheet href=s.css><a href="b/#x">b</a><a id=top href="#top">top</a><img src="i.png" alt="">`,
			"/repo/s.css": `body{background:url("i.png")}`,
			"/repo/i.png": "png",
			"/repo/b/":    `<p id=x>x</p><a href="../">home</a>`,
		}, 2, nil},
		{"broken link, fragment, asset", site{
			"/repo/":   `<a href="gone/">g</a><a href="b/#nope">b</a><script src="js.js"></script>`,
			"/repo/b/": `<p id=x>x</p>`,
		}, 2, []string{
			`"b/#nope": no element with id nope on http://h/repo/b/`,
			`"gone/": /repo/gone/: file does not exist`,
			`"js.js": /repo/js.js: file does not exist`,
		}},
		{"outside the site", site{
			"/repo/":      `<a href="/other/">o</a><link rel=stylesheet href="https://cdn.example/x.css"><link rel=stylesheet href=s.css>`,
			"/repo/s.css": `@import "https://fonts.example/f.css";`,
		}, 1, []string{
			`"/other/": leads outside the site: http://h/other/`,
			`"https://cdn.example/x.css": leads outside the site: https://cdn.example/x.css`,
			`"https://fonts.example/f.css": leads outside the site: https://fonts.example/f.css`,
		}},
		{"canonical and alternates are not loaded", site{
			"/repo/": `<link rel=canonical href="https://elsewhere/"><link rel=alternate hreflang=en href="https://elsewhere/en/">`,
		}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Crawl(tt.site, Options{Start: start, Inside: inside})
			if len(res.Pages) != tt.pages {
				t.Errorf("crawled %d pages, want %d", len(res.Pages), tt.pages)
			}
			var got []string
			for _, p := range res.Problems {
				got = append(got, p.String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("problems:\n%s\nwant %d:\n%s", strings.Join(got, "\n"), len(tt.want), strings.Join(tt.want, "\n"))
			}
			for i := range got {
				if !strings.HasSuffix(got[i], tt.want[i]) {
					t.Errorf("problem %d:\n%s\nwant it to end with\n%s", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestDirRefusesFoldersAndOutside(t *testing.T) {
	root := t.TempDir()
	d := Dir{Root: root}
	if _, err := d.Fetch(FileURL(root)); err == nil || !strings.Contains(err.Error(), "a folder, not a file") {
		t.Errorf("folder: %v", err)
	}
	if _, err := d.Fetch(FileURL(root + "/../x.html")); err == nil || !strings.Contains(err.Error(), "outside the copy") {
		t.Errorf("outside: %v", err)
	}
}
