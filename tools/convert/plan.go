package convert

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

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
// before Commit (existed false when there was none) or a folder Commit
// made.
type change struct {
	rel     string // relative to the root, slash-separated
	data    []byte // the file's bytes, or nil for a page
	page    *Version
	slug    string
	existed bool
	dir     bool
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
	dirs := map[string]bool{}
	for _, c := range p.changes {
		dirs[filepath.Dir(filepath.FromSlash(c.rel))] = true
	}
	for dir := range dirs {
		if err := os.MkdirAll(filepath.Join(stage, dir), 0o755); err != nil {
			return err
		}
	}
	// The pages are rendered in parallel and created one at a time: files
	// created in one folder at once wait for each other in the kernel.
	errs := make([]error, len(p.changes))
	var creating sync.Mutex
	forEach(len(p.changes), func(i int) {
		data, err := p.changes[i].bytes()
		if err == nil {
			creating.Lock()
			err = os.WriteFile(filepath.Join(stage, filepath.FromSlash(p.changes[i].rel)), data, 0o644)
			creating.Unlock()
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
	for dir := range dirs {
		if _, err := os.Stat(filepath.Join(p.root, dir)); errors.Is(err, fs.ErrNotExist) {
			p.undo = append(p.undo, change{rel: filepath.ToSlash(dir), dir: true})
		}
		if err := os.MkdirAll(filepath.Join(p.root, dir), 0o755); err != nil {
			return err
		}
	}
	for _, c := range p.changes {
		if err := p.save(c.rel); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(stage, filepath.FromSlash(c.rel)), p.path(c.rel)); err != nil {
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
// with its previous bytes, removes the files and folders Commit created,
// and forgets them: a second Rollback does nothing.
func (p *Plan) Rollback() error {
	var errs []error
	for _, u := range slices.Backward(p.undo) {
		var err error
		switch target := p.path(u.rel); {
		case u.dir:
			for dir := target; dir != filepath.Clean(p.root) && os.Remove(dir) == nil; dir = filepath.Dir(dir) {
			}
		case !u.existed:
			err = os.Remove(target)
		default:
			err = os.WriteFile(target, u.data, 0o644)
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	p.undo = nil
	return errors.Join(errs...)
}

func (p *Plan) path(rel string) string {
	return filepath.Join(p.root, filepath.FromSlash(rel))
}
