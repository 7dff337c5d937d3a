package iso3166

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// NameIn returns a country's name in a language (ISO 639-1, "hu") from CLDR,
// and false when code is not an ISO 3166-1 code or CLDR has no name: the name readers of that language know
// ("Magyarország", "Ungarn"), never a hand-typed one. The codes people use
// that ISO does not assign (aliases: EL, UK) are named as the code ISO gives.
func NameIn(code, lang string) (string, bool) {
	if c, ok := aliases[code]; ok {
		code = c
	}
	if _, ok := names[code]; !ok {
		return "", false
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return "", false
	}
	t, err := language.Parse(lang)
	if err != nil {
		return "", false
	}
	n := display.Regions(t).Name(r)
	return n, n != ""
}
