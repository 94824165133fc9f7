package e2e

import "strings"

// isComparePage reports whether file (a path in the built site) is a
// document's parallel view.
func isComparePage(file string) bool {
	return strings.HasSuffix(file, "/compare/index.html")
}
