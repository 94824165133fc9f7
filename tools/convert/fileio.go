package convert

import (
	"fmt"

	"github.com/regionaldialogue/site/tools/seedparse"
)

// The converter reads some 13,000 inputs and writes some 23,000 pages on
// a first run of 10,000 seeds. readInput and writeNew do each with as few
// system calls as the platform allows: on Linux with the syscall package
// directly (fileio_linux.go), because os.Open and os.OpenFile also try to
// register every regular file with the network poller and switch it in
// and out of non-blocking mode, five calls more per file; elsewhere with
// package os (fileio_other.go).

// tooLarge returns the error for an input of size bytes, or nil.
func tooLarge(size int64) error {
	if size > seedparse.MaxSize {
		return fmt.Errorf("file is %.1f MiB; an input may be at most %d MiB", float64(size)/(1<<20), seedparse.MaxSize>>20)
	}
	return nil
}
