package translation

import (
	"slices"
	"testing"
)

func TestAnchors(t *testing.T) {
	tests := []struct {
		in       string
		acronyms bool
		want     []string
	}{
		{"", true, nil},
		{"26–27. новембар 2015.", false, []string{"26", "27", "2015"}},
		{"DCAF и OEBS, Beograd", true, []string{"DCAF", "OEBS"}},
		{"DCAF и OEBS, Beograd", false, nil},
		{"DCAFx A 12AB3", true, []string{"12", "AB", "3"}},
		{"Ђ1Ж", true, []string{"1"}},
	}
	for _, tt := range tests {
		if got := anchors(tt.in, tt.acronyms); !slices.Equal(got, tt.want) {
			t.Errorf("anchors(%q, %v) = %q, want %q", tt.in, tt.acronyms, got, tt.want)
		}
	}
}
