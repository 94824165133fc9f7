package translit

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// intendedDiffs lists every line of the differential corpora on which
// ToLatin deliberately disagrees with GNU gettext's recode-sr-latin. Any other
// disagreement fails TestRecodeSrLatin, and so does an entry here that no
// longer occurs.
//
// recode-sr-latin does not normalize, so its output is brought to NFC before
// comparing; that is not counted as a difference.
var intendedDiffs = []struct {
	in, recode, ours, reason string
}{
	{
		in: "ЉУбав", recode: "LJUbav", ours: "LjUbav",
		reason: "a word with a lower-case letter is not in capitals, so capital Љ is Lj; " +
			"recode-sr-latin looks only at the neighbouring character (У)",
	},
	{
		in: "МакЏОН", recode: "MakDŽON", ours: "MakDžON",
		reason: "same rule: the word has lower-case letters, so capital Џ is Dž",
	},
	{
		in: "КРА\u0311Љ", recode: "KRȂLj", ours: "KRȂLJ",
		reason: "combining marks belong to the word, so КРА̑Љ is an all-capitals word; " +
			"recode-sr-latin sees the accent next to Љ, not a capital",
	},
	{
		in: "ЏҐ", recode: "DžҐ", ours: "DŽҐ",
		reason: "all capitals in any script count; recode-sr-latin only knows A-Z, U+0400..U+042F, Ӣ and Ӯ as capitals",
	},
	{
		in: "Г\u0301орг\u0301е", recode: "Ǵorǵe", ours: "Ѓorѓe",
		reason: "Г + U+0301 is canonically equivalent to the Macedonian letter Ѓ; ToLatin normalizes first, " +
			"so NFD input gives the same result as NFC input: Ѓ, a foreign letter, left as is and reported",
	},
	{
		in: "К\u0301 Е\u0308 И\u0306 и\u0306", recode: "Ḱ Ë Ĭ ĭ", ours: "Ќ Ё Й й",
		reason: "same: NFD spellings of the foreign letters Ќ, Ё, Й, й stay foreign, as their NFC forms do " +
			"(recode-sr-latin, too, leaves the NFC forms as they are)",
	},
}

// TestRecodeSrLatin compares ToLatin line by line with recode-sr-latin
// (Debian package gettext) over the seed and testdata/tricky.txt.
func TestRecodeSrLatin(t *testing.T) {
	recode, err := exec.LookPath("recode-sr-latin")
	if err != nil {
		msg := "recode-sr-latin not found; install Debian package gettext (apt-get install gettext)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}

	seen := make([]bool, len(intendedDiffs))
	for _, path := range []string{seedPath, "testdata/tricky.txt"} {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(recode)
		// recode-sr-latin converts from and to the locale's charset.
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		cmd.Stdin = bytes.NewReader(text)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: recode-sr-latin: %v\n%s", path, err, stderr.Bytes())
		}
		inLines := strings.Split(string(text), "\n")
		theirLines := strings.Split(string(out), "\n")
		if len(inLines) != len(theirLines) {
			t.Fatalf("%s: %d lines in, recode-sr-latin gave %d", path, len(inLines), len(theirLines))
		}
		for n, in := range inLines {
			theirs := norm.NFC.String(theirLines[n])
			ours, _ := ToLatin(in)
			if ours == theirs {
				continue
			}
			k := findDiff(in)
			switch {
			case k < 0:
				t.Errorf("%s:%d: unexpected difference from recode-sr-latin\n%s", path, n+1, diffReport(in, theirs, ours))
			case intendedDiffs[k].recode != theirs || intendedDiffs[k].ours != ours:
				t.Errorf("%s:%d: difference changed\n%s\nlisted as:\n%s", path, n+1,
					diffReport(in, theirs, ours), diffReport(in, intendedDiffs[k].recode, intendedDiffs[k].ours))
				seen[k] = true
			default:
				seen[k] = true
			}
		}
	}
	for k, d := range intendedDiffs {
		if !seen[k] {
			t.Errorf("listed difference no longer occurs; remove it from intendedDiffs:\n%s", diffReport(d.in, d.recode, d.ours))
		}
	}
}

func findDiff(in string) int {
	for k, d := range intendedDiffs {
		if d.in == in {
			return k
		}
	}
	return -1
}

func diffReport(in, theirs, ours string) string {
	return fmt.Sprintf("\tin:     %q\n\trecode: %q\n\tours:   %q", in, theirs, ours)
}
