package convert

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/regionaldialogue/site/tools/internal/synth"
)

// BenchmarkConvert converts the real seed with its translation into a
// fresh root each time: all pages written.
func BenchmarkConvert(b *testing.B) {
	seed, _ := os.ReadFile("../../seeds/000_1dc8ae94338e037f.txt")
	tr, _ := os.ReadFile("../../seeds/000_1dc8ae94338e037f.en.md")
	cfg, _ := os.ReadFile("../../config.toml")
	b.SetBytes(int64(len(seed) + len(tr)))
	for b.Loop() {
		b.StopTimer()
		root := b.TempDir()
		os.MkdirAll(filepath.Join(root, "seeds"), 0o755)
		os.WriteFile(filepath.Join(root, "config.toml"), cfg, 0o644)
		os.WriteFile(filepath.Join(root, "seeds/a.txt"), seed, 0o644)
		os.WriteFile(filepath.Join(root, "seeds/a.en.md"), tr, 0o644)
		b.StartTimer()
		if _, err := Run(root); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConvert10k converts 10,000 synthetic seeds (a third with an
// English translation): "first" into an empty content/, "rerun" with
// nothing changed. It reports the files written and the process's peak
// resident memory (which includes the test binary's own).
//
//	go test ./tools/convert -run '^$' -bench Convert10k -benchtime 3x
func BenchmarkConvert10k(b *testing.B) {
	const n = 10000
	seeds := b.TempDir()
	if err := synth.Write(filepath.Join(seeds, "seeds"), n); err != nil {
		b.Fatal(err)
	}
	cfg, _ := os.ReadFile("../../config.toml")
	os.WriteFile(filepath.Join(seeds, "config.toml"), cfg, 0o644)

	b.Run("first", func(b *testing.B) {
		var written int
		for b.Loop() {
			b.StopTimer()
			os.RemoveAll(filepath.Join(seeds, "content"))
			b.StartTimer()
			res, err := Run(seeds)
			if err != nil {
				b.Fatal(err)
			}
			written = len(res.Written)
		}
		b.ReportMetric(float64(written), "files-written")
		reportPeakRSS(b)
	})
	b.Run("rerun", func(b *testing.B) {
		if _, err := Run(seeds); err != nil {
			b.Fatal(err)
		}
		var written int
		for b.Loop() {
			res, err := Run(seeds)
			if err != nil {
				b.Fatal(err)
			}
			written = len(res.Written)
		}
		b.ReportMetric(float64(written), "files-written")
		reportPeakRSS(b)
	})
}
