package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReplace puts a new site in the place of an old one, and in a place
// where there was none: the new site is there, the old one is aside.
func TestReplace(t *testing.T) {
	for _, tc := range []struct {
		name    string
		old     bool // a previous site exists
		wantOld bool // replace returns where it is
	}{
		{"over a previous site", true, true},
		{"no previous site", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			public, staging := filepath.Join(dir, "public"), filepath.Join(dir, ".public-new-1")
			for _, d := range []string{public, staging} {
				if d != public || tc.old {
					if err := os.Mkdir(d, 0o755); err != nil {
						t.Fatal(err)
					}
				}
			}
			writeFile(t, filepath.Join(staging, "index.html"), "new")
			if tc.old {
				writeFile(t, filepath.Join(public, "index.html"), "old")
				writeFile(t, filepath.Join(public, "gone.html"), "old")
			}
			old, err := replace(public, staging)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := os.ReadFile(filepath.Join(public, "index.html")); err != nil || string(got) != "new" {
				t.Errorf("public/index.html: %q, %v; want the new site's", got, err)
			}
			if exists(filepath.Join(public, "gone.html")) || exists(staging) {
				t.Errorf("the old site's file or the staging folder is still there")
			}
			if (old != "") != tc.wantOld {
				t.Fatalf("old = %q", old)
			}
			if old != "" {
				if got, err := os.ReadFile(filepath.Join(old, "gone.html")); err != nil || string(got) != "old" {
					t.Errorf("%s: %q, %v; want the old site", old, got, err)
				}
			}
		})
	}
}
