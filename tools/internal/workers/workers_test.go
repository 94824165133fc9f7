package workers

import (
	"sync/atomic"
	"testing"
)

// TestEach runs every index once, on no more goroutines than asked for
// and than there are indexes.
func TestEach(t *testing.T) {
	for _, tc := range []struct{ workers, n, wantWorkers int }{
		{1, 10, 1},
		{4, 100, 4},
		{8, 3, 3},
		{2, 0, 0},
	} {
		runs := make([]atomic.Int32, tc.n)
		var used [16]atomic.Bool
		Each(tc.workers, tc.n, func(w, i int) {
			runs[i].Add(1)
			used[w].Store(true)
		})
		for i := range runs {
			if got := runs[i].Load(); got != 1 {
				t.Errorf("workers %d, n %d: index %d ran %d times, want once", tc.workers, tc.n, i, got)
			}
		}
		for w := range used {
			if used[w].Load() && w >= tc.wantWorkers {
				t.Errorf("workers %d, n %d: goroutine %d ran, want at most %d", tc.workers, tc.n, w, tc.wantWorkers)
			}
		}
	}
}
