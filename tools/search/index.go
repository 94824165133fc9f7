package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/document"
)

// Dir is the index's folder under each language's root of the site, beside
// the search page (search/index.html), whose script loads it by relative
// addresses.
const Dir = "search"

// KeyLen is how many letters of a word key its shard; a query's word of
// KeyLen letters or more matches every word it is a prefix of.
const KeyLen = 3

// WriteSite writes the index of docs into the built site at site for every
// language, each into the search/ folder under that language's root;
// prefix(lang) is the root's path under site ("" or "<lang>/").
func WriteSite(site string, prefix func(lang string) string, docs []convert.Doc) error {
	langs := Languages(docs)
	// One language's index a goroutine: they share nothing.
	errs := make([]error, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		rel := path.Join(prefix(lang), Dir)
		wg.Go(func() {
			errs[i] = write(filepath.Join(site, filepath.FromSlash(rel)), Build(docs, lang).Files())
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Languages returns the language keys of docs' versions, sorted.
func Languages(docs []convert.Doc) []string {
	var langs []string
	for _, d := range docs {
		for _, v := range d.Versions {
			if !slices.Contains(langs, v.Lang) {
				langs = append(langs, v.Lang)
			}
		}
	}
	slices.Sort(langs)
	return langs
}

// Index is one language's index.
type Index struct {
	Lang string
	// Docs are the documents that have a version in Lang, newest first
	// (by first day, then by id); a document's number is its place here.
	Docs []Entry
	// Postings maps each folded word to the documents it occurs in,
	// ascending.
	Postings map[string][]Posting
}

// Entry is one document as the results show it. Blocks[0] is the
// document's heading (title, subtitle, type and place, with no id); the
// others are its headings, paragraphs and list items in reading order.
type Entry struct {
	Slug, Title, Subtitle, Place, Type string
	Start, End                         string // YYYY-MM-DD
	// Wording is the version's type, place and dates as every output
	// words them (siteconfig.Wording.TypePlaceDates): search.js prints it.
	Wording string
	Blocks  []Block
}

// Block is a block's id (its fragment) and text.
type Block struct{ ID, Text string }

// Posting is a word's occurrence in document Doc; Title says whether it
// is in the document's heading (title, subtitle, type, place). Which of
// the document's blocks hold it, search.js finds in the document's text,
// which it loads for the results it shows anyway: so a shard stays small
// however many blocks hold a common word.
type Posting struct {
	Doc   int
	Title bool
}

// Build makes the index of the versions of docs in lang.
func Build(docs []convert.Doc, lang string) *Index {
	type dated struct {
		id  string
		doc *document.Document
		e   Entry
	}
	var all []dated
	for _, d := range docs {
		for _, v := range d.Versions {
			if v.Lang != lang || v.Doc == nil {
				continue
			}
			all = append(all, dated{d.ID, v.Doc, entry(d.Slug, v.Doc, v.Wording.TypePlaceDates)})
		}
	}
	slices.SortStableFunc(all, func(a, b dated) int {
		if c := strings.Compare(b.e.Start, a.e.Start); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	ix := &Index{Lang: lang, Postings: map[string][]Posting{}}
	for n, d := range all {
		ix.Docs = append(ix.Docs, d.e)
		seen := map[string]bool{}
		for b, blk := range d.e.Blocks {
			text := blk.Text
			if b == 0 {
				text = strings.Join([]string{d.e.Title, d.e.Subtitle, d.e.Type, d.e.Place}, " ")
			}
			for _, w := range Words(text, lang) {
				if utf8.RuneCountInString(w) < 2 || seen[w] {
					continue
				}
				seen[w] = true
				ix.Postings[w] = append(ix.Postings[w], Posting{n, b == 0})
			}
		}
	}
	return ix
}

func entry(slug string, d *document.Document, wording string) Entry {
	e := Entry{Slug: slug, Title: d.Title, Subtitle: d.Subtitle, Place: d.Place, Type: d.Type,
		Start: d.Start.String(), End: d.End.String(), Wording: wording, Blocks: []Block{{}}}
	for n := range d.Passages() {
		e.Blocks = append(e.Blocks, Block{n.ID, n.Text})
	}
	return e
}

// Key returns the shard key of a folded word: its first KeyLen letters, or
// the word itself when shorter.
func Key(w string) string {
	n := 0
	for i := range w {
		if n == KeyLen {
			return w[:i]
		}
		n++
	}
	return w
}

// FileName spells a key as a file name: ASCII letters and digits as they
// are, any other rune as _ and its code point in hex and _ ("αβγ" →
// "_3b1__3b2__3b3_").
func FileName(key string) string {
	var b strings.Builder
	for _, r := range key {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteString("_" + strconv.FormatInt(int64(r), 16) + "_")
		}
	}
	return b.String()
}

// Files returns the index's files by path relative to its folder, each a
// script that calls a registration function: k.js (the shard names),
// t/<name>.js (the shards) and d/<n>.js (the documents).
//
// A shard is searchShard(name, {word: postings, …}), the words sorted, the
// postings of a word a list of numbers, one for each document it occurs
// in: twice the document's number minus the previous one's (the first's
// from -1), plus one when the word is in the document's heading.
func (ix *Index) Files() map[string][]byte {
	shards := map[string][]string{}
	for w := range ix.Postings {
		name := FileName(Key(w))
		shards[name] = append(shards[name], w)
	}
	names := make([]string, 0, len(shards))
	for name := range shards {
		names = append(names, name)
	}
	slices.Sort(names)
	files := map[string][]byte{}
	files["k.js"] = []byte("searchKeys(" + jsonString(strings.Join(names, " ")) + ");\n")
	for _, name := range names {
		words := shards[name]
		slices.Sort(words)
		var b bytes.Buffer
		b.WriteString("searchShard(" + jsonString(name) + ",{")
		for i, w := range words {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(jsonString(w) + ":[")
			writePostings(&b, ix.Postings[w])
			b.WriteByte(']')
		}
		b.WriteString("});\n")
		files["t/"+name+".js"] = b.Bytes()
	}
	for n, e := range ix.Docs {
		blocks := make([][2]string, len(e.Blocks)-1)
		for i, blk := range e.Blocks[1:] {
			blocks[i] = [2]string{blk.ID, blk.Text}
		}
		doc := struct {
			Slug     string      `json:"s"`
			Title    string      `json:"t"`
			Subtitle string      `json:"u,omitempty"`
			Place    string      `json:"p"`
			Type     string      `json:"y"`
			Wording  string      `json:"w"`
			Blocks   [][2]string `json:"b"`
		}{e.Slug, e.Title, e.Subtitle, e.Place, e.Type, e.Wording, blocks}
		data, err := json.Marshal(doc)
		if err != nil {
			panic(err) // strings only: cannot fail
		}
		files["d/"+strconv.Itoa(n)+".js"] = fmt.Appendf(nil, "searchDoc(%d,%s);\n", n, data)
	}
	return files
}

func writePostings(b *bytes.Buffer, ps []Posting) {
	prev := -1
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		v := (p.Doc - prev) * 2
		if p.Title {
			v++
		}
		b.WriteString(strconv.Itoa(v))
		prev = p.Doc
	}
}

func jsonString(s string) string {
	data, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(data)
}

// write writes files (slash paths under dir → bytes) into dir, replacing
// what an earlier build left there.
func write(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(filepath.Join(dir, "t")); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(dir, "d")); err != nil {
		return err
	}
	for _, sub := range []string{"t", "d"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	for p, data := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
