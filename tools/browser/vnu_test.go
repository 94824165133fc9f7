package browser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// acceptedWarnings are the Nu Html Checker's warnings this site accepts,
// each with the reason. Any other warning fails TestNuHtmlChecker, and so
// does every error.
var acceptedWarnings = []struct {
	build   string // "http", "offline", or "" for both
	message *regexp.Regexp
	reason  string
}{
	{
		message: regexp.MustCompile(`^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src”`),
		reason: "the only inline <script> is the JSON-LD block (type application/ld+json), a data block " +
			"that no browser executes, so CSP does not apply to it; TestPages shows Chromium reports no violation",
	},
	{
		// A relative address ("css/…", "../css/…"), as the offline copy has.
		build:   "offline",
		message: regexp.MustCompile(`^Resource violates Content Security Policy \(meta tag\): external (stylesheet|script) “[^”/][^”:]*” blocked by “(style|script)-src” directive\.$`),
		reason: "read from disk, a page has an opaque file: origin to the checker, so 'self' matches nothing; " +
			"Chromium matches 'self' to file: URLs, and TestPages shows the offline copy loads its CSS and script with no violation",
	},
}

// TestNuHtmlChecker runs the Nu Html Checker over every HTML file of each
// build, with its stylesheets and SVG images, in one Java run per build
// (the checker is slow to start): no error, and no warning but the
// accepted ones. The HTTP build's pages are checked as served, by URL, so
// that the checker judges the Content-Security-Policy against the site's
// real origin; everything else as files (the checker takes an SVG by URL
// for HTML).
func TestNuHtmlChecker(t *testing.T) {
	needJava(t)
	needNodeModule(t, vnuJar)
	forEachSite(t, func(t *testing.T, s *site) {
		files, err := checkable(s.dir)
		if err != nil {
			t.Fatal(err)
		}
		// SVG last: vnu 26.9.27 keeps the SVG schema for the documents it
		// fetches by URL after an SVG file, and then rejects their <html>.
		isSVG := func(f string) bool { return strings.HasSuffix(f, ".svg") }
		files = append(slices.DeleteFunc(slices.Clone(files), isSVG), slices.DeleteFunc(files, func(f string) bool { return !isSVG(f) })...)
		var targets []string
		for _, f := range files {
			if s.http && strings.HasSuffix(f, ".html") {
				targets = append(targets, s.url(f))
			} else {
				targets = append(targets, filepath.Join(s.dir, filepath.FromSlash(f)))
			}
		}
		start := time.Now()
		msgs, err := vnu(targets...)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			where := m.where(s)
			switch reason := accepted(s, m); {
			case m.isError():
				t.Errorf("%s: error: %s\n\t%s", where, m.Message, m.Extract)
			case reason != "":
				t.Logf("%s: accepted %s: %s (%s)", where, m.SubType, m.Message, reason)
			default:
				t.Errorf("%s: %s %s, not in acceptedWarnings: %s\n\t%s", where, m.Type, m.SubType, m.Message, m.Extract)
			}
		}
		t.Logf("checked %d files in %v: %d messages", len(files), time.Since(start).Round(time.Millisecond), len(msgs))
	})
}

// checkable lists the files under dir the checker reads, HTML, CSS and
// SVG, slash-separated and relative to dir.
func checkable(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".css", ".svg":
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	return files, err
}

// A message of the checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`    // error, info, non-document-error
	SubType   string `json:"subType"` // warning (for info), fatal, io …
	URL       string `json:"url"`
	LastLine  int    `json:"lastLine"`
	FirstCol  int    `json:"firstColumn"`
	LastCol   int    `json:"lastColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
	HiliteLen int    `json:"hiliteLength"`
}

func (m vnuMessage) isError() bool {
	return m.Type == "error" || m.Type == "non-document-error" || m.SubType == "fatal"
}

// where is the message's file in the build, with line and column.
func (m vnuMessage) where(s *site) string {
	name := m.URL
	if rel, ok := s.file(m.URL); ok {
		name = rel
	} else if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
		// The checker writes file:/path, not file:///path.
		if rel, err := filepath.Rel(s.dir, filepath.FromSlash(u.Path)); err == nil && !strings.HasPrefix(rel, "..") {
			name = filepath.ToSlash(rel)
		}
	}
	return fmt.Sprintf("%s:%d:%d", name, m.LastLine, m.FirstCol)
}

// accepted returns the reason a warning is accepted in build s, or "".
func accepted(s *site, m vnuMessage) string {
	if m.Type != "info" {
		return ""
	}
	for _, a := range acceptedWarnings {
		if (a.build == "" || a.build == s.name) && a.message.MatchString(m.Message) {
			return a.reason
		}
	}
	return ""
}

// vnu runs the checker once over files and returns its messages. It
// exits 1 when it finds errors; only a failure to report is an error here.
func vnu(files ...string) ([]vnuMessage, error) {
	// The checker refuses to fetch from loopback addresses unless told:
	// the HTTP build is served on 127.0.0.1.
	args := append([]string{"-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", vnuJar, "--format", "json", "--also-check-css", "--also-check-svg"}, files...)
	cmd := exec.Command("java", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("java -jar vnu.jar: %v: no JSON report (%v)\n%s%s", runErr, err, stdout.Bytes(), stderr.Bytes())
	}
	if _, ok := runErr.(*exec.ExitError); runErr != nil && !ok {
		return nil, runErr
	}
	return out.Messages, nil
}
