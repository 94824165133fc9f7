package parallel

import (
	"fmt"
	"sync/atomic"
	"testing"
)

// TestFor checks that every index runs exactly once and that no more
// calls run at a time than workers allows, for more, fewer and as many
// indexes as workers, none, and a workers count below one.
func TestFor(t *testing.T) {
	for _, tc := range []struct{ n, workers, limit int }{
		{0, 4, 4}, {1, 4, 4}, {3, 4, 4}, {4, 4, 4}, {1000, 4, 4}, {50, 1, 1}, {10, 0, 1}, {10, -3, 1},
	} {
		t.Run(fmt.Sprintf("n=%d workers=%d", tc.n, tc.workers), func(t *testing.T) {
			calls := make([]atomic.Int32, tc.n)
			var running, most atomic.Int32
			For(tc.n, tc.workers, func(i int) {
				now := running.Add(1)
				for {
					m := most.Load()
					if now <= m || most.CompareAndSwap(m, now) {
						break
					}
				}
				calls[i].Add(1)
				running.Add(-1)
			})
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("f(%d) ran %d times", i, c)
				}
			}
			if m := int(most.Load()); m > tc.limit {
				t.Errorf("%d calls at a time, want at most %d", m, tc.limit)
			}
		})
	}
}
