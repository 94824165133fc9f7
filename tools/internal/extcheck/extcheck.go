// Package extcheck runs, for tests, the outside programs that check what
// the site writes as its users' tools read it: pandoc --citeproc, an
// independent RIS reader (citation-js under node) and epubcheck. A test
// that needs a missing program skips, or fails when CI=true (.ci/run
// installs them all).
package extcheck

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Need returns the path of the program name, or skips t; under CI=true a
// missing program fails t.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not installed")
	}
	return p
}

func missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (.ci/run installs it)")
	}
	t.Skip(msg)
}

// Root is the repository's root, from a test's package folder.
func Root() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// Bibliography renders the bibliography file (BibTeX or CSL-JSON, by its
// extension) with pandoc --citeproc in pandoc's default style (Chicago
// author-date), as plain text on one line per entry.
func Bibliography(t testing.TB, file string) string {
	t.Helper()
	pandoc := Need(t, "pandoc")
	cmd := exec.Command(pandoc, "--citeproc", "--bibliography="+file, "-t", "plain", "--wrap=none")
	cmd.Stdin = strings.NewReader("---\nnocite: '@*'\n...\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Errorf("pandoc %s: %v\n%s", file, err, stderr.Bytes())
	}
	return string(out)
}

// Normalize makes rendered and written text comparable: one space for any
// run of white space, one kind of quote, lower case (styles change case).
func Normalize(s string) string {
	s = strings.NewReplacer("“", `"`, "”", `"`, "‘", `"`, "’", `"`, "'", `"`, "„", `"`, "\u00a0", " ").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// RISItem is what citation-js reads from a RIS record, as CSL-JSON.
type RISItem struct {
	ID     string    `json:"id"`
	Type   string    `json:"type"`
	Title  string    `json:"title"`
	Author []RISName `json:"author"`
	Issued struct {
		DateParts [][]int `json:"date-parts"`
	} `json:"issued"`
	Language       string `json:"language"`
	URL            string `json:"URL"`
	PublisherPlace string `json:"publisher-place"`
	Genre          string `json:"genre"`
	Event          string `json:"collection-title"`
	Note           string `json:"note"`
}

// RISName is a name as citation-js reads it: a corporate name without a
// comma comes back as a family name or a literal.
type RISName struct{ Family, Given, Literal string }

// Name is the name as one string.
func (n RISName) Name() string { return n.Literal + n.Family }

// ReadRIS reads the RIS files with citation-js (tools/cite/testdata/ris.js,
// run with node from the repository's root, where npm ci installed it) and
// returns each file's records.
func ReadRIS(t testing.TB, files ...string) map[string][]RISItem {
	t.Helper()
	node := Need(t, "node")
	root := Root()
	if _, err := os.Stat(filepath.Join(root, "node_modules/@citation-js/plugin-ris")); err != nil {
		missing(t, "node_modules/@citation-js/plugin-ris is missing: run npm ci --ignore-scripts")
	}
	cmd := exec.Command(node, append([]string{filepath.Join(root, "tools/cite/testdata/ris.js")}, files...)...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("citation-js: %v\n%s", err, stderr.Bytes())
	}
	var read map[string][]RISItem
	if err := json.Unmarshal(out, &read); err != nil {
		t.Fatal(err)
	}
	return read
}

// Epubcheck runs epubcheck on the files, in one Java process
// (EpubcheckAll.java, beside this file), and fails t on any error or
// warning in any of them.
func Epubcheck(t testing.TB, files ...string) {
	t.Helper()
	p := Need(t, "epubcheck")
	// Debian's /usr/bin/epubcheck is a link to the jar.
	jar, err := filepath.EvalSymlinks(p)
	if err != nil || !strings.HasSuffix(jar, ".jar") {
		t.Fatalf("epubcheck at %s is not a jar", p)
	}
	java := Need(t, "java")
	args := append([]string{"-cp", jar, filepath.Join(Root(), "tools/internal/extcheck/EpubcheckAll.java")}, files...)
	out, err := exec.Command(java, args...).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("WARNING")) || bytes.Contains(out, []byte("ERROR")) {
		t.Errorf("epubcheck: %v\n%s", err, out)
	}
}
