// Package publish builds everything a reader gets: it converts seeds/ into
// content/, builds the website into public/ with the Hugo pinned in go.mod,
// and builds the offline copy, a ZIP inside public/ that every page links
// to. The site command, the tests and the GitHub Pages workflow all build
// through Build.
package publish

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/search"
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
	defer RemoveTree(tmp)
	offline := filepath.Join(tmp, OfflineName)
	err = hugo.Build(ctx, hugo.Options{
		Source: o.Root, Destination: offline, Offline: true,
		Params: map[string]any{"offline": true},
	})
	if err != nil {
		return nil, err
	}
	if err := writeIndex(o, sum, offline); err != nil {
		return nil, err
	}
	// The ZIP goes to a file of its own until the site is built: Hugo
	// empties its destination first.
	zf, err := os.CreateTemp("", "offline-*.zip")
	if err != nil {
		return nil, err
	}
	defer os.Remove(zf.Name())
	zipBytes, err := WriteZip(zf, tmp)
	if cerr := zf.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}

	err = hugo.Build(ctx, hugo.Options{
		Source: o.Root, Destination: o.Public, BaseURL: o.BaseURL,
		Params: map[string]any{"offlineZip": ZipPath, "offlineZipBytes": zipBytes},
	})
	if err != nil {
		return nil, err
	}
	if err := writeIndex(o, sum, o.Public); err != nil {
		return nil, err
	}
	sum.ZipPath = filepath.Join(o.Public, filepath.FromSlash(ZipPath))
	if err := os.MkdirAll(filepath.Dir(sum.ZipPath), 0o755); err != nil {
		return nil, err
	}
	if err := moveFile(zf.Name(), sum.ZipPath); err != nil {
		return nil, err
	}
	sum.ZipBytes = zipBytes
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

// writeIndex writes the search index into the site Hugo built at dir. The
// documents come from the conversion, or are read again when the build
// skipped it.
func writeIndex(o Options, sum *Summary, dir string) error {
	res := sum.Convert
	if res == nil {
		var err error
		if _, res, err = convert.Generate(o.Root); err != nil {
			return err
		}
	}
	return search.WriteSite(o.Root, dir, res.Docs)
}

// moveFile moves the file src to dst, readable by all, copying it when it
// cannot be renamed (another file system).
func moveFile(src, dst string) error {
	if err := os.Chmod(src, 0o644); err != nil {
		return err
	}
	if os.Rename(src, dst) == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}
