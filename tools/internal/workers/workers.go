// Package workers runs a loop's iterations on a fixed number of
// goroutines, for the build's steps that do the same work for many
// documents or files: each goroutine takes the next index until none is
// left, and knows its own number, so that it can reuse what it owns (a
// buffer, a compressor).
package workers

import (
	"sync"
	"sync/atomic"
)

// Each runs f(w, 0) … f(w, n-1) on goroutines w = 0, 1, …, workers-1 (no
// more than n) and returns when all have returned. The order in which the
// indexes run is not fixed; f must write only what index i owns.
func Each(workers, n int, f func(w, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(w, i)
			}
		})
	}
	wg.Wait()
}
