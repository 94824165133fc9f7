package convert

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/internal/hugomd"
	"github.com/regionaldialogue/site/tools/pages"
)

// TestCommittedContentUpToDate fails when content/ or i18n/sr-latn.toml,
// as committed, differ from what the converter makes of seeds/: someone
// edited a generated file, or changed a seed or the converter without
// running `go run ./tools/site convert`.
func TestCommittedContentUpToDate(t *testing.T) {
	p, err := Prepare("../..")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Discard()
	for _, rel := range p.changes {
		got, err := os.ReadFile(filepath.Join("../..", rel))
		if err != nil {
			t.Errorf("%s: %v (run go run ./tools/site convert)", rel, err)
			continue
		}
		want, _ := os.ReadFile(filepath.Join(p.stage, rel))
		t.Errorf("%s differs from what the converter generates (run go run ./tools/site convert):\n%s", rel, lineDiff(want, got))
	}
	for _, rel := range p.removes {
		t.Errorf("%s is a generated page of no seed (run go run ./tools/site convert)", rel)
	}
}

// TestRerunWritesWhatDiffers checks that a rerun with nothing changed
// writes nothing, and that a changed seed and a hand edit of a generated
// page are noticed: a rerun compares every page's bytes with the file.
func TestRerunWritesWhatDiffers(t *testing.T) {
	root := newRoot(t, map[string]string{"seeds/a.txt": seedA, "seeds/a.en.md": seedAen, "seeds/b.txt": strings.Replace(seedA, "3. март", "4. март", 1)})
	res, err := Run(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 5 {
		t.Fatalf("first run: wrote %v", res.Written)
	}
	res, err = Run(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 0 || res.Pages["sr"] != 2 || res.Pages["en"] != 1 {
		t.Fatalf("rerun: wrote %v, pages %v", res.Written, res.Pages)
	}
	// A hand edit of a generated page is undone.
	page := filepath.Join(root, "content/documents/2016-03-04-beograd-zakljucci.sr.md")
	data, _ := os.ReadFile(page)
	os.WriteFile(page, append(data, "edited\n"...), 0o644)
	// A changed seed is converted again.
	os.WriteFile(filepath.Join(root, "seeds/a.txt"), []byte(strings.Replace(seedA, "прво", "прво и прво", 1)), 0o644)
	res, err = Run(root)
	if err != nil {
		t.Fatal(err)
	}
	// The English page changes too: it names the seed's SHA-256.
	want := "content/documents/2016-03-03-beograd-zakljucci.en.md content/documents/2016-03-03-beograd-zakljucci.sr-latn.md content/documents/2016-03-03-beograd-zakljucci.sr.md content/documents/2016-03-04-beograd-zakljucci.sr.md"
	if strings.Join(res.Written, " ") != want {
		t.Errorf("after changes: wrote %v\nwant %s", res.Written, want)
	}
	if got, _ := os.ReadFile(page); !bytes.Equal(got, data) {
		t.Errorf("the hand edit of %s was not undone", page)
	}
	// A changed translation changes its page only.
	os.WriteFile(filepath.Join(root, "seeds/a.en.md"), []byte(strings.Replace(seedAen, "first", "the first", 1)), 0o644)
	if res, err = Run(root); err != nil {
		t.Fatal(err)
	}
	if want := "content/documents/2016-03-03-beograd-zakljucci.en.md"; strings.Join(res.Written, " ") != want {
		t.Errorf("after a change to the translation: wrote %v\nwant %s", res.Written, want)
	}
}

// newRoot makes a site root with the repository's config.toml and the
// given files.
func newRoot(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(root, "config.toml"), cfg)
	for name, data := range files {
		writeTestFile(t, filepath.Join(root, name), []byte(data))
	}
	return root
}

const seedA = "Наслов\nБеоград, 3. март 2016.\nЗакључци\nУчесници су се сложили:\n· прво,\n· друго.\n"

const seedAen = "---\ntitle: Title\nplace: Belgrade\n---\n\n## Conclusions\n\nThe participants agreed:\n\n- first,\n- second.\n"

// snapshot records every file under root with its bytes and mtime.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		snap[rel] = info.ModTime().Format(time.RFC3339Nano) + "\n" + string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed", k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s appeared", k)
		}
	}
}

func TestRunWritesPagesAndRerunWritesNothing(t *testing.T) {
	root := newRoot(t, map[string]string{
		"seeds/a.txt":   seedA,
		"seeds/a.en.md": seedAen,
		"i18n/sr.toml":  "[home]\nother = \"Почетна\"\n",
	})
	res, err := Run(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"content/documents/2016-03-03-beograd-zakljucci.en.md",
		"content/documents/2016-03-03-beograd-zakljucci.sr-latn.md",
		"content/documents/2016-03-03-beograd-zakljucci.sr.md",
		"i18n/sr-latn.toml",
	}
	if strings.Join(res.Written, " ") != strings.Join(want, " ") {
		t.Errorf("written %v, want %v", res.Written, want)
	}
	if res.Documents != 1 || res.Pages["sr"] != 1 || res.Pages["sr-latn"] != 1 || res.Pages["en"] != 1 {
		t.Errorf("result %+v", res)
	}
	latin, _ := os.ReadFile(filepath.Join(root, "i18n/sr-latn.toml"))
	if !strings.Contains(string(latin), `other = "Početna"`) || !strings.HasPrefix(string(latin), "# Code generated") {
		t.Errorf("i18n/sr-latn.toml:\n%s", latin)
	}
	// Let a rewrite show in the modification times.
	time.Sleep(20 * time.Millisecond)
	before := snapshot(t, root)
	res, err = Run(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 0 || len(res.Removed) != 0 {
		t.Errorf("rerun wrote %v, removed %v", res.Written, res.Removed)
	}
	sameSnapshot(t, before, snapshot(t, root))
}

func TestRemovedSeedRemovesItsPagesOnly(t *testing.T) {
	root := newRoot(t, map[string]string{
		"seeds/a.txt":   seedA,
		"seeds/a.en.md": seedAen,
		"seeds/b.txt":   strings.Replace(seedA, "3. март", "4. март", 1),
		// Hand-written files the converter must never touch.
		"content/_index.md":          "---\ntitle: Home\n---\n",
		"content/documents/notes.md": "---\ntitle: Notes\n---\n",
	})
	if _, err := Run(root); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(root, "seeds/b.txt"))
	os.Remove(filepath.Join(root, "seeds/a.en.md"))
	res, err := Run(root)
	if err != nil {
		t.Fatal(err)
	}
	want := "content/documents/2016-03-03-beograd-zakljucci.en.md content/documents/2016-03-04-beograd-zakljucci.sr-latn.md content/documents/2016-03-04-beograd-zakljucci.sr.md"
	if got := strings.Join(res.Removed, " "); got != want {
		t.Errorf("removed %s\nwant    %s", got, want)
	}
	for _, keep := range []string{"content/_index.md", "content/documents/notes.md", "content/documents/2016-03-03-beograd-zakljucci.sr.md"} {
		if _, err := os.Stat(filepath.Join(root, keep)); err != nil {
			t.Errorf("%s: %v", keep, err)
		}
	}
}

// TestErrorsChangeNothing runs the converter over bad inputs, after a good
// run, and checks the error and that no file changed.
func TestErrorsChangeNothing(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		err   string
	}{
		{"empty seed", map[string]string{"seeds/z.txt": " \n"}, "seeds/z.txt:1: empty file: a seed needs a title, a date line and text"},
		{"no date line", map[string]string{"seeds/z.txt": "Наслов\n- поднаслов -\nЗакључци\nТекст.\n"}, `seeds/z.txt:3: no date line: expected "Place, DD. month YYYY."`},
		{"no title", map[string]string{"seeds/z.txt": "Београд, 3. март 2016.\nЗакључци\nТекст.\n"}, "seeds/z.txt:1: no title: the first line is the date line"},
		{"Windows-1251", map[string]string{"seeds/z.txt": "\xcd\xe0\xf1\xeb\xee\xe2\n"}, "seeds/z.txt:1: file is not UTF-8; it looks like Windows-1251 (Cyrillic); convert it with: iconv -f WINDOWS-1251 -t UTF-8 seeds/z.txt > converted.txt && mv converted.txt seeds/z.txt"},
		{"UTF-16", map[string]string{"seeds/z.txt": "\xff\xfe\x1d\x04"}, "seeds/z.txt:1: file is UTF-16 text, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 seeds/z.txt > converted.txt && mv converted.txt seeds/z.txt"},
		{"NUL", map[string]string{"seeds/z.txt": "Наслов\x00\n"}, "seeds/z.txt:1: NUL byte at column 7: this is not a plain-text export"},
		{"Macedonian letter", map[string]string{"seeds/z.txt": "Наслов\nБеоград, 3. март 2016.\nЗакључци\nГост из Скопја, „Ѓорѓи“.\n"},
			`seeds/z.txt:4:18: letter Ѓ (U+0403) in "Ѓорѓи" is not in the Serbian alphabet`},
		{"Russian letter in a Latin seed", map[string]string{"seeds/z.txt": "Naslov\nBeograd, 3. mart 2016.\nZaključci\nGost iz Moskve, „Ярослав“.\n"},
			`seeds/z.txt:4:18: letter Я (U+042F) in "Ярослав" is not in the Serbian alphabet`},
		{"word mixing the scripts", map[string]string{"seeds/z.txt": "Наслов\nБеоград, 3. март 2016.\nЗакључци\nРeпублика Србија.\n"},
			`seeds/z.txt:4:1: word "Рeпублика" mixes Cyrillic and Latin letters`},
		{"too large", map[string]string{"seeds/z.txt": strings.Repeat("x", 10<<20+1)}, "seeds/z.txt: file is 10.0 MiB; an input may be at most 10 MiB"},
		{"translation with a block too few", map[string]string{"seeds/a.en.md": strings.Replace(seedAen, "- first,\n- second.\n", "", 1)},
			"seeds/a.en.md:8: the translation ends after 2 blocks; block 3 of the original (seeds/a.txt:5, a bulleted list of 2 items) has no translation"},
		{"translation with an item too many", map[string]string{"seeds/a.en.md": seedAen + "- third.\n"},
			"seeds/a.en.md:10: block 3 is a bulleted list of 3 items, but block 3 of the original (seeds/a.txt:5) is a bulleted list of 2 items"},
		{"translation with another kind of block", map[string]string{"seeds/a.en.md": strings.Replace(seedAen, "- first,\n- second.", "1. first,\n2. second.", 1)},
			"seeds/a.en.md:10: block 3 is a numbered list of 2 items, but block 3 of the original (seeds/a.txt:5) is a bulleted list of 2 items"},
		{"translation without title", map[string]string{"seeds/a.en.md": strings.Replace(seedAen, "title: Title\n", "", 1)}, "seeds/a.en.md:1: front matter: no title"},
		{"translation with unknown key", map[string]string{"seeds/a.en.md": strings.Replace(seedAen, "title:", "titel: x\ntitle:", 1)}, `seeds/a.en.md:1: front matter: unknown key "titel" (known: title, subtitle, place, description)`},
		{"translation into an unknown language", map[string]string{"seeds/a.de.md": seedAen}, `seeds/a.de.md: language "de" is not in config.toml: add [languages.de] and i18n/de.toml`},
		{"translation of no seed", map[string]string{"seeds/q.en.md": seedAen}, "seeds/q.en.md: translation of seeds/q.txt, which does not exist"},
		{"hand-written page in the way", map[string]string{"seeds/c.txt": strings.Replace(seedA, "3. март", "5. март", 1), "content/documents/2016-03-05-beograd-zakljucci.sr.md": "---\ntitle: mine\n---\n"},
			"content/documents/2016-03-05-beograd-zakljucci.sr.md: exists and was not generated by the converter; move it away or delete it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := newRoot(t, map[string]string{"seeds/a.txt": seedA, "seeds/a.en.md": seedAen})
			if _, err := Run(root); err != nil {
				t.Fatal(err)
			}
			for name, data := range tt.files {
				writeTestFile(t, filepath.Join(root, name), []byte(data))
			}
			before := snapshot(t, root)
			_, err := Run(root)
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.ReplaceAll(err.Error(), root+string(filepath.Separator), ""); got != tt.err {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.err)
			}
			sameSnapshot(t, before, snapshot(t, root))
		})
	}
}

// TestRenderedText renders every page the converter writes, for the
// golden cases and the real seed, through goldmark configured as Hugo is,
// and checks that each block comes out with its id and exactly its text.
func TestRenderedText(t *testing.T) {
	roots := []string{"../.."}
	cases, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, c := range cases {
		if ar, _ := txtar.ParseFile(c); !slices.ContainsFunc(ar.Files, func(f txtar.File) bool { return f.Name == "error" }) {
			roots = append(roots, goldenRoot(t, c)) // not the cases of refused input
		}
	}
	for _, root := range roots {
		p, err := Prepare(root, KeepDocs)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range p.Result().Docs {
			for _, v := range d.Versions {
				checkRendered(t, d.ID+" ("+v.Lang+")", v.Doc, v.Version)
			}
		}
	}
}

func checkRendered(t *testing.T, name string, doc *document.Document, v pages.Version) {
	t.Helper()
	page, err := pages.Page(doc, v, "slug")
	if err != nil {
		t.Fatal(err)
	}
	body := page[bytes.Index(page[4:], []byte("\n---\n"))+9:]
	got, err := hugomd.Blocks(body)
	if err != nil {
		t.Fatal(err)
	}
	var want []hugomd.Block
	for _, b := range doc.Blocks {
		switch b.Kind {
		case document.Heading:
			want = append(want, hugomd.Block{Tag: "h2", ID: b.ID, Text: b.Text})
		case document.Paragraph:
			want = append(want, hugomd.Block{Tag: "p", ID: b.ID, Text: b.Text})
		default:
			for _, it := range b.Items {
				want = append(want, hugomd.Block{Tag: "li", ID: it.ID, Text: it.Text})
				for _, sub := range it.Items {
					want = append(want, hugomd.Block{Tag: "li", ID: sub.ID, Text: sub.Text})
				}
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: rendered %d blocks, want %d:\n%v", name, len(got), len(want), got)
		return
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: block %d rendered as\n%+v\nwant\n%+v", name, i+1, got[i], want[i])
		}
	}
}

// TestSameAddress converts two documents of the same day, place and type:
// the first by id has the plain address, the other adds the end of its id;
// a third that comes later keeps away from both, though first by id.
func TestSameAddress(t *testing.T) {
	root := newRoot(t, map[string]string{"seeds/x_b2.txt": seedA, "seeds/x_a1.txt": strings.Replace(seedA, "прво", "нешто друго", 1)})
	for run := range 2 {
		res, err := Run(root)
		if err != nil {
			t.Fatal(err)
		}
		want := "content/documents/2016-03-03-beograd-zakljucci-b2.sr-latn.md content/documents/2016-03-03-beograd-zakljucci-b2.sr.md content/documents/2016-03-03-beograd-zakljucci.sr-latn.md content/documents/2016-03-03-beograd-zakljucci.sr.md"
		if run == 1 {
			want = ""
		}
		if got := strings.Join(res.Written, " "); got != want {
			t.Errorf("run %d wrote %s\nwant      %s", run+1, got, want)
		}
	}
	plain, _ := os.ReadFile(filepath.Join(root, "content/documents/2016-03-03-beograd-zakljucci.sr.md"))
	if !strings.Contains(string(plain), "нешто друго") {
		t.Errorf("the plain address is not x_a1's, the first by id:\n%s", plain)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "content/documents"))
	if len(entries) != 4 {
		t.Errorf("content/documents has %d files, want 4", len(entries))
	}
	// A new document, first by id, does not take an address another
	// document has: it adds the end of its id.
	writeTestFile(t, filepath.Join(root, "seeds/x_a0.txt"), []byte(strings.Replace(seedA, "прво", "најновије", 1)))
	res, err := Run(root)
	if err != nil {
		t.Fatal(err)
	}
	want := "content/documents/2016-03-03-beograd-zakljucci-a0.sr-latn.md content/documents/2016-03-03-beograd-zakljucci-a0.sr.md"
	if got := strings.Join(res.Written, " "); got != want || len(res.Removed) != 0 {
		t.Errorf("wrote %s, removed %v\nwant  %s, nothing removed", got, res.Removed, want)
	}
	for file, word := range map[string]string{"": "нешто друго", "-a0": "најновије", "-b2": "прво,"} {
		data, _ := os.ReadFile(filepath.Join(root, "content/documents/2016-03-03-beograd-zakljucci"+file+".sr.md"))
		if !strings.Contains(string(data), word) {
			t.Errorf("2016-03-03-beograd-zakljucci%s.sr.md lacks %q", file, word)
		}
	}
}

// TestWarningsNameTheLine checks that letters that are not Serbian
// Cyrillic are reported with the line they are on, in the header too.
func TestWarningsNameTheLine(t *testing.T) {
	root := newRoot(t, map[string]string{"seeds/w.txt": "Наслов са EU\n- поднаслов са OEBS -\nЈалта, 3. март 2016.\nЗакључци\nТекст о Beogradu и Novom Sadu (DCAF).\n"})
	res, err := Run(root)
	if err != nil {
		t.Fatal(err)
	}
	const keep = " in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt)"
	want := []string{
		`seeds/w.txt:1:11: warning: Latin word "EU"` + keep,
		`seeds/w.txt:2:16: warning: Latin word "OEBS"` + keep,
		`seeds/w.txt:5:9: warning: Latin word "Beogradu"` + keep,
	}
	if strings.Join(res.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(res.Warnings, "\n"), strings.Join(want, "\n"))
	}
	// A rerun that writes nothing still warns.
	res, err = Run(root)
	if err != nil || len(res.Written) != 0 || len(res.Warnings) != 3 {
		t.Errorf("rerun: wrote %v, warnings %v, err %v", res.Written, res.Warnings, err)
	}
}

// contents returns every file under root but the seeds and a plan's
// staging folder, with its bytes.
func contents(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for name, snap := range snapshot(t, root) {
		if !strings.HasPrefix(name, "seeds") && !strings.HasPrefix(name, ".convert-stage-") {
			_, files[filepath.ToSlash(name)], _ = strings.Cut(snap, "\n") // without the time
		}
	}
	return files
}

// TestRollback commits a plan that writes, rewrites and removes pages, then
// rolls it back: every file is as before, and nothing else is left.
func TestRollback(t *testing.T) {
	for _, first := range []bool{true, false} {
		root := newRoot(t, map[string]string{"seeds/a.txt": seedA, "seeds/a.en.md": seedAen, "seeds/b.txt": seedOn("4", "б"), "i18n/sr.toml": "a = \"б\"\n"})
		if !first {
			if _, err := Run(root); err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(root, "seeds/b.txt"))
			writeTestFile(t, filepath.Join(root, "seeds/a.txt"), []byte(seedOn("3", "друго")))
			writeTestFile(t, filepath.Join(root, "seeds/c.txt"), []byte(seedOn("5", "ц")))
			writeTestFile(t, filepath.Join(root, "i18n/sr.toml"), []byte("a = \"в\"\n"))
		}
		before := contents(t, root)
		p, err := Prepare(root)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(before, contents(t, root)) {
			t.Fatalf("first run %v: Prepare changed files outside its staging folder", first)
		}
		if err := p.Commit(); err != nil {
			t.Fatal(err)
		}
		res := p.Result()
		if len(res.Written) == 0 || !first && len(res.Removed) != 2 {
			t.Fatalf("first run %v: wrote %v, removed %v", first, res.Written, res.Removed)
		}
		if maps.Equal(before, contents(t, root)) {
			t.Fatalf("first run %v: Commit changed nothing", first)
		}
		if err := p.Rollback(); err != nil {
			t.Fatal(err)
		}
		if after := contents(t, root); !maps.Equal(before, after) {
			t.Errorf("first run %v: after Rollback\n%v\nwant\n%v", first, slices.Sorted(maps.Keys(after)), slices.Sorted(maps.Keys(before)))
		}
		if entries, _ := os.ReadDir(root); first && len(entries) != 3 {
			t.Errorf("first run: the root holds %v after Rollback, want config.toml, i18n and seeds", entries)
		}
	}
}
