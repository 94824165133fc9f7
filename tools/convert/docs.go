package convert

import (
	"crypto/sha256"
	"errors"
	"path"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/pages"
)

// Doc is one seed's document in every version the site publishes.
type Doc struct {
	ID       string    // the seed's id
	Slug     string    // its page is documents/<Slug>/ under each language's root
	Versions []Version // the original first, then the others in config.toml's weight order
}

// Version is one language version: pages.Version says which (Lang,
// OriginalLang, Transliterated, TranslationFile, SourceFile) and Doc holds
// its text.
type Version struct {
	pages.Version
	Doc *document.Document
}

// documents returns every job's document, sorted by id (the jobs are), each
// seed read and parsed again: Run lets go of the documents as soon as
// their pages are staged, and does not parse unchanged seeds at all.
func documents(root string, cfg *config, jobs []*job) ([]Doc, error) {
	docs := make([]Doc, len(jobs))
	errs := make([]error, len(jobs))
	eachSeed(len(jobs), func(i int) {
		j := *jobs[i]
		j.versions = nil
		inputs, langs, err := j.reread(root)
		if err == nil {
			err = j.parse(cfg, inputs, sha256.Sum256(inputs[0]), langs)
		}
		if err != nil {
			errs[i] = err
			return
		}
		d := Doc{ID: trimExt(path.Base(j.seed)), Slug: j.slug}
		for _, v := range j.versions {
			v.version.SourceFile = j.seed
			d.Versions = append(d.Versions, Version{v.version, v.doc})
		}
		docs[i] = d
	})
	return docs, errors.Join(errs...)
}

func trimExt(name string) string { return name[:len(name)-len(path.Ext(name))] }

// Documents reads and parses every seed under root, as Run would convert
// it, and returns the documents sorted by id, writing nothing: for a build
// from content/ as it is.
func Documents(root string) ([]Doc, error) {
	cfg, err := readConfig(root)
	if err != nil {
		return nil, err
	}
	seeds, translations, err := listSeeds(root, cfg)
	if err != nil {
		return nil, err
	}
	jobs := make([]*job, len(seeds))
	for i, s := range seeds {
		jobs[i] = &job{seed: s, trans: translations[s]}
	}
	// The slugs depend on every seed's base slug: parse them first.
	errs := make([]error, len(jobs))
	eachSeed(len(jobs), func(i int) {
		inputs, langs, err := jobs[i].reread(root)
		if err == nil {
			err = jobs[i].parse(cfg, inputs, sha256.Sum256(inputs[0]), langs)
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := assignJobSlugs(jobs); err != nil {
		return nil, err
	}
	for _, j := range jobs {
		j.versions = nil
	}
	return documents(root, cfg, jobs)
}
