package convert

import (
	"io"
	"io/fs"
	"syscall"
)

// readInput reads the input file at path, which may be at most
// seedparse.MaxSize bytes, and returns its bytes and the size and
// modification time (Unix nanoseconds) of the open file: open, fstat, the
// reads up to end of file, close. The bytes go into buf, which it returns
// extended, if buf has room; else into a new slice. Errors are
// *fs.PathError, as package os gives them.
func readInput(path string, buf []byte) (data []byte, size, mod int64, err error) {
	fd, err := open(path, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, 0, 0, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, 0, 0, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if err := tooLarge(st.Size); err != nil {
		return nil, 0, 0, err
	}
	// One byte more than the size, so that the read that finds the end
	// of the file needs no new buffer, and a file that grew since the
	// fstat is still read whole (as os.ReadFile would).
	data = buf[:0]
	if int64(cap(data)) < st.Size+1 {
		data = make([]byte, 0, st.Size+1)
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := read(fd, data[len(data):cap(data)])
		if err != nil {
			return nil, 0, 0, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, st.Size, st.Mtim.Nano(), nil
		}
		data = data[:len(data)+n]
	}
}

// writeNew writes data to a file at path, created or truncated, and
// returns its modification time in Unix nanoseconds as the file system
// recorded it: the time the cache later compares (a rename keeps it).
func writeNew(path string, data []byte) (int64, error) {
	fd, err := open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return 0, err
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = write(fd, data)
		if n == 0 && err == nil {
			err = io.ErrShortWrite
		}
		data = data[n:]
	}
	var st syscall.Stat_t
	if err == nil {
		err = fstat(fd, &st)
	}
	if cerr := syscall.Close(fd); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, &fs.PathError{Op: "write", Path: path, Err: err}
	}
	return st.Mtim.Nano(), nil
}

// open opens path with flags and perm (before the umask), close-on-exec,
// retrying when interrupted by a signal.
func open(path string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(path, flags|syscall.O_CLOEXEC, perm)
		if err != syscall.EINTR {
			if err != nil {
				return -1, &fs.PathError{Op: "open", Path: path, Err: err}
			}
			return fd, nil
		}
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

func read(fd int, b []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, b)
		if err != syscall.EINTR {
			return max(n, 0), err
		}
	}
}

func write(fd int, b []byte) (int, error) {
	for {
		n, err := syscall.Write(fd, b)
		if err != syscall.EINTR {
			return max(n, 0), err
		}
		if n > 0 {
			return n, nil
		}
	}
}
