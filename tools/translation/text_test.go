package translation

import "testing"

func TestCollapseSpace(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"", ""},
		{" ", ""},
		{" a ", "a"},
		{"a  b\tc\nd", "a b c d"},
		{"a\u00a0b\u2003 c\u3000", "a b c"},
		{"a\u0085b", "a b"},
		{"Ђорђе и Љубљана", "Ђорђе и Љубљана"},
		{"a – b", "a – b"},
	} {
		if got := collapseSpace(tc.s); got != tc.want {
			t.Errorf("collapseSpace(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestTextValue(t *testing.T) {
	for _, tc := range []struct{ seg, want string }{
		{"plain text", "plain text"},
		{"first \\[1\\] &amp; more", "first [1] & more"},
		{"&copy; &#1234; &#x1F600; &bogus; & ;", "© Ӓ 😀 &bogus; & ;"},
		{"a\\*b\\\\c\\ d", "a*b\\c\\ d"},
		{"<b>\"q\"</b> > <", "<b>\"q\"</b> > <"},
		{"&#0;", "\ufffd"},
		{"&amp", "&amp"},
		{"\\&amp;", "&amp;"},
	} {
		if got := textValue([]byte(tc.seg)); got != tc.want {
			t.Errorf("textValue(%q) = %q, want %q", tc.seg, got, tc.want)
		}
	}
}
