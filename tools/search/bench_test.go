package search

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/internal/synth"
)

// BenchmarkIndex builds and encodes the Serbian index of 500 synthetic
// documents, and reports the cost per document.
func BenchmarkIndex(b *testing.B) {
	root := b.TempDir()
	for _, f := range []string{"config.toml", "i18n/sr.toml"} {
		data, err := os.ReadFile(filepath.Join("../..", f))
		if err != nil {
			b.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(root, f)), 0o755)
		if err := os.WriteFile(filepath.Join(root, f), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	const n = 500
	if err := synth.Write(filepath.Join(root, "seeds"), n); err != nil {
		b.Fatal(err)
	}
	docs, err := convert.Documents(root)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		Build(docs, "sr").Files()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/doc")
}
