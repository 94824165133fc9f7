// Package convert turns every seed in seeds/ into Hugo content pages under
// content/, and i18n/sr.toml into i18n/sr-latn.toml.
//
// For each seed seeds/<id>.txt it writes content/documents/<slug>.<lang>.md
// for the original's language (config.toml's defaultContentLanguage), for
// the Latin-script version (transliterated, never written by hand), and for
// each translation seeds/<id>.<lang>.md whose language config.toml lists.
//
// Run is all or nothing: every input is read and checked and every output
// made in memory first; on any error nothing is written. Then only the
// files whose bytes change are written (each through a temporary file
// renamed into place), the generated pages of seeds that are gone are
// removed, and files the converter did not generate are never touched.
package convert

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/pages"
	"github.com/regionaldialogue/site/tools/parallel"
	"github.com/regionaldialogue/site/tools/seedparse"
	"github.com/regionaldialogue/site/tools/translation"
	"github.com/regionaldialogue/site/tools/translit"
)

// workersPerProc is how many seeds are converted at a time per processor.
// There are a few more workers than processors, so that the processors
// have work while a worker waits: in the kernel, reading a file, or for
// room in the stage's queue.
const workersPerProc = 2

// LatinLang is the Hugo language key of the transliterated version.
const LatinLang = "sr-latn"

// Result tells what a run did.
type Result struct {
	Documents int
	Converted int            // documents parsed and rendered; the others were unchanged
	Pages     map[string]int // pages per language key
	Written   []string       // files written, relative to the root
	Removed   []string       // generated files removed
	Warnings  []string       // "seeds/x.txt:3: warning: …"
	Docs      []Doc          // every document, sorted by id
}

// Doc is one seed's document in every version the site publishes.
type Doc struct {
	ID       string    // the seed's id
	Slug     string    // its page is documents/<Slug>/ under each language's root
	Versions []Version // the original first, then the others in config.toml's weight order
}

// Version is one language version: pages.Version says which (Lang, OriginalLang,
// Transliterated, TranslationFile, SourceFile) and Doc holds its text.
type Version struct {
	pages.Version
	Doc *document.Document
}

// Run converts the site whose root (the folder with config.toml, seeds/,
// content/ and i18n/) is root.
//
// It reads and checks every input first; a seed is parsed and its pages
// rendered only when it, its translations, config.toml or the converter
// changed since the last run (see cache.go). Pages that differ from the
// files in content/ are written into a staging folder; only when every
// input is good are they renamed into place and the pages of removed seeds
// removed. On any error nothing under content/ changes.
func Run(root string) (*Result, error) {
	defer tuneGC()()
	cfg, err := readConfig(root)
	if err != nil {
		return nil, err
	}
	// The cache is loaded (which hashes the converter's binary) while the
	// seeds are listed.
	cached := make(chan *cache, 1)
	go func() { cached <- loadCache(root, cfg) }()
	seeds, translations, err := listSeeds(root, cfg)
	if err != nil {
		return nil, err
	}
	cache := <-cached

	stage, err := newStage(root, putBuffer)
	if err != nil {
		return nil, err
	}
	defer stage.discard()

	// One pass reads every input and converts the seeds that changed,
	// each at its address; the documents are dropped as soon as their
	// pages are staged, so memory does not grow with the number of seeds.
	// Documents that share a base slug (date, place, type) keep it for the
	// first by id and add the end of their id after that (assignJobSlugs):
	// a document that finds its base slug claimed by an earlier seed knows
	// its final address. One that finds it claimed by a later seed (the
	// workers run nearly in order, so this is rare) waits for the second
	// pass, and the later seed's pages are made again there.
	jobs := make([]*job, len(seeds))
	errs := make([]error, len(seeds))
	var mu sync.Mutex
	claimed := map[string]int{} // base slug → the first seed, by index, that has it so far
	eachSeed(len(seeds), func(i int) {
		j, err := prepare(root, cfg, cache, seeds[i], translations[seeds[i]])
		if err == nil && j.versions != nil {
			mu.Lock()
			first, taken := claimed[j.baseSlug]
			if !taken || i < first {
				claimed[j.baseSlug] = i
			}
			mu.Unlock()
			switch {
			case !taken:
				j.slug = j.baseSlug
				err = j.render(root, cfg, stage)
			case first < i:
				j.slug = j.laterSlug()
				err = j.render(root, cfg, stage)
			default:
				j.versions = nil
			}
		}
		jobs[i], errs[i] = j, err
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Documents that share an address get their final ones only now;
	// the few whose address changed, and the unchanged ones the cache
	// vouches for, are settled in a second pass.
	if err := assignJobSlugs(jobs); err != nil {
		return nil, err
	}
	if err := stage.wait(); err != nil {
		return nil, err
	}
	for _, j := range jobs {
		if j.outputs != nil && j.renderedSlug != j.slug {
			for _, o := range j.outputs {
				stage.remove(o.Path)
			}
			j.outputs = nil
		}
	}
	eachSeed(len(jobs), func(i int) {
		if jobs[i].outputs == nil {
			errs[i] = jobs[i].render(root, cfg, stage)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	i18nOut, err := latinStrings(root, cfg)
	if err != nil {
		return nil, err
	}
	if i18nOut != nil {
		if err := stage.put(root, "i18n/"+LatinLang+".toml", i18nOut, false, nil); err != nil {
			return nil, err
		}
	}

	// Every page written (and so its time known), the cache file is
	// encoded while the pages move into place, and written once they are.
	if err := stage.wait(); err != nil {
		return nil, err
	}
	res := &Result{Documents: len(jobs), Pages: map[string]int{}}
	expected := map[string]bool{}
	for _, j := range jobs {
		if !j.unchanged {
			res.Converted++
		}
		for _, o := range j.outputs {
			expected[o.Path] = true
			res.Pages[o.Lang]++
		}
		res.Warnings = append(res.Warnings, j.warnings...)
	}
	encoded := make(chan []byte, 1)
	go func() { encoded <- cache.encode(root, jobs) }()
	stale, err := staleGeneratedPages(root, expected)
	if err != nil {
		return nil, err
	}
	if res.Written, err = stage.commit(root); err != nil {
		return nil, err
	}
	for _, rel := range stale {
		if err := os.Remove(filepath.Join(root, rel)); err != nil {
			return nil, err
		}
	}
	res.Removed = stale
	cache.write(<-encoded)
	if res.Docs, err = collectDocs(root, cfg, jobs); err != nil {
		return nil, err
	}
	return res, nil
}

// collectDocs returns every job's document for Result.Docs, parsing those
// the cache vouched for, sorted by id.
func collectDocs(root string, cfg *config, jobs []*job) ([]Doc, error) {
	docs := make([]Doc, len(jobs))
	errs := make([]error, len(jobs))
	eachSeed(len(jobs), func(i int) {
		j := jobs[i]
		if j.kept == nil {
			inputs, langs, err := j.reread(root)
			if err == nil {
				err = j.parse(cfg, inputs, sha256.Sum256(inputs[0]), langs)
			}
			if err != nil {
				errs[i] = err
				return
			}
			j.kept, j.versions = j.versions, nil
		}
		d := Doc{ID: strings.TrimSuffix(filepath.Base(j.seed), ".txt"), Slug: j.slug}
		for _, v := range j.kept {
			d.Versions = append(d.Versions, Version{Version: v.version, Doc: v.doc})
		}
		j.kept = nil
		docs[i] = d
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.ID, b.ID) })
	return docs, nil
}

// The garbage collector's settings during Run. A run makes about 2 GB of
// short-lived garbage from 10,000 seeds while it keeps some 10–25 MB
// live; at the default GOGC of 100 the collector runs some 150 times and
// takes a fifth of the CPU. GOGC=400 lets the heap grow to five times the
// live data between collections, and the soft memory limit makes the
// collector work harder before the process's memory passes it.
const (
	runGCPercent   = 400
	runMemoryLimit = 100 << 20
)

// gcTuning counts the Runs in progress and holds the settings the first
// of them found, which the last one restores: Runs may overlap (a preview
// server converts on every change).
var gcTuning struct {
	sync.Mutex
	runs           int
	percent, limit int64
}

// tuneGC sets the collector's settings for Run and returns the function
// that restores the previous ones. It changes nothing when the user set
// GOGC or GOMEMLIMIT, and it never lowers GOGC or raises the limit.
func tuneGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	t := &gcTuning
	t.Lock()
	defer t.Unlock()
	if t.runs == 0 {
		t.percent = int64(debug.SetGCPercent(runGCPercent))
		if t.percent < 0 || t.percent > runGCPercent {
			debug.SetGCPercent(int(t.percent)) // off or higher already: keep it
		}
		t.limit = debug.SetMemoryLimit(-1)
		if t.limit > runMemoryLimit {
			debug.SetMemoryLimit(runMemoryLimit)
		}
	}
	t.runs++
	return func() {
		t.Lock()
		defer t.Unlock()
		if t.runs--; t.runs == 0 {
			debug.SetGCPercent(int(t.percent))
			debug.SetMemoryLimit(t.limit)
		}
	}
}

// Generate reads root's inputs and returns every file the converter
// would write, by path relative to root, without writing anything or
// using the cache. The tests compare it with what is committed.
func Generate(root string) (map[string][]byte, *Result, error) {
	cfg, err := readConfig(root)
	if err != nil {
		return nil, nil, err
	}
	seeds, translations, err := listSeeds(root, cfg)
	if err != nil {
		return nil, nil, err
	}
	jobs := make([]*job, len(seeds))
	errs := make([]error, len(seeds))
	eachSeed(len(seeds), func(i int) {
		jobs[i], errs[i] = prepare(root, cfg, nil, seeds[i], translations[seeds[i]])
	})
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	if err := assignJobSlugs(jobs); err != nil {
		return nil, nil, err
	}
	res := &Result{Documents: len(jobs), Pages: map[string]int{}}
	out := map[string][]byte{}
	for _, j := range jobs {
		pages, err := j.pages()
		if err != nil {
			return nil, nil, err
		}
		for _, p := range pages {
			out[p.Path] = p.data
			res.Pages[p.Lang]++
		}
		res.Warnings = append(res.Warnings, j.warnings...)
		j.kept = j.versions
	}
	if res.Docs, err = collectDocs(root, cfg, jobs); err != nil {
		return nil, nil, err
	}
	i18nOut, err := latinStrings(root, cfg)
	if err != nil {
		return nil, nil, err
	}
	if i18nOut != nil {
		out["i18n/"+LatinLang+".toml"] = i18nOut
	}
	return out, res, nil
}

// latinStrings returns i18n/sr-latn.toml made from the original's i18n
// file, or nil when there is none.
func latinStrings(root string, cfg *config) ([]byte, error) {
	src, err := os.ReadFile(filepath.Join(root, "i18n", cfg.DefaultLang+".toml"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	latin, _ := translit.ToLatin(string(src))
	return []byte("# Code generated by `go run ./tools/site convert` from i18n/" + cfg.DefaultLang + ".toml. DO NOT EDIT.\n" + latin), nil
}

// config is what the converter needs from config.toml.
type config struct {
	DefaultLang string
	Languages   map[string]bool
	raw         []byte // config.toml as read
}

func readConfig(root string) (*config, error) {
	data, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		return nil, err
	}
	var raw struct {
		DefaultContentLanguage string         `toml:"defaultContentLanguage"`
		Languages              map[string]any `toml:"languages"`
	}
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("config.toml: %w", err)
	}
	cfg := &config{DefaultLang: raw.DefaultContentLanguage, Languages: map[string]bool{}, raw: data}
	if cfg.DefaultLang == "" {
		cfg.DefaultLang = "sr"
	}
	for k := range raw.Languages {
		cfg.Languages[strings.ToLower(k)] = true
	}
	for _, need := range []string{cfg.DefaultLang, LatinLang} {
		if !cfg.Languages[need] {
			return nil, fmt.Errorf("config.toml: no [languages.%s]", need)
		}
	}
	return cfg, nil
}

// listSeeds returns the seeds' paths relative to root, sorted, and for each
// the paths of its translations by language.
func listSeeds(root string, cfg *config) ([]string, map[string]map[string]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, "seeds"))
	if err != nil {
		return nil, nil, err
	}
	var seeds []string
	translations := map[string]map[string]string{}
	var errs []error
	ids := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			ids[strings.TrimSuffix(e.Name(), ".txt")] = true
		}
	}
	for _, e := range entries {
		name := e.Name()
		rel := "seeds/" + name
		switch {
		case e.IsDir() || strings.HasPrefix(name, ".") || name == "README.md":
		case strings.HasSuffix(name, ".txt"):
			seeds = append(seeds, rel)
		case strings.HasSuffix(name, ".md"):
			base := strings.TrimSuffix(name, ".md")
			dot := strings.LastIndexByte(base, '.')
			if dot < 0 {
				errs = append(errs, document.Errorf(rel, 0, "a translation is named <id>.<language>.md, e.g. %s.en.md", base))
				continue
			}
			id, lang := base[:dot], strings.ToLower(base[dot+1:])
			switch {
			case !ids[id]:
				errs = append(errs, document.Errorf(rel, 0, "translation of seeds/%s.txt, which does not exist", id))
			case lang == cfg.DefaultLang || lang == LatinLang:
				errs = append(errs, document.Errorf(rel, 0, "%q is the original's language or its transliteration, which are made from the seed", lang))
			case !cfg.Languages[lang]:
				errs = append(errs, document.Errorf(rel, 0, "language %q is not in config.toml: add [languages.%s] and i18n/%s.toml", lang, lang, lang))
			default:
				seed := "seeds/" + id + ".txt"
				if translations[seed] == nil {
					translations[seed] = map[string]string{}
				}
				translations[seed][lang] = rel
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	slices.Sort(seeds)
	return seeds, translations, nil
}

// job is one seed: its inputs, and either its parsed language versions
// or, when the cache says nothing changed, the pages it has.
type job struct {
	seed         string            // "seeds/<id>.txt"
	trans        map[string]string // language → "seeds/<id>.<lang>.md"
	key          string            // the fingerprint of its inputs
	baseSlug     string            // the slug before any disambiguation
	slug         string
	renderedSlug string      // the address its staged pages have
	inputs       []inputStat // the seed\'s and its translations\' sizes and times
	cached       *cacheEntry // set when the cache knows this seed's pages
	unchanged    bool        // its pages are as the cache knows them: nothing done
	versions     []version   // set when parsed
	kept         []version   // the versions rendered, for Result.Docs
	warnings     []string
	outputs      []output // the pages, once rendered or taken from the cache
}

type version struct {
	doc     *document.Document
	version pages.Version
}

// output is one page the converter makes.
type output struct {
	Path string // relative to the root, slash-separated
	Lang string
	Size int64
	Mod  int64 // modification time, Unix nanoseconds; 0 if not known
	data []byte
}

// prepare reads a seed and its translations. If the cache knows them, the
// seed is not parsed; otherwise it is parsed, transliterated and its
// translations read and checked.
func prepare(root string, cfg *config, cache *cache, seed string, trans map[string]string) (*job, error) {
	j := &job{seed: seed, trans: trans}
	langs := sortedKeys(trans)
	files := append([]string{seed}, mapValues(trans, langs)...)
	inputs := make([][]byte, len(files))
	// Nothing made from the inputs refers to their bytes.
	defer func() {
		for _, in := range inputs {
			putBuffer(in)
		}
	}()
	if cache.has(seed) {
		for _, f := range files {
			info, err := os.Stat(filepath.Join(root, f))
			if err != nil {
				return nil, err
			}
			j.inputs = append(j.inputs, inputStat{Path: f, Size: info.Size(), Mod: info.ModTime().UnixNano()})
		}
		// Unchanged files, by size and time: the cache's word is enough.
		if e := cache.lookupStats(seed, j.inputs); e != nil {
			j.cached, j.key, j.baseSlug, j.warnings = e, e.Key, e.BaseSlug, e.Warnings
			return j, nil
		}
		for i, f := range files {
			data, err := readLimited(filepath.Join(root, f))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			inputs[i] = data
		}
	} else {
		// Nothing to look up by size and time: read each file and take
		// its size and time from the open file.
		for i, f := range files {
			data, size, mod, err := readInput(filepath.Join(root, f), getBuffer())
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			inputs[i] = data
			j.inputs = append(j.inputs, inputStat{Path: f, Size: size, Mod: mod})
		}
	}
	// Touched but the same bytes: still the cache's.
	sums := hashInputs(inputs)
	j.key = inputKey(seed, langs, inputs, sums)
	if e := cache.lookup(seed, j.key); e != nil {
		j.cached, j.baseSlug, j.warnings = e, e.BaseSlug, e.Warnings
		return j, nil
	}
	return j, j.parse(cfg, inputs, sums[0], langs)
}

// parse makes the seed's language versions from its inputs: the seed's
// bytes, then its translations' in the order of langs. seedSum is the
// SHA-256 of the seed's bytes.
func (j *job) parse(cfg *config, inputs [][]byte, seedSum [sha256.Size]byte, langs []string) error {
	orig, err := seedparse.ParseHashed(j.seed, inputs[0], seedSum)
	if err != nil {
		return err
	}
	j.baseSlug = pages.Slug(orig)
	base := pages.Version{OriginalLang: cfg.DefaultLang, Terms: pages.TermsOf(orig)}
	v := base
	v.Lang = cfg.DefaultLang
	j.versions = append(j.versions[:0], version{orig, v})

	latin, warnings := Transliterate(orig, j.seed)
	j.warnings = warnings
	v = base
	v.Lang, v.Transliterated = LatinLang, true
	j.versions = append(j.versions, version{latin, v})

	var errs []error
	for i, lang := range langs {
		file := j.trans[lang]
		tr, err := translation.Read(file, inputs[i+1], orig, j.seed)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		v = base
		v.Lang, v.TranslationFile = lang, filepath.Base(file)
		j.versions = append(j.versions, version{tr, v})
	}
	return errors.Join(errs...)
}

// pages renders the job's pages.
func (j *job) pages() ([]output, error) {
	out := make([]output, 0, len(j.versions))
	for _, v := range j.versions {
		data, err := pages.AppendPage(getBuffer(), v.doc, v.version, j.slug)
		if err != nil {
			return nil, err
		}
		out = append(out, output{Path: "content/" + pages.Path(j.slug, v.version.Lang), Lang: v.version.Lang, data: data})
	}
	return out, nil
}

// render makes sure the job's pages are in content/ or staged: a cached
// job whose pages are as the cache left them needs nothing; any other is
// (re)parsed if need be, rendered, and its changed pages staged.
func (j *job) render(root string, cfg *config, stage *stage) error {
	if j.cached != nil && j.slug == j.cached.Slug && j.cached.intact(root) {
		j.outputs, j.unchanged = j.cached.Outputs, true
		return nil
	}
	if j.versions == nil {
		inputs, langs, err := j.reread(root)
		if err != nil {
			return err
		}
		if err := j.parse(cfg, inputs, sha256.Sum256(inputs[0]), langs); err != nil {
			return err
		}
	}
	pages, err := j.pages()
	if err != nil {
		return err
	}
	for i := range pages {
		p := &pages[i]
		p.Size = int64(len(p.data))
		if err := stage.put(root, p.Path, p.data, true, &p.Mod); err != nil {
			return err
		}
		p.data = nil
	}
	j.outputs, j.renderedSlug = pages, j.slug
	j.kept = j.versions // for Result.Docs
	j.versions = nil
	return nil
}

func (j *job) reread(root string) ([][]byte, []string, error) {
	langs := sortedKeys(j.trans)
	var inputs [][]byte
	for _, f := range append([]string{j.seed}, mapValues(j.trans, langs)...) {
		d, err := readLimited(filepath.Join(root, f))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, err)
		}
		inputs = append(inputs, d)
	}
	return inputs, langs, nil
}

func mapValues(m map[string]string, keys []string) []string {
	v := make([]string, len(keys))
	for i, k := range keys {
		v[i] = m[k]
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// hashInputs returns the SHA-256 of each input.
func hashInputs(inputs [][]byte) [][sha256.Size]byte {
	sums := make([][sha256.Size]byte, len(inputs))
	for i, in := range inputs {
		sums[i] = sha256.Sum256(in)
	}
	return sums
}

// inputKey fingerprints a seed's inputs: names, sizes and the SHA-256 of
// their bytes (sums, from hashInputs).
func inputKey(seed string, langs []string, inputs [][]byte, sums [][sha256.Size]byte) string {
	// What is hashed reads as fmt's "%s %q %d\n" of seed, langs and the
	// number of inputs, then "%d\n" and the sum of each input; made with
	// strconv, which is what fmt would call, without its reflection.
	b := make([]byte, 0, 256)
	b = append(append(b, seed...), " ["...)
	for i, l := range langs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendQuote(b, l)
	}
	b = append(strconv.AppendInt(append(b, "] "...), int64(len(inputs)), 10), '\n')
	for i, in := range inputs {
		b = append(strconv.AppendInt(b, int64(len(in)), 10), '\n')
		b = append(b, sums[i][:]...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func readLimited(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := tooLarge(info.Size()); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// Transliterate returns the Latin-script version of the Cyrillic doc, and a
// warning for each block with letters that are not Serbian Cyrillic.
func Transliterate(doc *document.Document, file string) (*document.Document, []string) {
	l := *doc
	l.Blocks = slices.Clone(doc.Blocks)
	// Every text of l, in order, with its line for warnings; the place is
	// part of the date line, and warned there.
	type field struct {
		s    *string
		line int
		warn bool
	}
	h := doc.HeaderLines
	fields := []field{{&l.Title, h.Title, true}, {&l.Subtitle, h.Subtitle, true}, {&l.DateLine, h.Date, true}, {&l.Place, 0, false}, {&l.Summary, 0, false}}
	for i := range l.Blocks {
		b := &l.Blocks[i]
		b.Items = slices.Clone(b.Items)
		fields = append(fields, field{&b.Text, b.Line, true})
		for j := range b.Items {
			fields = append(fields, field{&b.Items[j].Text, b.Items[j].Line, true})
		}
	}
	texts := make([]string, len(fields))
	for k, f := range fields {
		texts[k] = *f.s
	}
	latin, foreign := translit.ToLatinAll(texts)
	var warnings []string
	for k, f := range fields {
		*f.s = latin[k]
		if len(foreign[k]) > 0 && f.warn {
			letters := make([]string, len(foreign[k]))
			for i, r := range foreign[k] {
				letters[i] = fmt.Sprintf("%c (U+%04X)", r, r)
			}
			warnings = append(warnings, fmt.Sprintf("%s:%d: warning: not Serbian Cyrillic, left as is in the Latin version: %s", file, f.line, strings.Join(letters, ", ")))
		}
	}
	l.Type = l.Blocks[0].Text
	return &l, warnings
}

// assignJobSlugs gives every document its address. Documents with the
// same date, place and type keep the plain slug for the first by id and
// add the end of their id to it after that.
func assignJobSlugs(jobs []*job) error {
	seen := map[string]bool{}
	for _, j := range jobs {
		j.slug = j.baseSlug
		if seen[j.slug] {
			j.slug = j.laterSlug()
		}
		if seen[j.slug] {
			return fmt.Errorf("%s: its address %q is taken by another document", j.seed, j.slug)
		}
		seen[j.slug] = true
	}
	return nil
}

// laterSlug is the address of a document whose base slug an earlier one,
// by id, has: the base slug and the end of its id.
func (j *job) laterSlug() string {
	id := strings.TrimSuffix(filepath.Base(j.seed), ".txt")
	if i := strings.LastIndexAny(id, "_-"); i >= 0 {
		id = id[i+1:]
	}
	return j.baseSlug + "-" + strings.ToLower(id)
}

// buffers holds byte slices for reuse: the inputs' bytes, once parsed,
// and the pages', once written. A first run of 10,000 seeds reads some
// 60 MB and renders some 160 MB, in slices of a few kilobytes; reusing
// them spares the allocator and the garbage collector.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooled is the capacity above which a slice is left to the garbage
// collector rather than kept for reuse.
const maxPooled = 256 << 10

// getBuffer returns an empty slice, with room if one was put back.
func getBuffer() []byte {
	return (*buffers.Get().(*[]byte))[:0]
}

// putBuffer gives b back for reuse; nothing may use it afterwards.
func putBuffer(b []byte) {
	if b == nil || cap(b) > maxPooled {
		return
	}
	b = b[:0]
	buffers.Put(&b)
}

// eachSeed runs f(0) … f(n-1), workersPerProc at a time per processor.
func eachSeed(n int, f func(int)) {
	parallel.For(n, runtime.GOMAXPROCS(0)*workersPerProc, f)
}

// isGenerated reports whether the file at path starts with the mark of a
// generated page.
func isGenerated(head []byte) bool {
	return bytes.HasPrefix(head, []byte("---\n"+pages.GeneratedMark))
}
