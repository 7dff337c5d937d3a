package progress_test

import (
	"github.com/hwfplan/hwfplan/internal/num"
	"math/big"
	"testing"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/progress/progresstest"
	"github.com/hwfplan/hwfplan/internal/validate"
)

func compute(t *testing.T) *progress.Progress {
	t.Helper()
	return progress.Compute(progresstest.Repo(t), progresstest.AsOf)
}

// TestFixtureValidates keeps the fixture a repository validate accepts, so the
// numbers below are about plans a country could really commit.
func TestFixtureValidates(t *testing.T) {
	repo := progresstest.Repo(t)
	ds, err := validate.Validate(repo, nil, validate.Options{Today: "2027-03-31"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Severity == diag.Error {
			t.Errorf("fixture: %s", d)
		}
	}
}

// The KPIs, worked out by hand. A path runs from the start of the action's
// first month to the end of the target year; an observation counts at the end
// of its month.
func TestKPIs(t *testing.T) {
	p := compute(t)
	for _, c := range []struct {
		country, action, kpi string
		state                progress.KPIState
		share, expected      *big.Rat
		latest               string
		observed             int
		reached              bool
	}{
		// 2025-06 to end of 2027: 31 months; 2026-06 is 13 gone. 2 of 0→4 is 1/2.
		{"AA", "AA-A2", "k1", progress.KPIOnTrack, big.NewRat(1, 2), big.NewRat(13, 31), "2026-06", 2, false},
		// 2025-06 to end of 2026: 19 months; 2026-03 is 10 gone. 35 of 20→80 is 15/60.
		// The 2026-09 observation is after the report date: left out.
		{"AA", "AA-A2", "k2", progress.KPIOffTrack, big.NewRat(1, 4), big.NewRat(10, 19), "2026-03", 1, false},
		// Falling KPI, 100→50; 40 is past the target: 60/50. 2025-01 to end 2026: 24; 14 gone.
		{"AA", "AA-A5", "k1", progress.KPIOnTrack, big.NewRat(6, 5), big.NewRat(14, 24), "2026-02", 1, true},
		{"AA", "AA-A3", "k1", progress.KPINoData, nil, nil, "", 0, false},
		// 2025-01 to end 2026: 24 months, 2026-06 is 18 gone; 100 of 0→100 reached.
		{"BB", "BB-A1", "k1", progress.KPIOnTrack, big.NewRat(1, 1), big.NewRat(18, 24), "2026-06", 1, true},
		{"CC", "CC-A1", "k1", progress.KPINoData, nil, nil, "", 0, false},
	} {
		k := p.Country(c.country).Action(c.action).KPI(c.kpi)
		name := c.action + " " + c.kpi
		if k.State != c.state || k.Reached != c.reached || len(k.Observations) != c.observed {
			t.Errorf("%s: state %s reached %v observed %d, want %s %v %d", name, k.State, k.Reached, len(k.Observations), c.state, c.reached, c.observed)
		}
		if c.share == nil {
			if k.Latest != nil {
				t.Errorf("%s: latest %v, want none", name, k.Latest)
			}
			continue
		}
		if k.Latest == nil || string(k.Latest.Date) != c.latest {
			t.Errorf("%s: latest %v, want %s", name, k.Latest, c.latest)
			continue
		}
		share, expected := progress.Path(k.Baseline, k.Target, k.TargetYear, k.Start, *k.Latest)
		if share.Cmp(c.share) != 0 || expected.Cmp(c.expected) != 0 {
			t.Errorf("%s: share %s expected %s, want %s and %s", name, share.RatString(), expected.RatString(), c.share.RatString(), c.expected.RatString())
		}
		if f, _ := c.share.Float64(); k.Share != f {
			t.Errorf("%s: Share %v, want %v", name, k.Share, f)
		}
		if f, _ := c.expected.Float64(); k.Expected != f {
			t.Errorf("%s: Expected %v, want %v", name, k.Expected, f)
		}
	}
}

func TestPathEdges(t *testing.T) {
	obs := func(m string, v float64) plan.Observation { return plan.Observation{Date: plan.YearMonth(m), Value: v} }
	for _, c := range []struct {
		name             string
		baseline, target float64
		year             int
		start            string
		o                plan.Observation
		share, expected  *big.Rat
	}{
		{"decimals are exact", 0.1, 0.3, 2026, "2026-01", obs("2026-06", 0.2), big.NewRat(1, 2), big.NewRat(6, 12)},
		{"before the start", 0, 10, 2026, "2026-01", obs("2025-06", 1), big.NewRat(1, 10), big.NewRat(0, 1)},
		{"after the target year", 0, 10, 2026, "2026-01", obs("2027-06", 5), big.NewRat(1, 2), big.NewRat(1, 1)},
		{"target year before the start", 0, 10, 2024, "2026-01", obs("2026-06", 5), big.NewRat(1, 2), big.NewRat(1, 1)},
		{"flat target met", 5, 5, 2026, "2026-01", obs("2026-06", 5), big.NewRat(1, 1), big.NewRat(6, 12)},
		{"flat target missed", 5, 5, 2026, "2026-01", obs("2026-06", 6), big.NewRat(0, 1), big.NewRat(6, 12)},
		{"away from the target", 10, 20, 2026, "2026-01", obs("2026-06", 5), big.NewRat(-1, 2), big.NewRat(6, 12)},
	} {
		share, expected := progress.Path(c.baseline, c.target, c.year, plan.YearMonth(c.start), c.o)
		if share.Cmp(c.share) != 0 || expected.Cmp(c.expected) != 0 {
			t.Errorf("%s: share %s expected %s, want %s and %s", c.name, share.RatString(), expected.RatString(), c.share.RatString(), c.expected.RatString())
		}
	}
}

func TestValue(t *testing.T) {
	for _, c := range []struct {
		v          float64
		unit, want string
	}{
		{34, "%", "34 %"},
		{34.5, "percent", "34.5 %"},
		{34, "% of doctors", "34 % of doctors"},
		{65.4, "per 10 000", "65.4 per 10 000"},
		{5200, "places per year", "5,200 places per year"},
	} {
		if got := progress.Value(c.v, c.unit); got != c.want {
			t.Errorf("Value(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

func TestValueIn(t *testing.T) {
	de, hu := num.In("de"), num.In("hu")
	for _, c := range []struct{ got, want string }{
		{progress.ValueIn(de, 34.5, "percent"), "34,5\u00a0%"},
		{progress.ValueIn(hu, 34, "%"), "34%"},
		{progress.ValueIn(de, 34, "% of doctors"), "34\u00a0% of doctors"},
		{progress.ValueIn(de, 65.4, "per 10 000"), "65,4 per 10 000"},
		{progress.ValueIn(hu, 5200, "places per year"), "5\u00a0200 places per year"},
		{progress.ValueIn(num.English, 34, "%"), progress.Value(34, "%")},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
