package site

import (
	"bytes"
	"slices"
	"testing"
)

func TestByName(t *testing.T) {
	names := []string{"Zambia", "Österreich", "Oman", "Czechia", "Czechia"}
	codes := []string{"ZM", "AT", "OM", "XZ", "CZ"}
	var got []string
	for _, i := range byName(names, codes) {
		got = append(got, codes[i])
	}
	if want := []string{"CZ", "XZ", "OM", "AT", "ZM"}; !slices.Equal(got, want) {
		t.Errorf("byName order = %v, want %v", got, want)
	}
}

// TestCountryListsByName: Spain (ES) comes after Hungary (HU) and Slovenia (SI)
// in every country list, as readers look it up, not before them as its code would.
func TestCountryListsByName(t *testing.T) {
	files := build(t, "-- countries/ES/country.yaml --\ncode: ES\neu_code: ES\nname: Spain\ncluster: wp6\nstatus: draft\ncompetent_authority: {name: Ministry}\nmaintainers: [es-team]\nlanguages: [es]\n", Options{})
	for _, name := range []string{"index.html", "countries/index.html", "status/index.html"} {
		page := files[name]
		hu, si, es := bytes.Index(page, []byte(`href="/countries/hu/"`)), bytes.Index(page, []byte(`href="/countries/si/"`)), bytes.Index(page, []byte(`href="/countries/es/"`))
		if hu < 0 || si < 0 || es < 0 || !(hu < si && si < es) {
			t.Errorf("%s: Hungary at %d, Slovenia at %d, Spain at %d; want them in that order", name, hu, si, es)
		}
	}
}
