package seedparse

import "testing"

func TestTrimNotes(t *testing.T) {
	for in, want := range map[string]string{
		"Закључци":         "Закључци",
		"Закључци[2]":      "Закључци",
		"Закључци[*]":      "Закључци",
		"Закључци[***]":    "Закључци",
		"Закључци[****]":   "Закључци[****]",
		"Закључци[1234]":   "Закључци[1234]",
		"Закључци[]":       "Закључци[]",
		"Закључци[1*]":     "Закључци[1*]",
		"Закључци¹²":       "Закључци",
		"Закључци[1]²[*]":  "Закључци",
		"Закључци [a]":     "Закључци [a]",
		"Закључци[1]]":     "Закључци[1]]",
		"[12]":             "",
		"]":                "]",
		"":                 "",
		"члан 2. став [3]": "члан 2. став ",
	} {
		if got := trimNotes(in); got != want {
			t.Errorf("trimNotes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanDebris(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  "",
		"  Члан 1.\r":                       "Члан 1.",
		"a\tb\u00a0\u00a0c\ufeff":           "a b c",
		"[bookmark: _GoBack]Учесници":       "Учесници",
		"a[bookmark: x]b[bookmark: y]c":     "a b c",
		"a [bookmark: x":                    "a [bookmark: x",
		"[bookmark:[bookmark: x] y]":        "[bookmark: y]",
		"[bookmark: ]]":                     "]",
		"Члан [bookmark: _Toc1] 2. [2]\x01": "Члан 2. [2]",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNeedsCleaning(t *testing.T) {
	for in, want := range map[string]bool{
		"":                       false,
		"а":                      false,
		"Љубљана, 3. март 2016.": false,
		"a b · c – d":            false,
		" а":                     true,
		"а ":                     true,
		" ":                      true,
		"а  б":                   true,
		"а\tб":                   true,
		"а\rб":                   true,
		"а\u00a0б":               true,
		"а\u2003б":               true,
		"аб\ufeff":               true,
		"a\x7fb":                 true,
		"а[bookmark: _GoBack] б": true,
		"а [bookmark:x] б":       false,
	} {
		if got := needsCleaning(in); got != want {
			t.Errorf("needsCleaning(%q) = %v, want %v", in, got, want)
		}
	}
}
