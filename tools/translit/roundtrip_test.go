package translit_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/synth"
	"github.com/regionaldialogue/site/tools/seedparse"
	"github.com/regionaldialogue/site/tools/translit"
)

// synthDocs is how many documents of the synthetic corpus the round trips
// check; the corpus draws from one vocabulary, so more add nothing new.
const synthDocs = 300

type seedFile struct {
	name string
	text []byte
}

// corpus returns every seed in seeds/ and the first synthDocs synthetic ones.
func corpus(t *testing.T) []seedFile {
	t.Helper()
	paths, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var out []seedFile
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, seedFile{p, b})
	}
	for i := range synthDocs {
		s, _ := synth.Seed(i)
		out = append(out, seedFile{fmt.Sprintf("synth_%05d.txt", i), s})
	}
	return out
}

// texts returns every text of doc that a reader sees, with its line.
func texts(doc *document.Document) (out []string, lines []int) {
	h := doc.HeaderLines
	out = append(out, doc.Title, doc.Subtitle, doc.DateLine)
	lines = append(lines, h.Title, h.Subtitle, h.Date)
	for _, b := range doc.Blocks {
		out, lines = append(out, b.Text), append(lines, b.Line)
		for _, it := range b.Items {
			out, lines = append(out, it.Text), append(lines, it.Line)
		}
	}
	return out, lines
}

// TestRoundTripCyrillic checks that Cyrillic → Latin → Cyrillic gives back
// every text of every seed and synthetic document exactly, and that each
// passes the script check as Cyrillic.
func TestRoundTripCyrillic(t *testing.T) {
	for _, f := range corpus(t) {
		for _, p := range translit.Check(strings.Split(string(f.text), "\n"), translit.Cyrillic) {
			t.Errorf("%s:%v", f.name, &p)
		}
		doc, err := seedparse.Parse(f.name, f.text)
		if err != nil {
			t.Fatal(err)
		}
		ts, lines := texts(doc)
		for k, cyr := range ts {
			latin, _ := translit.ToLatin(cyr)
			if back := translit.ToCyrillic(latin); back != cyr {
				t.Errorf("%s:%d: Cyrillic → Latin → Cyrillic changed the text\n\tin:    %q\n\tLatin: %q\n\tback:  %q", f.name, lines[k], cyr, latin, back)
			}
		}
	}
}

// TestRoundTripLatin checks that Latin → Cyrillic → Latin gives back the
// Latin text exactly, for the Latin version of every seed and synthetic
// document, made and read back by recode-sr-latin (GNU gettext), an
// implementation independent of ToLatin. The Latin text passes the script
// check as Latin, and ToCyrillic gives back the Cyrillic seed.
func TestRoundTripLatin(t *testing.T) {
	files := corpus(t)
	originals := make([]string, len(files))
	for i, f := range files {
		originals[i] = string(f.text)
	}
	latin := recodeAll(t, originals)
	cyrillic := make([]string, len(files))
	for i, l := range latin {
		lines := strings.Split(l, "\n")
		if got := translit.Detect(lines); got != translit.Latin {
			t.Errorf("%s in Latin: Detect = %v, want Latin", files[i].name, got)
		}
		for _, p := range translit.Check(lines, translit.Latin) {
			t.Errorf("%s in Latin:%v", files[i].name, &p)
		}
		cyrillic[i] = translit.ToCyrillic(l)
	}
	back := recodeAll(t, cyrillic)
	for i := range files {
		if back[i] != latin[i] {
			t.Errorf("%s: Latin → Cyrillic → Latin changed the text\n%s", files[i].name, firstLineDiff(latin[i], cyrillic[i], back[i]))
		}
		// The Word debris of the seed ("[bookmark: _GoBack]") is not
		// Serbian; everything else comes back as the original.
		want := strings.ReplaceAll(originals[i], "[bookmark: _GoBack]", "[боокмарк: _ГоБацк]")
		if cyrillic[i] != want {
			t.Errorf("%s: Cyrillic → Latin (recode-sr-latin) → Cyrillic changed the text\n%s", files[i].name, firstLineDiff(want, latin[i], cyrillic[i]))
		}
	}
}

// firstLineDiff shows the first line where want and got differ, with the
// same line of the text between them.
func firstLineDiff(want, between, got string) string {
	w, b, g := strings.Split(want, "\n"), strings.Split(between, "\n"), strings.Split(got, "\n")
	for n := range max(len(w), len(g)) {
		at := func(l []string) string {
			if n < len(l) {
				return l[n]
			}
			return ""
		}
		if at(w) != at(g) {
			return fmt.Sprintf("\tline %d\n\twant:    %q\n\tbetween: %q\n\tgot:     %q", n+1, at(w), at(b), at(g))
		}
	}
	return "\t(same lines)"
}

// recodeAll runs recode-sr-latin once over all texts.
func recodeAll(t *testing.T, texts []string) []string {
	t.Helper()
	recode, err := exec.LookPath("recode-sr-latin")
	if err != nil {
		msg := "recode-sr-latin not found; install Debian package gettext (apt-get install gettext)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	const sep = "\n=====\n"
	cmd := exec.Command(recode)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	cmd.Stdin = strings.NewReader(strings.Join(texts, sep))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("recode-sr-latin: %v\n%s", err, stderr.Bytes())
	}
	parts := strings.Split(string(out), sep)
	if len(parts) != len(texts) {
		t.Fatalf("recode-sr-latin gave %d texts for %d", len(parts), len(texts))
	}
	return parts
}
