package compare_test

import (
	"encoding/json"
	"github.com/hwfplan/hwfplan/internal/num"
	"math"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
)

// The fixture (comparetest/mini.txtar), normalised with (score-min)/(max-min):
// data.timeliness is on 1-4 (x → (x-1)/3), the other items on 0-2 (x → x/2).
//
//	     timeliness   linkage   committee   uptake
//	AA   2→1/3        1→1/2     0→0         2→1        targets: tim 4, lin 2, com 2
//	BB   4→1          2→1       1→1/2       n/a        targets: com 2
//	CC   3→2/3        2→1       2→1         1→1/2      targets: tim 4, upt 2
//
// To-be of an item = its target if set, else its as-is score.

const eps = 1e-9

func approx(t *testing.T, what string, got compare.Num, want float64) {
	t.Helper()
	if !got.Valid {
		t.Errorf("%s = missing, want %.6f", what, want)
		return
	}
	if math.Abs(got.Value-want) > eps {
		t.Errorf("%s = %.6f, want %.6f", what, got.Value, want)
	}
}

func missing(t *testing.T, what string, got compare.Num) {
	t.Helper()
	if got.Valid {
		t.Errorf("%s = %.6f, want missing", what, got.Value)
	}
}

func compute(t *testing.T) *compare.Result {
	t.Helper()
	r, err := compare.Compute(comparetest.Repo(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCountryTaskScores(t *testing.T) {
	r := compute(t)
	tests := []struct {
		country, task                 string
		asis, tobe, gap, completeness float64
		assessed                      int
	}{
		// AA data: as-is (1/3+1/2)/2 = 5/12; to-be (1+1)/2 = 1; gap 7/12.
		{"AA", "data", 5.0 / 12, 1, 7.0 / 12, 1, 2},
		// AA gov: as-is (0+1)/2 = 1/2; to-be (1 + uptake as-is 1)/2 = 1; gap 1/2.
		{"AA", "gov", 0.5, 1, 0.5, 1, 2},
		// BB data: (1+1)/2 = 1, no targets so to-be 1, gap 0.
		{"BB", "data", 1, 1, 0, 1, 2},
		// BB gov: only committee assessed: 1/2, to-be 1, gap 1/2; completeness 1/2.
		{"BB", "gov", 0.5, 1, 0.5, 0.5, 1},
		// CC data: (2/3+1)/2 = 5/6; to-be (1+1)/2 = 1; gap 1/6.
		{"CC", "data", 5.0 / 6, 1, 1.0 / 6, 1, 2},
		// CC gov: (1+1/2)/2 = 3/4; to-be (1+1)/2 = 1; gap 1/4.
		{"CC", "gov", 0.75, 1, 0.25, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.country+"/"+tt.task, func(t *testing.T) {
			c := r.Country(tt.country)
			ts, ok := c.Task(tt.task)
			if !ok {
				t.Fatalf("no task %s", tt.task)
			}
			approx(t, "as-is", ts.AsIs, tt.asis)
			approx(t, "to-be", ts.ToBe, tt.tobe)
			approx(t, "gap", ts.Gap, tt.gap)
			approx(t, "completeness", ts.Completeness, tt.completeness)
			if ts.Assessed != tt.assessed || ts.ItemCount != 2 {
				t.Errorf("assessed %d of %d, want %d of 2", ts.Assessed, ts.ItemCount, tt.assessed)
			}
		})
	}
	// Country completeness: AA 4/4, BB 3/4, CC 4/4.
	for code, want := range map[string]float64{"AA": 1, "BB": 0.75, "CC": 1} {
		approx(t, code+" completeness", r.Country(code).Completeness, want)
	}
	if got := r.Illustrative; len(got) != 1 || got[0] != "AA" {
		t.Errorf("illustrative = %v, want [AA]", got)
	}
}

func TestItemScores(t *testing.T) {
	r := compute(t)
	tests := []struct {
		country, item   string
		asis, tobe, gap float64
		targeted        bool
	}{
		{"AA", "data.timeliness", 1.0 / 3, 1, 2.0 / 3, true}, // (2-1)/3, (4-1)/3
		{"AA", "gov.uptake", 1, 1, 0, false},                 // no target: to-be = as-is
		{"CC", "gov.uptake", 0.5, 1, 0.5, true},
		{"BB", "gov.committee", 0.5, 1, 0.5, true},
	}
	for _, tt := range tests {
		t.Run(tt.country+"/"+tt.item, func(t *testing.T) {
			it, ok := r.Country(tt.country).Item(tt.item)
			if !ok {
				t.Fatal("item missing")
			}
			approx(t, "as-is", it.AsIs, tt.asis)
			approx(t, "to-be", it.ToBe, tt.tobe)
			approx(t, "gap", it.Gap, tt.gap)
			if it.Targeted != tt.targeted {
				t.Errorf("targeted = %v", it.Targeted)
			}
		})
	}
	t.Run("not assessed", func(t *testing.T) {
		it, _ := r.Country("BB").Item("gov.uptake")
		missing(t, "as-is", it.AsIs)
		missing(t, "gap", it.Gap)
		if it.Assessed || it.NotReason != "No data yet." {
			t.Errorf("assessed=%v reason=%q", it.Assessed, it.NotReason)
		}
	})
}

func TestRankings(t *testing.T) {
	r := compute(t)
	type e struct {
		rank    int
		country string
	}
	want := map[string][]e{
		// data: BB 1 > CC 5/6 > AA 5/12.
		"data": {{1, "BB"}, {2, "CC"}, {3, "AA"}},
		// gov: CC 3/4 > AA 1/2 = BB 1/2 (tie shares rank 2, ordered by code).
		"gov": {{1, "CC"}, {2, "AA"}, {2, "BB"}},
	}
	for _, rk := range r.CrossCountry.Rankings {
		t.Run(rk.Task, func(t *testing.T) {
			w := want[rk.Task]
			if len(rk.Entries) != len(w) {
				t.Fatalf("entries %v", rk.Entries)
			}
			for i, got := range rk.Entries {
				if got.Rank != w[i].rank || got.Country != w[i].country {
					t.Errorf("entry %d = %d %s, want %d %s", i, got.Rank, got.Country, w[i].rank, w[i].country)
				}
			}
		})
	}
}

func TestDistributions(t *testing.T) {
	r := compute(t)
	d := r.CrossCountry.Distributions
	if len(d) != 2 || d[0].Task != "data" || d[1].Task != "gov" {
		t.Fatalf("distributions %+v", d)
	}
	// data as-is: 5/12, 5/6, 1. Mean (5+10+12)/36 = 3/4; median 5/6; spread 1-5/12 = 7/12.
	// Deviations -1/3, 1/12, 1/4 → squares 16/144, 1/144, 9/144; /3 → 26/432; sd = sqrt(26/432).
	st := d[0].AsIs
	approx(t, "data mean", st.Mean, 0.75)
	approx(t, "data median", st.Median, 5.0/6)
	approx(t, "data min", st.Min, 5.0/12)
	approx(t, "data max", st.Max, 1)
	approx(t, "data spread", st.Spread, 7.0/12)
	approx(t, "data sd", st.StdDev, math.Sqrt(26.0/432))
	if st.Count != 3 {
		t.Errorf("count %d", st.Count)
	}
	// gov as-is: 1/2, 1/2, 3/4. Mean 7/12; median 1/2; spread 1/4;
	// deviations -1/12, -1/12, 1/6 → (1+1+4)/144 /3 = 2/144; sd = sqrt(2)/12.
	st = d[1].AsIs
	approx(t, "gov mean", st.Mean, 7.0/12)
	approx(t, "gov median", st.Median, 0.5)
	approx(t, "gov spread", st.Spread, 0.25)
	approx(t, "gov sd", st.StdDev, math.Sqrt2/12)
	// data to-be: 1, 1, 1 → mean 1, spread 0, sd 0.
	approx(t, "data to-be mean", d[0].ToBe.Mean, 1)
	approx(t, "data to-be spread", d[0].ToBe.Spread, 0)
	approx(t, "data to-be sd", d[0].ToBe.StdDev, 0)
	// data gap: 7/12, 0, 1/6 → mean (7+0+2)/36 = 1/4, median 1/6, max 7/12.
	approx(t, "data gap mean", d[0].Gap.Mean, 0.25)
	approx(t, "data gap median", d[0].Gap.Median, 1.0/6)
	approx(t, "data gap max", d[0].Gap.Max, 7.0/12)
	// gov gap: 1/2, 1/2, 1/4 → mean 5/12, median 1/2.
	approx(t, "gov gap mean", d[1].Gap.Mean, 5.0/12)
	approx(t, "gov gap median", d[1].Gap.Median, 0.5)
}

func TestMatrix(t *testing.T) {
	m := compute(t).CrossCountry.Matrix
	if len(m.Countries) != 3 || m.Countries[0] != "AA" || len(m.Tasks) != 2 || m.Tasks[1] != "gov" {
		t.Fatalf("matrix axes %v × %v", m.Countries, m.Tasks)
	}
	// Rows by code, columns in framework order; the same values as TestCountryTaskScores.
	approx(t, "AA data as-is", m.AsIs[0][0], 5.0/12)
	approx(t, "BB gov as-is", m.AsIs[1][1], 0.5)
	approx(t, "CC gov to-be", m.ToBe[2][1], 1)
	approx(t, "CC data gap", m.Gap[2][0], 1.0/6)
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		name                 string
		in                   []compare.Num
		count                int
		mean, median, stddev float64
	}{
		// 0, 1/2, 1, 1 → mean 5/8, median (1/2+1)/2 = 3/4;
		// deviations -5/8, -1/8, 3/8, 3/8 → (25+1+9+9)/64 /4 = 44/256, sd = sqrt(44)/16.
		{"even count", []compare.Num{compare.Some(1), compare.Some(0), {}, compare.Some(0.5), compare.Some(1)}, 4, 0.625, 0.75, math.Sqrt(44) / 16},
		{"single", []compare.Num{compare.Some(0.4)}, 1, 0.4, 0.4, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := compare.Describe(tt.in)
			if st.Count != tt.count {
				t.Errorf("count %d, want %d", st.Count, tt.count)
			}
			approx(t, "mean", st.Mean, tt.mean)
			approx(t, "median", st.Median, tt.median)
			approx(t, "sd", st.StdDev, tt.stddev)
		})
	}
	t.Run("empty", func(t *testing.T) {
		st := compare.Describe([]compare.Num{{}})
		if st.Count != 0 || st.Mean.Valid || st.Spread.Valid || st.StdDev.Valid {
			t.Errorf("%+v", st)
		}
	})
}

func TestNumJSON(t *testing.T) {
	b, err := json.Marshal([]compare.Num{compare.Some(2.0 / 3), {}, compare.Some(-1e-9), compare.Some(1)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "[0.6667,null,0,1]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := (compare.Num{}).String(); got != num.Missing {
		t.Errorf("missing renders %q, want num.Missing %q", got, num.Missing)
	}
	if got := (compare.Num{}).Signed(); got != num.Missing {
		t.Errorf("missing difference renders %q, want num.Missing %q", got, num.Missing)
	}
}

func TestNumInALanguage(t *testing.T) {
	de := num.In("de")
	n, d := compare.Exact(num.Frac(1, 8)), compare.Exact(num.Frac(-1, 10))
	for _, c := range []struct{ got, want string }{
		{n.StringIn(de), "0,13"}, {d.SignedIn(de), "\u22120,10"}, {n.FormatIn(de, 3), "0,125"},
		{n.PercentIn(de), "13\u00a0%"}, {n.PercentIn(num.In("hu")), "13%"},
		{compare.Num{}.StringIn(de), num.Missing}, {compare.Num{}.SignedIn(de), num.Missing}, {compare.Num{}.FormatIn(de, 2), ""},
		{n.StringIn(num.English), n.String()}, {d.SignedIn(num.English), d.Signed()},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
