package publish

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
)

// TestIllustrativeHeaderByName: the PDF's running header lists the illustrative
// countries in the order of their names (Croatia HR before Czechia CZ), as every
// other list of countries, and leaves out the others.
func TestIllustrativeHeaderByName(t *testing.T) {
	res := &compare.Result{Illustrative: []string{"CZ", "ES", "HR", "SI"}}
	for _, c := range [][2]string{{"CZ", "Czechia"}, {"DE", "Germany"}, {"ES", "Spain"}, {"HR", "Croatia"}, {"SI", "Slovenia"}} {
		res.Countries = append(res.Countries, compare.Country{Code: c[0], Name: c[1]})
	}
	if got, want := strings.Join(codesByName(res), ", "), "HR, CZ, SI, ES"; got != want {
		t.Errorf("header lists %s, want %s", got, want)
	}
}
