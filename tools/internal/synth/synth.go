// Package synth writes synthetic seeds of the family the site publishes,
// for benchmarks: varied titles, subtitles, places, date forms, document
// types, headings, paragraphs and lists, and an English translation for
// every third seed. The same n always gives the same bytes.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var (
	places  = []string{"Београд", "Нови Сад", "Ниш", "Подгорица", "Сарајево", "Скопље", "Тирана", "Љубљана", "Загреб", "Бања Лука"}
	placeEN = []string{"Belgrade", "Novi Sad", "Niš", "Podgorica", "Sarajevo", "Skopje", "Tirana", "Ljubljana", "Zagreb", "Banja Luka"}
	types   = []string{"Закључци", "Препоруке", "Декларација"}
	typesEN = []string{"Conclusions", "Recommendations", "Declaration"}
	months  = []string{"јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар", "децембар"}
	monthsG = []string{"јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра", "новембра", "децембра"}
	// vocabulary pairs a Serbian word with the English one that stands for
	// it in translations.
	vocabulary = strings.Fields("управљање|management миграцијама|migration заштита|protection избеглица|refugees " +
		"борба|fight против|against организованог|organized криминала|crime одговори|responses на|at " +
		"националном|national нивоу|level регионална|regional сарадња|cooperation парламент|parliament " +
		"одбор|committee безбедност|security граница|border размена|exchange информација|information " +
		"оперативна|operational координација|coordination стратегија|strategy тражиоци|seekers азила|asylum " +
		"трговина|trafficking људима|people кријумчарење|smuggling ЉУБЉАНА|LJUBLJANA Џеп|Pocket DCAF|DCAF OSCE|OSCE ЕУ|EU")
)

// Seed returns the i-th synthetic seed and, for every third i, its English
// translation (nil otherwise).
func Seed(i int) (seed, translation []byte) {
	r := rand.New(rand.NewPCG(uint64(i), 2015))
	var s, t strings.Builder
	sentence := func(n int) (string, string) {
		w := make([]string, n)
		e := make([]string, n)
		for k := range w {
			w[k], e[k], _ = strings.Cut(vocabulary[r.IntN(len(vocabulary))], "|")
		}
		return strings.Join(w, " "), strings.Join(e, " ")
	}
	capital := func(s string) string {
		for i, c := range s {
			return strings.ToUpper(string(c)) + s[i+len(string(c)):]
		}
		return s
	}
	title, titleEN := sentence(6 + r.IntN(8))
	title, titleEN = capital(title), capital(titleEN)
	p := r.IntN(len(places))
	ty := r.IntN(len(types))
	sub, subEN := "", ""
	if r.IntN(2) == 0 {
		sub, subEN = sentence(4 + r.IntN(5))
	}
	// The title wraps over two lines, as Word exports it.
	cut := strings.LastIndex(title[:len(title)/2+1], " ")
	if cut > 0 {
		fmt.Fprintf(&s, "%s \n%s\n", title[:cut], title[cut+1:])
	} else {
		fmt.Fprintf(&s, "%s\n", title)
	}
	if sub != "" {
		fmt.Fprintf(&s, "- %s -\n", sub)
	}
	// Years in the past (1990–2019): Hugo does not publish a page dated in
	// the future, and every synthetic document should be built.
	year, month, day := 1990+i%30, 1+r.IntN(12), 1+r.IntN(27)
	switch r.IntN(8) {
	case 0, 1, 2:
		fmt.Fprintf(&s, "%s, %d. %s %d. године\n", places[p], day, months[month-1], year)
	case 3, 4:
		fmt.Fprintf(&s, "%s, %d – %d. %s %d. године\n", places[p], day, day+1, months[month-1], year)
	case 5:
		fmt.Fprintf(&s, "%s, %d. и %d. %s %d.\n", places[p], day, day+1, monthsG[month-1], year)
	case 6: // across two months
		m := 1 + r.IntN(11)
		fmt.Fprintf(&s, "%s, %d. %s – %d. %s %d.\n", places[p], 28, months[m-1], 1+r.IntN(3), months[m], year)
	default: // across two years
		fmt.Fprintf(&s, "%s, 30. %s %d. – 2. %s %d. године\n", places[p], months[11], year, months[0], year+1)
	}
	fmt.Fprintf(&s, "%s\n", types[ty])
	fmt.Fprintf(&t, "---\ntitle: %s\n", titleEN)
	if sub != "" {
		fmt.Fprintf(&t, "subtitle: %s\n", subEN)
	}
	fmt.Fprintf(&t, "place: %s\n---\n\n## %s\n", placeEN[p], typesEN[ty])
	for range 2 + r.IntN(10) {
		switch r.IntN(5) {
		case 0:
			h, hEN := sentence(2 + r.IntN(3))
			fmt.Fprintf(&s, "%s\n", capital(h))
			fmt.Fprintf(&t, "\n## %s\n", capital(hEN))
		case 1, 2:
			a, aEN := sentence(10 + r.IntN(60))
			fmt.Fprintf(&s, "%s.\n", capital(a))
			fmt.Fprintf(&t, "\n%s.\n", capital(aEN))
		default:
			a, aEN := sentence(5 + r.IntN(10))
			fmt.Fprintf(&s, "%s:\n", capital(a))
			fmt.Fprintf(&t, "\n%s:\n\n", capital(aEN))
			numbered := r.IntN(2) == 0
			n := 2 + r.IntN(6)
			for k := 1; k <= n; k++ {
				it, itEN := sentence(5 + r.IntN(20))
				end := ","
				if k == n {
					end = "."
				}
				if numbered {
					fmt.Fprintf(&s, "%d. %s%s\n", k, it, end)
					fmt.Fprintf(&t, "%d. %s%s\n", k, itEN, end)
				} else {
					fmt.Fprintf(&s, "· %s%s\n", it, end)
					fmt.Fprintf(&t, "- %s%s\n", itEN, end)
				}
			}
		}
	}
	last, lastEN := sentence(8)
	fmt.Fprintf(&s, "%s.\n", capital(last))
	fmt.Fprintf(&t, "\n%s.\n", capital(lastEN))
	if i%3 != 0 {
		return []byte(s.String()), nil
	}
	return []byte(s.String()), []byte(t.String())
}

// Write writes n synthetic seeds, and their translations, into dir.
func Write(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		seed, tr := Seed(i)
		id := fmt.Sprintf("synth_%05d", i)
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), seed, 0o644); err != nil {
			return err
		}
		if tr != nil {
			if err := os.WriteFile(filepath.Join(dir, id+".en.md"), tr, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
