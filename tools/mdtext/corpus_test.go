package mdtext

import (
	"os"
	"strings"
	"testing"
)

const seedPath = "../../seeds/000_1dc8ae94338e037f.txt"

func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestCorpus checks the round trip of every line of testdata/corpus.txt
// (one text per line; every line is a case, there are no comments).
func TestCorpus(t *testing.T) {
	lines := readLines(t, "testdata/corpus.txt")
	if len(lines) < 80 {
		t.Errorf("corpus has %d lines, want at least 80", len(lines))
	}
	for i, line := range lines {
		if !inDomain(line) || line == "" {
			t.Errorf("testdata/corpus.txt:%d: %q is not in the domain", i+1, line)
			continue
		}
		if err := checkRoundTrip(line); err != nil {
			t.Errorf("testdata/corpus.txt:%d: %v", i+1, err)
		}
	}
}

// TestCorpusHasSeed checks that the corpus holds every line of the real
// seed, tabs taken as spaces, runs of spaces collapsed and trimmed.
func TestCorpusHasSeed(t *testing.T) {
	corpus := map[string]bool{}
	for _, l := range readLines(t, "testdata/corpus.txt") {
		corpus[l] = true
	}
	for i, l := range readLines(t, seedPath) {
		l = toDomain(strings.ReplaceAll(l, "\t", " "))
		if l != "" && !corpus[l] {
			t.Errorf("%s:%d is missing from testdata/corpus.txt: %q", seedPath, i+1, l)
		}
	}
}
