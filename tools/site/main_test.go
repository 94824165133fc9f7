package main

import (
	"bytes"
	"testing"

	"github.com/regionaldialogue/site/tools/convert"
)

// TestPrintConvert checks the line an editor reads after a conversion:
// how many documents there are, the pages by language and what changed
// on disk, in the singular where it is one.
func TestPrintConvert(t *testing.T) {
	for _, tc := range []struct {
		res  convert.Result
		want string
	}{
		{
			convert.Result{Documents: 1, Pages: map[string]int{"sr": 1, "sr-latn": 1, "en": 1}, Written: []string{"a", "b", "c"}},
			"1 document (pages: en 1, sr 1, sr-latn 1); 3 files written, 0 removed\n",
		},
		{
			convert.Result{Documents: 2, Pages: map[string]int{"sr": 2, "sr-latn": 2}},
			"2 documents (pages: sr 2, sr-latn 2); 0 files written, 0 removed\n",
		},
		{
			convert.Result{Documents: 3, Pages: map[string]int{"sr": 3}, Written: []string{"a"}, Removed: []string{"x", "y"}, Warnings: []string{"seeds/a.txt:3: warning: w"}},
			"3 documents (pages: sr 3); 1 file written, 2 removed\n",
		},
	} {
		var stdout, stderr bytes.Buffer
		printConvert(&tc.res, &stdout, &stderr)
		if stdout.String() != tc.want {
			t.Errorf("stdout %q\nwant   %q", stdout.String(), tc.want)
		}
		wantErr := ""
		for _, w := range tc.res.Warnings {
			wantErr += w + "\n"
		}
		if stderr.String() != wantErr {
			t.Errorf("stderr %q, want %q", stderr.String(), wantErr)
		}
	}
}

func TestCheckBaseURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"/":                         true,
		"https://user.github.io/r/": true,
		"http://localhost:1313/":    true,
		"http://[::1":               false,
		"https://user.github.io/r":  true,
		"user.github.io/r/":         false,
		"ftp://example.org/":        false,
		"":                          true, // config.toml's
		"/repo/":                    true,
	} {
		if err := checkBaseURL(u); (err == nil) != ok {
			t.Errorf("checkBaseURL(%q) = %v, want ok %v", u, err, ok)
		}
	}
}
