package compare_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/load"
)

// TestPartialRepo drops and breaks files: a country without country.yaml is left
// out, missing parts leave only their numbers missing, and a cluster named by a
// country but without a file still appears.
func TestPartialRepo(t *testing.T) {
	fsys := comparetest.FS()
	delete(fsys, "countries/AA/country.yaml")     // AA is left out entirely
	delete(fsys, "countries/BB/as-is.yaml")       // BB has no scores
	delete(fsys, "countries/CC/action-plan.yaml") // CC has no actions or factors
	cc := fsys["countries/CC/country.yaml"]
	cc.Data = []byte(strings.Replace(string(cc.Data), "cluster: c2", "cluster: c9", 1))
	repo, _ := load.Load(fsys, load.Options{})
	r, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, c := range r.Countries {
		codes = append(codes, c.Code)
	}
	if !slices.Equal(codes, []string{"BB", "CC"}) {
		t.Fatalf("countries %v", codes)
	}
	bb := r.Country("BB")
	approx(t, "BB completeness", bb.Completeness, 0)
	missing(t, "BB data as-is", bb.Tasks[0].AsIs)
	// BB's target on gov.committee stays, but without an as-is score there is no gap.
	it, _ := bb.Item("gov.committee")
	if !it.Targeted || it.Gap.Valid {
		t.Errorf("BB committee %+v", it)
	}
	// Rankings list BB as unranked; CC alone ranks first.
	rk := r.CrossCountry.Rankings[0]
	if len(rk.Entries) != 1 || rk.Entries[0].Country != "CC" || !slices.Equal(rk.Unranked, []string{"BB"}) {
		t.Errorf("ranking %+v", rk)
	}
	// Clusters: c1 (BB; AA missing), c2 (no member: CC names c9; DD missing), c9 (CC, no file).
	// A country counts in the cluster its country.yaml names, never twice.
	var ids []string
	for _, c := range r.Clusters {
		ids = append(ids, c.ID+":"+strings.Join(c.Countries, "+"))
	}
	if got := strings.Join(ids, " "); got != "c1:BB c2: c9:CC" {
		t.Errorf("clusters %s", got)
	}
	if !slices.Equal(r.Clusters[0].Missing, []string{"AA"}) || !slices.Equal(r.Clusters[1].Missing, []string{"DD"}) {
		t.Errorf("missing %v %v", r.Clusters[0].Missing, r.Clusters[1].Missing)
	}
	// c2 has no member: its statistics are empty, and it takes no part in the pairs.
	if st := r.CrossCluster.Stats("c2"); st.Tasks[0].AsIs.Count != 0 || st.Tasks[0].AsIs.Mean.Valid {
		t.Errorf("c2 stats %+v", st.Tasks[0])
	}
	// CC has no action plan: no actions, its to-do step has no action, no factors.
	ca := r.Actions.Countries[1]
	if ca.Country != "CC" || ca.Total != 0 || !slices.Equal(ca.StepsWithoutAction, []string{"CC-S1"}) {
		t.Errorf("CC actions %+v", ca)
	}
	missing(t, "CC sustainability mean", r.Sustainability.Countries[1].Mean)
	// Twinning: BB has no gaps (no scores); CC's uptake gap has no partner (BB unassessed).
	if len(r.Twinning[0].Gaps) != 0 || len(r.Twinning[1].Gaps) != 2 || len(r.Twinning[1].Gaps[0].Partners) != 0 {
		t.Errorf("twinning %+v", r.Twinning)
	}
}
