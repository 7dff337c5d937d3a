package export_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/export"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress/progresstest"
)

func TestReportTablesModels(t *testing.T) {
	repo := comparetest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	code := res.Countries[0].Code
	c := repo.Country(code)
	if c.AsIs == nil {
		c.AsIs = &plan.AsIs{}
	}
	c.AsIs.Models = []plan.Model{
		{ID: "m1", Name: "=Supply", Type: "supply_stock_flow", Professions: []string{"nurses/midwifery", "medical_doctors"}, HorizonYears: 12, UpdateFrequency: "annual", Owner: "Unit"},
		{ID: "m2", Name: "Doctors", Type: "needs_based", Professions: []string{"medical_doctors"}, HorizonYears: 20, UpdateFrequency: "one_off", Owner: "Unit"},
	}
	for _, other := range res.Countries[1:] {
		if p := repo.Country(other.Code); p.AsIs != nil {
			p.AsIs.Models = nil
		}
	}
	if got := export.ReportTables(repo, res, "as-is"); got != nil {
		t.Errorf("the as-is report got tables %v", got)
	}
	tables := export.ReportTables(repo, res, "models")
	if len(tables) != 2 || tables[0].Name != "models" || tables[1].Name != "model_coverage" {
		t.Fatalf("tables %+v", tables)
	}
	csv, err := export.CSV(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	want := "country,id,name,type,professions,horizon_years,update_frequency,owner\r\n" +
		code + ",m1,'=Supply,supply_stock_flow,nurses/midwifery; medical_doctors,12,annual,Unit\r\n" +
		code + ",m2,Doctors,needs_based,medical_doctors,20,one_off,Unit\r\n"
	if got := string(csv); got != want && strings.ReplaceAll(got, "\r\n", "\n") != strings.ReplaceAll(want, "\r\n", "\n") {
		t.Errorf("models.csv:\n%s\nwant\n%s", got, want)
	}
	// The fixture's framework names one profession, nurses: one row per country;
	// the first country has 1 model for nurses (by the specialty), the others none.
	cov := tables[1]
	if len(cov.Rows) != 3*len(repo.Framework.Professions) {
		t.Fatalf("coverage has %d rows", len(cov.Rows))
	}
	got := map[string]any{}
	for _, r := range cov.Rows[:len(repo.Framework.Professions)] {
		got[r[1].(string)] = r[2]
	}
	if len(got) != 1 || got["nurses"] != 1 || cov.Rows[1][2] != 0 {
		t.Errorf("coverage of %s: %v", code, got)
	}
	if _, err := export.XLSX(tables); err != nil {
		t.Errorf("workbook: %v", err)
	}
}

// The skills report's tables are the items and actions tables' rows of the
// skills task, and a row per country that reports its planning staff.
func TestReportTablesSkills(t *testing.T) {
	repo := comparetest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	code := res.Countries[0].Code
	c := repo.Country(code)
	if c.AsIs == nil {
		c.AsIs = &plan.AsIs{}
	}
	c.AsIs.PlanningStaff = &plan.PlanningStaff{Headcount: 4, FTE: 3.5, Unit: "=Unit"}
	if c.ActionPlan == nil {
		c.ActionPlan = &plan.ActionPlan{}
	}
	c.ActionPlan.Actions = append(c.ActionPlan.Actions,
		plan.Action{ID: code + "-A90", Title: "Course", Task: "skills", Implements: []string{code + "-S1"}, Status: "done"},
		plan.Action{ID: code + "-A91", Title: "Register", Task: "data", Implements: []string{code + "-S1"}, Status: "planned"})
	tables := export.ReportTables(repo, res, "skills")
	if len(tables) != 3 || tables[0].Name != "competencies" || tables[1].Name != "training_actions" || tables[2].Name != "planning_staff" {
		t.Fatalf("tables %+v", tables)
	}
	// The mini framework has no skills task: no competency rows, the items
	// table's columns (the shipped plans' rows are checked in publish).
	if len(tables[0].Rows) != 0 || len(tables[0].Columns) != len(export.Tables(repo, res)[1].Columns) {
		t.Errorf("competencies %+v", tables[0])
	}
	var ids []any
	for _, r := range tables[1].Rows {
		ids = append(ids, r[1])
	}
	if len(ids) != 1 || ids[0] != code+"-A90" {
		t.Errorf("training actions %v, want only %s-A90", ids, code)
	}
	csv, err := export.CSV(tables[2])
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(csv), "\r\n", "\n"); !strings.Contains(got, "country,headcount,fte,unit\n"+code+",4,3.5,'=Unit\n") {
		t.Errorf("planning_staff.csv:\n%s", got)
	}
	if _, err := export.XLSX(tables); err != nil {
		t.Errorf("workbook: %v", err)
	}
}

// The stakeholders report's tables: the maps, and every dialogue participant
// with what it matches (compare.MatchParticipant), national and EU-level.
func TestReportTablesStakeholders(t *testing.T) {
	repo := comparetest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	code := res.Countries[0].Code
	c := repo.Country(code)
	if c.AsIs == nil {
		c.AsIs = &plan.AsIs{}
	}
	c.AsIs.Stakeholders = []plan.Stakeholder{{ID: "m", Name: "Ministry of Health", Type: "ministry", Role: "=Funds", Power: 5, Willingness: 4, Expertise: 3}}
	if c.ActionPlan == nil {
		c.ActionPlan = &plan.ActionPlan{}
	}
	c.ActionPlan.PolicyDialogue.Participants = []string{"ministry of health", "Unions"}
	repo.Programme.Dialogues = &plan.Dialogues{Dialogues: []plan.Dialogue{{ID: "D1", Level: "eu", Participants: []string{"Ministry of Health"}}}}
	tables := export.ReportTables(repo, res, "stakeholders")
	if len(tables) != 2 || tables[0].Name != "stakeholders" || tables[1].Name != "dialogue_participants" {
		t.Fatalf("tables %+v", tables)
	}
	csv, err := export.CSV(tables[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(csv), "\r\n", "\n"); !strings.Contains(got, code+",m,Ministry of Health,ministry,'=Funds,5,4,3\n") {
		t.Errorf("stakeholders.csv:\n%s", got)
	}
	var rows []string
	for _, r := range tables[1].Rows {
		rows = append(rows, fmt.Sprint(r...))
	}
	want := []string{
		fmt.Sprint("national", nil, code, "ministry of health", "name", code, "Ministry of Health"),
		fmt.Sprint("national", nil, code, "Unions", nil, nil, nil),
		fmt.Sprint("eu", "D1", nil, "Ministry of Health", "name", code, "Ministry of Health"),
	}
	// The other countries' participants (the mini fixture's) come between.
	if len(rows) < 3 || !slices.Equal(append(rows[:2:2], rows[len(rows)-1]), want) {
		t.Errorf("participants\n%q\nwant\n%q", rows, want)
	}
	if _, err := export.XLSX(tables); err != nil {
		t.Errorf("workbook: %v", err)
	}
}

// The progress report's tables: every observation with its KPI's baseline and
// target, and every round's scores, from the two-round fixture.
func TestReportTablesProgress(t *testing.T) {
	repo := progresstest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	tables := export.ReportTables(repo, res, "progress")
	if len(tables) != 2 || tables[0].Name != "kpi_observations" || tables[1].Name != "round_scores" {
		t.Fatalf("tables %+v", tables)
	}
	csv := func(tb export.Table) string {
		b, err := export.CSV(tb)
		if err != nil {
			t.Fatal(err)
		}
		return strings.ReplaceAll(string(b), "\r\n", "\n")
	}
	obs := csv(tables[0])
	// 6 observations: AA-A2 k1 (2), k2 (2, one after any report date), AA-A5 k1, BB-A1 k1.
	if n := strings.Count(obs, "\n"); n != 7 {
		t.Errorf("kpi_observations has %d lines, want a header and 6 rows:\n%s", n, obs)
	}
	for _, want := range []string{
		"country,action,kpi,indicator,unit,baseline,target,target_year,action_start,date,value,source\n",
		"AA,AA-A2,k1,Committee meetings per year,meetings,0,4,2027,2025-06,2026-06,2,Committee minutes\n",
		"AA,AA-A5,k1,Days from licence to register entry,days,100,50,2026,2025-01,2026-02,40,Register log\n",
	} {
		if !strings.Contains(obs, want) {
			t.Errorf("kpi_observations lacks %q:\n%s", want, obs)
		}
	}
	rounds := csv(tables[1])
	// AA: 4 baseline scores, 2 in 2026-review, 1 in 2027-review; BB 4 (one not assessed); CC 4.
	if n := strings.Count(rounds, "\n"); n != 16 {
		t.Errorf("round_scores has %d lines, want a header and 15 rows:\n%s", n, rounds)
	}
	for _, want := range []string{
		"AA,baseline,2024-06-01,AA Ministry,data,data.linkage,1,\n",
		"AA,2026-review,2026-05-15,AA Ministry; AA University,data,data.linkage,2,\n",
		"AA,2027-review,2027-03-01,,gov,gov.committee,2,\n",
		"BB,baseline,2024-06-01,,gov,gov.uptake,,No data yet.\n",
	} {
		if !strings.Contains(rounds, want) {
			t.Errorf("round_scores lacks %q:\n%s", want, rounds)
		}
	}
	if _, err := export.XLSX(tables); err != nil {
		t.Errorf("workbook: %v", err)
	}
}
