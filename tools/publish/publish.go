// Package publish builds everything a reader gets: it converts seeds/ into
// content/, builds the website into public/ with the Hugo pinned in go.mod,
// and builds the offline copy, a ZIP inside public/ that every page links
// to. The site command, the tests and the GitHub Pages workflow all build
// through Build.
package publish

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
)

// OfflineName names the offline copy: the ZIP is public/offline/<name>.zip
// and unpacks into one folder <name>/ whose index.html opens the site.
const OfflineName = "regional-parliamentary-dialogue"

// ZipPath is the ZIP's path inside the site.
const ZipPath = "offline/" + OfflineName + ".zip"

// zipTime is the modification time of every entry of the ZIP, so that the
// same site gives the same bytes: the first day of the dialogue.
var zipTime = time.Date(2015, 11, 26, 0, 0, 0, 0, time.UTC)

// Options says what to build.
type Options struct {
	Root    string // the repository's root: config.toml, seeds/, content/ …
	Public  string // where the site goes; Root/public when empty
	BaseURL string // the site's address; "/" (any host's root) when empty
	// SkipConvert builds from content/ as it is.
	SkipConvert bool
}

// Summary tells what Build made.
type Summary struct {
	Convert   *convert.Result
	Public    string
	SiteBytes int64 // all of public/, the ZIP included
	SiteFiles int
	ZipPath   string
	ZipBytes  int64
	Elapsed   time.Duration
}

// Build converts, builds the offline copy and packs it, then builds the
// site with a link to the copy and puts the ZIP in it.
func Build(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	if o.Public == "" {
		o.Public = filepath.Join(o.Root, "public")
	}
	sum := &Summary{Public: o.Public}
	if !o.SkipConvert {
		res, err := convert.Run(o.Root)
		if err != nil {
			return nil, err
		}
		sum.Convert = res
	}

	tmp, err := os.MkdirTemp("", "offline-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	offline := filepath.Join(tmp, OfflineName)
	err = hugo.Build(ctx, hugo.Options{
		Source: o.Root, Destination: offline, Offline: true,
		Params: map[string]any{"offline": true},
	})
	if err != nil {
		return nil, err
	}
	zipped, err := Zip(tmp)
	if err != nil {
		return nil, err
	}

	err = hugo.Build(ctx, hugo.Options{
		Source: o.Root, Destination: o.Public, BaseURL: o.BaseURL,
		Params: map[string]any{"offlineZip": ZipPath, "offlineZipBytes": len(zipped)},
	})
	if err != nil {
		return nil, err
	}
	sum.ZipPath = filepath.Join(o.Public, filepath.FromSlash(ZipPath))
	if err := os.MkdirAll(filepath.Dir(sum.ZipPath), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(sum.ZipPath, zipped, 0o644); err != nil {
		return nil, err
	}
	sum.ZipBytes = int64(len(zipped))
	err = filepath.WalkDir(o.Public, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum.SiteFiles++
		sum.SiteBytes += info.Size()
		return nil
	})
	sum.Elapsed = time.Since(start)
	return sum, err
}

// Zip packs the tree under dir into a ZIP whose entries are dir's
// contents, in sorted order, with fixed times and modes: the same tree
// always gives the same bytes.
func Zip(dir string) ([]byte, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			rel += "/"
		}
		paths = append(paths, rel)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, rel := range paths {
		h := &zip.FileHeader{Name: rel, Modified: zipTime}
		if strings.HasSuffix(rel, "/") {
			h.SetMode(fs.ModeDir | 0o755)
			if _, err := zw.CreateHeader(h); err != nil {
				return nil, err
			}
			continue
		}
		h.Method = zip.Deflate
		h.SetMode(0o644)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	return buf.Bytes(), nil
}
