// Package offline makes the offline copy of a built site: a ZIP of the
// very files Hugo built, with every address rewritten so that the pages
// work when read from disk (file://), where a folder is not its
// index.html and "/" is the root of the disk.
//
// Write reads the site once, in sorted order, and streams each file into
// the ZIP; nothing is written to disk but the ZIP. In every
// HTML page it rewrites, to the relative address of a real file
// (…/index.html for a folder), each address that leads into the site:
//
//   - href, src, action, poster, cite, formaction and data, srcset and
//     imagesrcset (every address of the list);
//   - url() in style attributes and in CSS files;
//   - the address of a meta refresh ("0; url=/sr/"), and a meta content
//     that is an address of the site (og:url);
//   - data-* attributes whose value is an address of the site (starts with
//     the base address or its path); a folder there stays a folder ("…/")
//     since a script adds to it the names of the files it loads.
//
// Addresses of the site are those under the base address the site was
// built with (Options.BaseURL: "/", "/repo/" or "https://host/repo/"),
// written absolute, root-relative or relative; other addresses (another
// host, mailto:, a bare #fragment) stay as they are. Elements marked with
// the attribute data-online-only (the link to the ZIP itself) are left out
// of the copy with everything inside them. Text is never changed: inline
// <style> and <script> keep the hashes a Content-Security-Policy allows
// them by, so they must not name files of the site.
//
// The same site gives the same bytes: entries in sorted order, with fixed
// times and modes, deflated at one fixed level.
//
// Files are read, rewritten and compressed on every processor, a batch at
// a time, and written in order.
package offline

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/regionaldialogue/site/tools/internal/workers"
	"github.com/regionaldialogue/site/tools/internal/ziptime"
)

// Time is the modification time of every entry of the ZIP, so that the
// same site gives the same bytes: the first day of the dialogue.
var Time = time.Date(2015, 11, 26, 0, 0, 0, 0, time.UTC)

// level is the deflate level of the ZIP's entries: the fastest. Most of
// the ZIP's bytes are the e-books, stored as they are, so a higher level
// makes it little smaller.
const level = flate.BestSpeed

// compressed are the extensions of files that are compressed already
// (the e-books are ZIP files themselves): they are stored as they are.
var compressed = map[string]bool{".epub": true, ".zip": true, ".png": true, ".jpg": true, ".gz": true}

// Options says what to copy.
type Options struct {
	// Site is the folder Hugo built.
	Site string
	// BaseURL is the address the site was built for: "/" (also when
	// empty), a path such as "/repo/", or a URL such as
	// "https://user.github.io/repo/".
	BaseURL string
	// Folder is the one folder the ZIP unpacks into.
	Folder string
	// Skip lists files of Site, as slash paths relative to it, that the
	// copy leaves out (the ZIP itself, when it is written inside Site).
	Skip []string
}

// Result says what Write copied.
type Result struct {
	Bytes     int64 // written: the size of the ZIP
	Files     int   // files of the site in the ZIP (Options.Skip aside)
	FileBytes int64 // their size in the site, before any rewriting
}

// Write writes the offline copy of o.Site to w as a ZIP. It reads every
// file of the site once, so the counts it returns need no walk of their
// own.
func Write(w io.Writer, o Options) (Result, error) {
	var res Result
	s, err := newSite(o.BaseURL)
	if err != nil {
		return res, err
	}
	if o.Folder == "" || strings.ContainsAny(o.Folder, `/\`) {
		return res, fmt.Errorf("offline: folder name %q: want one plain name", o.Folder)
	}
	type entry struct {
		name string // slash path relative to the site; folders end in "/"
		path string
	}
	var entries []entry
	err = filepath.WalkDir(o.Site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == o.Site {
			return err
		}
		rel, err := filepath.Rel(o.Site, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if slices.Contains(o.Skip, rel) {
			return nil
		}
		if d.IsDir() {
			return nil
		}
		s.add(rel)
		entries = append(entries, entry{rel, p})
		return nil
	})
	if err != nil {
		return res, err
	}
	// A folder entry for every folder that holds a file of the copy.
	for d := range s.dirs {
		if d != "" {
			entries = append(entries, entry{name: d + "/"})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })

	bw := bufio.NewWriterSize(w, 1<<20) // archive/zip's own buffer is 4 KB: a write call or two per entry
	cw := &countWriter{w: bw}
	zw := zip.NewWriter(cw)
	done := func(err error) (Result, error) {
		res.Bytes = cw.n
		return res, err
	}
	if err := addFolder(zw, o.Folder+"/"); err != nil {
		return done(err)
	}
	// Entries are read, rewritten and compressed in parallel, a batch at
	// a time, then written in their order; each entry's bytes depend on
	// its file alone, so the ZIP is the same whatever the number of
	// processors.
	packers := make([]*flate.Writer, runtime.GOMAXPROCS(0)) // a worker's own
	for i := range packers {
		if packers[i], err = flate.NewWriter(io.Discard, level); err != nil {
			return done(err)
		}
	}
	packed := make([]entryData, batch)
	for start := 0; start < len(entries); start += batch {
		todo := entries[start:min(start+batch, len(entries))]
		workers.Each(len(packers), len(todo), func(w, i int) {
			packed[i] = s.pack(packers[w], o.Folder+"/"+todo[i].name, todo[i].path)
		})
		for _, p := range packed[:len(todo)] {
			if err := p.write(zw); err != nil {
				return done(err)
			}
			if !strings.HasSuffix(p.h.Name, "/") {
				res.Files++
				res.FileBytes += p.size
			}
		}
	}
	if err := zw.Close(); err != nil {
		return done(err)
	}
	return done(bw.Flush())
}

// batch is how many entries Write packs before it writes them.
const batch = 256

// entryData is one entry of the ZIP, packed: its header with the sizes
// and checksum, and its bytes as they go into the ZIP.
type entryData struct {
	h    *zip.FileHeader
	data []byte
	size int64 // the file's size in the site
	err  error
}

// pack reads the file (none for a folder: name ends in "/"), rewrites it
// if it is a page or a stylesheet, and compresses it with fw unless it is
// compressed already.
func (s *site) pack(fw *flate.Writer, name, file string) entryData {
	if strings.HasSuffix(name, "/") {
		return entryData{h: &zip.FileHeader{Name: name}}
	}
	read, err := os.ReadFile(file)
	if err != nil {
		return entryData{err: err}
	}
	data := read
	rel := strings.SplitN(name, "/", 2)[1]
	switch path.Ext(name) {
	case ".html":
		data = s.rewriteHTML(rel, data)
	case ".css":
		data = []byte(s.rewriteCSS(rel, string(data)))
	}
	h := &zip.FileHeader{Name: name}
	h.SetMode(0o644)
	h.CRC32 = crc32.ChecksumIEEE(data)
	h.UncompressedSize64 = uint64(len(data))
	h.Method = zip.Store // deflating what is compressed already would only cost time
	if !compressed[path.Ext(name)] {
		var buf bytes.Buffer
		fw.Reset(&buf)
		if _, err := fw.Write(data); err != nil {
			return entryData{err: err}
		}
		if err := fw.Close(); err != nil {
			return entryData{err: err}
		}
		h.Method, data = zip.Deflate, buf.Bytes()
	}
	h.CompressedSize64 = uint64(len(data))
	return entryData{h: h, data: data, size: int64(len(read))}
}

// write adds the packed entry to zw.
func (e entryData) write(zw *zip.Writer) error {
	if e.err != nil {
		return e.err
	}
	e.h.ModifiedDate, e.h.ModifiedTime = ziptime.DOS(Time)
	if strings.HasSuffix(e.h.Name, "/") {
		return addFolder(zw, e.h.Name)
	}
	f, err := zw.CreateRaw(e.h)
	if err != nil {
		return err
	}
	_, err = f.Write(e.data)
	return err
}

// addFolder adds a folder entry (name ends in "/").
func addFolder(zw *zip.Writer, name string) error {
	h := &zip.FileHeader{Name: name}
	h.ModifiedDate, h.ModifiedTime = ziptime.DOS(Time)
	h.SetMode(fs.ModeDir | 0o755)
	_, err := zw.CreateHeader(h)
	return err
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

// CheckBaseURL reports whether base is an address a site can be built
// for: a URL with the scheme http or https and a host, or a path starting
// with "/". The error says what is wrong and what is expected.
func CheckBaseURL(base string) error {
	_, err := newSite(base)
	return err
}
