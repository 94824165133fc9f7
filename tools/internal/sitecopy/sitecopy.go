// Package sitecopy copies the sources of the site (config.toml, content/, layouts/, …)
// into another folder, so that tests and the benchmark build copies and
// never write into the repository.
package sitecopy

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Sources are what a build reads from the repository: a copy of these is a
// site that builds as the repository does (the tests and the benchmark
// build such copies so as never to write into the repository).
var Sources = []string{"config.toml", "content", "layouts", "static", "i18n", "seeds"}

// CopyTree copies the file or folder src to dst, creating folders as
// needed.
func CopyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
