package main

import (
	"strings"
	"testing"
)

// TestAddressNote: the build's last line says when the site has no
// absolute address, whether it comes from config.toml or -baseURL, and
// says nothing when it has one.
func TestAddressNote(t *testing.T) {
	for _, tc := range []struct {
		base string
		note bool
	}{
		{"/", true},
		{"", true},
		{"https://user.github.io/repo/", false},
		{"https://example.org/docs", false},
		{"example.org/docs/", true},
		{"/docs/", true},
	} {
		note := addressNote(tc.base)
		if (note != "") != tc.note || strings.Contains(note, "\n") {
			t.Errorf("base %q: note %q, want one: %v", tc.base, note, tc.note)
		}
		if tc.note && !strings.Contains(note, "config.toml") {
			t.Errorf("note %q does not say where to set the address", note)
		}
	}
}
