package compare_test

import (
	"math"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plan"
)

func counts(cs []compare.Count) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.Key] = c.Count
	}
	return m
}

func TestActionCounts(t *testing.T) {
	a := compute(t).Actions
	// Five actions: AA-A1 done, AA-A2 planned, BB-A1 in_progress, CC-A1 delayed, CC-A2 planned.
	if a.Total != 5 {
		t.Errorf("total %d", a.Total)
	}
	want := map[string]int{"planned": 2, "in_progress": 1, "done": 1, "delayed": 1, "cancelled": 0}
	if got := counts(a.ByStatus); !mapsEqual(got, want) {
		t.Errorf("by status %v, want %v", got, want)
	}
	var keys []string
	for _, c := range a.ByStatus {
		keys = append(keys, c.Key)
	}
	if !slices.Equal(keys, compare.Statuses) {
		t.Errorf("status order %v", keys)
	}
	// data: AA-A1 done, CC-A1 delayed; gov: AA-A2 planned, BB-A1 in_progress, CC-A2 planned.
	if len(a.ByTask) != 2 || a.ByTask[0].Task != "data" || a.ByTask[0].Total != 2 || a.ByTask[1].Total != 3 {
		t.Fatalf("by task %+v", a.ByTask)
	}
	if got := counts(a.ByTask[1].ByStatus); got["planned"] != 2 || got["in_progress"] != 1 {
		t.Errorf("gov statuses %v", got)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestCoverage(t *testing.T) {
	a := compute(t).Actions
	tests := []struct {
		country   string
		uncovered []string
		gaps      []float64
		noAction  []string
	}{
		// AA gaps ≥ 0.25: committee 1 (AA-S2), timeliness 2/3 (no step), linkage 1/2 (AA-S1).
		// AA-S2 has no action (both actions implement AA-S1).
		{"AA", []string{"data.timeliness"}, []float64{2.0 / 3}, []string{"AA-S2"}},
		// BB: committee 1/2 is listed by BB-S1, which BB-A1 implements.
		{"BB", nil, nil, nil},
		// CC: timeliness 1/3 listed by CC-S1; uptake 1/2 listed by no step.
		{"CC", []string{"gov.uptake"}, []float64{0.5}, nil},
	}
	for i, tt := range tests {
		t.Run(tt.country, func(t *testing.T) {
			ca := a.Countries[i]
			if ca.Country != tt.country {
				t.Fatalf("country %s", ca.Country)
			}
			var items []string
			for j, g := range ca.UncoveredGaps {
				items = append(items, g.Item)
				approx(t, g.Item, g.Gap, tt.gaps[j])
			}
			if !slices.Equal(items, tt.uncovered) {
				t.Errorf("uncovered %v, want %v", items, tt.uncovered)
			}
			if !slices.Equal(ca.StepsWithoutAction, tt.noAction) && len(ca.StepsWithoutAction)+len(tt.noAction) > 0 {
				t.Errorf("steps without action %v, want %v", ca.StepsWithoutAction, tt.noAction)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	a := compute(t).Actions
	// EUR: AA-A1 100 national secured, AA-A2 300 eu unsecured, CC-A1 200 national secured
	// → total 600, secured 300, share 1/2; eu 300/0, national 300/300.
	// HUF: BB-A1 1000 national secured → share 1. Currencies are never added up.
	cur := a.Budget.Currencies
	if len(cur) != 2 || cur[0].Currency != "EUR" || cur[1].Currency != "HUF" {
		t.Fatalf("budget %+v", a.Budget)
	}
	eur := cur[0]
	if eur.Total != 600 || eur.Secured != 300 || eur.Actions != 3 {
		t.Errorf("EUR %+v", eur)
	}
	approx(t, "EUR secured share", eur.SecuredShare, 0.5)
	if len(eur.BySource) != 2 || eur.BySource[0].Source != "eu" || eur.BySource[0].Total != 300 || eur.BySource[0].Secured != 0 ||
		eur.BySource[1].Source != "national" || eur.BySource[1].Total != 300 || eur.BySource[1].Secured != 300 {
		t.Errorf("EUR by source %+v", eur.BySource)
	}
	approx(t, "EUR eu share", eur.BySource[0].SecuredShare, 0)
	approx(t, "EUR national share", eur.BySource[1].SecuredShare, 1)
	huf := cur[1]
	if huf.Total != 1000 || huf.Secured != 1000 {
		t.Errorf("HUF %+v", huf)
	}
	approx(t, "HUF share", huf.SecuredShare, 1)
	// CC-A2 has no budget.
	if a.Countries[2].Unbudgeted != 1 || a.Countries[0].Unbudgeted != 0 {
		t.Errorf("unbudgeted CC %d AA %d", a.Countries[2].Unbudgeted, a.Countries[0].Unbudgeted)
	}
	// AA alone: EUR 400, secured 100 → 1/4.
	approx(t, "AA EUR share", a.Countries[0].Budget.Currencies[0].SecuredShare, 0.25)
	// The mini framework declares no exchange rates: no equivalents.
	if a.Budget.Equivalent != nil || eur.TotalEquivalent.Valid {
		t.Errorf("equivalents without rates: %+v", a.Budget.Equivalent)
	}
}

// miniWith loads the mini repository with replacements in some of its files.
func miniWith(t *testing.T, edits map[string][][2]string) *compare.Result {
	t.Helper()
	fsys := comparetest.FS()
	for file, reps := range edits {
		data := string(fsys[file].Data)
		for _, r := range reps {
			if !strings.Contains(data, r[0]) {
				t.Fatalf("%s has no %q", file, r[0])
			}
			data = strings.Replace(data, r[0], r[1], 1)
		}
		fsys[file] = &fstest.MapFile{Data: []byte(data)}
	}
	repo, ds := load.Load(fsys, load.Options{})
	for _, d := range ds {
		t.Errorf("fixture: %s", d)
	}
	r, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBudgetMeaning checks the budget totals mean what they say: cancelled
// actions are out of the planned and secured totals, money after the programme
// is the part that falls after it (never a whole-life budget), yearly costs are
// apart, and the EUR equivalents come from the declared rates.
func TestBudgetMeaning(t *testing.T) {
	r := miniWith(t, map[string][][2]string{
		"schema/framework.yaml": {{"gap_threshold: 0.25\n",
			"gap_threshold: 0.25\nexchange_rates: {base: EUR, date: \"2025-10-09\", source: Test bank, rates: [{currency: HUF, rate: 400}]}\n"}},
		// AA-A2 (2025-06 to 2027-06, EUR 300 eu, unsecured): 200 after the programme,
		// EUR 50 a year afterwards.
		"countries/AA/action-plan.yaml": {
			{"{amount: 300, currency: EUR, source: eu, secured: false}", "{amount: 300, currency: EUR, source: eu, secured: false, after_programme: 200}"},
			{"anchoring: law}", "anchoring: law, annual_cost: {amount: 50, currency: EUR}}"},
		},
		// BB-A1 (2025-01 to 2026-06, HUF 1000 secured) does not say: unsplit.
		// CC-A1 (EUR 200, ends 2026-01) is cancelled; CC-A2 (2026-01 to 2026-12) gets
		// a NOK budget, a currency without a rate.
		"countries/CC/action-plan.yaml": {
			{"    status: delayed", "    status: cancelled"},
			{"    start: 2026-01\n    end: 2026-12\n", "    start: 2026-01\n    end: 2026-12\n    budget: {amount: 900, currency: NOK, source: other, secured: false, after_programme: 800}\n"},
		},
	})
	b := r.Actions.Budget
	if len(b.Currencies) != 3 {
		t.Fatalf("currencies %+v", b.Currencies)
	}
	eur, huf, nok := b.Currencies[0], b.Currencies[1], b.Currencies[2]
	// EUR: AA-A1 100 (ends 2025-12, none after) + AA-A2 300 (200 after); CC-A1's 200 cancelled.
	if eur.Total != 400 || eur.Secured != 100 || eur.Actions != 2 || eur.Cancelled != 200 || eur.CancelledActions != 1 {
		t.Errorf("EUR totals %+v", eur)
	}
	if eur.AfterProgramme != 200 || eur.AfterProgrammeSecured != 0 || eur.Unsplit != 0 || eur.AnnualCost != 50 || eur.AnnualCostActions != 1 {
		t.Errorf("EUR after the programme %+v", eur)
	}
	approx(t, "EUR equivalent", eur.TotalEquivalent, 400)
	approx(t, "EUR after secured share", eur.AfterSecuredShare, 0)
	// HUF 1000 runs across the end without a split: not guessed.
	if huf.AfterProgramme != 0 || huf.Unsplit != 1 || huf.UnsplitAmount != 1000 {
		t.Errorf("HUF %+v", huf)
	}
	approx(t, "HUF rate", huf.Rate, 400)
	approx(t, "HUF equivalent", huf.TotalEquivalent, 2.5)
	// NOK: starts in the programme's last month, 800 after it as declared; no rate.
	if nok.AfterProgramme != 800 || nok.Rate.Valid || nok.TotalEquivalent.Valid {
		t.Errorf("NOK %+v", nok)
	}
	eq := b.Equivalent
	if eq == nil || eq.Base != "EUR" || eq.RatesDate != "2025-10-09" || !slices.Equal(eq.Unconverted, []string{"NOK"}) {
		t.Fatalf("equivalent %+v", eq)
	}
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"total", eq.Total, 402.5}, {"secured", eq.Secured, 102.5}, {"after", eq.AfterProgramme, 200},
		{"unsplit", eq.UnsplitAmount, 2.5}, {"annual", eq.AnnualCost, 50}, {"cancelled", eq.Cancelled, 200},
	} {
		if math.Abs(c.got-c.want) > eps {
			t.Errorf("equivalent %s = %v, want %v", c.what, c.got, c.want)
		}
	}
	// NOK 800 after, unsecured; EUR 200 after, unsecured; HUF unsplit → 0 of 200 secured.
	approx(t, "equivalent after secured share", eq.AfterSecuredShare, 0)
	// Readiness leaves the cancelled action out; CC-A1 ended with the programme anyway.
	all := r.Sustainability.All.Readiness
	if all.Actions != 4 || all.AfterEnd != 3 || all.Cancelled != 0 {
		t.Errorf("readiness %+v", all)
	}
	// Continuing actions: AA-A2 (EUR 200 after, 50 a year) and BB-A1 (HUF unsplit).
	cb := all.ContinuingBudget.Currencies
	if len(cb) != 2 || cb[0].AfterProgramme != 200 || cb[0].AnnualCost != 50 || cb[1].Unsplit != 1 {
		t.Errorf("continuing budget %+v", cb)
	}
}

func TestAfterProgramme(t *testing.T) {
	amt := func(v float64) *float64 { return &v }
	act := func(start, end string, after *float64) plan.Action {
		return plan.Action{Start: plan.YearMonth(start), End: plan.YearMonth(end),
			Budget: &plan.Budget{Amount: 120, Currency: "EUR", AfterProgramme: after}}
	}
	for _, tc := range []struct {
		name  string
		a     plan.Action
		want  float64
		known bool
	}{
		{"no budget", plan.Action{Start: "2025-01", End: "2027-01"}, 0, true},
		{"ends before", act("2024-01", "2025-12", nil), 0, true},
		{"ends in the last month", act("2024-01", "2026-01", nil), 0, true},
		{"starts after", act("2026-02", "2027-01", nil), 120, true},
		{"across, declared", act("2025-01", "2027-01", amt(70)), 70, true},
		{"across, declared above the budget", act("2025-01", "2027-01", amt(500)), 120, true},
		{"across, not said", act("2025-01", "2027-01", nil), 0, false},
		{"unreal month", act("2025-13", "2027-01", amt(70)), 0, false},
	} {
		got, known := compare.AfterProgramme(tc.a, "2026-01")
		if got != tc.want || known != tc.known {
			t.Errorf("%s: %v, %v; want %v, %v", tc.name, got, known, tc.want, tc.known)
		}
	}
}

func TestTimeline(t *testing.T) {
	a := compute(t).Actions
	var ids []string
	for _, e := range a.Timeline {
		ids = append(ids, e.ID)
	}
	// By country, then start month.
	if want := []string{"AA-A1", "AA-A2", "BB-A1", "CC-A1", "CC-A2"}; !slices.Equal(ids, want) {
		t.Errorf("timeline %v, want %v", ids, want)
	}
	// 2024-01 → 2024*12 + 0.
	if a.Timeline[0].StartIndex != 24288 || a.Timeline[0].EndIndex != 2025*12+11 {
		t.Errorf("indexes %d %d", a.Timeline[0].StartIndex, a.Timeline[0].EndIndex)
	}
	// Programme ends 2026-01: AA-A2 (2027-06), BB-A1 (2026-06), CC-A2 (2026-12) continue;
	// CC-A1 ends 2026-01, not after.
	ids = nil
	for _, e := range a.AfterEnd {
		ids = append(ids, e.ID)
	}
	if want := []string{"AA-A2", "BB-A1", "CC-A2"}; !slices.Equal(ids, want) {
		t.Errorf("after end %v, want %v", ids, want)
	}
}

func TestSustainability(t *testing.T) {
	s := compute(t).Sustainability
	// Domains on 0-2: AA 1→1/2, 2→1 (mean 3/4); BB 2→1, 0→0 (mean 1/2); CC 2→1, environment missing (mean 1).
	tests := []struct {
		country string
		dm, env float64
		envOK   bool
		mean    float64
	}{
		{"AA", 0.5, 1, true, 0.75},
		{"BB", 1, 0, true, 0.5},
		{"CC", 1, 0, false, 1},
	}
	for i, tt := range tests {
		t.Run(tt.country, func(t *testing.T) {
			cs := s.Countries[i]
			approx(t, "data_models", cs.Domains[0].Normalised, tt.dm)
			if tt.envOK {
				approx(t, "environment", cs.Domains[1].Normalised, tt.env)
			} else {
				missing(t, "environment", cs.Domains[1].Normalised)
			}
			approx(t, "mean", cs.Mean, tt.mean)
		})
	}
	// Readiness. AA: AA-A2 continues, not secured, anchored in law → secured 0, anchored 1.
	// BB: BB-A1 continues, secured, institution → secured 1, anchored 0.
	// CC: CC-A2 ends after the programme without a sustainability block → unstated 1, no shares.
	ra, rb, rc := s.Countries[0].Readiness, s.Countries[1].Readiness, s.Countries[2].Readiness
	approx(t, "AA secured", ra.SecuredShare, 0)
	approx(t, "AA anchored", ra.AnchoredShare, 1)
	approx(t, "BB secured", rb.SecuredShare, 1)
	approx(t, "BB anchored", rb.AnchoredShare, 0)
	missing(t, "CC secured", rc.SecuredShare)
	if rc.AfterEnd != 1 || rc.Unstated != 1 || rc.Stated != 0 || rc.Continuing != 0 {
		t.Errorf("CC readiness %+v", rc)
	}
	// Cluster c1 domains: data_models mean(1/2, 1) = 3/4, environment mean(1, 0) = 1/2.
	c1 := s.Clusters[0]
	approx(t, "c1 data_models", c1.Domains[0].Stats.Mean, 0.75)
	approx(t, "c1 environment", c1.Domains[1].Stats.Mean, 0.5)
	// c1 readiness pools AA and BB: 2 continuing, 1 secured, 1 anchored → 1/2 and 1/2.
	approx(t, "c1 secured", c1.Readiness.SecuredShare, 0.5)
	approx(t, "c1 anchored", c1.Readiness.AnchoredShare, 0.5)
	// c2 (CC): environment has no score.
	if s.Clusters[1].Domains[1].Stats.Count != 0 {
		t.Errorf("c2 environment count %d", s.Clusters[1].Domains[1].Stats.Count)
	}
	// All: data_models mean(1/2, 1, 1) = 5/6; 3 actions after the end, 1 unstated.
	all := s.All
	approx(t, "all data_models", all.Domains[0].Stats.Mean, 5.0/6)
	if all.Readiness.AfterEnd != 3 || all.Readiness.Unstated != 1 || all.Readiness.Continuing != 2 {
		t.Errorf("all readiness %+v", all.Readiness)
	}
	// Continuing budget: EUR 300 (AA-A2, unsecured) and HUF 1000 (BB-A1, secured).
	cb := all.Readiness.ContinuingBudget.Currencies
	if len(cb) != 2 || cb[0].Currency != "EUR" || cb[0].Total != 300 || cb[1].Total != 1000 || math.Abs(cb[1].SecuredShare.Value-1) > eps {
		t.Errorf("continuing budget %+v", cb)
	}
	if got := counts(all.Readiness.ByAnchoring); got["law"] != 1 || got["institution"] != 1 || got["none"] != 0 {
		t.Errorf("by anchoring %v", got)
	}
}
