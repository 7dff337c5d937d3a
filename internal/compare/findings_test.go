package compare_test

import (
	"slices"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
)

// Item scores of the fixture, normalised (see compare_test.go):
//
//	            AA    BB    CC    weak   full
//	timeliness  1/3   1     2/3   AA     BB
//	linkage     1/2   1     1     -      BB CC
//	committee   0     1/2   1     AA     CC
//	uptake      1     n/a   1/2   -      AA

func TestItemStats(t *testing.T) {
	r := compute(t)
	items := r.CrossCountry.Items
	if got := len(items); got != 4 {
		t.Fatalf("%d items, want 4", got)
	}
	tests := []struct {
		key               string
		weak, full, notAs []string
		median, gapMean   float64
		weakInMost, full2 bool
	}{
		{"data.timeliness", []string{"AA"}, []string{"BB"}, []string{}, 2.0 / 3, (2.0/3 + 0 + 1.0/3) / 3, false, false},
		// 1/2 sits at the middle of the scale: not weak.
		{"data.linkage", []string{}, []string{"BB", "CC"}, []string{}, 1, 0.5 / 3, false, true},
		{"gov.committee", []string{"AA"}, []string{"CC"}, []string{}, 0.5, (1 + 0.5 + 0) / 3, false, false},
		{"gov.uptake", []string{}, []string{"AA"}, []string{"BB"}, 0.75, 0.25, false, false},
	}
	for i, tt := range tests {
		it := items[i]
		if it.Key != tt.key {
			t.Fatalf("item %d is %s, want %s", i, it.Key, tt.key)
		}
		if !slices.Equal(it.Weak, tt.weak) || !slices.Equal(it.Full, tt.full) || !slices.Equal(it.NotAssessed, tt.notAs) {
			t.Errorf("%s: weak %v full %v not assessed %v, want %v %v %v", it.Key, it.Weak, it.Full, it.NotAssessed, tt.weak, tt.full, tt.notAs)
		}
		approx(t, it.Key+" median", it.AsIs.Median, tt.median)
		approx(t, it.Key+" mean gap", it.Gap.Mean, tt.gapMean)
		if it.WeakInMost() != tt.weakInMost || it.FullInMost() != tt.full2 {
			t.Errorf("%s: weak in most %v, full in most %v", it.Key, it.WeakInMost(), it.FullInMost())
		}
	}
	approx(t, "timeliness weak share", items[0].WeakShare(), 1.0/3)
	approx(t, "uptake full share", items[3].FullShare(), 0.5)
}

func TestSummarise(t *testing.T) {
	nums := func(xs ...float64) []compare.Num {
		var out []compare.Num
		for _, x := range xs {
			out = append(out, compare.Some(x))
		}
		return out
	}
	tests := []struct {
		name string
		in   []compare.Num
		want [5]float64
	}{
		// QUARTILE.INC({1,2,3,4}) = 1, 1.75, 2.5, 3.25, 4.
		{"four", nums(4, 1, 3, 2), [5]float64{1, 1.75, 2.5, 3.25, 4}},
		// Six countries, as in a cluster: positions 1.25, 2.5, 3.75.
		{"six", nums(0, 0.5, 0.25, 1, 0.75, 0.5), [5]float64{0, 0.3125, 0.5, 0.6875, 1}},
		{"one", nums(0.4), [5]float64{0.4, 0.4, 0.4, 0.4, 0.4}},
		{"missing values skipped", append(nums(0, 1), compare.Num{}), [5]float64{0, 0.25, 0.5, 0.75, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := compare.Summarise(tt.in)
			for i, got := range []compare.Num{f.Min, f.Q1, f.Median, f.Q3, f.Max} {
				approx(t, []string{"min", "q1", "median", "q3", "max"}[i], got, tt.want[i])
			}
			approx(t, "median as Describe's", f.Median, compare.Describe(tt.in).Median.Value)
		})
	}
	if f := compare.Summarise(nil); f.Count != 0 || f.Min.Valid || f.Q1.Valid || f.Max.Valid {
		t.Errorf("empty set: %+v", f)
	}
}

func TestSpreads(t *testing.T) {
	r := compute(t)
	sp := r.CrossCluster.Spreads
	if len(sp) != 2 || sp[0].Task != "data" || len(sp[0].Clusters) != 2 {
		t.Fatalf("spreads: %+v", sp)
	}
	all := sp[0].All
	var order []string
	for _, s := range all.Scores {
		order = append(order, s.Country)
	}
	// Lowest first: AA 5/12, CC 5/6, BB 1.
	if !slices.Equal(order, []string{"AA", "CC", "BB"}) || all.Cluster != "" {
		t.Errorf("all countries: %v (cluster %q)", order, all.Cluster)
	}
	approx(t, "data q1", all.AsIs.Q1, 0.625)
	approx(t, "data q3", all.AsIs.Q3, 11.0/12)
	c1 := sp[0].Clusters[0]
	if c1.Cluster != "c1" || c1.AsIs.Count != 2 {
		t.Errorf("c1: %+v", c1)
	}
	approx(t, "c1 data mean", c1.Mean, (5.0/12+1)/2)
	approx(t, "c1 data median", c1.AsIs.Median, (5.0/12+1)/2)
}

func TestFindings(t *testing.T) {
	f := compute(t).Findings
	// data spreads from 5/12 to 1, gov from 1/2 to 3/4.
	if f.Strongest != "data" || f.Weakest != "gov" || f.GapTask != "gov" || f.Widest != "data" {
		t.Errorf("strongest %q weakest %q gap task %q widest %q, want data, gov, gov, data", f.Strongest, f.Weakest, f.GapTask, f.Widest)
	}

	data, gov := f.Tasks[0], f.Tasks[1]
	approx(t, "data median", data.AsIs.Median, 5.0/6)
	if codes(data.Leaders) != "BB" || codes(data.Laggards) != "AA" {
		t.Errorf("data: leaders %s laggards %s, want BB, AA", codes(data.Leaders), codes(data.Laggards))
	}
	// gov: CC 3/4 leads; AA and BB share the last place at 1/2.
	if codes(gov.Leaders) != "CC" || codes(gov.Laggards) != "AA BB" {
		t.Errorf("gov: leaders %s laggards %s, want CC, AA BB", codes(gov.Leaders), codes(gov.Laggards))
	}
	if data.WeakestItem == nil || data.WeakestItem.Key != "data.timeliness" || data.StrongestItem.Key != "data.linkage" {
		t.Errorf("data items: weakest %v strongest %v", data.WeakestItem, data.StrongestItem)
	}
	if gov.WeakestItem == nil || gov.WeakestItem.Key != "gov.committee" || gov.StrongestItem.Key != "gov.uptake" {
		t.Errorf("gov items: weakest %v strongest %v", gov.WeakestItem, gov.StrongestItem)
	}

	// Both weak items are weak in 1 of 3; committee has the lower median.
	var weak []string
	for _, it := range f.WeakItems {
		weak = append(weak, it.Key)
	}
	if !slices.Equal(weak, []string{"gov.committee", "data.timeliness"}) {
		t.Errorf("weak items %v", weak)
	}
	if len(f.FullItems) != 1 || f.FullItems[0].Key != "data.linkage" {
		t.Errorf("full items %v", f.FullItems)
	}

	if len(f.Leaders) != 2 || f.Leaders[0].Country != "BB" || !slices.Equal(f.Leaders[0].Tasks, []string{"data"}) || f.Leaders[1].Country != "CC" {
		t.Errorf("leaders %+v", f.Leaders)
	}

	var gaps []string
	for _, g := range f.LargestGaps {
		gaps = append(gaps, g.Country+"/"+g.Task)
	}
	// 7/12, then the two 1/2 by code, 1/4, 1/6; BB's data gap of 0 is not a gap.
	if !slices.Equal(gaps, []string{"AA/data", "AA/gov", "BB/gov", "CC/gov", "CC/data"}) {
		t.Errorf("largest gaps %v", gaps)
	}

	// c1 = AA, BB; c2 = CC. gov: 1/2 vs 3/4; data: 17/24 vs 5/6.
	if len(f.ClusterRanges) != 2 || f.ClusterRanges[0].Task != "gov" || f.ClusterRanges[0].Low != "c1" || f.ClusterRanges[0].High != "c2" {
		t.Fatalf("cluster ranges %+v", f.ClusterRanges)
	}
	approx(t, "gov range", f.ClusterRanges[0].Range, 0.25)
	approx(t, "data range", f.ClusterRanges[1].Range, 5.0/6-17.0/24)
	// c1 is lower on both tasks, c2 higher.
	if f.LowestEverywhere != "c1" || f.HighestEverywhere != "c2" {
		t.Errorf("lowest everywhere %q, highest everywhere %q, want c1, c2", f.LowestEverywhere, f.HighestEverywhere)
	}
	if f.SmallestCluster != 1 || f.LargestCluster != 2 {
		t.Errorf("cluster sizes %d-%d, want 1-2", f.SmallestCluster, f.LargestCluster)
	}
	approx(t, "one country's weight", f.OneCountryWeight, 1)
}

func codes(es []compare.RankEntry) string {
	s := ""
	for i, e := range es {
		if i > 0 {
			s += " "
		}
		s += e.Country
	}
	return s
}

func TestStanding(t *testing.T) {
	r := compute(t)
	s := r.Standing("AA")
	// AA: data 5/12 (median 5/6: below), gov 1/2 (median 1/2: at it).
	if !slices.Equal(s.Strongest, []string{"gov"}) || !slices.Equal(s.Weakest, []string{"data"}) || s.LargestGap != "data" {
		t.Errorf("AA: strongest %q weakest %q largest gap %q", s.Strongest, s.Weakest, s.LargestGap)
	}
	if !slices.Equal(s.Below, []string{"data"}) || !slices.Equal(s.AtMedian, []string{"gov"}) || len(s.Above) != 0 {
		t.Errorf("AA: above %v at %v below %v", s.Above, s.AtMedian, s.Below)
	}
	if len(s.Ranks) != 2 || s.Ranks[0] != (compare.RankPlace{Task: "data", Rank: 3, Of: 3}) || s.Ranks[1] != (compare.RankPlace{Task: "gov", Rank: 2, Of: 3}) {
		t.Errorf("AA ranks %+v", s.Ranks)
	}
	// BB: data 1, gov 1/2; its only gap is on gov.
	if b := r.Standing("BB"); !slices.Equal(b.Strongest, []string{"data"}) || b.LargestGap != "gov" || !slices.Equal(b.Above, []string{"data"}) {
		t.Errorf("BB: %+v", b)
	}
	if z := r.Standing("ZZ"); z.Country != "" {
		t.Errorf("unknown country: %+v", z)
	}
}
