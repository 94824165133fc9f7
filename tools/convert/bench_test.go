package convert

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/synth"
	"github.com/regionaldialogue/site/tools/pages"
	"github.com/regionaldialogue/site/tools/seedparse"
	"github.com/regionaldialogue/site/tools/translation"
)

// BenchmarkParseSeed parses the real seed; MB/s is seed bytes per second.
func BenchmarkParseSeed(b *testing.B) {
	data, err := os.ReadFile("../../seeds/000_1dc8ae94338e037f.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := seedparse.Parse("seeds/x.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

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

// BenchmarkSteps runs each step of converting a synthetic seed in memory,
// without the file system, over the same 300 seeds (a third with an
// English translation): MB/s is input bytes per second. Its sub-benchmarks
// show where the converter's CPU time goes, without the noise of creating
// files:
//
//	go test ./tools/convert -run '^$' -bench Steps -count 6
func BenchmarkSteps(b *testing.B) {
	const n = 300
	type input struct {
		seed, tr []byte
		sum      [32]byte
	}
	var (
		in    []input
		size  int64
		trs   int64
		origs []*document.Document
		lats  []*document.Document
		ens   []*document.Document
	)
	for i := range n {
		s, t := synth.Seed(i)
		in = append(in, input{s, t, sha256.Sum256(s)})
		size += int64(len(s) + len(t))
		trs += int64(len(t))
	}
	parse := func() {
		origs = origs[:0]
		for i, x := range in {
			d, err := seedparse.ParseHashed(fmt.Sprintf("seeds/s%d.txt", i), x.seed, x.sum)
			if err != nil {
				b.Fatal(err)
			}
			origs = append(origs, d)
		}
	}
	latin := func() {
		lats = lats[:0]
		for _, d := range origs {
			l, _ := Transliterate(d, "seeds/x.txt")
			lats = append(lats, l)
		}
	}
	english := func() {
		ens = ens[:0]
		for i, x := range in {
			if x.tr == nil {
				continue
			}
			d, err := translation.Read("seeds/x.en.md", x.tr, origs[i], "seeds/x.txt")
			if err != nil {
				b.Fatal(err)
			}
			ens = append(ens, d)
		}
	}
	render := func() {
		buf := make([]byte, 0, 64<<10)
		for i, d := range origs {
			for _, v := range []struct {
				d *document.Document
				v pages.Version
			}{{d, pages.Version{Lang: "sr", OriginalLang: "sr"}}, {lats[i], pages.Version{Lang: "sr-latn", OriginalLang: "sr", Transliterated: true}}} {
				var err error
				if buf, err = pages.AppendPage(buf[:0], v.d, v.v, "slug"); err != nil {
					b.Fatal(err)
				}
			}
		}
		for _, d := range ens {
			var err error
			if buf, err = pages.AppendPage(buf[:0], d, pages.Version{Lang: "en", OriginalLang: "sr", TranslationFile: "x.en.md"}, "slug"); err != nil {
				b.Fatal(err)
			}
		}
	}
	parse()
	latin()
	english()
	for _, s := range []struct {
		name  string
		bytes int64
		f     func()
	}{
		{"parse", size - trs, parse},
		{"transliterate", size - trs, latin},
		{"translation", trs, english},
		{"render", size, render},
		{"all", size, func() { parse(); latin(); english(); render() }},
	} {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(s.bytes)
			b.ReportAllocs()
			for b.Loop() {
				s.f()
			}
		})
	}
}
