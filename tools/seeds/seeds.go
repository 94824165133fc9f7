// Package seeds lists and reads the converter's inputs in seeds/: each
// seed seeds/<id>.txt, its translations seeds/<id>.<lang>.md and its
// metadata seeds/<id>.meta.toml. Any other file there is named in a
// warning, except README.md and hidden files.
package seeds

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/meta"
	"github.com/regionaldialogue/site/tools/seedparse"
)

// Seed is a seed and its translations.
type Seed struct {
	ID    string
	Trans map[string]string // language → "seeds/<id>.<lang>.md"
}

// Path returns the seed's file, relative to the root: "seeds/<id>.txt".
func (s Seed) Path() string { return "seeds/" + s.ID + ".txt" }

// List returns the seeds in root/seeds, sorted by id, and a warning for
// each file there that the converter does not read. langs are the site's
// languages; a translation may be in those of them that transLangs names.
// A translation of no seed, or in a language that is not one of transLangs,
// is an error "file: message".
func List(root string, langs, transLangs []string) ([]Seed, []string, error) {
	entries, err := os.ReadDir(filepath.Join(root, "seeds"))
	if err != nil {
		return nil, nil, err
	}
	var seeds []Seed
	var warnings []string
	var errs []error
	index := map[string]int{}
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".txt"); ok && !e.IsDir() && id != "" && !strings.Contains(id, ".") {
			index[id] = len(seeds)
			seeds = append(seeds, Seed{ID: id, Trans: map[string]string{}})
		}
	}
	for _, e := range entries {
		name := e.Name()
		rel := "seeds/" + name
		base, isMD := strings.CutSuffix(name, ".md")
		id, lang, hasLang := strings.Cut(base, ".")
		seedID, isTxt := strings.CutSuffix(name, ".txt")
		switch _, isSeed := index[seedID]; {
		case strings.HasSuffix(name, meta.Suffix) && !e.IsDir():
			if _, ok := index[strings.TrimSuffix(name, meta.Suffix)]; !ok {
				errs = append(errs, document.Errorf(rel, 0, "metadata of seeds/%s.txt, which does not exist", strings.TrimSuffix(name, meta.Suffix)))
			}
		case strings.HasPrefix(name, ".") || name == "README.md" || (isTxt && isSeed && !e.IsDir()):
		case e.IsDir() || !isMD || !hasLang || strings.Contains(lang, ".") || lang != strings.ToLower(lang):
			warnings = append(warnings, fmt.Sprintf("%s: warning: not read: the converter reads seeds/<id>.txt (a seed; no dot in <id>) and seeds/<id>.<lang>.md (its translation; <lang> one of: %s)", rel, strings.Join(transLangs, ", ")))
		default:
			i, ok := index[id]
			switch {
			case !ok:
				errs = append(errs, document.Errorf(rel, 0, "translation of seeds/%s.txt, which does not exist", id))
			case !slices.Contains(transLangs, lang):
				if slices.Contains(langs, lang) {
					errs = append(errs, document.Errorf(rel, 0, "%q is the original's language or its transliteration, which are made from the seed", lang))
				} else {
					errs = append(errs, document.Errorf(rel, 0, "language %q is not in config.toml: add [languages.%s] and i18n/%s.toml", lang, lang, lang))
				}
			default:
				seeds[i].Trans[lang] = rel
			}
		}
	}
	return seeds, warnings, errors.Join(errs...)
}

// Read reads root/rel, an input of at most seedparse.MaxSize bytes.
func Read(root, rel string) ([]byte, error) {
	path := filepath.Join(root, filepath.FromSlash(rel))
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if size := info.Size(); size > seedparse.MaxSize {
		return nil, fmt.Errorf("%s: file is %.1f MiB; an input may be at most %d MiB", rel, float64(size)/(1<<20), seedparse.MaxSize>>20)
	}
	return os.ReadFile(path)
}
