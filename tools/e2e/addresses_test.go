package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/regionaldialogue/site/tools/convert"
	"github.com/regionaldialogue/site/tools/hugo"
	"github.com/regionaldialogue/site/tools/internal/sitecopy"
)

// addressSeed is a seed of Belgrade's conclusions on day (e.g. "3. март
// 2016") whose text holds word.
func addressSeed(day, word string) string {
	return "Наслов " + word + "\nБеоград, " + day + ".\nЗакључци\nУчесници су се сложили: " + word + ".\n"
}

// TestAddresses converts a copy of the site twice, as an editor would:
// first the real seed and a document of 3 March 2016; then that
// document's date corrected to 4 March, and new seeds: one dated in 2030,
// one of the real seed's date, place and type whose id sorts first, and
// ids that differ only in what an address cannot hold. It builds the copy
// with Hugo and checks that Hugo wrote exactly the
// pages the converter said, one per address and each where the converter
// put it; that the document of 2030 is published and listed; and that the
// corrected document's old address leads to its new one.
func TestAddresses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a copy of the site with Hugo")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "site")
	for _, f := range sitecopy.Sources {
		if f != "content" {
			if err := sitecopy.CopyTree(filepath.Join(built.root, f), filepath.Join(root, f)); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, "seeds", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("100_moved.txt", addressSeed("3. март 2016", "пре"))
	if _, err := convert.Run(root); err != nil {
		t.Fatal(err)
	}
	write("100_moved.txt", addressSeed("4. март 2016", "после"))
	write("200_future.txt", addressSeed("5. јун 2030", "будућност"))
	write("000_0.txt", strings.Replace(readFile(t, filepath.Join(root, "seeds", "000_1dc8ae94338e037f.txt")), "Регионални", "Други регионални", 1))
	for _, id := range []string{"v", "v_", "w%", "x y#", "ж_Ђорђе"} {
		write(id+".txt", addressSeed("6. март 2016", id))
	}
	plan, err := convert.Prepare(root, convert.KeepDocs)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Commit(); err != nil {
		t.Fatal(err)
	}
	res := plan.Result()
	slugs := map[string]string{}
	for _, d := range res.Docs {
		slugs[d.ID] = d.Slug
	}
	for id, want := range map[string]string{
		"000_1dc8ae94338e037f": "2015-11-26-beograd-zakljucci",
		"000_0":                "2015-11-26-beograd-zakljucci-0",
		"100_moved":            "2016-03-04-beograd-zakljucci",
		"200_future":           "2030-06-05-beograd-zakljucci",
		"v":                    "2016-03-06-beograd-zakljucci",
	} {
		if slugs[id] != want {
			t.Errorf("%s: the converter gave the address %q, want %q", id, slugs[id], want)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	// The offline copy is this site with its addresses rewritten
	// (tools/offline), so its alias pages are these; TestOfflineZip walks it.
	public := filepath.Join(dir, "public")
	if err := hugo.Build(ctx, hugo.Options{Source: root, Destination: public, BaseURL: testBaseURL, Strict: true}); err != nil {
		t.Fatal(err)
	}
	s, err := loadSite(root, public)
	if err != nil {
		t.Fatal(err)
	}
	checkAddresses(t, s, res)
}

// refresh finds the target of an alias page's meta refresh.
var refresh = regexp.MustCompile(`<meta http-equiv=refresh content="0; url=([^"]+)"`)

// checkAddresses checks the site s built from the conversion res (see
// TestAddresses).
func checkAddresses(t *testing.T, s *site, res *convert.Result) {
	t.Helper()
	// Where each page must be, and what leads to it from an old address.
	want := map[string]string{}    // file → the document's title there
	aliases := map[string]string{} // file → the page it leads to
	pageFile := func(lang, slug string) string {
		return s.prefix(lang) + "documents/" + slug + "/index.html"
	}
	for _, d := range res.Docs {
		for _, v := range d.Versions {
			want[pageFile(v.Lang, d.Slug)] = v.Doc.Title
			for _, old := range v.OldSlugs {
				aliases[pageFile(v.Lang, old)] = pageFile(v.Lang, d.Slug)
			}
		}
	}
	if len(aliases) != 2 {
		t.Errorf("aliases %v, want the moved document's old address in two languages", aliases)
	}
	// Every page Hugo wrote under documents/, but the section's lists and
	// the parallel views (TestCompare).
	var got []string
	for _, f := range s.htmlFiles(t) {
		rest, ok := strings.CutPrefix(f, s.prefix(s.langOf(f).Key)+"documents/")
		if ok && rest != "index.html" && !strings.HasPrefix(rest, "page/") && !strings.HasSuffix(rest, "/compare/index.html") {
			got = append(got, f)
		}
	}
	for _, f := range got {
		title, isPage := want[f]
		target, isAlias := aliases[f]
		data := string(s.read(t, f))
		switch {
		case isPage:
			if !strings.Contains(data, "<h1") || !strings.Contains(data, title) {
				t.Errorf("%s: not the page of %q", f, title)
			}
			delete(want, f)
		case isAlias:
			m := refresh.FindStringSubmatch(data)
			if m == nil {
				t.Errorf("%s: no redirect:\n%s", f, data)
				break
			}
			u, err := s.urlOf(f).Parse(m[1])
			if to, _ := s.fileOf(u); err != nil || to != target {
				t.Errorf("%s redirects to %s (%s), want %s", f, m[1], to, target)
			}
			delete(aliases, f)
		default:
			t.Errorf("%s: a page the converter did not make", f)
		}
	}
	for f, title := range want {
		t.Errorf("%s: missing, the page of %q", f, title)
	}
	for f := range aliases {
		t.Errorf("%s: missing, a redirect from an old address", f)
	}
	// The document of 2030 is in the list of documents of each language
	// it has.
	for _, d := range res.Docs {
		if !strings.HasPrefix(d.Slug, "2030-") {
			continue
		}
		for _, v := range d.Versions {
			section := s.page(t, s.prefix(v.Lang)+"documents/index.html")
			if listed := docLinks(t, s, section); !slices.Contains(listed, pageFile(v.Lang, d.Slug)) {
				t.Errorf("%s does not list the document of 2030: %v", section.file, listed)
			}
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
