package publish

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// zipLevel is the deflate level of the ZIP's entries. On the offline copy
// of 10,000 synthetic documents (23,354 files, 294 MB) level 4 takes about
// a fifth less CPU time than level 5, archive/zip's own (which Zip used
// before), for a ZIP 1.7% larger; level 3 saves a quarter for 5.3%, level 1
// (BestSpeed) half for 11.8%, and level 6 costs an eighth more to save 0.6%.
const zipLevel = 4

// zipOptions tune how Zip works, never what it writes: the bytes depend on
// the tree and level alone.
type zipOptions struct {
	workers int   // files compressed at once; GOMAXPROCS when < 1
	level   int   // the flate level of every entry
	budget  int64 // most bytes of files read but not yet written out, at least one file
}

// defaultZipOptions are Zip's.
func defaultZipOptions() zipOptions {
	return zipOptions{workers: runtime.GOMAXPROCS(0), level: zipLevel, budget: 32 << 20}
}

// Zip packs the tree under dir into a ZIP whose entries are dir's
// contents, in sorted order, with fixed times and modes: the same tree
// always gives the same bytes.
func Zip(dir string) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := WriteZip(&buf, dir); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteZip writes to w the ZIP Zip makes of the tree under dir, and
// returns its size in bytes. It compresses files on every CPU at once and
// writes them in sorted order, holding at most a few tens of megabytes of
// them in memory at any time.
func WriteZip(w io.Writer, dir string) (int64, error) {
	return writeZip(w, dir, defaultZipOptions())
}

// zipEntry is one folder or file of the ZIP, on its way from the disk to
// the archive.
type zipEntry struct {
	name string // the entry's slash path; folders end with "/"
	path string // the file on disk
	size int64  // the file's size when listed, what the budget counts

	done chan struct{} // closed when the fields below are set
	data *bytes.Buffer // the deflated content
	crc  uint32        // of the content
	n    int64         // the content's length
	err  error
}

// listZip lists the folders and files under dir, but dir itself, as ZIP
// entries in sorted order.
func listZip(dir string) ([]*zipEntry, error) {
	var entries []*zipEntry
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		e := &zipEntry{name: filepath.ToSlash(rel), path: path}
		if d.IsDir() {
			e.name += "/"
		} else if info, err := d.Info(); err == nil {
			e.size = info.Size()
		}
		entries = append(entries, e)
		return nil
	})
	slices.SortFunc(entries, func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	return entries, err
}

// writeZip writes the ZIP of the tree under dir to w. Workers deflate files
// into buffers, each with a flate.Writer of its own that it resets for the
// next file; this goroutine writes the buffers out in sorted order, each
// as soon as those before it are written. Each entry's bytes depend only
// on its name and content, so the ZIP is the same whatever the number of
// workers and the order in which they finish. The files read but not yet
// written out add up to at most o.budget bytes, or a single file.
func writeZip(w io.Writer, dir string, o zipOptions) (int64, error) {
	if o.workers < 1 {
		o.workers = runtime.GOMAXPROCS(0)
	}
	entries, err := listZip(dir)
	if err != nil {
		return 0, err
	}

	var (
		mem     = newBudget(o.budget)
		jobs    = make(chan *zipEntry, o.workers)
		pending = make(chan *zipEntry, len(entries)) // in order, for the writer
		bufs    = sync.Pool{New: func() any { return new(bytes.Buffer) }}
		wg      sync.WaitGroup
	)
	for range o.workers {
		wg.Go(func() {
			z := newDeflater(o.level)
			for e := range jobs {
				e.data = bufs.Get().(*bytes.Buffer)
				e.crc, e.n, e.err = z.deflate(e.data, e.path)
				close(e.done)
			}
		})
	}
	// The feeder hands files to the workers in order, as the budget
	// allows; the order of pending is the ZIP's.
	go func() {
		defer close(pending)
		defer close(jobs)
		for _, e := range entries {
			e.done = make(chan struct{})
			if strings.HasSuffix(e.name, "/") {
				close(e.done)
				pending <- e
				continue
			}
			if !mem.acquire(e.size) {
				return
			}
			pending <- e
			jobs <- e
		}
	}()

	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	err = nil
	for e := range pending {
		<-e.done
		if err == nil {
			err = writeEntry(zw, e)
		}
		if e.data != nil {
			e.data.Reset()
			bufs.Put(e.data)
			e.data = nil
		}
		if !strings.HasSuffix(e.name, "/") {
			mem.release(e.size)
		}
		if err != nil {
			mem.stop() // the feeder stops; the workers finish what they have
		}
	}
	wg.Wait()
	if err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("zip: %w", err)
	}
	return cw.n, nil
}

// msDOSDate and msDOSTime are zipTime in the ZIP headers' MS-DOS format.
var (
	msDOSDate = uint16(zipTime.Day() + int(zipTime.Month())<<5 + (zipTime.Year()-1980)<<9)
	msDOSTime = uint16(zipTime.Second()/2 + zipTime.Minute()<<5 + zipTime.Hour()<<11)
)

// writeEntry writes e to zw with the header zip.Writer.CreateHeader would
// give it (a folder: stored, empty; a file: deflated, followed by a data
// descriptor), so that the archive is the one zip.Writer makes when it
// compresses the files itself at the same level.
func writeEntry(zw *zip.Writer, e *zipEntry) error {
	if e.err != nil {
		return e.err
	}
	h := &zip.FileHeader{Name: e.name, Modified: zipTime}
	if strings.HasSuffix(e.name, "/") {
		h.SetMode(fs.ModeDir | 0o755)
		_, err := zw.CreateHeader(h)
		return err
	}
	h.SetMode(0o644)
	h.Method = zip.Deflate
	// What CreateHeader sets and CreateRaw leaves to its caller.
	if needsUTF8Flag(e.name) {
		h.Flags |= 0x800
	}
	h.Flags |= 0x8 // a data descriptor follows the content
	h.CreatorVersion = h.CreatorVersion&0xff00 | 20
	h.ReaderVersion = 20
	h.ModifiedDate, h.ModifiedTime = msDOSDate, msDOSTime
	// The extended timestamp: ID 0x5455, 5 bytes, flags "modification
	// time", the time in Unix seconds.
	mt := uint32(zipTime.Unix())
	h.Extra = []byte{0x55, 0x54, 5, 0, 1, byte(mt), byte(mt >> 8), byte(mt >> 16), byte(mt >> 24)}
	h.CRC32 = e.crc
	h.CompressedSize64 = uint64(e.data.Len())
	h.UncompressedSize64 = uint64(e.n)
	if e.n >= 1<<32-1 || e.data.Len() >= 1<<32-1 {
		h.ReaderVersion = 45 // ZIP64, as zip.Writer marks it
	}
	fw, err := zw.CreateRaw(h)
	if err != nil {
		return err
	}
	_, err = fw.Write(e.data.Bytes())
	return err
}

// needsUTF8Flag reports whether zip.Writer.CreateHeader would mark name
// as UTF-8: it is valid UTF-8 and has a character outside the ASCII range
// that CP-437 and its look-alikes share.
func needsUTF8Flag(name string) bool {
	require := false
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		i += size
		if r < 0x20 || r > 0x7d || r == 0x5c {
			if r == utf8.RuneError && size == 1 {
				return false // not UTF-8
			}
			require = true
		}
	}
	return require
}

// deflater deflates files with one reused flate.Writer and read buffer.
type deflater struct {
	fw  *flate.Writer
	buf []byte
}

func newDeflater(level int) *deflater {
	fw, err := flate.NewWriter(io.Discard, level)
	if err != nil {
		panic(err) // a level out of range: a bug in this package
	}
	return &deflater{fw: fw, buf: make([]byte, 64<<10)}
}

// deflate appends the deflated content of the file at path to dst, and
// returns the content's CRC-32 and length.
func (z *deflater) deflate(dst *bytes.Buffer, path string) (crc uint32, n int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	z.fw.Reset(dst)
	for {
		m, rerr := f.Read(z.buf)
		if m > 0 {
			crc = crc32.Update(crc, crc32.IEEETable, z.buf[:m])
			n += int64(m)
			if _, err := z.fw.Write(z.buf[:m]); err != nil {
				return 0, 0, err
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return 0, 0, rerr
		}
	}
	return crc, n, z.fw.Close()
}

// budget counts bytes in flight, and makes acquire wait while they would
// exceed its maximum (but for a single one, however big).
type budget struct {
	mu      sync.Mutex
	cond    sync.Cond
	used    int64
	max     int64
	stopped bool
}

func newBudget(max int64) *budget {
	b := &budget{max: max}
	b.cond.L = &b.mu
	return b
}

// acquire waits until n more bytes fit, takes them and reports true, or
// reports false once stop is called.
func (b *budget) acquire(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for !b.stopped && b.used > 0 && b.used+n > b.max {
		b.cond.Wait()
	}
	if b.stopped {
		return false
	}
	b.used += n
	return true
}

// release gives n bytes back.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// stop makes every acquire, waiting or to come, report false.
func (b *budget) stop() {
	b.mu.Lock()
	b.stopped = true
	b.mu.Unlock()
	b.cond.Broadcast()
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
