package takeaway

import (
	"flag"
	"testing"

	"github.com/regionaldialogue/site/tools/convert"
)

var benchN = flag.Int("takeaway.n", 1000, "BenchmarkWrite: how many synthetic documents")

// BenchmarkWrite writes every citation, e-book and data file of
// -takeaway.n synthetic documents (and the tricky seed) into a fresh
// folder per iteration, as publish.Build does after Hugo's build.
//
//	go test ./tools/takeaway -run '^$' -bench Write -takeaway.n 1000
func BenchmarkWrite(b *testing.B) {
	root := testSite(b, *benchN)
	docs, err := convert.Documents(root)
	if err != nil {
		b.Fatal(err)
	}
	site, err := loadSite(root, testBase)
	if err != nil {
		b.Fatal(err)
	}
	files := 1
	for _, d := range docs {
		files += 4*len(d.Versions) + 1
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		public := b.TempDir()
		b.StartTimer()
		if err := Write(public, site, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(files), "files")
}
