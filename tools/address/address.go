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

// Read reads the generated pages under root/content. It returns the
// address of each document that has pages, by seed id, and every generated
// page, relative to the root and slash-separated, sorted.
func Read(root string) (map[string]Entry, []string, error) {
	known := map[string]Entry{}
	var generated []string
	err := filepath.WalkDir(filepath.Join(root, "content"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(data, []byte("---\n"+pages.GeneratedMark)) {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		generated = append(generated, rel)
		var fm struct {
			Slug           string   `yaml:"slug"`
			TranslationKey string   `yaml:"translationKey"`
			Aliases        []string `yaml:"aliases"`
		}
		if err := yaml.Unmarshal(addressLines(data), &fm); err != nil {
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
	if errors.Is(err, fs.ErrNotExist) && len(generated) == 0 {
		err = nil
	}
	return known, generated, err
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
	out := make([]Entry, len(claims))
	owner := map[string]int{}   // slug → the claim that has it
	aliasOf := map[string]int{} // earlier slug → the claim whose it is
	taken := func(i int, slug string) (int, bool) {
		if o, ok := owner[slug]; ok && o != i {
			return o, true
		}
		o, ok := aliasOf[slug]
		return o, ok && o != i
	}
	claim := func(i int, slug string) bool {
		if _, ok := taken(i, slug); ok {
			return false
		}
		owner[slug], out[i].Slug = i, slug
		return true
	}
	// First the documents that keep their address, then the earlier
	// addresses, which nobody else may take.
	for i, c := range claims {
		if e := known[c.ID]; e.Slug == c.Base || e.Slug == c.Base+"-"+Suffix(c.ID) {
			claim(i, e.Slug)
		}
	}
	for i, c := range claims {
		e := known[c.ID]
		for _, s := range append(slices.Clone(e.Old), e.Slug) {
			if _, ok := taken(-1, s); !ok && s != "" {
				aliasOf[s] = i
			}
		}
	}
	// Then the newcomers and the documents that move, by id.
	for i, c := range claims {
		later := c.Base + "-" + Suffix(c.ID)
		if out[i].Slug == "" && !claim(i, c.Base) && !claim(i, later) {
			first, _ := taken(i, c.Base)
			second, _ := taken(i, later)
			return nil, fmt.Errorf("%s: its addresses documents/%s/ and documents/%s/ are taken by %s and %s: rename the seed",
				c.File, c.Base, later, claims[first].File, claims[second].File)
		}
		if !Shape.MatchString(out[i].Slug) {
			return nil, fmt.Errorf("%s: address %q is not made of a-z, 0-9 and hyphens", c.File, out[i].Slug)
		}
	}
	for s, i := range aliasOf {
		if s != out[i].Slug {
			out[i].Old = append(out[i].Old, s)
		}
	}
	for i := range out {
		slices.Sort(out[i].Old)
	}
	return out, nil
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
