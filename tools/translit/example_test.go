package translit_test

import (
	"fmt"

	"github.com/regionaldialogue/site/tools/translit"
)

func ExampleToLatin() {
	latin, foreign := translit.ToLatin("Љубљана, ЉУБЉАНА, Џ. Буш (DCAF), Ѓорѓе")
	fmt.Println(latin)
	fmt.Printf("%c\n", foreign)

	latin, _ = translit.ToLatin("ЏИУ-ЏИЦУ, ЈНА-е, ЉУбав, КРА\u0311Љ, се\u0300")
	fmt.Println(latin)
	// Output:
	// Ljubljana, LJUBLJANA, Dž. Buš (DCAF), Ѓorѓe
	// [Ѓ ѓ]
	// DŽIU-DŽICU, JNA-e, LjUbav, KRȂLJ, sè
}

func ExampleToCyrillic() {
	fmt.Println(translit.ToCyrillic("Injekcija, NJEGOŠ, Njegoš, NJegoš, nadživeo, DCAF-a, EU, XXI vek, COVID-19, www.dcaf.ch"))
	// Output:
	// Инјекција, ЊЕГОШ, Његош, Његош, надживео, DCAF-а, ЕУ, XXI век, COVID-19, www.dcaf.ch
}

func ExampleCheck() {
	lines := []string{
		"Закључци",
		"Женевски центар (DCAF) и Pokrajinski одбор",
	}
	script := translit.Detect(lines)
	for _, p := range translit.Check(lines, script) {
		fmt.Printf("seeds/x.txt:%v\n", &p)
	}
	// Output:
	// seeds/x.txt:2:26: Latin word "Pokrajinski" in Cyrillic text (a name that Cyrillic text keeps in Latin belongs in tools/translit/latin.txt)
}
