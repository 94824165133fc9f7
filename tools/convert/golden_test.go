package convert

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected pages in testdata/golden/*.txtar")

// TestGolden converts each testdata/golden/*.txtar case and compares the
// pages with the ones the case holds. A case's inputs are its files under
// seeds/ and i18n/, and config.toml (the repository's when the case has
// none); everything under content/ and the files "warnings" and "error"
// (the message of a case the converter refuses) are expected outputs,
// rewritten by go test -update. See testdata/README.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txtar")
	if len(files) < 10 {
		t.Fatalf("found %d golden cases, want at least 10", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			root := goldenRoot(t, file)
			var inputs, want []txtar.File
			for _, f := range ar.Files {
				if isOutput(f.Name) {
					want = append(want, f)
				} else {
					inputs = append(inputs, f)
				}
			}
			// check rewrites the case's outputs with got under -update,
			// and compares got with them otherwise.
			check := func(got []txtar.File) {
				if !*update {
					compareFiles(t, got, want)
					return
				}
				ar.Files = append(inputs, got...)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got := []txtar.File{}
			p, err := Prepare(root)
			if err != nil {
				// A case whose input is refused expects the message, in
				// the file "error", and no page.
				check(append(got, txtar.File{Name: "error", Data: []byte(err.Error() + "\n")}))
				return
			}
			defer p.Discard()
			res := p.Result()
			for _, rel := range p.changes {
				data, err := os.ReadFile(filepath.Join(p.stage, rel))
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, txtar.File{Name: rel, Data: data})
			}
			slices.SortFunc(got, func(a, b txtar.File) int { return strings.Compare(a.Name, b.Name) })
			if len(res.Warnings) > 0 {
				got = append(got, txtar.File{Name: "warnings", Data: []byte(strings.Join(res.Warnings, "\n") + "\n")})
			}
			check(got)
		})
	}
}

// goldenRoot writes the inputs of the txtar case file into a new site
// root, with the repository's config.toml unless the case has its own.
func goldenRoot(t *testing.T, file string) string {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	hasConfig, hasStrings := false, false
	for _, f := range ar.Files {
		if !isOutput(f.Name) {
			writeTestFile(t, filepath.Join(root, f.Name), f.Data)
			hasConfig = hasConfig || f.Name == "config.toml"
			hasStrings = hasStrings || strings.HasPrefix(f.Name, "i18n/")
		}
	}
	// The repository's config.toml and interface strings (with which the
	// pages' dates are worded) unless the case has its own.
	var shared []string
	if !hasConfig {
		shared = append(shared, "config.toml")
	}
	if !hasStrings {
		strs, _ := filepath.Glob("../../i18n/*.toml")
		for _, f := range strs {
			shared = append(shared, "i18n/"+filepath.Base(f))
		}
	}
	for _, rel := range shared {
		data, err := os.ReadFile(filepath.Join("..", "..", rel))
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(root, rel), data)
	}
	return root
}

func isOutput(name string) bool {
	return strings.HasPrefix(name, "content/") || name == "warnings" || name == "error" || name == "i18n/sr-latn.toml"
}

func compareFiles(t *testing.T, got, want []txtar.File) {
	t.Helper()
	w := map[string][]byte{}
	for _, f := range want {
		w[f.Name] = f.Data
	}
	for _, f := range got {
		exp, ok := w[f.Name]
		delete(w, f.Name)
		switch {
		case !ok:
			t.Errorf("unexpected output %s (run go test ./tools/convert -update if intended):\n%s", f.Name, f.Data)
		case !bytes.Equal(f.Data, exp):
			t.Errorf("%s differs (run go test ./tools/convert -update if intended):\n%s", f.Name, lineDiff(exp, f.Data))
		}
	}
	for name := range w {
		t.Errorf("missing output %s", name)
	}
}

// lineDiff shows the first differing line of want and got.
func lineDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n-%s\n+%s", i+1, w, g)
		}
	}
	return "(same lines; differs in line ends)"
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
