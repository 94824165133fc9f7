package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// clockTicks is the unit of /proc/stat (USER_HZ), 100 on every Linux
// architecture Go supports.
const clockTicks = 100

// idleBelow is the share of all CPUs that may be busy for the machine to
// count as idle before a measurement.
const idleBelow = 0.10

// cpuTicks returns the machine's busy and total CPU time since boot, in
// clock ticks, from /proc/stat.
func cpuTicks() (busy, total int64, ok bool) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0, false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0, 0, false
	}
	// user nice system idle iowait irq softirq steal
	for i, s := range f[1:9] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, 0, false
		}
		total += n
		if i != 3 && i != 4 { // idle, iowait
			busy += n
		}
	}
	return busy, total, true
}

// busyShare is the share of all CPUs that were busy over d.
func busyShare(ctx context.Context, d time.Duration) (float64, bool) {
	b0, t0, ok := cpuTicks()
	if !ok {
		return 0, false
	}
	select {
	case <-ctx.Done():
		return 0, false
	case <-time.After(d):
	}
	b1, t1, ok := cpuTicks()
	if !ok || t1 == t0 {
		return 0, false
	}
	return float64(b1-b0) / float64(t1-t0), true
}

// waitIdle waits, at most maxWait, until other processes leave the
// machine's CPUs idle, so that a measurement does not share them. It
// returns how long it waited and the busy share it saw last.
func waitIdle(ctx context.Context, maxWait time.Duration) (time.Duration, float64) {
	start := time.Now()
	for {
		share, ok := busyShare(ctx, time.Second)
		if !ok || share < idleBelow || time.Since(start) >= maxWait {
			return time.Since(start), share
		}
	}
}

// othersShare is the share of the machine's CPU time that processes other
// than the measured one used while it ran: its busy ticks over the
// measurement less the measured process's own CPU time, over wall × CPUs.
func othersShare(busyBefore, busyAfter int64, own, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	busy := time.Duration(busyAfter-busyBefore) * time.Second / clockTicks
	others := (busy - own).Seconds() / (wall.Seconds() * float64(runtime.NumCPU()))
	return max(0, min(1, others))
}

func percent(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) }
