package compare_test

import (
	"slices"
	"testing"
)

func TestClusters(t *testing.T) {
	r := compute(t)
	if len(r.Clusters) != 2 {
		t.Fatalf("clusters %+v", r.Clusters)
	}
	c1, c2 := r.Clusters[0], r.Clusters[1]
	if c1.ID != "c1" || !slices.Equal(c1.Countries, []string{"AA", "BB"}) || c1.Name != "Cluster one" {
		t.Errorf("c1 = %+v", c1)
	}
	// DD is listed by c2 but has no folder.
	if c2.ID != "c2" || !slices.Equal(c2.Countries, []string{"CC"}) || !slices.Equal(c2.Missing, []string{"DD"}) {
		t.Errorf("c2 = %+v", c2)
	}
}

func TestCrossCluster(t *testing.T) {
	r := compute(t)
	cc := r.CrossCluster
	// All countries: data mean 3/4, gov mean 7/12 (see TestDistributions).
	approx(t, "all data mean", cc.All[0].AsIs.Mean, 0.75)
	approx(t, "all gov mean", cc.All[1].AsIs.Mean, 7.0/12)

	c1 := cc.Stats("c1")
	// c1 data: AA 5/12, BB 1 → mean = median = 17/24, min 5/12, max 1, spread 7/12, count 2;
	// vs all: 17/24 - 18/24 = -1/24.
	d := c1.Tasks[0]
	approx(t, "c1 data mean", d.AsIs.Mean, 17.0/24)
	approx(t, "c1 data median", d.AsIs.Median, 17.0/24)
	approx(t, "c1 data min", d.AsIs.Min, 5.0/12)
	approx(t, "c1 data max", d.AsIs.Max, 1)
	approx(t, "c1 data spread", d.AsIs.Spread, 7.0/12)
	approx(t, "c1 data vs all", d.VsAll, -1.0/24)
	if d.AsIs.Count != 2 {
		t.Errorf("c1 data count %d", d.AsIs.Count)
	}
	// c1 gov: AA 1/2, BB 1/2 → mean 1/2, spread 0; vs all 1/2 - 7/12 = -1/12.
	g := c1.Tasks[1]
	approx(t, "c1 gov mean", g.AsIs.Mean, 0.5)
	approx(t, "c1 gov spread", g.AsIs.Spread, 0)
	approx(t, "c1 gov vs all", g.VsAll, -1.0/12)
	// c1 gov gap: AA 1/2, BB 1/2.
	approx(t, "c1 gov gap mean", g.Gap.Mean, 0.5)

	c2 := cc.Stats("c2")
	// c2 = CC only: data 5/6 (vs all 5/6-3/4 = 1/12), gov 3/4 (vs all 3/4-7/12 = 1/6).
	approx(t, "c2 data mean", c2.Tasks[0].AsIs.Mean, 5.0/6)
	approx(t, "c2 data vs all", c2.Tasks[0].VsAll, 1.0/12)
	approx(t, "c2 gov vs all", c2.Tasks[1].VsAll, 1.0/6)
	if c2.Tasks[0].AsIs.Count != 1 {
		t.Errorf("c2 count %d", c2.Tasks[0].AsIs.Count)
	}

	// c1 - c2: data 17/24 - 20/24 = -1/8; gov 1/2 - 3/4 = -1/4.
	// Sorted by |difference|: gov (0.25) before data (0.125).
	md := cc.MostDifferent
	if len(md) != 2 || md[0].Task != "gov" || md[1].Task != "data" {
		t.Fatalf("most different %+v", md)
	}
	if md[0].A != "c1" || md[0].B != "c2" {
		t.Errorf("pair %s-%s", md[0].A, md[0].B)
	}
	approx(t, "gov difference", md[0].Difference, -0.25)
	approx(t, "data difference", md[1].Difference, -0.125)
	if len(cc.Pairs) != 2 {
		t.Errorf("pairs %d", len(cc.Pairs))
	}
}

func TestTwinning(t *testing.T) {
	r := compute(t)
	type gap struct {
		item     string
		gap      float64
		partners []string
	}
	want := map[string][]gap{
		// AA gaps: committee 1, timeliness 2/3, linkage 1/2 (uptake 0 is no gap).
		// committee: CC 2/2 then BB 1/2; timeliness: BB 4/4 then CC 3/4;
		// linkage: BB and CC both 2/2, CC first because it is in another cluster.
		"AA": {
			{"gov.committee", 1, []string{"CC", "BB"}},
			{"data.timeliness", 2.0 / 3, []string{"BB", "CC"}},
			{"data.linkage", 0.5, []string{"CC", "BB"}},
		},
		// BB: only committee (1/2); CC scores 2, AA 0 is lower.
		"BB": {{"gov.committee", 0.5, []string{"CC"}}},
		// CC: uptake 1/2 (AA 2/2; BB not assessed), timeliness 1/3 (BB 4/4).
		"CC": {
			{"gov.uptake", 0.5, []string{"AA"}},
			{"data.timeliness", 1.0 / 3, []string{"BB"}},
		},
	}
	if len(r.Twinning) != 3 {
		t.Fatalf("twinning for %d countries", len(r.Twinning))
	}
	for _, tw := range r.Twinning {
		t.Run(tw.Country, func(t *testing.T) {
			w := want[tw.Country]
			if len(tw.Gaps) != len(w) {
				t.Fatalf("gaps %+v", tw.Gaps)
			}
			for i, g := range tw.Gaps {
				if g.Item != w[i].item {
					t.Errorf("gap %d = %s, want %s", i, g.Item, w[i].item)
				}
				approx(t, g.Item, g.Gap, w[i].gap)
				var got []string
				for _, p := range g.Partners {
					got = append(got, p.Country)
				}
				if !slices.Equal(got, w[i].partners) {
					t.Errorf("%s partners %v, want %v", g.Item, got, w[i].partners)
				}
			}
		})
	}
	p := r.Twinning[0].Gaps[0].Partners[0]
	if want := "CC scores 2/2 on gov.committee where AA scores 0/2 (gap 1.00)"; p.Reason != want {
		t.Errorf("reason %q, want %q", p.Reason, want)
	}
	if !p.OtherCluster {
		t.Error("CC should be marked as another cluster")
	}
	p = r.Twinning[0].Gaps[1].Partners[0]
	if want := "BB scores 4/4 on data.timeliness where AA scores 2/4 (gap 0.67)"; p.Reason != want {
		t.Errorf("reason %q, want %q", p.Reason, want)
	}
}
