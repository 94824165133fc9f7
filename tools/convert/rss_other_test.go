//go:build !linux

package convert

import "testing"

// reportPeakRSS reports nothing: the peak resident memory is read only on
// Linux, where getrusage gives it in known units.
func reportPeakRSS(b *testing.B) {}
