// Package convert turns every seed in seeds/ into Hugo content pages under
// content/, and i18n/sr.toml into i18n/sr-latn.toml.
//
// For each seed seeds/<id>.txt it writes content/documents/<slug>.<lang>.md
// for the original's language (config.toml's defaultContentLanguage), for
// the Latin-script version (transliterated, never written by hand), and for
// each translation seeds/<id>.<lang>.md whose language config.toml lists.
// Package seeds lists these inputs and names any other file in a warning.
//
// # All or nothing
//
// [Prepare] reads and checks every input and renders every page: it parses
// every seed, gives each document its address in id order (package address
// remembers addresses in content/, so that none moves or changes hands; it
// reads every page in content/ once and keeps its hash), renders its pages,
// compares each with the file in content/ by that hash (there is no cache),
// writes those that differ into a staging folder inside the root, and
// forgets the documents unless asked to keep them ([KeepDocs]).
// It never writes into content/ or i18n/, and on any error there is no plan
// and no staging folder. [Plan.Commit] renames the staged files into place
// and removes the generated pages of seeds that are gone; it never touches a
// file it did not generate. [Plan.Rollback] puts back what Commit changed,
// for a caller whose later step failed; [Plan.Discard] drops a plan that is
// not committed. [Run] is Prepare and Commit. A rerun with nothing changed
// writes nothing.
package convert

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/regionaldialogue/site/tools/address"
	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/workers"
	"github.com/regionaldialogue/site/tools/meta"
	"github.com/regionaldialogue/site/tools/pages"
	"github.com/regionaldialogue/site/tools/seedparse"
	"github.com/regionaldialogue/site/tools/seeds"
	"github.com/regionaldialogue/site/tools/siteconfig"
	"github.com/regionaldialogue/site/tools/translation"
	"github.com/regionaldialogue/site/tools/translit"
)

// LatinLang is the Hugo language key of the transliterated version.
const LatinLang = "sr-latn"

// Result tells what the converter makes.
type Result struct {
	Documents int
	Pages     map[string]int // pages per language key
	Written   []string       // files Commit writes (or wrote), relative to the root, sorted
	Removed   []string       // generated pages Commit removes (or removed), sorted
	Warnings  []string       // "seeds/x.txt:3: warning: …"
	Docs      []Doc          // every document, sorted by id: only with KeepDocs
	// Site is the site model the conversion read, the Latin-script strings
	// it generates included: the rest of the build uses it.
	Site *siteconfig.Site
}

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

// Option asks Prepare for more than the plan.
type Option int

// KeepDocs asks Prepare to keep every document in Result.Docs.
const KeepDocs Option = 1

// Run converts the site whose root (the folder with config.toml, seeds/,
// content/ and i18n/) is root: Prepare, then Commit.
func Run(root string) (*Result, error) {
	p, err := Prepare(root)
	if err != nil {
		return nil, err
	}
	if err := p.Commit(); err != nil {
		return nil, err
	}
	return p.Result(), nil
}

// Prepare reads and checks every input of the site at root, parses every
// document and renders every page, comparing it with the file in content/.
// It writes the pages that differ into the plan's staging folder, never
// into content/ or i18n/; on any error there is no plan and no staging
// folder. Documents are given their addresses in id order; only with
// KeepDocs does the plan keep them.
func Prepare(root string, opts ...Option) (*Plan, error) {
	site, err := siteconfig.Load(root)
	if err != nil {
		return nil, err
	}
	return PrepareSite(site, root, opts...)
}

// PrepareSite is Prepare with the site model already loaded from root.
// It gives site the interface strings it generates (i18n/sr-latn.toml).
func PrepareSite(site *siteconfig.Site, root string, opts ...Option) (*Plan, error) {
	cfg, err := readConfig(root, site)
	if err != nil {
		return nil, err
	}
	others := slices.DeleteFunc(slices.Clone(cfg.Languages), func(l string) bool { return l == cfg.DefaultLang || l == LatinLang })
	list, warnings, err := seeds.List(root, cfg.Languages, others) // a translation is in one of the others
	if err != nil {
		return nil, err
	}
	known, files, err := address.Read(root)
	if err != nil {
		return nil, err
	}
	claims := make([]address.Claim, len(list))
	for i, s := range list {
		claims[i] = address.Claim{ID: s.ID, File: s.Path()}
	}
	assign := address.NewAssigner(claims, known)

	p := &Plan{root: root, files: files, res: &Result{Site: cfg.site, Documents: len(list), Pages: map[string]int{}}}
	procs := runtime.GOMAXPROCS(0) // fixed here: GOMAXPROCS may change while Prepare runs
	jobs := make([]*job, len(list))
	errs := make([]error, len(list))
	workers.Each(procs, len(list), func(_, i int) { jobs[i], errs[i] = parse(root, cfg, list[i]) })
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, j := range jobs {
		e, err := assign.Next(address.Claim{ID: j.doc.ID, File: j.seed, Base: j.baseSlug})
		if err != nil {
			return nil, err
		}
		j.doc.Slug = e.Slug
		for k := range j.doc.Versions {
			j.doc.Versions[k].OldSlugs = e.Old
		}
	}
	written := make([][]string, len(jobs))
	workers.Each(procs, len(jobs), func(_, i int) { written[i], errs[i] = p.render(jobs[i]) })
	if err := errors.Join(errs...); err != nil {
		p.Discard()
		return nil, err
	}
	expected := map[string]bool{}
	for i, j := range jobs {
		for _, v := range j.doc.Versions {
			expected["content/"+pages.Path(j.doc.Slug, v.Lang)] = true
			p.res.Pages[v.Lang]++
		}
		p.changes = append(p.changes, written[i]...)
		warnings = append(warnings, j.warnings...)
		if slices.Contains(opts, KeepDocs) {
			p.res.Docs = append(p.res.Docs, j.doc)
		}
	}
	p.res.Warnings = warnings
	if err := p.addLatinStrings(cfg); err != nil {
		p.Discard()
		return nil, err
	}
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if files[rel].Generated && !expected[rel] {
			p.removes = append(p.removes, rel)
		}
	}
	p.res.Written, p.res.Removed = slices.Sorted(slices.Values(p.changes)), p.removes
	return p, nil
}

// config is what the converter needs of the site model.
type config struct {
	site        *siteconfig.Site
	DefaultLang string
	Languages   []string   // every language key, the default first, then by weight
	Publisher   meta.Names // [params.publisher]: the default issuer
	// latinStrings is i18n/sr-latn.toml as generated from the default
	// language's strings, nil when that has none.
	latinStrings []byte
}

// readConfig loads the site model and gives it the Latin-script interface
// strings this run generates, so that every version is worded with the
// strings it will be built with.
func readConfig(root string, site *siteconfig.Site) (*config, error) {
	cfg := &config{site: site, DefaultLang: site.DefaultLang, Publisher: site.Publisher}
	cfg.Languages = slices.Insert(slices.DeleteFunc(site.LanguageKeys(), func(l string) bool { return l == site.DefaultLang }), 0, site.DefaultLang)
	if !slices.Contains(cfg.Languages, LatinLang) {
		return nil, fmt.Errorf("%s: no [languages.%s]", siteconfig.File, LatinLang)
	}
	src, err := os.ReadFile(filepath.Join(root, "i18n", cfg.DefaultLang+".toml"))
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return nil, err
	}
	latin, _ := translit.ToLatin(string(src))
	cfg.latinStrings = []byte("# Code generated by `go run ./tools/site convert` from i18n/" + cfg.DefaultLang + ".toml. DO NOT EDIT.\n" + latin)
	if err := site.SetStrings(LatinLang, "i18n/"+LatinLang+".toml", cfg.latinStrings); err != nil {
		return nil, err
	}
	return cfg, nil
}

// job is one seed on its way to its pages.
type job struct {
	seed     string // "seeds/<id>.txt"
	baseSlug string // date, place and type; the slug unless another has it
	doc      Doc
	warnings []string
}

// parse reads a seed and its translations and makes every version of its
// document.
func parse(root string, cfg *config, s seeds.Seed) (*job, error) {
	j := &job{seed: s.Path(), doc: Doc{ID: s.ID}}
	data, err := seeds.Read(root, j.seed)
	if err != nil {
		return nil, err
	}
	md, err := meta.Load(root, s.ID, cfg.Languages, cfg.Publisher)
	if err != nil {
		return nil, err
	}
	script, scriptWarnings, scriptErr := seedScript(j.seed, data, md.Script)
	orig, err := seedparse.Parse(j.seed, data)
	if err = cmp.Or(err, scriptErr); err != nil { // the parser's error first
		return nil, err
	}
	j.baseSlug = pages.Slug(orig)
	serbian, originalLang, warnings := serbianVersions(orig, script, cfg.DefaultLang, j.seed)
	if md.Language != "" && md.Language != originalLang {
		return nil, fmt.Errorf("seeds/%s%s: language = %q, but %s is written in the script of %q", s.ID, meta.Suffix, md.Language, j.seed, originalLang)
	}
	j.warnings = append(scriptWarnings, warnings...)
	base := pages.Version{OriginalLang: originalLang, SourceFile: j.seed, Terms: pages.TermsOf(orig)}
	var errs []error
	// The original first, then the others in config.toml's order.
	langs := slices.Insert(slices.DeleteFunc(slices.Clone(cfg.Languages), func(l string) bool { return l == originalLang }), 0, originalLang)
	for _, lang := range langs {
		v := Version{Version: base}
		v.Lang = lang
		switch file := s.Trans[lang]; {
		case lang == cfg.DefaultLang || lang == LatinLang:
			v.Doc = serbian[lang]
			v.Transliterated = lang != originalLang
		case file != "":
			data, err := seeds.Read(root, file)
			if err == nil {
				v.Doc, err = translation.Read(file, data, orig, j.seed)
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			v.TranslationFile = filepath.Base(file)
		default:
			continue
		}
		v.Version = withMeta(v.Version, md)
		v.Wording = cfg.site.Word(lang, v.Doc)
		j.doc.Versions = append(j.doc.Versions, v)
	}
	return j, errors.Join(errs...)
}

// withMeta returns v with the metadata m in v's language.
func withMeta(v pages.Version, m *meta.Meta) pages.Version {
	v.Issuers, v.Event = m.IssuersIn(v.Lang, v.OriginalLang), m.EventIn(v.Lang, v.OriginalLang)
	v.Reference, v.PublicationURL = m.Reference, m.URL
	return v
}

// Documents returns every document under root as the converter reads
// it, sorted by id, writing nothing: for a build from content/ as it is.
func Documents(root string) ([]Doc, error) {
	p, err := Prepare(root, KeepDocs)
	if err != nil {
		return nil, err
	}
	return p.Result().Docs, p.Discard()
}

// render renders the pages of j's document, stages those whose bytes
// differ from the files in content/, and returns their paths.
func (p *Plan) render(j *job) ([]string, error) {
	var out []string
	for _, v := range j.doc.Versions {
		rel := "content/" + pages.Path(j.doc.Slug, v.Lang)
		data, err := pages.Page(v.Doc, v.Version, j.doc.Slug)
		if err != nil {
			return nil, err
		}
		differs, err := p.differs(rel, data)
		if err == nil && differs {
			out = append(out, rel)
			err = p.stageFile(rel, data)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// differs reports whether the page rel does not hold data, by the hash
// (address.Hash) of the file there that address.Read read. A file there must be a
// generated page: the converter never replaces a file it did not write.
func (p *Plan) differs(rel string, data []byte) (bool, error) {
	old, ok := p.files[rel]
	if ok && !old.Generated {
		return false, fmt.Errorf("%s: exists and was not generated by the converter; move it away or delete it", rel)
	}
	return !ok || old.Sum != address.Hash(data), nil
}

// addLatinStrings stages i18n/sr-latn.toml, from the original's, if any.
func (p *Plan) addLatinStrings(cfg *config) error {
	if cfg.latinStrings == nil {
		return nil
	}
	rel := "i18n/" + LatinLang + ".toml"
	old, err := os.ReadFile(p.path(rel))
	if errors.Is(err, fs.ErrNotExist) || err == nil && !bytes.Equal(old, cfg.latinStrings) {
		p.changes = append(p.changes, rel)
		err = p.stageFile(rel, cfg.latinStrings)
	}
	return err
}
