package convert

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/regionaldialogue/site/tools/address"
)

// Plan is every change a conversion makes: the files to write, staged in
// a folder inside the root until Commit, and the pages to remove.
type Plan struct {
	root      string
	files     map[string]address.Page // content/ before the run (address.Read)
	res       *Result
	changes   []string // files staged, relative to the root
	removes   []string // generated pages to remove, relative to the root
	undo      []change // what Commit changed, with the previous bytes
	committed bool

	staging sync.Mutex      // guards stage and dirs; files are written in parallel
	stage   string          // the staging folder, made for the first file
	dirs    map[string]bool // folders in it, relative to the root
}

// change is, in a Plan's undo list, a file as it was before Commit (existed
// false when none) or a folder Commit made (moved: with the files it moved in).
type change struct {
	rel                 string // relative to the root, slash-separated
	data                []byte
	existed, dir, moved bool
}

// stageFile writes data into the staging folder, as the file rel will be.
func (p *Plan) stageFile(rel string, data []byte) error {
	var err error
	p.staging.Lock()
	if p.stage == "" {
		p.stage, err = os.MkdirTemp(p.root, ".convert-stage-")
		p.dirs = map[string]bool{}
	}
	if dir := filepath.Dir(filepath.FromSlash(rel)); err == nil && !p.dirs[dir] {
		err = os.MkdirAll(filepath.Join(p.stage, dir), 0o755)
		p.dirs[dir] = err == nil
	}
	p.staging.Unlock()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(p.stage, filepath.FromSlash(rel)), data, 0o644)
}

// Discard removes the staging folder of a plan that is not committed.
func (p *Plan) Discard() error {
	return os.RemoveAll(p.stage) // nothing when p.stage is ""
}

// Result returns what the plan makes and changes.
func (p *Plan) Result() *Result { return p.res }

// Commit puts the plan's staged files in place, by renaming, and removes
// the pages of seeds that are gone. If a rename or removal fails, Commit
// puts back what it changed and returns the error. A plan is committed
// once.
func (p *Plan) Commit() (err error) {
	if p.committed {
		return errors.New("convert: plan committed twice")
	}
	p.committed = true
	defer p.Discard()
	defer func() {
		if err != nil {
			err = errors.Join(err, p.Rollback())
		}
	}()
	// A staged folder missing from the root (content/documents on a first
	// run) moves into place whole; content/documents and i18n are disjoint.
	moved := map[string]bool{}
	for dir := range p.dirs {
		target := filepath.Join(p.root, dir)
		_, err := os.Stat(target)
		if moved[dir] = errors.Is(err, fs.ErrNotExist); moved[dir] {
			p.undo = append(p.undo, change{rel: filepath.ToSlash(dir), dir: true})
			if err = os.MkdirAll(filepath.Dir(target), 0o755); err == nil {
				err = os.Rename(filepath.Join(p.stage, dir), target)
			}
			p.undo[len(p.undo)-1].moved = err == nil
		}
		if err != nil {
			return err
		}
	}
	for _, c := range p.changes {
		if moved[filepath.Dir(filepath.FromSlash(c))] {
			continue
		}
		if err := p.save(c); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(p.stage, filepath.FromSlash(c)), p.path(c)); err != nil {
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
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	p.undo = append(p.undo, change{rel: rel, data: data, existed: err == nil})
	return nil
}

// Rollback puts every file Commit wrote or removed back as it was before,
// with its previous bytes, removes the files and folders Commit created,
// and forgets them: a second Rollback does nothing.
func (p *Plan) Rollback() error {
	var errs []error
	for _, u := range slices.Backward(p.undo) {
		var err error
		switch target := p.path(u.rel); {
		case u.dir: // and the empty folders above it
			if u.moved {
				err = os.RemoveAll(target)
			}
			for dir := target; dir != filepath.Clean(p.root) && (os.Remove(dir) == nil || dir == target); dir = filepath.Dir(dir) {
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
