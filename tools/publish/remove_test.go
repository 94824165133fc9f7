package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveTree removes trees of several shapes and checks that nothing
// of them is left and that what their symbolic links point to is.
func TestRemoveTree(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files int    // files spread over nested folders
		empty bool   // also empty folders
		links bool   // also links to a file and a folder outside
		mode  uint32 // the files' mode
	}{
		{name: "empty folder"},
		{name: "a few files", files: 7, mode: 0o644},
		{name: "many files", files: 500, empty: true, mode: 0o644},
		{name: "read-only files", files: 40, mode: 0o444},
		{name: "links", files: 20, links: true, mode: 0o644},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := t.TempDir()
			outside := filepath.Join(base, "outside")
			if err := os.MkdirAll(filepath.Join(outside, "folder"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(outside, "file"), []byte("keep"), 0o644); err != nil {
				t.Fatal(err)
			}
			tree := filepath.Join(base, "tree")
			if err := os.Mkdir(tree, 0o755); err != nil {
				t.Fatal(err)
			}
			for i := range tc.files {
				dir := filepath.Join(tree, fmt.Sprint(i%3), fmt.Sprint(i%7))
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%d.html", i)), []byte("x"), os.FileMode(tc.mode)); err != nil {
					t.Fatal(err)
				}
			}
			if tc.empty {
				if err := os.MkdirAll(filepath.Join(tree, "a", "b", "c"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if tc.links {
				for name, target := range map[string]string{"to-file": "file", "to-folder": "folder"} {
					symlink(t, filepath.Join(outside, target), filepath.Join(tree, name))
				}
			}
			if err := RemoveTree(tree); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Lstat(tree); !os.IsNotExist(err) {
				t.Errorf("%s is still there (%v)", tree, err)
			}
			if data, err := os.ReadFile(filepath.Join(outside, "file")); err != nil || string(data) != "keep" {
				t.Errorf("the file a link pointed to: %q, %v", data, err)
			}
			if _, err := os.Stat(filepath.Join(outside, "folder")); err != nil {
				t.Errorf("the folder a link pointed to: %v", err)
			}
		})
	}
	if err := RemoveTree(filepath.Join(t.TempDir(), "missing")); err != nil {
		t.Errorf("a folder that does not exist: %v", err)
	}
}
