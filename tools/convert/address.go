package convert

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/regionaldialogue/site/tools/pages"
	"github.com/regionaldialogue/site/tools/translit"
)

// address is what content/ says about a document that has pages there.
type address struct {
	slug    string   // its address
	oldSlug []string // its earlier addresses, from its pages' aliases
	page    string   // one of its pages, relative to the root, for messages
}

// slugShape is the shape of every address: ASCII words joined by hyphens.
var slugShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// readAddresses reads the generated pages under root/content. It returns
// the address of each document that has pages, by seed id, and every
// generated page, relative to the root, sorted.
func readAddresses(root string) (map[string]address, []string, error) {
	var files []string
	dir := filepath.Join(root, "content")
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && path == dir {
			return fs.SkipAll
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	type page struct {
		rel     string
		id      string
		slug    string
		aliases []string
	}
	found := make([]*page, len(files))
	errs := make([]error, len(files))
	forEach(len(files), func(i int) {
		data, err := os.ReadFile(files[i])
		if err != nil || !isGenerated(data) {
			errs[i] = err
			return
		}
		rel, _ := filepath.Rel(root, files[i])
		p := &page{rel: filepath.ToSlash(rel)}
		var fm struct {
			Slug           string   `yaml:"slug"`
			TranslationKey string   `yaml:"translationKey"`
			Aliases        []string `yaml:"aliases"`
		}
		if err := yaml.Unmarshal(addressLines(data), &fm); err != nil {
			errs[i] = fmt.Errorf("%s: front matter: %v (delete the page: the converter makes it again)", p.rel, err)
			return
		}
		p.id, p.slug = fm.TranslationKey, fm.Slug
		for _, a := range fm.Aliases {
			s, ok := strings.CutPrefix(strings.Trim(a, "/"), pages.Section+"/")
			if ok && slugShape.MatchString(s) {
				p.aliases = append(p.aliases, s)
			}
		}
		found[i] = p
	})
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	known := map[string]address{}
	var generated []string
	for _, p := range found {
		if p == nil {
			continue
		}
		generated = append(generated, p.rel)
		a, ok := known[p.id]
		if !ok && slugShape.MatchString(p.slug) {
			a = address{slug: p.slug, page: p.rel}
		}
		for _, s := range p.aliases {
			if !slices.Contains(a.oldSlug, s) {
				a.oldSlug = append(a.oldSlug, s)
			}
		}
		known[p.id] = a
	}
	slices.Sort(generated)
	return known, generated, nil
}

// addressLines returns the lines of a page's front matter that give its
// address, its seed and its aliases: top-level keys, each on a line that
// starts with it (the encoder never folds a line), and the aliases' items.
func addressLines(page []byte) []byte {
	front, _, _ := bytes.Cut(page, []byte("\n---\n"))
	var out []byte
	aliases := false
	for line := range bytes.Lines(front) {
		if aliases && (line[0] == ' ' || line[0] == '-') {
			out = append(out, line...)
			continue
		}
		aliases = bytes.HasPrefix(line, []byte("aliases:"))
		if aliases || bytes.HasPrefix(line, []byte("slug:")) || bytes.HasPrefix(line, []byte("translationKey:")) {
			out = append(out, line...)
		}
	}
	return out
}

// assignSlugs gives every document its address (see the package doc).
// known holds the addresses content/ has, by seed id.
func assignSlugs(jobs []*job, known map[string]address) error {
	owner := map[string]*job{}   // address → its document
	aliasOf := map[string]*job{} // earlier address → its document
	claim := func(j *job, slug string) bool {
		if o := owner[slug]; o != nil && o != j {
			return false
		}
		if o := aliasOf[slug]; o != nil && o != j {
			return false
		}
		owner[slug], j.doc.Slug = j, slug
		return true
	}
	// First the documents that keep their address, then the earlier
	// addresses, which nobody else may take.
	for _, j := range jobs {
		if a := known[j.doc.ID]; a.slug == j.baseSlug || a.slug == j.baseSlug+"-"+idSuffix(j.doc.ID) {
			claim(j, a.slug)
		}
	}
	for _, j := range jobs {
		a := known[j.doc.ID]
		for _, s := range append(slices.Clone(a.oldSlug), a.slug) {
			if s != "" && s != j.doc.Slug && owner[s] == nil && aliasOf[s] == nil {
				aliasOf[s] = j
			}
		}
	}
	// Then the newcomers and the documents whose address changes, by id.
	for _, j := range jobs {
		later := j.baseSlug + "-" + idSuffix(j.doc.ID)
		if j.doc.Slug == "" && !claim(j, j.baseSlug) && !claim(j, later) {
			first, second := cmp.Or(owner[j.baseSlug], aliasOf[j.baseSlug]), cmp.Or(owner[later], aliasOf[later])
			return fmt.Errorf("%s: its addresses documents/%s/ and documents/%s/ are taken by %s and %s: rename the seed", j.seed, j.baseSlug, later, first.seed, second.seed)
		}
	}
	for _, j := range jobs {
		if !slugShape.MatchString(j.doc.Slug) {
			return fmt.Errorf("%s: address %q is not made of a-z, 0-9 and hyphens", j.seed, j.doc.Slug)
		}
		var old []string
		for s, o := range aliasOf {
			if o == j && s != j.doc.Slug {
				old = append(old, s)
			}
		}
		slices.Sort(old)
		for i := range j.doc.Versions {
			j.doc.Versions[i].OldSlugs = old
		}
	}
	return nil
}

// idSuffix returns what a document adds to its slug when another has it:
// the end of its id after the last "_" or "-" (or, when that has no letter
// or digit, the whole id) in ASCII letters, digits and hyphens; or, when the
// id has none of those, its bytes in hexadecimal.
func idSuffix(id string) string {
	tail := id
	if i := strings.LastIndexAny(id, "_-"); i >= 0 {
		tail = id[i+1:]
	}
	for _, s := range []string{tail, id} {
		if a := asciiWords(s); a != "" {
			return a
		}
	}
	return fmt.Sprintf("%x", id)
}

// asciiWords returns s in lower-case ASCII letters and digits, its words
// joined by hyphens: Cyrillic is transliterated, đ becomes dj, other
// letters lose their marks, anything else separates words.
func asciiWords(s string) string {
	s, _ = translit.ToLatin(s)
	s = strings.NewReplacer("đ", "dj", "Đ", "dj").Replace(s)
	var words []string
	word := []byte{}
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			word = append(word, byte(r))
		case len(word) > 0:
			words, word = append(words, string(word)), word[:0]
		}
	}
	if len(word) > 0 {
		words = append(words, string(word))
	}
	return strings.Join(words, "-")
}
