package export_test

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/export"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// The data collection report's tables: a row per source with its declared
// elements, and a row per country and element with the sources declaring it.
func TestReportTablesData(t *testing.T) {
	repo := comparetest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	if tables := export.ReportTables(repo, res, "data"); len(tables) != 2 || len(tables[1].Rows) != 0 {
		t.Fatalf("without a data set in the framework: %+v", tables)
	}
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	repo.Framework.MinimumDataSet = fw.MinimumDataSet
	code := res.Countries[0].Code
	c := repo.Country(code)
	if c.AsIs == nil {
		c.AsIs = &plan.AsIs{}
	}
	c.AsIs.DataSources = []plan.DataSource{
		{ID: "reg", Name: "+Register", Kind: "professional_register", Owner: "Unit", Professions: []string{"nurses"}, UpdateFrequency: "annual",
			MinimumDataSet: []string{"stock.headcount", "mobility.emigrants"}},
		{ID: "hr", Name: "HR", Kind: "hris", Owner: "Unit", Professions: []string{"nurses"}, UpdateFrequency: "monthly",
			MinimumDataSet: []string{"stock.headcount"}},
	}
	for _, other := range res.Countries[1:] {
		if p := repo.Country(other.Code); p.AsIs != nil {
			p.AsIs.DataSources = nil
		}
	}
	tables := export.ReportTables(repo, res, "data")
	if len(tables) != 2 || tables[0].Name != "data_sources" || tables[1].Name != "data_coverage" {
		t.Fatalf("tables %+v", tables)
	}
	csv, err := export.CSV(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	want := "country,id,name,kind,owner,professions,update_frequency,minimum_data_set\n" +
		code + ",reg,'+Register,professional_register,Unit,nurses,annual,stock.headcount; mobility.emigrants\n" +
		code + ",hr,HR,hris,Unit,nurses,monthly,stock.headcount\n"
	if got := strings.ReplaceAll(string(csv), "\r\n", "\n"); got != want {
		t.Errorf("data_sources.csv:\n%s\nwant\n%s", got, want)
	}
	cov := tables[1]
	if len(cov.Rows) != 19*len(res.Countries) {
		t.Fatalf("coverage has %d rows, want 19 per country", len(cov.Rows))
	}
	// stock.headcount: 2 sources; stock.fte: none; mobility.emigrants (row 17): 1.
	first := cov.Rows[0]
	if first[1] != "stock" || first[2] != "stock.headcount" || first[3] != 2 || first[4] != true {
		t.Errorf("first row %v", first)
	}
	if r := cov.Rows[1]; r[2] != "stock.fte" || r[3] != 0 {
		t.Errorf("second row %v", r)
	}
	if r := cov.Rows[16]; r[2] != "mobility.emigrants" || r[3] != 1 {
		t.Errorf("row 17 %v", r)
	}
	if r := cov.Rows[19]; r[0] == code || r[3] != 0 || r[4] != false {
		t.Errorf("a country without sources: %v, want 0 and not declared", r)
	}
	if _, err := export.XLSX(tables); err != nil {
		t.Errorf("workbook: %v", err)
	}
}
