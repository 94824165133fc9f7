package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddressNote: the build's last line says when the site has no
// absolute address, whether it comes from config.toml or -baseURL, and
// says nothing when it has one.
func TestAddressNote(t *testing.T) {
	for _, tc := range []struct {
		config, override string
		note             bool
	}{
		{`baseURL = "/"`, "", true},
		{`baseURL = "/"`, "https://user.github.io/repo/", false},
		{`baseURL = "https://example.org/docs/"`, "", false},
		{`baseURL = "https://example.org/docs/"`, "/", true},
		{`baseURL = "https://example.org/docs/"`, "example.org/docs/", true},
		{`title = "no address"`, "", true},
	} {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "config.toml"), []byte(tc.config+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		note, err := addressNote(root, tc.override)
		if err != nil {
			t.Fatal(err)
		}
		if (note != "") != tc.note || strings.Contains(note, "\n") {
			t.Errorf("config %s, -baseURL %q: note %q, want one: %v", tc.config, tc.override, note, tc.note)
		}
		if tc.note && !strings.Contains(note, "config.toml") {
			t.Errorf("note %q does not say where to set the address", note)
		}
	}
	if _, err := addressNote(t.TempDir(), ""); err == nil {
		t.Error("no config.toml: no error")
	}
}
