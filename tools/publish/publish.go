// Package publish builds everything a reader gets: it converts seeds/ into
// content/, builds the website with the Hugo pinned in go.mod, and packs
// the offline copy, a ZIP inside the site that every page links to. The
// site command, the tests and the GitHub Pages workflow all build through
// Build.
//
// # One Hugo build
//
// Hugo builds the site once. The offline copy is made from that build by
// package offline: every page with its addresses rewritten to relative
// ones naming real files, streamed straight into the ZIP. The one thing
// that differs between the two, the link to the ZIP (whose size the pages
// cannot know, since the ZIP holds them), is marked data-online-only and
// left out of the copy.
//
// # What the Go tool writes
//
// While Hugo builds, the files that are not HTML are written into the
// same folder from the document model the conversion holds, nothing
// parsed again: each language's search index (package search) and every
// document's citations, data and e-books (package takeaway). They need
// nothing Hugo makes, and Hugo leaves the files it did not make alone.
// (On two cores this measured about as fast as writing them after Hugo:
// Hugo keeps both cores nearly busy; BENCHMARKS.md.) The offline copy,
// made when both are done, reads them from the folder with Hugo's files.
//
// # All or nothing
//
// Build checks its options before it changes anything. Hugo builds into a
// new folder beside the site's folder, the files the Go tool writes and
// the ZIP go into that folder too, and only when all of them are done
// does it take the place of the previous site; on any error the previous
// site stays as it was, and so do content/ and i18n/ (see convertContent).
package publish

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/offline"
	"github.com/regionaldialogue/site/tools/search"
	"github.com/regionaldialogue/site/tools/siteconfig"
	"github.com/regionaldialogue/site/tools/takeaway"
)

// OfflineName names the offline copy: the ZIP is public/offline/<name>.zip
// and unpacks into one folder <name>/ whose index.html opens the site.
const OfflineName = "regional-parliamentary-dialogue"

// ZipPath is the ZIP's path inside the site.
const ZipPath = "offline/" + OfflineName + ".zip"

// Options says what to build.
type Options struct {
	Root    string // the repository's root: config.toml, seeds/, content/ …
	Public  string // where the site goes; Root/public when empty
	BaseURL string // the site's address; config.toml's baseURL when empty
	// SkipConvert builds from content/ as it is.
	SkipConvert bool
}

// The steps of a build, as Summary.Steps names them.
const (
	StepConvert = "convert" // seeds/ into content/ and i18n/
	StepHugo    = "hugo"    // Hugo's build of the site
	StepSearch  = "search"  // the search index, written into the site while Hugo builds
	StepFiles   = "files"   // citations, data and e-books, written into the site while Hugo builds
	StepZip     = "zip"     // the offline copy
	StepReplace = "replace" // the new site in the old one's place, the old one removed
)

// Step is how long one step of a build took. StepSearch and StepFiles
// run alongside StepHugo, the others one after another.
type Step struct {
	Name    string
	Elapsed time.Duration
}

// Summary tells what Build made.
type Summary struct {
	Convert   *convert.Result // nil with SkipConvert
	Public    string
	BaseURL   string // the address the site was built for
	SiteBytes int64  // all of public/, the ZIP included
	SiteFiles int
	ZipPath   string
	ZipBytes  int64
	Steps     []Step // in the order they ran
	Elapsed   time.Duration
}

// Build converts, builds the site with Hugo into a new folder, writes the
// Go tool's files and the offline copy into it, and puts it in place of
// the previous site. On error it leaves content/, i18n/ and the previous
// site as they were.
func Build(ctx context.Context, o Options) (sum *Summary, err error) {
	start := time.Now()
	site, err := siteconfig.Load(o.Root) // the one reading of config.toml and i18n/
	if err != nil {
		return nil, err
	}
	o.BaseURL = cmp.Or(o.BaseURL, site.BaseURL)
	if err := offline.CheckBaseURL(o.BaseURL); err != nil {
		return nil, err
	}
	if o.Public == "" {
		o.Public = filepath.Join(o.Root, "public")
	}
	sum = &Summary{Public: o.Public, BaseURL: o.BaseURL}
	step := func(name string, t0 time.Time) {
		sum.Steps = append(sum.Steps, Step{name, time.Since(t0)})
	}
	committed := false // the new site has taken the old one's place

	// Finding the pinned Hugo runs the go command (`go tool -n hugo`):
	// let it overlap the conversion.
	go hugo.Binary(ctx)

	var docs []convert.Doc
	if !o.SkipConvert {
		t0 := time.Now()
		var res *convert.Result
		var rollback func() error
		// err is Build's own: the deferred function reads it.
		if res, rollback, err = convertContent(site, o.Root); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil && !committed {
				if rerr := rollback(); rerr != nil {
					err = fmt.Errorf("%w; putting content/ back: %v", err, rerr)
				}
			}
		}()
		sum.Convert, docs = res, res.Docs
		step(StepConvert, t0)
	} else {
		// The documents as content/ has them, read but not written.
		plan, err := convert.PrepareSite(site, o.Root, convert.KeepDocs)
		if err != nil {
			return nil, err
		}
		if docs, err = plan.Result().Docs, plan.Discard(); err != nil {
			return nil, err
		}
	}

	// The new site is built beside the old one, so that it can take its
	// place by renaming.
	parent := filepath.Dir(o.Public)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(o.Public)+"-new-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(staging) // gone by then when all went well
	if err := os.Chmod(staging, 0o755); err != nil {
		return nil, err
	}

	// Hugo builds the site while the Go tool writes its files into the
	// same folder: they depend on the documents alone, not on what Hugo
	// renders, and Hugo leaves every file it did not make in place (the
	// folder is new, so nothing asks it to clean it).
	hctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hugoDone := make(chan error, 1)
	var hugoStep Step
	go func() {
		t0 := time.Now()
		err := hugo.Build(hctx, hugo.Options{
			Source: o.Root, Destination: staging, BaseURL: o.BaseURL,
			Params: map[string]any{"offlineZip": ZipPath},
		})
		hugoStep = Step{StepHugo, time.Since(t0)}
		hugoDone <- err
	}()
	goSteps, err := writeFiles(takeaway.NewSite(site, o.BaseURL), staging, docs)
	if err != nil {
		cancel() // no site without the Go tool's files: stop Hugo
	}
	if herr := <-hugoDone; err == nil {
		err = herr
	}
	if err != nil {
		return nil, err
	}
	sum.Steps = append(sum.Steps, hugoStep)
	sum.Steps = append(sum.Steps, goSteps...)
	if err := checkDebris(staging, docs); err != nil {
		return nil, err
	}

	t0 := time.Now()
	copied, err := writeZip(staging, o.BaseURL)
	if err != nil {
		return nil, err
	}
	// The offline copy holds every file of the site but the ZIP itself.
	sum.ZipBytes = copied.Bytes
	sum.SiteFiles, sum.SiteBytes = copied.Files+1, copied.FileBytes+copied.Bytes
	step(StepZip, t0)

	t0 = time.Now()
	old, err := replace(o.Public, staging)
	if err != nil {
		return nil, err
	}
	committed = true // from here on, an error leaves the new site in place
	if err := os.RemoveAll(old); err != nil {
		return nil, fmt.Errorf("the site is built, but the previous one is left at %s: %v", old, err)
	}
	step(StepReplace, t0)
	sum.ZipPath = filepath.Join(o.Public, filepath.FromSlash(ZipPath))
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// writeFiles writes the files the Go tool adds to the site in dir (the
// search index, then every document's citations, data and e-books) and
// returns how long each took, as the steps StepSearch and StepFiles.
func writeFiles(site *takeaway.Site, dir string, docs []convert.Doc) ([]Step, error) {
	t0 := time.Now()
	if err := search.WriteSite(dir, site.Prefix, docs); err != nil {
		return nil, err
	}
	steps := []Step{{StepSearch, time.Since(t0)}}
	t0 = time.Now()
	if err := takeaway.Write(dir, site, docs); err != nil {
		return nil, err
	}
	return append(steps, Step{StepFiles, time.Since(t0)}), nil
}

// convertContent converts seeds/ into content/ and i18n/ and returns,
// besides the converter's result, a function that puts back what the
// conversion changed, which Build calls when a later step fails. This is
// the one place that converts.
func convertContent(site *siteconfig.Site, root string) (*convert.Result, func() error, error) {
	plan, err := convert.PrepareSite(site, root, convert.KeepDocs)
	if err != nil {
		return nil, nil, err
	}
	if err := plan.Commit(); err != nil {
		return nil, nil, err
	}
	return plan.Result(), plan.Rollback, nil
}

// writeZip writes the offline copy of the site in dir, built for baseURL,
// to dir/ZipPath and says what it copied.
func writeZip(dir, baseURL string) (offline.Result, error) {
	path := filepath.Join(dir, filepath.FromSlash(ZipPath))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return offline.Result{}, err
	}
	f, err := os.Create(path)
	if err != nil {
		return offline.Result{}, err
	}
	res, err := offline.Write(f, offline.Options{
		Site: dir, BaseURL: baseURL, Folder: OfflineName, Skip: []string{ZipPath},
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return res, err
}

// replace puts the folder staging in the place of the folder public (which
// need not exist) by renaming public aside and staging to public, and
// returns where the previous site now is ("" if there was none), for the
// caller to remove. If staging cannot take its place, public is put back.
func replace(public, staging string) (old string, err error) {
	_, err = os.Lstat(public)
	switch {
	case os.IsNotExist(err):
		return "", os.Rename(staging, public)
	case err != nil:
		return "", err
	}
	old = staging + "-old"
	if err := os.Rename(public, old); err != nil {
		return "", err
	}
	if err := os.Rename(staging, public); err != nil {
		if rerr := os.Rename(old, public); rerr != nil {
			return "", fmt.Errorf("%v; the previous site is at %s", err, old)
		}
		return "", err
	}
	return old, nil
}
