package docdata

import (
	"github.com/regionaldialogue/site/tools/internal/schemacheck"
	"strings"
	"testing"
)

func valid() Document {
	f := Files{BibTeX: "a.bib", RIS: "a.ris", CSL: "a.json", EPUB: "a.epub"}
	return Document{
		ID: "000_1", Slug: "2015-11-26-beograd-zakljucci", Start: "2015-11-26", End: "2015-11-27",
		OriginalLanguage: "sr", Source: Source{"000_1.txt", strings.Repeat("ab", 32)},
		Versions: []Version{{
			Lang: "sr-latn", Locale: "sr-Latn-RS", Relation: Transliteration, Title: "Naslov", Type: "Zaključci",
			Place: "Beograd", Dates: "26–27. novembar 2015.", PlaceDates: "Beograd, 26–27. novembar 2015.", Issuers: []string{"Odbor"}, URL: "../sr-latn/documents/x/", Files: f,
			Blocks: []Block{{"s1", "heading", "Zaključci"}, {"b1", "bulleted-item", "prvo"}},
		}},
	}
}

// TestSchema: the schema accepts what this package writes and refuses
// what it must not.
func TestSchema(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*Document)
		ok     bool
	}{
		{"valid", func(*Document) {}, true},
		{"no versions", func(d *Document) { d.Versions = nil }, false},
		{"unknown kind", func(d *Document) { d.Versions[0].Blocks[0].Kind = "table" }, false},
		{"empty text", func(d *Document) { d.Versions[0].Blocks[1].Text = "" }, false},
		{"bad hash", func(d *Document) { d.Source.SHA256 = "xyz" }, false},
		{"bad date", func(d *Document) { d.Start = "26.11.2015" }, false},
		{"bad relation", func(d *Document) { d.Versions[0].Relation = "copy" }, false},
		{"absolute addresses", func(d *Document) { d.Versions[0].URL = "https://dialogue.example/sub/" }, true},
	} {
		d := valid()
		c.change(&d)
		data, err := Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemacheck.Validate("schema.json", data); (err == nil) != c.ok {
			t.Errorf("%s: Validate = %v, want ok %v", c.name, err, c.ok)
		}
	}
	cat, _ := Marshal(Catalogue{Documents: []Entry{{ID: "a", Slug: "a-b", Start: "2015-11-26", Data: "a-b.json",
		Versions: []EntryVersion{{Lang: "en", Locale: "en", Relation: Translation, Title: "T", URL: "../en/", Files: valid().Versions[0].Files}}}}})
	if err := schemacheck.Validate("schema.json", cat); err != nil {
		t.Errorf("catalogue: %v", err)
	}
	if err := schemacheck.Validate("schema.json", []byte(`{"documents": [{"id": "a"}]}`)); err == nil {
		t.Error("an incomplete catalogue is valid")
	}
}
