package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// report is the part of a Lighthouse JSON report that ParseReport reads.
const report = `{
 "categories": {
  "performance": {"score": 0.99, "auditRefs": [{"id": "largest-contentful-paint", "weight": 25}, {"id": "metrics", "weight": 0}]},
  "accessibility": {"score": 1, "auditRefs": [{"id": "color-contrast", "weight": 7}]},
  "best-practices": {"score": 1, "auditRefs": []},
  "seo": {"score": 0.69, "auditRefs": [{"id": "is-crawlable", "weight": 4.043}, {"id": "http-status-code", "weight": 1}, {"id": "hreflang", "weight": 1}]}
 },
 "audits": {
  "largest-contentful-paint": {"score": 0.98, "numericValue": 1234.5},
  "metrics": {"score": null},
  "color-contrast": {"score": 1},
  "is-crawlable": {"score": 0},
  "http-status-code": {"score": 0},
  "hreflang": {"score": 1}
 }
}`

func TestParseReport(t *testing.T) {
	got, err := ParseReport(strings.NewReader(report))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 69}
	for c, s := range want {
		if got.Scores[c] != s {
			t.Errorf("%s: %d, want %d", c, got.Scores[c], s)
		}
	}
	if got.LCP != 1234.5 {
		t.Errorf("LCP %v, want 1234.5", got.LCP)
	}
	if f := strings.Join(got.Failed["performance"], ","); f != "largest-contentful-paint" {
		t.Errorf("failed performance audits %q", f)
	}
	if f := strings.Join(got.Failed["seo"], ","); f != "is-crawlable,http-status-code" {
		t.Errorf("failed SEO audits %q", f)
	}

	for _, bad := range []string{
		`{"runtimeError": {"code": "NO_FCP", "message": "The page did not paint"}}`,
		`{"categories": {}, "audits": {}}`,
		`not json`,
	} {
		if _, err := ParseReport(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestWriteTable(t *testing.T) {
	all := func(score int, lcp float64, failed ...string) Result {
		r := Result{Scores: map[string]int{}, LCP: lcp, Failed: map[string][]string{}}
		for _, c := range Categories {
			r.Scores[c] = score
		}
		if len(failed) > 0 {
			r.Failed["seo"] = failed
		}
		return r
	}
	pages := []Page{{"document", "documents/x/"}, {"trivial page", "t/"}}
	results := [][]Result{
		{all(100, 900), all(98, 1000, "canonical"), all(100, 950)},
		{all(100, 800), all(100, 900), all(100, 700)},
	}
	var b bytes.Buffer
	if err := WriteTable(&b, pages, results); err != nil {
		t.Fatal(err)
	}
	want := `| page | path | performance | accessibility | best practices | SEO | LCP |
|---|---|---:|---:|---:|---:|---:|
| document | ` + "`/documents/x/`" + ` | 100 | 100 | 100 | 100 | 950 ms |
| trivial page | ` + "`/t/`" + ` | 100 | 100 | 100 | 100 | 800 ms |

Audits that failed in a run:

- document: seo: canonical

LCP of the document page / the trivial page: 950 / 800 ms = 1.19 (target ≤ 1.10)
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"index.html":     "home",
		"404.html":       "not found",
		"a/index.html":   "page a",
		"js/x.min.js":    "let x=1",
		"documents/.txt": "",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, tc := range []struct {
		path, want string
		status     int
	}{
		{"/", "home", 200},
		{"/a/", "page a", 200},
		{"/js/x.min.js", "let x=1", 200},
		{"/missing/", "not found", 404},
		{"/a/missing.html", "not found", 404},
	} {
		req, _ := http.NewRequest("GET", srv.URL+tc.path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		var body []byte
		if resp.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				t.Fatalf("%s: %v", tc.path, err)
			}
			body, err = io.ReadAll(zr)
			if err != nil {
				t.Fatalf("%s: %v", tc.path, err)
			}
		} else {
			t.Errorf("%s: not gzip-compressed", tc.path)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status || string(body) != tc.want {
			t.Errorf("%s: %d %q, want %d %q", tc.path, resp.StatusCode, body, tc.status, tc.want)
		}
	}
}

func TestFirstDocument(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"documents/b/index.html", "documents/a/index.html", "documents/page/2/index.html"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	os.MkdirAll(filepath.Join(dir, "documents", "0-empty"), 0o755)
	if got, err := firstDocument(dir); got != "documents/a/" || err != nil {
		t.Errorf("firstDocument = %q, %v; want documents/a/", got, err)
	}
	if _, err := firstDocument(t.TempDir()); err == nil {
		t.Error("no documents: no error")
	}
}
