package convert

import (
	"testing"
)

// TestDocs: Prepare with KeepDocs gives every document in every version,
// also when nothing changed since the last run.
func TestDocs(t *testing.T) {
	root := newRoot(t, map[string]string{"seeds/a.txt": seedA, "seeds/a.en.md": seedAen, "seeds/b.txt": seedA})
	for run := range 2 {
		p, err := Prepare(root, KeepDocs)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Commit(); err != nil {
			t.Fatal(err)
		}
		res := p.Result()
		if len(res.Docs) != 2 {
			t.Fatalf("run %d: %d documents", run, len(res.Docs))
		}
		a, b := res.Docs[0], res.Docs[1]
		if a.ID != "a" || a.Slug != "2016-03-03-beograd-zakljucci" || b.ID != "b" || b.Slug != "2016-03-03-beograd-zakljucci-b" {
			t.Errorf("run %d: documents %s %s, %s %s", run, a.ID, a.Slug, b.ID, b.Slug)
		}
		var langs []string
		for _, v := range a.Versions {
			langs = append(langs, v.Lang)
		}
		if got := len(langs); got != 3 || langs[0] != "sr" || langs[1] != "sr-latn" || langs[2] != "en" {
			t.Errorf("run %d: versions %v", run, langs)
		}
		if a.Versions[1].Doc.Title != "Naslov" || a.Versions[2].Doc.Title != "Title" || a.Versions[0].SourceFile != "seeds/a.txt" {
			t.Errorf("run %d: titles %q %q", run, a.Versions[1].Doc.Title, a.Versions[2].Doc.Title)
		}
	}
}
