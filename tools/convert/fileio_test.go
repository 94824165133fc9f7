package convert

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestFileIO checks readInput and writeNew against package os: the bytes,
// sizes and modification times they report are the ones os.Stat and
// os.ReadFile see.
func TestFileIO(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4096, 100_000} {
		data := bytes.Repeat([]byte("ђ"), size/2)
		path := filepath.Join(dir, "f.md")
		mod, err := writeNew(path, data)
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.ModTime().UnixNano() != mod || info.Size() != int64(len(data)) || info.Mode().Perm()&^0o022 != 0o644&^0o022 {
			t.Errorf("writeNew: mod %d, size %d, mode %v; os.Stat: %d, %d", mod, len(data), info.Mode(), info.ModTime().UnixNano(), info.Size())
		}
		// Into no buffer, one too small, and a used one with room.
		for _, buf := range [][]byte{nil, make([]byte, 3, 8), bytes.Repeat([]byte("x"), 200_000)} {
			got, gotSize, gotMod, err := readInput(path, buf)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, data) || gotSize != info.Size() || gotMod != mod {
				t.Errorf("readInput(cap %d): %d bytes, size %d, mod %d; want %d bytes, %d, %d", cap(buf), len(got), gotSize, gotMod, len(data), info.Size(), mod)
			}
			if cap(buf) > size && &got[:1][0] != &buf[:1][0] {
				t.Errorf("readInput(cap %d) of %d bytes: did not reuse the buffer", cap(buf), size)
			}
		}
	}
	// Writing over a longer file truncates it.
	path := filepath.Join(dir, "g.md")
	os.WriteFile(path, []byte("a longer text"), 0o644)
	if _, err := writeNew(path, []byte("short")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "short" {
		t.Errorf("writeNew over a longer file: %q", got)
	}
	if _, _, _, err := readInput(filepath.Join(dir, "missing"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("readInput of a missing file: %v", err)
	}
	if _, err := writeNew(filepath.Join(dir, "no", "dir"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writeNew into a missing folder: %v", err)
	}
}

// TestTuneGC checks that overlapping Runs leave the collector's settings
// as they found them, and that Run changes nothing when the user set GOGC
// or GOMEMLIMIT (the test sets both itself, so it runs the same whatever
// the environment it starts in).
func TestTuneGC(t *testing.T) {
	for _, tc := range []struct {
		gogc, memLimit string
		tunes          bool
	}{
		{"", "", true},
		{"200", "", false},
		{"", "1GiB", false},
	} {
		t.Run(fmt.Sprintf("GOGC=%q GOMEMLIMIT=%q", tc.gogc, tc.memLimit), func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", tc.memLimit)
			percent := debug.SetGCPercent(-1)
			debug.SetGCPercent(percent)
			limit := debug.SetMemoryLimit(-1)
			a := tuneGC()
			if !tc.tunes {
				if got := debug.SetGCPercent(percent); got != percent {
					t.Errorf("during Run: GOGC %d, want %d as the user set it", got, percent)
				}
				if got := debug.SetMemoryLimit(-1); got != limit {
					t.Errorf("during Run: memory limit %d, want %d as the user set it", got, limit)
				}
				a()
				return
			}
			if got := debug.SetGCPercent(runGCPercent); got != max(percent, runGCPercent) && percent >= 0 {
				t.Errorf("during Run: GOGC %d", got)
			}
			b := tuneGC()
			a()
			if got := debug.SetMemoryLimit(-1); got != min(limit, runMemoryLimit) {
				t.Errorf("during the second Run: memory limit %d", got)
			}
			b()
			if got := debug.SetGCPercent(percent); got != percent {
				t.Errorf("after: GOGC %d, want %d", got, percent)
			}
			if got := debug.SetMemoryLimit(-1); got != limit {
				t.Errorf("after: memory limit %d, want %d", got, limit)
			}
		})
	}
}
