package compare_test

import (
	"slices"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/plan"
)

func ptr(v float64) *float64 { return &v }

// TestEUActions counts the EU action plan as the national ones are counted. The
// fixture's programme ends in 2026-01.
//
//	EU-A1 in_progress, EUR 100,000 secured, ends 2025-12: nothing after the programme.
//	EU-A2 planned, EUR 400,000 not secured, 2025-09 to 2027-06, 340,000 after; continues,
//	      funding not secured, anchored in a strategy, EUR 20,000 a year.
//	EU-A3 planned, NOK 50,000 secured, 2025-11 to 2026-06, split not said; no sustainability.
//	EU-A4 cancelled, EUR 30,000: out of every total but Cancelled.
//	EU-A5 planned, no budget.
func TestEUActions(t *testing.T) {
	fw := comparetest.Repo(t).Framework
	sus := &plan.Sustainability{Continues: true, Anchoring: "strategy", AnnualCost: &plan.AnnualCost{Amount: 20000, Currency: "EUR"}}
	ap := &plan.EUActionPlan{Actions: []plan.EUAction{
		{ID: "EU-A1", Status: "in_progress", Start: "2025-01", End: "2025-12", Budget: &plan.Budget{Amount: 100000, Currency: "EUR", Source: "eu", Secured: true}},
		{ID: "EU-A2", Status: "planned", Start: "2025-09", End: "2027-06", Budget: &plan.Budget{Amount: 400000, Currency: "EUR", Source: "eu", AfterProgramme: ptr(340000)}, Sustainability: sus},
		{ID: "EU-A3", Status: "planned", Start: "2025-11", End: "2026-06", Budget: &plan.Budget{Amount: 50000, Currency: "NOK", Source: "other", Secured: true}},
		{ID: "EU-A4", Status: "cancelled", Start: "2025-11", End: "2026-06", Budget: &plan.Budget{Amount: 30000, Currency: "EUR", Source: "eu"}},
		{ID: "EU-A5", Status: "planned", Start: "2025-11", End: "2026-01"},
	}}
	s := compare.EUActions(fw, ap)
	if s.Total != 5 || s.Unbudgeted != 1 {
		t.Errorf("total %d, unbudgeted %d; want 5, 1", s.Total, s.Unbudgeted)
	}
	if got, want := counts(s.ByStatus), map[string]int{"planned": 3, "in_progress": 1, "done": 0, "delayed": 0, "cancelled": 1}; !mapsEqual(got, want) {
		t.Errorf("by status %v, want %v", got, want)
	}
	cur := s.Budget.Currencies
	if len(cur) != 2 || cur[0].Currency != "EUR" || cur[1].Currency != "NOK" {
		t.Fatalf("currencies %+v", cur)
	}
	eur, nok := cur[0], cur[1]
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"EUR total", eur.Total, 500000},
		{"EUR secured", eur.Secured, 100000},
		{"EUR after the programme", eur.AfterProgramme, 340000},
		{"EUR after, secured", eur.AfterProgrammeSecured, 0},
		{"EUR yearly cost", eur.AnnualCost, 20000},
		{"EUR cancelled", eur.Cancelled, 30000},
		{"EUR secured share", eur.SecuredShare.Value, 0.2},
		{"NOK total", nok.Total, 50000},
		{"NOK after the programme", nok.AfterProgramme, 0},
		{"NOK unsplit amount", nok.UnsplitAmount, 50000},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if eur.Actions != 2 || nok.Unsplit != 1 || eur.CancelledActions != 1 {
		t.Errorf("EUR actions %d, NOK unsplit %d, EUR cancelled %d; want 2, 1, 1", eur.Actions, nok.Unsplit, eur.CancelledActions)
	}
	r := s.Readiness
	if r.Actions != 4 || r.AfterEnd != 2 || r.Stated != 1 || r.Unstated != 1 || r.Continuing != 1 || r.Cancelled != 1 {
		t.Errorf("readiness %+v", r)
	}
	if !r.AnchoredShare.Valid || r.AnchoredShare.Value != 1 || !r.SecuredShare.Valid || r.SecuredShare.Value != 0 {
		t.Errorf("anchored %v, secured %v; want 1, 0", r.AnchoredShare, r.SecuredShare)
	}

	if empty := compare.EUActions(fw, nil); empty.Total != 0 || len(empty.Budget.Currencies) != 0 {
		t.Errorf("nil plan: %+v", empty)
	}
}

// TestPlanVersions: each version against the one before, measures matched by id.
func TestPlanVersions(t *testing.T) {
	sp := &plan.SustainabilityPlan{Versions: []plan.PlanVersion{
		{Version: "1.0", Date: "2024-06-30", Measures: []plan.Measure{
			{ID: "m1", Text: "Name a body", Domain: "governance"},
			{ID: "m2", Text: "Keep meeting", Domain: "environment"},
			{ID: "m4", Text: "Dropped later", Domain: "planners"},
		}},
		{Version: "2.0", Date: "2025-12-15", Measures: []plan.Measure{
			{ID: "m1", Text: "Name a body", Domain: "governance", Actions: []string{"HU-A2"}},
			{ID: "m2", Text: "Keep meeting twice a year", Domain: "governance"},
			{ID: "m3", Text: "Model library", Domain: "data_models", Actions: []string{"EU-A2"}},
		}},
		{Version: "2.1", Date: "2026-02-01", Measures: []plan.Measure{
			{ID: "m1", Text: "Name a body", Domain: "governance", Actions: []string{"HU-A2"}},
			{ID: "m2", Text: "Keep meeting twice a year", Domain: "governance"},
			{ID: "m3", Text: "Model library", Domain: "data_models", Actions: []string{"EU-A2"}},
		}},
	}}
	got := compare.PlanVersions(sp)
	if len(got) != 3 {
		t.Fatalf("%d versions, want 3", len(got))
	}
	ids := func(ms []plan.Measure) []string {
		out := []string{}
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	first, second, third := got[0], got[1], got[2]
	if first.Previous != "" || !slices.Equal(ids(first.Added), []string{"m1", "m2", "m4"}) || len(first.Removed)+len(first.Changed) != 0 {
		t.Errorf("first version %+v", first)
	}
	if second.Previous != "1.0" || !slices.Equal(ids(second.Added), []string{"m3"}) || !slices.Equal(ids(second.Removed), []string{"m4"}) {
		t.Errorf("second version: previous %q, added %v, removed %v", second.Previous, ids(second.Added), ids(second.Removed))
	}
	if len(second.Changed) != 2 {
		t.Fatalf("second version changed %+v", second.Changed)
	}
	if c := second.Changed[0]; c.After.ID != "m1" || !slices.Equal(c.Fields, []string{"actions"}) || len(c.Before.Actions) != 0 {
		t.Errorf("m1 change %+v", c)
	}
	if c := second.Changed[1]; c.After.ID != "m2" || !slices.Equal(c.Fields, []string{"text", "domain"}) || c.Before.Domain != "environment" {
		t.Errorf("m2 change %+v", c)
	}
	if !third.Unchanged() || second.Unchanged() || third.Previous != "2.0" {
		t.Errorf("third version unchanged %v, second %v", third.Unchanged(), second.Unchanged())
	}
	if compare.PlanVersions(nil) != nil {
		t.Error("nil plan: want no versions")
	}
}
