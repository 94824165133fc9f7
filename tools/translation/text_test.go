package translation

import (
	"strings"
	"testing"
)

var textCases = []string{
	"", " ", "a", " a", "a ", "a  b", "a\tb", "a\nb", "The participants agreed:",
	"Учесници су се сложили", "a\u00a0b", "a\u0085b", "a\u2003 b", "\u3000", "x\xffy",
	"first \\[1\\] &amp; more", "&copy; &#1234; &#x1F600; &bogus; & ;", "a\\*b\\\\c\\ d",
	"<b>\"q\"</b> > <", "nul\x00byte", "&#0;", "&amp", "\\&amp;",
	"a\xc3 b", "a\xc3  b", "\xc3", "a\xc3", "Ђ  ђ", "ж\u00a0", "ж \u2003", "Ђорђе и Љубљана", "a – b", "\u2028x",
}

// TestCollapseSpace checks collapseSpace against strings.Fields.
func TestCollapseSpace(t *testing.T) {
	for _, s := range textCases {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTextValue checks textValue's shortcut against goldmark's writer.
func TestTextValue(t *testing.T) {
	for _, s := range textCases {
		if got, want := textValue([]byte(s)), textValueHTML([]byte(s)); got != want {
			t.Errorf("textValue(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range textCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzTextValue(f *testing.F) {
	for _, s := range textCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textValue([]byte(s)), textValueHTML([]byte(s)); got != want {
			t.Errorf("textValue(%q) = %q, want %q", s, got, want)
		}
	})
}

// textValue returns the text a Text node's source segment stands for, as
// inlineText takes it.
func textValue(seg []byte) string {
	if isOwnText(seg) {
		return string(seg)
	}
	return textValueHTML(seg)
}
