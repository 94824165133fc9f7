package search

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// jsFold runs static/js/search.js in node over inputs and returns what its
// fold and words give for each (words for lang).
func jsFold(t *testing.T, inputs []string, lang string) (folds []string, words [][]string, stems []string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is needed under CI=true: ", err)
		}
		t.Skip("no node: ", err)
	}
	script, err := filepath.Abs("../../static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	var stemIn [][2]string
	for _, c := range queryStemCases {
		stemIn = append(stemIn, [2]string{c.in, c.lang})
	}
	in, _ := json.Marshal(map[string]any{"inputs": inputs, "lang": lang, "stems": stemIn})
	prog := `const s = require(process.argv[1]); let d = '';
process.stdin.on('data', c => d += c).on('end', () => { const q = JSON.parse(d);
process.stdout.write(JSON.stringify({folds: q.inputs.map(s.fold), words: q.inputs.map(x => s.words(x, q.lang)),
  stems: q.stems.map(x => s.queryStem(x[0], x[1]))})); });`
	cmd := exec.Command(node, "-e", prog, script)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var res struct {
		Folds []string
		Words [][]string
		Stems []string
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res.Folds, res.Words, res.Stems
}

// TestJSFold checks that search.js folds and splits the tables' inputs,
// and every line of the seeds and translations, exactly as Fold and Words
// do.
func TestJSFold(t *testing.T) {
	var inputs []string
	for _, c := range foldCases {
		inputs = append(inputs, c.in)
	}
	for _, lang := range []string{"sr", "en"} {
		var ins []string
		ins = append(ins, inputs...)
		for _, c := range wordsCases {
			ins = append(ins, c.in)
		}
		ins = append(ins, seedLines(t)...)
		folds, words, stems := jsFold(t, ins, lang)
		for i, c := range queryStemCases {
			if stems[i] != c.want {
				t.Errorf("search.js queryStem(%q, %q) = %q, want %q", c.in, c.lang, stems[i], c.want)
			}
		}
		for i, in := range ins {
			if want := Fold(in); folds[i] != want {
				t.Errorf("search.js fold(%q) = %q, Go's Fold = %q", in, folds[i], want)
			}
			if want := Words(in, lang); !slices.Equal(words[i], want) && len(want)+len(words[i]) > 0 {
				t.Errorf("search.js words(%q, %q) = %q, Go's Words = %q", in, lang, words[i], want)
			}
		}
	}
}

// seedLines returns the lines of every file in seeds/.
func seedLines(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../seeds/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	return lines
}
