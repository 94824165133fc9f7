// Package address gives every document its address, documents/<slug>/
// under each language's root, and keeps it.
//
// A slug is made of the document's first day, place and type, in a-z, 0-9
// and hyphens: 2015-11-26-beograd-zakljucci. Addresses are remembered in
// content/ itself: each generated page names its seed (translationKey) and
// its slug, so [Read] finds every document's address, and [Assign] lets a
// document keep it whatever seeds come later. A newcomer whose slug is
// taken adds the end of its id ([Suffix]: …-zakljucci-b2 for x_b2.txt); on
// a first run the first seed by id has the plain slug. A document whose
// date, place or type changes moves, and keeps each old address as one of
// its pages' Hugo aliases, which no other document may take.
package address

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
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

// Entry is a document's address: its slug and its earlier slugs.
type Entry struct {
	Slug string
	Old  []string // sorted
}

// Shape is the shape of every slug: ASCII words joined by hyphens.
var Shape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Page is a Markdown file under content/ as Read found it.
type Page struct {
	Generated bool   // it starts with the converter's mark (pages.GeneratedMark)
	Sum       uint64 // Hash of a generated page's bytes
}

// seed keys Hash for the run of this process.
var seed = maphash.MakeSeed()

// Hash returns a 64-bit hash of data, the same for the same bytes within
// one run of the process (hash/maphash, with a seed of its own), for
// comparing a page with the file Read read: two different pages have the
// same hash with a chance of one in 2^64.
func Hash(data []byte) uint64 { return maphash.Bytes(seed, data) }

// Read reads the Markdown files under root/content. It returns the
// address of each document that has generated pages, by seed id, and
// every Markdown file, by its path relative to the root, slash-separated.
func Read(root string) (map[string]Entry, map[string]Page, error) {
	known := map[string]Entry{}
	files := map[string]Page{}
	dir := filepath.Join(root, "content")
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if path == dir && errors.Is(err, fs.ErrNotExist) {
			return fs.SkipAll // no content/ yet
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.HasPrefix(data, []byte("---\n"+pages.GeneratedMark)) {
			files[rel] = Page{}
			return nil
		}
		files[rel] = Page{Generated: true, Sum: Hash(data)}
		front, _, _ := bytes.Cut(data[len("---\n"):], []byte("\n---\n"))
		var fm struct {
			Slug           string   `yaml:"slug"`
			TranslationKey string   `yaml:"translationKey"`
			Aliases        []string `yaml:"aliases"`
		}
		if err := yaml.Unmarshal(front, &fm); err != nil {
			return fmt.Errorf("%s: front matter: %v (delete the page: the converter makes it again)", rel, err)
		}
		e, ok := known[fm.TranslationKey]
		if !ok && Shape.MatchString(fm.Slug) {
			e.Slug = fm.Slug
		}
		for _, alias := range fm.Aliases {
			s, ok := strings.CutPrefix(strings.Trim(alias, "/"), pages.Section+"/")
			if ok && Shape.MatchString(s) && !slices.Contains(e.Old, s) {
				e.Old = append(e.Old, s)
			}
		}
		known[fm.TranslationKey] = e
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return known, files, nil
}

// Claim is a document that needs an address.
type Claim struct {
	ID   string // the seed's id
	File string // the seed, for messages: seeds/<id>.txt
	Base string // the slug its date, place and type make
}

// Assign returns the address of each claim, in order; claims are sorted by
// id, and known holds the addresses content/ has, by id (see Read). When
// two documents cannot both have an address, the error names both files.
func Assign(claims []Claim, known map[string]Entry) ([]Entry, error) {
	a := NewAssigner(claims, known)
	out := make([]Entry, len(claims))
	for i, c := range claims {
		var err error
		if out[i], err = a.Next(c); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Assigner gives documents their addresses one at a time, in id order, so
// that a caller can deal with each document as soon as it has its address.
type Assigner struct {
	known map[string]Entry
	owner map[string]string   // slug → the seed file that has or had it
	had   map[string][]string // seed file → the slugs it had
}

// NewAssigner returns an Assigner for the documents seeds (sorted by id;
// their Base is not read) with the addresses known of content/ (see Read).
// A document keeps every address it had, its slug or an earlier one, and
// no other document may take it; when two had the same, the first by id
// keeps it, its current slug before an earlier one.
func NewAssigner(seeds []Claim, known map[string]Entry) *Assigner {
	a := &Assigner{known: known, owner: map[string]string{}, had: map[string][]string{}}
	reserve := func(c Claim, slug string) {
		if _, ok := a.owner[slug]; !ok && slug != "" {
			a.owner[slug] = c.File
			a.had[c.File] = append(a.had[c.File], slug)
		}
	}
	for _, c := range seeds {
		reserve(c, known[c.ID].Slug)
	}
	for _, c := range seeds {
		for _, s := range known[c.ID].Old {
			reserve(c, s)
		}
	}
	return a
}

// Next returns the address of c, the next document by id. A document keeps
// its slug while its date, place and type make it; otherwise it takes the
// slug they make or, when another document has that, the slug with its
// Suffix, and keeps the slugs it had as earlier ones.
func (a *Assigner) Next(c Claim) (Entry, error) {
	later := c.Base + "-" + Suffix(c.ID)
	slug := a.known[c.ID].Slug
	if slug != c.Base && slug != later || a.owner[slug] != c.File {
		slug = ""
		for _, s := range []string{c.Base, later} {
			if o, ok := a.owner[s]; slug == "" && (!ok || o == c.File) {
				slug = s
			}
		}
		if slug == "" {
			return Entry{}, fmt.Errorf("%s: its addresses documents/%s/ and documents/%s/ are taken by %s and %s: rename the seed",
				c.File, c.Base, later, a.owner[c.Base], a.owner[later])
		}
		a.owner[slug] = c.File
	}
	if !Shape.MatchString(slug) {
		return Entry{}, fmt.Errorf("%s: address %q is not made of a-z, 0-9 and hyphens", c.File, slug)
	}
	e := Entry{Slug: slug}
	for _, s := range a.had[c.File] {
		if s != slug {
			e.Old = append(e.Old, s)
		}
	}
	slices.Sort(e.Old)
	return e, nil
}

// Suffix returns what a document adds to its slug when another has it: the
// end of its id after the last "_" or "-" (or, when that has no letter or
// digit, the whole id) in ASCII letters, digits and hyphens; or, when the
// id has none of those, its bytes in hexadecimal.
func Suffix(id string) string {
	tail := id
	if i := strings.LastIndexAny(id, "_-"); i >= 0 {
		tail = id[i+1:]
	}
	return cmp.Or(asciiWords(tail), asciiWords(id), fmt.Sprintf("%x", id))
}

// asciiWords returns s in lower-case ASCII letters and digits, its words
// joined by hyphens: Cyrillic is transliterated, đ becomes dj, other
// letters lose their marks, anything else separates words.
func asciiWords(s string) string {
	s, _ = translit.ToLatin(s)
	s = strings.NewReplacer("đ", "dj", "Đ", "dj").Replace(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Mn, r):
			return -1
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			return r
		}
		return ' '
	}, norm.NFD.String(strings.ToLower(s)))
	return strings.Join(strings.Fields(s), "-")
}
