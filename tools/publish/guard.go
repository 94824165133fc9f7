package publish

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/internal/workers"
)

// debris is what a template or a format string leaves in its output when
// it goes wrong: an action printed instead of run ({{), a printf verb
// with too many or too few arguments (%!(EXTRA …), %!s(MISSING)), a
// missing value (<no value>), and what html/template writes for a value
// it refuses (ZgotmplZ).
var debris = []*regexp.Regexp{
	regexp.MustCompile(`\{\{`), regexp.MustCompile(`%![a-zA-Z]?\(`),
	regexp.MustCompile(`<no value>`), regexp.MustCompile(`ZgotmplZ`),
}

// binary are the files that hold no text to check; an EPUB's entries are
// checked one by one.
var binary = map[string]bool{".png": true, ".jpg": true, ".gif": true, ".webp": true, ".ico": true,
	".woff": true, ".woff2": true, ".pdf": true, ".zip": true}

// checkDebris refuses a site in dir any of whose files (pages, feeds, the
// search index, data, citations, the EPUBs' XHTML) holds debris, naming
// the first such file. A marker that a document's own text holds is not
// debris there, nor BibTeX's {{ (a name kept whole, {{Committee}}).
func checkDebris(dir string, docs []convert.Doc) error {
	markers := slices.DeleteFunc(slices.Clone(debris), func(m *regexp.Regexp) bool { return inText(docs, m) })
	if len(markers) == 0 {
		return nil
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !binary[path.Ext(d.Name())] {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(files)
	errs := make([]error, len(files))
	workers.Each(runtime.GOMAXPROCS(0), len(files), func(_, i int) { errs[i] = checkFile(dir, files[i], markers) })
	for _, err := range errs {
		if err != nil {
			return err // the first by path, whatever finished first
		}
	}
	return nil
}

// checkFile checks the file p under dir, or each entry of an EPUB.
func checkFile(dir, p string, markers []*regexp.Regexp) error {
	rel, _ := filepath.Rel(dir, p)
	rel = filepath.ToSlash(rel)
	if path.Ext(p) != ".epub" {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return checkBytes(rel, data, markers)
	}
	z, err := zip.OpenReader(p)
	if err != nil {
		return fmt.Errorf("%s: %v", rel, err)
	}
	defer z.Close()
	for _, f := range z.File {
		if binary[path.Ext(f.Name)] {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %s: %v", rel, f.Name, err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return fmt.Errorf("%s: %s: %v", rel, f.Name, err)
		}
		if err := checkBytes(rel+": "+f.Name, data, markers); err != nil {
			return err
		}
	}
	return nil
}

func checkBytes(name string, data []byte, markers []*regexp.Regexp) error {
	for _, m := range markers {
		if m == debris[0] && strings.HasSuffix(name, ".bib") {
			continue
		}
		if loc := m.FindIndex(data); loc != nil {
			line := 1 + bytes.Count(data[:loc[0]], []byte("\n"))
			return fmt.Errorf("%s:%d: holds %q, left by a template or format string that went wrong; nothing was published", name, line, data[loc[0]:loc[1]])
		}
	}
	return nil
}

// inText reports whether any version of docs holds m in its words.
func inText(docs []convert.Doc, m *regexp.Regexp) bool {
	for _, d := range docs {
		for _, v := range d.Versions {
			doc := v.Doc
			if m.MatchString(doc.Title + "\n" + doc.Subtitle + "\n" + doc.DateLine + "\n" + doc.Place) {
				return true
			}
			for n := range doc.Passages() {
				if m.MatchString(n.Text) {
					return true
				}
			}
		}
	}
	return false
}
