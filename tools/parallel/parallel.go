// Package parallel runs the iterations of a loop on several goroutines.
package parallel

import (
	"sync"
	"sync/atomic"
)

// For runs f(0) … f(n-1) on at most workers goroutines (at least one) and
// returns when every call has returned. Each goroutine takes the next index
// from a shared counter, so a slow call holds up only its own goroutine.
// The calls may run in any order and at the same time.
func For(n, workers int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(workers, 1), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
