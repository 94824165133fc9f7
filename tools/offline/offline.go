// Package offline makes the offline copy of a built site: a ZIP of the
// very files Hugo built, with every address rewritten so that the pages
// work when read from disk (file://), where a folder is not its
// index.html and "/" is the root of the disk.
//
// Write reads the site once, in sorted order, and streams each file into
// the ZIP; nothing is written to disk but the ZIP. In every HTML page it
// rewrites, to the relative address of a real file (…/index.html for a
// folder), each address that leads into the site:
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
// It writes one file after another: the copy costs a small part of the
// whole build (BENCHMARKS.md), too small for a parallel writer to pay for
// its code.
package offline

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Time is the modification time of every entry of the ZIP, so that the
// same site gives the same bytes: the first day of the dialogue.
var Time = time.Date(2015, 11, 26, 0, 0, 0, 0, time.UTC)

// level is the deflate level of the ZIP's entries: flate.BestSpeed, for
// a ZIP a little larger than the default level's at a good deal less
// time (BENCHMARKS.md's notes compare the levels).
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

// Write writes the offline copy of o.Site to w as a ZIP, and returns the
// number of bytes written.
func Write(w io.Writer, o Options) (int64, error) {
	s, err := newSite(o.BaseURL)
	if err != nil {
		return 0, err
	}
	if o.Folder == "" || strings.ContainsAny(o.Folder, `/\`) {
		return 0, fmt.Errorf("offline: folder name %q: want one plain name", o.Folder)
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
		return 0, err
	}
	// A folder entry for every folder that holds a file of the copy.
	for d := range s.dirs {
		if d != "" {
			entries = append(entries, entry{name: d + "/"})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })

	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	fw, err := flate.NewWriter(io.Discard, level)
	if err != nil {
		return 0, err
	}
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw.Reset(out)
		return fw, nil
	})
	if err := addFolder(zw, o.Folder+"/"); err != nil {
		return cw.n, err
	}
	for _, e := range entries {
		name := o.Folder + "/" + e.name
		if strings.HasSuffix(e.name, "/") {
			if err := addFolder(zw, name); err != nil {
				return cw.n, err
			}
			continue
		}
		data, err := os.ReadFile(e.path)
		if err != nil {
			return cw.n, err
		}
		switch path.Ext(e.name) {
		case ".html":
			data = s.rewriteHTML(e.name, data)
		case ".css":
			data = []byte(s.rewriteCSS(e.name, string(data)))
		}
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: Time}
		if compressed[path.Ext(e.name)] {
			h.Method = zip.Store // deflating it again would only cost time
		}
		h.SetMode(0o644)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return cw.n, err
		}
		if _, err := f.Write(data); err != nil {
			return cw.n, err
		}
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

// addFolder adds a folder entry (name ends in "/").
func addFolder(zw *zip.Writer, name string) error {
	h := &zip.FileHeader{Name: name, Modified: Time}
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
