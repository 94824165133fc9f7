package mdtext

import (
	"strings"
	"testing"
)

// asciiPunct is every ASCII punctuation character.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// escapeCases are texts that must survive every block shape, with the
// escaped form where readability matters ("" = not checked).
var escapeCases = []struct{ text, want string }{
	{"*нагласак*", `\*нагласак\*`},
	{"__init__", `\_\_init\_\_`},
	{"snake_case и 1_000", "snake_case и 1_000"},
	{"_почетак и крај_", `\_почетак и крај\_`},
	{"[линк](http://x)", `\[линк\](http://x)`},
	{"![слика](a.png)", `!\[слика\](a.png)`},
	{"<script>alert(1)</script>", `\<script>alert(1)\</script>`},
	{"&amp; &copy; &#1234; &#x41;", `\&amp; \&copy; \&#1234; \&#x41;`},
	{"R&D и A & B", "R&D и A & B"},
	{"a \\ b", `a \\ b`},
	{"C:\\Windows\\", `C:\\Windows\\`},
	{"# Наслов", `\# Наслов`},
	{"####### седам", `\####### седам`},
	{"Наслов #", `Наслов \#`},
	{"Наслов ##", `Наслов \#\#`},
	{"Наслов#", `Наслов\#`},
	{"#", `\#`},
	{"###", `\#\#\#`},
	{"бр. #5 и #6", "бр. #5 и #6"},
	{"> цитат", `\> цитат`},
	{"a > b", "a > b"},
	{"1. тачка", `1\. тачка`},
	{"1) тачка", `1\) тачка`},
	{"1.", `1\.`},
	{"1)", `1\)`},
	{"1.5 милиона", "1.5 милиона"},
	{"2015. године", `2015\. године`},
	{"123456789. број", `123456789\. број`},
	{"1234567890. број", `1234567890\. број`},
	{"26 – 27. новембар 2015. године", "26 – 27. новембар 2015. године"},
	{"- ставка", `\- ставка`},
	{"- одговори на националном нивоу и регионална сарадња -", `\- одговори на националном нивоу и регионална сарадња -`},
	{"+ x", `\+ x`},
	{"* x", `\* x`},
	{"| a | b |", `\| a \| b \|`},
	{"~~x~~", `\~\~x\~\~`},
	{"H~2~O", `H\~2\~O`},
	{"~~~", `\~\~\~`},
	{"```", "\\`\\`\\`"},
	{"`код`", "\\`код\\`"},
	{"{#id}", `\{#id\}`},
	{"Наслов {#id}", `Наслов \{#id\}`},
	{"Наслов {.class}", `Наслов \{.class\}`},
	{"{{< shortcode >}}", `\{\{\< shortcode >\}\}`},
	{"{{% x %}}", `\{\{% x %\}\}`},
	{"{{__hugo_ctx pid=1}}", `\{\{\_\_hugo_ctx pid=1\}\}`},
	{"<!--more-->", `\<\!--more-->`},
	{"[^1]", `\[^1\]`},
	{"[^1]: фуснота", `\[^1\]: фуснота`},
	{"текст[^1] даље", `текст\[^1\] даље`},
	{": дефиниција", `\: дефиниција`},
	{"[ ] задатак", `\[ \] задатак`},
	{"[x] задатак", `\[x\] задатак`},
	{"www.example.com", "www.example.com"},
	{"http://example.com", "http://example.com"},
	{"<http://example.com>", `\<http://example.com>`},
	{"<mail@example.com>", `\<mail@example.com>`},
	{`"наводници" и 'апостроф' -- ... --- << >>`, `"наводници" и 'апостроф' -- ... --- \<\< >>`},
	{"„наводници“ и ‚апостроф‘ — …", "„наводници“ и ‚апостроф‘ — …"},
	{"***", `\*\*\*`},
	{"---", `\---`},
	{"===", `\===`},
	{"___", `\_\_\_`},
	{"* * *", `\* \* \*`},
	{"- - -", `\- - -`},
	{"==означено==", `\==означено==`},
	{"++уметнуто++", `\++уметнуто++`},
	{"x^2^ и H~2~O", `x^2^ и H\~2\~O`},
	{"$x$ и $$y$$ и \\(z\\)", `$x$ и $$y$$ и \\(z\\)`},
	{"100% и 50 %", "100% и 50 %"},
	{":smile: :+1:", `\:smile: :+1:`},
	{"a\\", `a\\`},
	{"\\", `\\`},
	{"\u00a0почетак и крај\u00a0", "\u00a0почетак и крај\u00a0"},
	{"\u3000идеографски\u2003размак\u2009", ""},
	{"\u200fמרכז\u200e и \u202eобрнуто\u202c", ""},
	{"e\u0301 и \u0301комбиновано", ""},
	{"\ufffd замена \ufffd", ""},
	{"\ufeffBOM", ""},
	{"😀 👨‍👩‍👧 🇷🇸", ""},
	{"Ђорђе Љубић Њего Џеф Ћирић", "Ђорђе Љубић Њего Џеф Ћирић"},
	{"Đorđe Ljubić Njegoš Džef Ćirić", "Đorđe Ljubić Njegoš Džef Ćirić"},
	{"Закључци (DCAF).", "Закључци (DCAF)."},
	{"· подигне свест о постојећим механизмима", "· подигне свест о постојећим механизмима"},
	{"[bookmark: _GoBack]", `\[bookmark: \_GoBack\]`},
	{"a\u00a0\u00a0b", ""},
	{"&", "&"},
	{"&&", "&&"},
	{"&;", "&;"},
	{"&a;", `\&a;`},
	{"&x1 y;", "&x1 y;"},
	{"&1;", `\&1;`},
	{"&#", `\&\#`},
	{"AT&T", "AT&T"},
	{"&nbsp;", `\&nbsp;`},
	{"<", `\<`},
	{"<a href=\"x\">линк</a>", `\<a href="x">линк\</a>`},
	{"<?php ?>", `\<?php ?>`},
	{"<![CDATA[x]]>", `\<\!\[CDATA\[x\]\]>`},
	{"Наслов \\#", `Наслов \\\#`},
	{"x*y*z", `x\*y\*z`},
	{"2*3=6", `2\*3=6`},
	{"\\*", `\\\*`},
	{"\\\\", `\\\\`},
	{"'single' \"double\"", `'single' "double"`},
	{"ПОГЛАВЉЕ I", "ПОГЛАВЉЕ I"},
}

func TestEscapeCases(t *testing.T) {
	for _, c := range escapeCases {
		if !inDomain(c.text) {
			t.Errorf("test case %q is not in the domain", c.text)
			continue
		}
		if c.want != "" {
			if got := Escape(c.text); got != c.want {
				t.Errorf("Escape(%q) = %q, want %q", c.text, got, c.want)
			}
		}
		if err := checkRoundTrip(c.text); err != nil {
			t.Error(err)
		}
	}
}

// TestEscapeEachPunctuation puts every ASCII punctuation character alone,
// at the start, at the end, doubled, tripled, inside words and between
// spaces, in Latin and Cyrillic.
func TestEscapeEachPunctuation(t *testing.T) {
	forms := []string{
		"%c", "%c%c", "%c%c%c", "%cx", "x%c", "%c%cx", "x%c%c", "x%cy", "x%c%cy",
		"%c x", "x %c", "x %c y", "%cреч%c", "ћ%cћ", "ћ%c%cћ", "%c%c ћ %c%c", "1%c", "1%c x", "x %c%c",
		"%c1%c", "(%c)", "[%c]", "\\%c", "%c\\", "# %c", "%c #", "\u00a0%c", "%c\u00a0", "😀%c😀",
	}
	for i := 0; i < len(asciiPunct); i++ {
		c := string(asciiPunct[i])
		for _, f := range forms {
			text := strings.ReplaceAll(f, "%c", c)
			if !inDomain(text) {
				t.Fatalf("form %q: %q not in domain", f, text)
			}
			if err := checkRoundTrip(text); err != nil {
				t.Error(err)
			}
		}
	}
}

// TestEscapePunctuationPairs tries every ordered pair of ASCII punctuation
// characters alone and around a word.
func TestEscapePunctuationPairs(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for i := 0; i < len(asciiPunct); i++ {
		for j := 0; j < len(asciiPunct); j++ {
			a, b := string(asciiPunct[i]), string(asciiPunct[j])
			for _, text := range []string{a + b, a + "реч" + b, "x " + a + b + " y"} {
				if err := checkRoundTrip(text); err != nil {
					t.Error(err)
				}
			}
		}
	}
}

func TestDomain(t *testing.T) {
	for _, s := range []string{"a  b", " a", "a ", "", "a\tb", "a\nb", "a\rb", "a\x00b", "a\x7fb", "a\x1bb", "\xffa", "a\xc3"} {
		if s != "" && inDomain(s) {
			t.Errorf("inDomain(%q) = true", s)
		}
		if d := toDomain(s); d != "" && !inDomain(d) {
			t.Errorf("toDomain(%q) = %q, not in the domain", s, d)
		}
	}
	for in, want := range map[string]string{
		"a  b": "a b", " \t a \n b \x00": "a b", "\xffа\xc3б": "аб", "\u00a0 a \u00a0": "\u00a0 a \u00a0",
	} {
		if got := toDomain(in); got != want {
			t.Errorf("toDomain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBlockShapes(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Heading("Закључци", "s1"), "## Закључци {#s1}"},
		{Paragraph("Текст.", "p1"), "Текст.\n{#p1}"},
		{ListItem("-", "ставка", "b1"), "- ставка\n  {#b1}"},
		{ListItem("1.", "тачка", "n1"), "1. тачка\n   {#n1}"},
		{ListItem("7.", "тачка", "n7"), "7. тачка\n   {#n7}"},
		{ListItem("10.", "тачка", "n10"), "10. тачка\n    {#n10}"},
		{ListItem("*", "ставка", "b1"), "* ставка\n  {#b1}"},
		{ListItem("2)", "тачка", "n2"), "2) тачка\n   {#n2}"},
		{ListItem("123456789.", "x", "n"), "123456789. x\n           {#n}"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for _, f := range []func(){
		func() { Heading("", "s1") },
		func() { Paragraph("x", "") },
		func() { Paragraph("x", "1p") },
		func() { Paragraph("x", "p 1") },
		func() { Paragraph("x", "p}") },
		func() { ListItem("+", "x", "b1") },
		func() { ListItem("1:", "x", "b1") },
		func() { ListItem("1234567890.", "x", "b1") },
		func() { ListItem("", "x", "b1") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic on invalid input")
				}
			}()
			f()
		}()
	}
}
