// Package worddiff finds where two texts, as lists of words, first differ
// and shows the words around that place, for test failures that compare a
// page's text with its source word by word (tools/e2e, tools/browser).
package worddiff

import "strings"

// First returns the index of the first word where a and b differ, and
// whether they differ at all (a prefix of the other differs at its end).
func First(a, b []string) (int, bool) {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i, true
		}
	}
	return min(len(a), len(b)), len(a) != len(b)
}

// Around returns the words of w from five before index i to five after it,
// joined by spaces, or "(end)" when i is past the end.
func Around(w []string, i int) string {
	lo, hi := max(0, i-5), min(len(w), i+6)
	if lo >= hi {
		return "(end)"
	}
	return strings.Join(w[lo:hi], " ")
}
