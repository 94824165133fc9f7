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
