package search

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/regionaldialogue/site/tools/internal/synth"
)

// synthSeeds is how many seeds of the synthetic corpus TestRecodeFold reads.
const synthSeeds = 300

// TestRecodeFold checks that every word of every seed and of the synthetic
// corpus folds to the same key in Cyrillic and in GNU gettext's
// recode-sr-latin transliteration: so a reader typing Latin finds the
// Cyrillic original, whatever transliteration they have in mind.
func TestRecodeFold(t *testing.T) {
	recode, err := exec.LookPath("recode-sr-latin")
	if err != nil {
		msg := "recode-sr-latin not found; install Debian package gettext (apt-get install gettext)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	texts := map[string][]byte{}
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(p)] = data
	}
	for i := range synthSeeds {
		seed, _ := synth.Seed(i)
		texts["synth/"+strconv.Itoa(i)] = seed
	}
	// One run of recode-sr-latin over all texts, each on its own lines,
	// separated by a line no text has.
	const sep = "\n@@@@\n"
	var names []string
	var all bytes.Buffer
	for name := range texts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		all.Write(texts[name])
		all.WriteString(sep)
	}
	cmd := exec.Command(recode)
	cmd.Stdin = &all
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("recode-sr-latin: %v", err)
	}
	latins := bytes.Split(out, []byte(sep))
	if len(latins) != len(names)+1 {
		t.Fatalf("recode-sr-latin gave %d texts for %d", len(latins)-1, len(names))
	}
	words := 0
	for i, name := range names {
		cyr := Words(string(texts[name]), "sr")
		lat := Words(string(latins[i]), "sr")
		if !slices.Equal(cyr, lat) {
			for k := range min(len(cyr), len(lat)) {
				if cyr[k] != lat[k] {
					t.Errorf("%s: word %d folds to %q in Cyrillic, %q in recode-sr-latin's Latin", name, k+1, cyr[k], lat[k])
					break
				}
			}
			if len(cyr) != len(lat) {
				t.Errorf("%s: %d words in Cyrillic, %d in Latin", name, len(cyr), len(lat))
			}
		}
		words += len(cyr)
	}
	if words < 10000 {
		t.Errorf("only %d words compared", words)
	}
	t.Logf("%d texts, %d words: the same keys", len(names), words)
}
