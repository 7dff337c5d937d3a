package site

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/load"
)

// TestDataSourceCoverage checks that the country page says which elements of
// the minimum planning data set each data source covers, grouped in framework
// order, "not declared" without a list, and an unknown element escaped.
func TestDataSourceCoverage(t *testing.T) {
	sources := `assessed_on: 2024-06-28
data_sources:
  - id: register
    name: Register
    kind: professional_register
    minimum_data_set: [demand.population, stock.sex, stock.headcount, "stock.<b>x</b>"]
  - id: hr
    name: Hospital HR
    kind: hris
`
	repo, _ := load.Load(repoFS(t, strings.Replace(plans, "assessed_on: 2024-06-28\n", sources, 1)), load.Options{})
	files, err := Render(Input{Repo: repo, SourceTime: sourceTime}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, files, "countries/hu/index.html",
		`<th scope="col">Minimum data set covered</th>`,
		`<td>Headcount, Stock by sex (stock); Population by age and sex (demand drivers); stock.&lt;b&gt;x&lt;/b&gt;</td>`,
		`<td>not declared</td>`, `! <b>x</b>`)
}
