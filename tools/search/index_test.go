package search

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/document"
	"github.com/regionaldialogue/site/tools/pages"
	"github.com/regionaldialogue/site/tools/siteconfig"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func testDocs() []convert.Doc {
	older := &document.Document{
		ID: "a", Title: "Заштита избеглица", Place: "Београд", Type: "Закључци",
		Start: document.Date{Year: 2015, Month: 11, Day: 26}, End: document.Date{Year: 2015, Month: 11, Day: 27},
		Blocks: []document.Block{
			{Kind: document.Heading, ID: "s1", Text: "Закључци"},
			{Kind: document.Paragraph, ID: "p1", Text: "Регионална сарадња у заштити избеглица."},
			{Kind: document.BulletList, Items: []document.Item{{ID: "b1", Text: "Размена информација."}}},
		},
	}
	newer := &document.Document{
		ID: "b", Title: "Granice", Place: "Ниш", Type: "Препоруке",
		Start: document.Date{Year: 2016, Month: 3, Day: 1}, End: document.Date{Year: 2016, Month: 3, Day: 1},
		Blocks: []document.Block{
			{Kind: document.Paragraph, ID: "p1", Text: "Сарадња, сарадња."},
		},
	}
	return []convert.Doc{
		{ID: "a", Slug: "2015-a", Versions: []convert.Version{{Version: pages.Version{Lang: "sr",
			Wording: siteconfig.Wording{TypePlaceDates: "Закључци · Београд, 26–27. новембар 2015."}}, Doc: older}}},
		{ID: "b", Slug: "2016-b", Versions: []convert.Version{{Version: pages.Version{Lang: "sr",
			Wording: siteconfig.Wording{TypePlaceDates: "Препоруке · Ниш, 1. март 2016."}}, Doc: newer}}},
	}
}

// TestFiles pins the index of two small documents: newest first, the
// heading as block 0, list items as blocks, postings delta-coded with the
// heading's flag.
func TestFiles(t *testing.T) {
	files := Build(testDocs(), "sr").Files()
	want := map[string]string{
		"k.js":     `searchKeys("beo gra inf izb nis pre raz reg sar zak zas");` + "\n",
		"t/sar.js": `searchShard("sar",{"saradnja":[2,2]});` + "\n",
		"t/izb.js": `searchShard("izb",{"izbeglica":[5]});` + "\n",
		"t/zak.js": `searchShard("zak",{"zakljucci":[5]});` + "\n",
		"t/inf.js": `searchShard("inf",{"informacija":[4]});` + "\n",
		"d/0.js":   `searchDoc(0,{"s":"2016-b","t":"Granice","p":"Ниш","y":"Препоруке","w":"Препоруке · Ниш, 1. март 2016.","b":[["p1","Сарадња, сарадња."]]});` + "\n",
		"d/1.js":   `searchDoc(1,{"s":"2015-a","t":"Заштита избеглица","p":"Београд","y":"Закључци","w":"Закључци · Београд, 26–27. новембар 2015.","b":[["s1","Закључци"],["p1","Регионална сарадња у заштити избеглица."],["b1","Размена информација."]]});` + "\n",
	}
	for name, w := range want {
		if got := string(files[name]); got != w {
			t.Errorf("%s:\n got %s\nwant %s", name, got, w)
		}
	}
	if _, ok := files["t/u.js"]; ok {
		t.Error("a one-letter word has a shard")
	}
}

// TestWriteSite checks where the index goes: under each language's root
// (the default language's at the site's root, the others under their
// key), and that a second write leaves the same files.
func TestWriteSite(t *testing.T) {
	site := t.TempDir()
	prefix := func(lang string) string {
		if lang == "sr" {
			return ""
		}
		return lang + "/"
	}
	docs := testDocs()
	docs[0].Versions = append(docs[0].Versions, convert.Version{Version: pages.Version{Lang: "en"}, Doc: docs[0].Versions[0].Doc})
	for range 2 {
		if err := WriteSite(site, prefix, docs); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"search/k.js", "search/d/1.js", "en/search/k.js", "en/search/d/0.js"} {
		if _, err := os.Stat(filepath.Join(site, p)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "en/search/d/1.js")); err == nil {
		t.Error("en has a second document")
	}
	data, _ := os.ReadFile(filepath.Join(site, "en/search/k.js"))
	if !strings.Contains(string(data), "zas") {
		t.Errorf("en/search/k.js: %s", data)
	}
}

// TestRecordGolden: what a search result shows of each version of the
// repository's seed (title, subtitle, place and dates as the pages word
// them, every block, sub-items included), as written out in
// testdata/seed.<lang>.record.js; go test ./tools/search -update
// rewrites them.
func TestRecordGolden(t *testing.T) {
	docs, err := convert.Documents(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"sr", "sr-latn", "en"} {
		got := Build(docs, lang).Files()["d/0.js"]
		name := filepath.Join("testdata", "seed."+lang+".record.js")
		if *update {
			if err := os.WriteFile(name, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs (go test ./tools/search -update rewrites it):\n%s", name, got)
		}
	}
}
