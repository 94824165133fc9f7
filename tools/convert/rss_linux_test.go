package convert

import (
	"syscall"
	"testing"
)

// reportPeakRSS reports the process's peak resident memory (getrusage's
// ru_maxrss, in kilobytes on Linux).
func reportPeakRSS(b *testing.B) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	}
}
