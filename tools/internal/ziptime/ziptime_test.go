package ziptime

import (
	"testing"
	"time"
)

func TestDOS(t *testing.T) {
	for _, c := range []struct {
		t           time.Time
		date, clock uint16
	}{
		{time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), 1<<5 | 1, 0},
		{time.Date(2015, 11, 26, 0, 0, 0, 0, time.UTC), 35<<9 | 11<<5 | 26, 0},
		// Seconds in two-second steps, rounded down.
		{time.Date(2030, 1, 2, 13, 45, 59, 0, time.UTC), 50<<9 | 1<<5 | 2, 13<<11 | 45<<5 | 29},
		// Another zone: the same instant in UTC.
		{time.Date(2015, 11, 27, 1, 30, 0, 0, time.FixedZone("CET", 3600)), 35<<9 | 11<<5 | 27, 0<<11 | 30<<5},
	} {
		date, clock := DOS(c.t)
		if date != c.date || clock != c.clock {
			t.Errorf("DOS(%v) = %d, %d; want %d, %d", c.t, date, clock, c.date, c.clock)
		}
	}
}
