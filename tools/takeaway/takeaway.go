// Package takeaway writes what a reader takes away from the site, into
// the folder Hugo built: for each document and version, the citation in
// BibTeX, RIS and CSL-JSON (package cite) and an EPUB (package epub),
// beside the version's page; the document as data (package docdata) and
// the catalogue of all documents.
//
// Where the files are, under the site's root (a language's prefix is ""
// for config.toml's defaultContentLanguage and "<lang>/" for the others):
//
//	<prefix>documents/<slug>/<slug>.<lang>.bib    BibTeX (biblatex)
//	<prefix>documents/<slug>/<slug>.<lang>.ris    RIS
//	<prefix>documents/<slug>/<slug>.<lang>.json   CSL-JSON
//	<prefix>documents/<slug>/<slug>.<lang>.epub   EPUB 3
//	data/<slug>.json                              the document as data
//	data/catalogue.json                           every document
//
// The document page's Cite section (layouts/_partials/cite.html) links to
// the same addresses. publish.Build calls Write after Hugo's build and
// before the offline copy is packed, so the copy has them too.
package takeaway

import (
	"bytes"
	"cmp"
	"errors"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/regionaldialogue/site/tools/cite"
	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/docdata"
	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/epub"
	"github.com/regionaldialogue/site/tools/internal/workers"
	"github.com/regionaldialogue/site/tools/siteconfig"
)

// Site is the site model with the address the site is built for.
type Site struct {
	*siteconfig.Site
	// Base is the site's absolute base address ending in "/", or nil when
	// the site is built without one: then the citations have no address
	// and the data's addresses are relative.
	Base *url.URL
}

// NewSite returns the site model cfg built for baseURL ("" for
// config.toml's).
func NewSite(cfg *siteconfig.Site, baseURL string) *Site {
	return &Site{Site: cfg, Base: siteconfig.Base(cmp.Or(baseURL, cfg.BaseURL))}
}

// PagePath is the path of a document's page in lang, under the site's root.
func (s *Site) PagePath(lang, slug string) string {
	return s.Prefix(lang) + "documents/" + slug + "/"
}

// FilePath is the path of a version's download with extension ext.
func (s *Site) FilePath(lang, slug, ext string) string {
	return s.PagePath(lang, slug) + slug + "." + lang + ext
}

// DataPath is the path of a document's JSON.
func DataPath(slug string) string { return "data/" + slug + ".json" }

// CataloguePath is the path of the catalogue.
const CataloguePath = "data/catalogue.json"

// Abs returns the absolute address of p, a path under the site's root,
// or "" when the site has no absolute address.
func (s *Site) Abs(p string) string {
	if s.Base == nil {
		return ""
	}
	return s.Base.String() + p
}

// Ref returns the address of p as written in a file at from, both paths
// under the site's root: absolute when the site has an absolute address,
// relative to from otherwise.
func (s *Site) Ref(from, p string) string {
	if a := s.Abs(p); a != "" {
		return a
	}
	up := strings.Repeat("../", strings.Count(from, "/"))
	return up + p
}

// Write writes every document's files into public, the folder Hugo built
// (or builds: Write touches no file Hugo makes). Documents are written
// in parallel, one per processor at a time; each file's bytes depend on
// its document alone.
func Write(public string, site *Site, docs []convert.Doc) error {
	out := output{public}
	errs := make([]error, len(docs))
	books := make([]*epub.Writer, runtime.GOMAXPROCS(0)) // a worker's own
	for w := range books {
		books[w] = epub.NewWriter()
	}
	workers.Each(len(books), len(docs), func(w, i int) { errs[i] = out.writeDoc(site, books[w], &docs[i]) })
	if err := errors.Join(errs...); err != nil {
		return err
	}
	data, err := docdata.Marshal(Catalogue(site, docs))
	if err != nil {
		return err
	}
	return out.write(path.Dir(CataloguePath), map[string][]byte{path.Base(CataloguePath): data})
}

// output is where Write writes: the folder public.
type output struct {
	public string
}

func (out output) writeDoc(site *Site, books *epub.Writer, d *convert.Doc) error {
	var orig *cite.Work
	for i := range d.Versions {
		v := &d.Versions[i]
		w := Work(site, d, v, orig)
		if i == 0 {
			orig = w
		}
		var book bytes.Buffer
		if err := books.Write(&book, Book(site, d, v)); err != nil {
			return err
		}
		name := func(ext string) string { return path.Base(site.FilePath(v.Lang, d.Slug, ext)) }
		files := map[string][]byte{name(".bib"): cite.BibTeX(w), name(".ris"): cite.RIS(w), name(".json"): cite.CSL(w), name(".epub"): book.Bytes()}
		if err := out.write(site.PagePath(v.Lang, d.Slug), files); err != nil {
			return err
		}
	}
	data, err := docdata.Marshal(Data(site, d))
	if err != nil {
		return err
	}
	return out.write(path.Dir(DataPath(d.Slug)), map[string][]byte{path.Base(DataPath(d.Slug)): data})
}

// write writes files (name → bytes) into the folder dir, a slash path
// under out.public, making the folder first if need be.
func (out output) write(dir string, files map[string][]byte) error {
	folder := filepath.Join(out.public, filepath.FromSlash(dir))
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return err
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(folder, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Work is the citation of version v of d; orig is the original's, nil
// for the original itself.
func Work(site *Site, d *convert.Doc, v *convert.Version, orig *cite.Work) *cite.Work {
	doc := v.Doc
	return &cite.Work{
		Key: d.Slug + "-" + v.Lang, Issuers: v.Issuers,
		Title: doc.Title, Subtitle: doc.Subtitle, Type: doc.Type, Event: v.Event, Place: doc.Place,
		Start: doc.Start, End: doc.End, Locale: site.Locale(v.Lang),
		URL:       site.Abs(site.PagePath(v.Lang, d.Slug)),
		Reference: v.Reference, PublicationURL: v.PublicationURL,
		Original: orig, Transliterated: v.Transliterated,
	}
}

// Book is the EPUB of version v of d.
func Book(site *Site, d *convert.Doc, v *convert.Version) *epub.Book {
	doc, lang := v.Doc, v.Lang
	T := func(key string) string { return site.T(lang, key, nil) }
	b := &epub.Book{
		Name: d.ID + "." + lang, Locale: site.Locale(lang),
		Title: doc.Title, Subtitle: doc.Subtitle, Issuers: v.Issuers,
		PlaceDate: v.Wording.PlaceDates,
		Date:      doc.Start.String(), Modified: doc.Start.Time(),
		URL: site.Abs(site.PagePath(lang, d.Slug)), Doc: doc,
		Labels: epub.Labels{Contents: T("contents"), TitlePage: T("titlePage")},
	}
	a := &b.About
	a.Heading, a.Notice = T("about"), T("aboutOriginal")
	if v.Transliterated || v.TranslationFile != "" {
		a.Notice = T("aboutTranslation")
		if v.Transliterated {
			a.Notice = T("aboutTransliterated")
		}
		o := d.Versions[0]
		a.Original = &epub.Link{Title: o.Doc.Title, Locale: site.Locale(o.Lang), URL: site.Abs(site.PagePath(o.Lang, d.Slug))}
	}
	a.Facts = []epub.Fact{
		{Term: T("documentType"), Desc: doc.Type},
		{Term: T("place"), Desc: doc.Place},
		{Term: T("dates"), Desc: v.Wording.Dates},
	}
	if v.TranslationFile == "" && doc.DateLine != "" {
		a.Facts = append(a.Facts, epub.Fact{Term: T("dateLine"), Desc: doc.DateLine})
	}
	a.Facts = append(a.Facts,
		epub.Fact{Term: T("sourceFile"), Desc: doc.Source, Code: true},
		epub.Fact{Term: T("sourceSHA256"), Desc: doc.SourceSHA256, Code: true})
	return b
}

// relation names how v derives from the original.
func relation(v *convert.Version) string {
	switch {
	case v.Transliterated:
		return docdata.Transliteration
	case v.TranslationFile != "":
		return docdata.Translation
	}
	return docdata.Original
}

// files are the addresses of v's downloads, as written in a file at from.
func files(site *Site, from, slug, lang string) docdata.Files {
	ref := func(ext string) string { return site.Ref(from, site.FilePath(lang, slug, ext)) }
	return docdata.Files{BibTeX: ref(".bib"), RIS: ref(".ris"), CSL: ref(".json"), EPUB: ref(".epub")}
}

// Data is the document as data.
func Data(site *Site, d *convert.Doc) *docdata.Document {
	from := DataPath(d.Slug)
	orig := d.Versions[0].Doc
	out := &docdata.Document{
		ID: d.ID, Slug: d.Slug, Start: orig.Start.String(), End: orig.End.String(),
		OriginalLanguage: d.Versions[0].OriginalLang,
		Reference:        d.Versions[0].Reference, PublicationURL: d.Versions[0].PublicationURL,
		Source: docdata.Source{Name: orig.Source, SHA256: orig.SourceSHA256},
	}
	for i := range d.Versions {
		v := &d.Versions[i]
		doc := v.Doc
		dv := docdata.Version{
			Lang: v.Lang, Locale: site.Locale(v.Lang), Relation: relation(v),
			Title: doc.Title, Subtitle: doc.Subtitle, Type: doc.Type, Place: doc.Place,
			Dates: v.Wording.Dates, PlaceDates: v.Wording.PlaceDates,
			Issuers: slices.Clip(append([]string{}, v.Issuers...)), Event: v.Event,
			URL:   site.Ref(from, site.PagePath(v.Lang, d.Slug)),
			Files: files(site, from, d.Slug, v.Lang),
		}
		if v.TranslationFile == "" {
			dv.DateLine = doc.DateLine
		}
		for n := range doc.Passages() {
			dv.Blocks = append(dv.Blocks, docdata.Block{ID: n.ID, Kind: dataKind(doc, n), Text: n.Text})
		}
		out.Versions = append(out.Versions, dv)
	}
	return out
}

// dataKind names a passage's kind in the data: heading, paragraph,
// numbered-item, bulleted-item, or sub-item (an item nested in an item).
func dataKind(doc *document.Document, n document.Node) string {
	switch {
	case n.Kind != document.ListItem:
		return n.Kind.String()
	case n.Depth > 1:
		return "sub-item"
	case doc.Blocks[n.Block].Kind == document.NumberedList:
		return "numbered-item"
	}
	return "bulleted-item"
}

// Catalogue lists every document.
func Catalogue(site *Site, docs []convert.Doc) *docdata.Catalogue {
	c := &docdata.Catalogue{Documents: []docdata.Entry{}}
	for i := range docs {
		d := &docs[i]
		e := docdata.Entry{ID: d.ID, Slug: d.Slug, Start: d.Versions[0].Doc.Start.String(),
			Data: site.Ref(CataloguePath, DataPath(d.Slug))}
		for j := range d.Versions {
			v := &d.Versions[j]
			e.Versions = append(e.Versions, docdata.EntryVersion{
				Lang: v.Lang, Locale: site.Locale(v.Lang), Relation: relation(v), Title: v.Doc.Title,
				URL:   site.Ref(CataloguePath, site.PagePath(v.Lang, d.Slug)),
				Files: files(site, CataloguePath, d.Slug, v.Lang),
			})
		}
		c.Documents = append(c.Documents, e)
	}
	return c
}
