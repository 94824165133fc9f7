package convert

import (
	"github.com/regionaldialogue/site/tools/address"

	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedOn returns seedA held on another day and with a word of its own.
func seedOn(day, word string) string {
	return strings.Replace(strings.Replace(seedA, "3. март", day+". март", 1), "прво", word, 1)
}

// addressesOf returns every document's address, by id, and its pages'
// aliases, as the files in content/ hold them after a run.
func addressesOf(t *testing.T, root string) map[string]string {
	t.Helper()
	known, _, err := address.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for id, a := range known {
		got[id] = a.Slug
		if len(a.Old) > 0 {
			got[id] += " aliases " + strings.Join(a.Old, " ")
		}
	}
	return got
}

// TestAddresses runs the converter over a sequence of seeds/ folders, as
// an editor changes them, and checks every document's address and aliases
// after each step: an address, once given, does not move to another
// document, whatever the ids' order.
func TestAddresses(t *testing.T) {
	const plain = "2016-03-03-beograd-zakljucci"
	type step struct {
		write  map[string]string // files to write (relative to the root); "" removes it
		want   map[string]string // id → address (and " aliases …")
		remove []string          // the pages the run removes
		err    string
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"a newcomer first by id does not take an address", []step{
			{write: map[string]string{"seeds/x_b.txt": seedOn("3", "б"), "seeds/x_b.en.md": seedAen}, want: map[string]string{"x_b": plain}},
			{write: map[string]string{"seeds/x_a.txt": seedOn("3", "а")}, want: map[string]string{"x_b": plain, "x_a": plain + "-a"}},
		}},
		{"on a first run the first by id has the plain address", []step{
			{write: map[string]string{"seeds/x_b.txt": seedOn("3", "б"), "seeds/x_a.txt": seedOn("3", "а")}, want: map[string]string{"x_a": plain, "x_b": plain + "-b"}},
		}},
		{"ids that differ in what an address cannot hold", []step{
			{write: map[string]string{"seeds/v.txt": seedOn("3", "1"), "seeds/v_.txt": seedOn("3", "2"), "seeds/V#.txt": seedOn("3", "3"), "seeds/ж_Ђ.txt": seedOn("3", "4"), "seeds/_.txt": seedOn("3", "5")},
				err: "seeds/v_.txt: its addresses documents/" + plain + "/ and documents/" + plain + "-v/ are taken by seeds/V#.txt and seeds/v.txt: rename the seed"},
			{write: map[string]string{"seeds/V#.txt": ""},
				want: map[string]string{"_": plain, "v": plain + "-v", "v_": "", "ж_Ђ": plain + "-dj"},
				err:  "seeds/v_.txt: its addresses documents/" + plain + "/ and documents/" + plain + "-v/ are taken by seeds/_.txt and seeds/v.txt: rename the seed"},
			{write: map[string]string{"seeds/v_.txt": ""},
				want: map[string]string{"_": plain, "v": plain + "-v", "ж_Ђ": plain + "-dj"}},
		}},
		{"a corrected date moves the address and keeps the old one as an alias", []step{
			{write: map[string]string{"seeds/x_a.txt": seedOn("3", "а"), "seeds/x_a.en.md": seedAen}, want: map[string]string{"x_a": plain}},
			{write: map[string]string{"seeds/x_a.txt": seedOn("5", "а")}, want: map[string]string{"x_a": "2016-03-05-beograd-zakljucci aliases " + plain},
				remove: []string{"content/documents/" + plain + ".en.md", "content/documents/" + plain + ".sr-latn.md", "content/documents/" + plain + ".sr.md"}},
			// The old address is the moved document's: a newcomer does not take it.
			{write: map[string]string{"seeds/x_b.txt": seedOn("3", "б")}, want: map[string]string{"x_a": "2016-03-05-beograd-zakljucci aliases " + plain, "x_b": plain + "-b"}},
			// Moved again, it keeps both old addresses.
			{write: map[string]string{"seeds/x_a.txt": seedOn("6", "а")}, want: map[string]string{"x_a": "2016-03-06-beograd-zakljucci aliases " + plain + " 2016-03-05-beograd-zakljucci", "x_b": plain + "-b"},
				remove: []string{"content/documents/2016-03-05-beograd-zakljucci.en.md", "content/documents/2016-03-05-beograd-zakljucci.sr-latn.md", "content/documents/2016-03-05-beograd-zakljucci.sr.md"}},
			// Back to its first date, it has its first address again.
			{write: map[string]string{"seeds/x_a.txt": seedOn("3", "а")}, want: map[string]string{"x_a": plain + " aliases 2016-03-05-beograd-zakljucci 2016-03-06-beograd-zakljucci", "x_b": plain + "-b"},
				remove: []string{"content/documents/2016-03-06-beograd-zakljucci.en.md", "content/documents/2016-03-06-beograd-zakljucci.sr-latn.md", "content/documents/2016-03-06-beograd-zakljucci.sr.md"}},
		}},
		{"a removed document frees its address", []step{
			{write: map[string]string{"seeds/x_b.txt": seedOn("3", "б")}, want: map[string]string{"x_b": plain}},
			{write: map[string]string{"seeds/x_b.txt": "", "seeds/x_c.txt": seedOn("3", "ц")}, want: map[string]string{"x_c": plain}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := newRoot(t, nil)
			for i, s := range tt.steps {
				for name, data := range s.write {
					if data == "" {
						os.Remove(filepath.Join(root, name))
					} else {
						writeTestFile(t, filepath.Join(root, name), []byte(data))
					}
				}
				res, err := Run(root)
				if s.err != "" {
					if err == nil || err.Error() != s.err {
						t.Fatalf("step %d: error %v\nwant %s", i+1, err, s.err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("step %d: %v", i+1, err)
				}
				got := addressesOf(t, root)
				for id, want := range s.want {
					if got[id] != want {
						t.Errorf("step %d: %s has address %q, want %q", i+1, id, got[id], want)
					}
				}
				if !slices.Equal(res.Removed, s.remove) {
					t.Errorf("step %d: removed %q, want %q", i+1, res.Removed, s.remove)
				}
			}
		})
	}
}

// TestAliasesInFrontMatter checks how a moved page names its old address.
func TestAliasesInFrontMatter(t *testing.T) {
	root := newRoot(t, map[string]string{"seeds/x.txt": seedOn("3", "а")})
	if _, err := Run(root); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(root, "seeds/x.txt"), []byte(seedOn("5", "а")))
	if _, err := Run(root); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(root, "content/documents/2016-03-05-beograd-zakljucci.sr-latn.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "\naliases:\n  - /documents/2016-03-03-beograd-zakljucci/\n---\n"; !strings.Contains(string(page), want) {
		t.Errorf("page lacks %q:\n%s", want, page)
	}
}

// FuzzAddresses converts two documents of the same date, place and type
// with any two ids: each gets an address of ASCII letters, digits and
// hyphens, and the two differ; or the error names both seeds.
func FuzzAddresses(f *testing.F) {
	for _, ids := range [][2]string{{"a", "b"}, {"v", "v_"}, {"x_b2", "y_B2"}, {"ж", "Ж"}, {"a b", "a-b"}, {"%", "{}"}} {
		f.Add(ids[0], ids[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, id := range []string{a, b} {
			if id == "" || !utf8.ValidString(id) || strings.ContainsAny(id, "/.\x00") || len(id) > 100 {
				t.Skip("not a seed's id: a file name in seeds/ holds no slash, dot or NUL")
			}
		}
		if a == b {
			t.Skip("one file, not two")
		}
		root := newRoot(t, map[string]string{"seeds/" + a + ".txt": seedOn("3", "а"), "seeds/" + b + ".txt": seedOn("3", "б")})
		p, err := Prepare(root, KeepDocs)
		if err != nil {
			if msg := err.Error(); !strings.Contains(msg, "seeds/"+a+".txt") || !strings.Contains(msg, "seeds/"+b+".txt") {
				t.Fatalf("error names not both seeds: %v", err)
			}
			return
		}
		defer p.Discard()
		docs := p.Result().Docs
		if len(docs) != 2 || docs[0].Slug == docs[1].Slug {
			t.Fatalf("addresses %+v", docs)
		}
		for _, d := range docs {
			if !address.Shape.MatchString(d.Slug) {
				t.Errorf("%q: address %q", d.ID, d.Slug)
			}
		}
	})
}
