//go:build !linux

package convert

import (
	"bytes"
	"os"
)

// readInput reads the input file at path, which may be at most
// seedparse.MaxSize bytes, and returns its bytes and the size and
// modification time (Unix nanoseconds) of the open file. The bytes go
// into buf, which it returns extended, if buf has room.
func readInput(path string, buf []byte) (data []byte, size, mod int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, 0, err
	}
	if err := tooLarge(info.Size()); err != nil {
		return nil, 0, 0, err
	}
	b := bytes.NewBuffer(buf[:0])
	if _, err := b.ReadFrom(f); err != nil {
		return nil, 0, 0, err
	}
	return b.Bytes(), info.Size(), info.ModTime().UnixNano(), nil
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
