package convert

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/regionaldialogue/site/tools/pages"
)

// Plan is every change a conversion makes, held in memory until Commit.
type Plan struct {
	root      string
	res       *Result
	changes   []change // files to write
	removes   []string // generated pages to remove, relative to the root
	undo      []change // what Commit changed, with the previous bytes
	committed bool
}

// change is a file to write, or, in a Plan's undo list, a file as it was
// before Commit: data nil and existed false when there was none.
type change struct {
	rel     string // relative to the root, slash-separated
	data    []byte // the file's bytes, or nil for a page
	page    *Version
	slug    string
	existed bool
}

// bytes returns the bytes of the file c writes.
func (c change) bytes() ([]byte, error) {
	if c.page == nil {
		return c.data, nil
	}
	return pages.Page(c.page.Doc, c.page.Version, c.slug)
}

// Result returns what the plan makes and changes.
func (p *Plan) Result() *Result { return p.res }

// Commit writes the plan's files whose bytes change and removes the pages
// of seeds that are gone. Every file is written in a staging folder inside
// the root first, and renamed into place only when all are written. If a
// rename or removal fails, Commit puts back what it changed and returns
// the error. A plan is committed once.
func (p *Plan) Commit() (err error) {
	if p.committed {
		return errors.New("convert: plan committed twice")
	}
	p.committed = true
	if len(p.changes)+len(p.removes) == 0 {
		return nil
	}
	stage, err := os.MkdirTemp(p.root, ".convert-stage-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	errs := make([]error, len(p.changes))
	forEach(len(p.changes), func(i int) {
		path := filepath.Join(stage, filepath.FromSlash(p.changes[i].rel))
		data, err := p.changes[i].bytes()
		if err == nil {
			err = os.MkdirAll(filepath.Dir(path), 0o755)
		}
		if err == nil {
			err = os.WriteFile(path, data, 0o644)
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, p.Rollback())
		}
	}()
	for _, c := range p.changes {
		target := p.path(c.rel)
		if err := p.save(c.rel); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(stage, filepath.FromSlash(c.rel)), target); err != nil {
			return err
		}
	}
	for _, rel := range p.removes {
		if err := p.save(rel); err != nil {
			return err
		}
		if err := os.Remove(p.path(rel)); err != nil {
			return err
		}
	}
	return nil
}

// save records the file at rel as it is, for Rollback.
func (p *Plan) save(rel string) error {
	data, err := os.ReadFile(p.path(rel))
	if errors.Is(err, fs.ErrNotExist) {
		p.undo = append(p.undo, change{rel: rel})
		return nil
	}
	p.undo = append(p.undo, change{rel: rel, data: data, existed: true})
	return err
}

// Rollback puts every file Commit wrote or removed back as it was before,
// with its previous bytes, and removes the files Commit created, and their
// folders if it leaves them empty.
func (p *Plan) Rollback() error {
	var errs []error
	for _, u := range slices.Backward(p.undo) {
		target := p.path(u.rel)
		if !u.existed {
			if err := os.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			for dir := filepath.Dir(target); dir != p.root && os.Remove(dir) == nil; dir = filepath.Dir(dir) {
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := os.WriteFile(target, u.data, 0o644); err != nil {
			errs = append(errs, err)
		}
	}
	p.undo = nil
	return errors.Join(errs...)
}

func (p *Plan) path(rel string) string {
	return filepath.Join(p.root, filepath.FromSlash(rel))
}
