package convert

import (
	"fmt"
	"io"
	"os"

	"github.com/regionaldialogue/site/tools/seedparse"
)

// readInput reads the input file at path, which may be at most
// seedparse.MaxSize bytes, and returns its bytes and its size and
// modification time as it was read: one open, one fstat and the reads,
// where a stat and os.ReadFile would look the path up twice more.
func readInput(path string) ([]byte, os.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if info.Size() > seedparse.MaxSize {
		return nil, nil, fmt.Errorf("file is %.1f MiB; an input may be at most %d MiB", float64(info.Size())/(1<<20), seedparse.MaxSize>>20)
	}
	// One byte more than the size, so that a file that grew since the
	// fstat is still read whole (as os.ReadFile would).
	data := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, info, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// writeNew writes data to a file at path, created or truncated, and
// returns its modification time in Unix nanoseconds as the file system
// recorded it: the time the cache later compares (a rename keeps it).
func writeNew(path string, data []byte) (int64, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return 0, err
	}
	_, err = f.Write(data)
	var info os.FileInfo
	if err == nil {
		info, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	return info.ModTime().UnixNano(), nil
}
