package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

func TestStakeholderGrid(t *testing.T) {
	sh := func(name string, power, will int) plan.Stakeholder {
		return plan.Stakeholder{Name: name, Power: power, Willingness: will, Expertise: 3}
	}
	c := &CountryView{Plan: &model.Country{AsIs: &plan.AsIs{Stakeholders: []plan.Stakeholder{
		sh("Ministry", 5, 4), sh("Chamber", 4, 2), sh("Union", 4, 1), sh("Patients", 1, 5), sh("Insurer", 3, 3), sh("Region", 2, 2),
	}}}}
	g := c.StakeholderGrid()
	if g == nil || g.Total != 6 {
		t.Fatalf("grid %+v", g)
	}
	if !slices.Equal(g.Cols, []string{"low (1-2)", "medium (3)", "high (4-5)"}) {
		t.Errorf("columns %v", g.Cols)
	}
	want := [][]string{
		{"Chamber; Union", "", "Ministry"}, // high power
		{"", "Insurer", ""},                // medium
		{"Region", "", "Patients"},         // low
	}
	for r, row := range g.Rows {
		for col, names := range row.Cells {
			if got := strings.Join(names, "; "); got != want[r][col] {
				t.Errorf("row %s, column %s: %q, want %q", row.Label, g.Cols[col], got, want[r][col])
			}
		}
	}
	if !slices.Equal(g.Drivers, []string{"Ministry"}) || !slices.Equal(g.Resisters, []string{"Chamber", "Union"}) {
		t.Errorf("drivers %v, resisters %v", g.Drivers, g.Resisters)
	}
	if (&CountryView{}).StakeholderGrid() != nil || (&CountryView{Plan: &model.Country{AsIs: &plan.AsIs{}}}).StakeholderGrid() != nil {
		t.Error("a country without a stakeholder map has a grid")
	}
}

func TestProfileViews(t *testing.T) {
	repo, res := loadFixture(t)
	d := newData("as-is", repo, res, fixtureSource)
	hu := d.Country("HU")
	var starts []string
	for _, r := range hu.ItemRows() {
		if r.TaskStart != "" {
			starts = append(starts, r.TaskStart+"."+r.Item)
		}
	}
	if !slices.Equal(starts, []string{"data.timeliness", "models.methodology", "skills.policy_planning", "stakeholders.policy_objectives"}) {
		t.Errorf("task starts %v", starts)
	}
	rows := hu.ItemRows()
	if rows[0].Evidence != "The professional register is updated yearly." || !slices.Equal(rows[0].Sources, []string{"Operational register of health professionals"}) {
		t.Errorf("first row evidence %q sources %v", rows[0].Evidence, rows[0].Sources)
	}
	if s := hu.Staff(); s == nil || s.Headcount != 4 || s.FTE != compare.Some(3.5) {
		t.Errorf("staff %+v", s)
	}
	if ts := hu.TaskSummaries(); len(ts) != 4 || ts[1].Task != "models" {
		t.Errorf("summaries %+v", ts)
	}
	un := d.Unassessed()
	if len(un) != 3 || un[0].Country.Code != "HU" || un[0].Item != "data.hris" || un[0].Task != "data" || !strings.HasPrefix(un[0].Reason, "The hospital HR") {
		t.Errorf("unassessed %+v", un)
	}
	if p := d.AssessmentPeriod(); p.First != "2024-06-28" || p.Last != "2024-06-28" {
		t.Errorf("period %+v", p)
	}
	if d.AllIllustrative() || len(d.Illustrative) != 1 {
		t.Errorf("only HU is illustrative")
	}
}

func TestMedianPhrase(t *testing.T) {
	repo, _ := loadFixture(t)
	fw := repo.Framework
	tests := []struct {
		s    compare.Standing
		want string
	}{
		{compare.Standing{Below: []string{"data", "models", "skills", "stakeholders"}}, "below the median of all countries on every task"},
		{compare.Standing{Above: []string{"models"}, AtMedian: []string{"skills", "stakeholders"}, Below: []string{"data"}},
			"above the median of all countries on Models and tools, level with it on Planners' skills and Stakeholders and below it on Data and sources"},
		{compare.Standing{AtMedian: []string{"data"}, Below: []string{"models"}}, "level with the median of all countries on Data and sources and below it on Models and tools"},
	}
	for _, tt := range tests {
		if got := medianPhrase(englishMessages(), fw, tt.s); got != tt.want {
			t.Errorf("medianPhrase(%+v) =\n%q, want\n%q", tt.s, got, tt.want)
		}
	}
	if got := enumText("trade_union"); got != "trade union" {
		t.Errorf("enumText(trade_union) = %q", got)
	}
}

// TestFindingsOtherCases builds the as-is report from the mini fixture, whose
// numbers take the findings' other branches: no item weak in most countries,
// one cluster lowest on every task, a one-country cluster.
func TestFindingsOtherCases(t *testing.T) {
	repo := comparetest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Build(repo, res, "as-is", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["as-is.md"])
	for _, want := range []string{
		"**Countries are strongest on Data and weakest on Gov.** The typical (median) country scores 0.83 on Data and 0.50 on Gov. They lie furthest apart on Data, from 0.42 to 1.00",
		"**No item is weak in most countries.** The most widely weak is Committee: 1 of 3 countries score it in the lower half of its scale",
		"**Shared strengths.** More than half of the countries that assessed it already reach the top of the scale on Linkage (2 of 3)",
		"[Bravia](#country-bb) ranks first on Data; [Centra](#country-cc) on Gov.",
		"**The clusters differ most on Gov and agree most on Data.**",
		"The Cluster one has the lowest mean on every task, the Cluster two the highest.",
		"A cluster has only 1 to 2 countries, so a single country counts for 100\u00a0% of its cluster's mean",
		"The data of Aland are illustrative sample content",
		"| [Bravia](#country-bb) | Gov | Uptake | No data yet. |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("as-is.md lacks %q", want)
		}
	}
}

// TestProseFuncsShadowNothing: the prose helpers are added after funcMap, so one
// of the same name would silently replace it in both reports.
func TestProseFuncsShadowNothing(t *testing.T) {
	repo, res := loadFixture(t)
	d := newData("as-is", repo, res, fixtureSource)
	base := funcMap(newDoc("as-is", "m-", nil, nil, englishMessages()), d)
	for name := range proseFuncs(d) {
		if _, dup := base[name]; dup {
			t.Errorf("proseFuncs redefines %q", name)
		}
	}
}
