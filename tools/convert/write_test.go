package convert

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/regionaldialogue/site/tools/pages"
)

// TestStage puts files through the writer and checks what commit moves into
// place: only files whose bytes change, each with the modification time the
// writer recorded, a new folder moved in whole, and nothing when a file the
// converter did not generate is in the way.
func TestStage(t *testing.T) {
	root := t.TempDir()
	page := func(s string) []byte { return []byte("---\n" + pages.GeneratedMark + "\n---\n" + s + "\n") }
	writeTestFile(t, filepath.Join(root, "content/documents/same.sr.md"), page("same"))
	writeTestFile(t, filepath.Join(root, "content/documents/old.sr.md"), page("old"))
	writeTestFile(t, filepath.Join(root, "content/documents/hand.sr.md"), []byte("written by hand\n"))

	s, err := newStage(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.discard()
	mods := make([]int64, 3+50)
	put := func(rel string, data []byte, mod *int64) {
		t.Helper()
		if err := s.put(root, rel, data, true, mod); err != nil {
			t.Fatalf("put %s: %v", rel, err)
		}
	}
	put("content/documents/same.sr.md", page("same"), &mods[0])
	put("content/documents/old.sr.md", page("new"), &mods[1])
	put("content/documents/new.sr.md", page("new"), &mods[2])
	// More than the writer's queue holds, into a folder that does not
	// exist yet.
	var fresh []string
	for i := range 50 {
		rel := fmt.Sprintf("content/fresh/%02d.sr.md", i)
		fresh = append(fresh, rel)
		put(rel, page(rel), &mods[3+i])
	}
	if err := s.put(root, "content/documents/hand.sr.md", page("hand"), true, nil); err == nil {
		t.Error("put over a file the converter did not generate: no error")
	}
	if _, err := os.Stat(filepath.Join(root, "content/fresh")); !os.IsNotExist(err) {
		t.Errorf("before commit: content/fresh: %v, want it absent", err)
	}

	written, err := s.commit(root)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string{"content/documents/new.sr.md", "content/documents/old.sr.md"}, fresh...)
	slices.Sort(want)
	if !slices.Equal(written, want) {
		t.Errorf("written %q\nwant    %q", written, want)
	}
	if mods[0] != 0 {
		t.Errorf("unchanged file: mod %d, want 0 (not staged)", mods[0])
	}
	for i, rel := range append([]string{"content/documents/same.sr.md", "content/documents/old.sr.md", "content/documents/new.sr.md"}, fresh...) {
		if i == 0 {
			continue // not staged
		}
		info, err := os.Stat(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		if got := info.ModTime().UnixNano(); got != mods[i] {
			t.Errorf("%s: recorded mod %d, file has %d", rel, mods[i], got)
		}
	}
	if got, err := os.ReadFile(filepath.Join(root, "content/documents/hand.sr.md")); string(got) != "written by hand\n" {
		t.Errorf("hand-written file: %q, %v", got, err)
	}
}

// TestStageWriteError checks that a file the writer cannot create fails
// the commit, and that nothing reaches the root.
func TestStageWriteError(t *testing.T) {
	root := t.TempDir()
	s, err := newStage(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.discard()
	// A file where the stage needs a folder.
	writeTestFile(t, filepath.Join(s.dir, "content"), []byte("in the way"))
	var mod int64
	if err := s.put(root, "content/documents/a.sr.md", []byte("a"), true, &mod); err != nil {
		t.Fatal(err)
	}
	if _, err := s.commit(root); err == nil {
		t.Fatal("commit: no error")
	}
	if _, err := os.Stat(filepath.Join(root, "content")); !os.IsNotExist(err) {
		t.Errorf("content/ after a failed commit: %v, want it absent", err)
	}
	s.discard()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("root after discard holds %v, want nothing", entries)
	}
}
