package compare

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hwfplan/hwfplan/internal/num"
)

// twinningOracle is the first implementation of twinning: every other country
// becomes a partner candidate, all are ranked, the first TwinningPartners kept. It
// is quadratic in the number of countries; the index in twinning must give exactly
// its result.
func twinningOracle(r *Result) []Twinning {
	out := []Twinning{}
	for _, c := range r.Countries {
		gaps := largestGaps(&c) // unchanged: the partners are what the oracle checks
		tw := Twinning{Country: c.Code, Cluster: c.Cluster, Gaps: []TwinningGap{}}
		for _, g := range gaps {
			info := r.itemInfo(g.Key)
			tg := TwinningGap{Item: g.Key, Score: *g.Score, Max: info.Max, Gap: g.Gap, Partners: []Partner{}}
			for _, o := range r.Countries {
				if o.Code == c.Code {
					continue
				}
				oi, ok := o.Item(g.Key)
				if !ok || !oi.Assessed || oi.AsIs.Cmp(g.AsIs) <= 0 {
					continue
				}
				tg.Partners = append(tg.Partners, Partner{
					Country: o.Code, Cluster: o.Cluster, OtherCluster: o.Cluster != c.Cluster,
					Score: *oi.Score, AsIs: oi.AsIs,
					Reason: fmt.Sprintf("%s scores %d/%d on %s where %s scores %d/%d (gap %s)",
						o.Code, *oi.Score, info.Max, g.Key, c.Code, *g.Score, info.Max, g.Gap),
				})
			}
			slices.SortStableFunc(tg.Partners, func(a, b Partner) int {
				if c := b.AsIs.Cmp(a.AsIs); c != 0 {
					return c
				}
				if a.OtherCluster != b.OtherCluster {
					if a.OtherCluster {
						return -1
					}
					return 1
				}
				return cmp.Compare(a.Country, b.Country)
			})
			if len(tg.Partners) > TwinningPartners {
				tg.Partners = tg.Partners[:TwinningPartners]
			}
			tw.Gaps = append(tw.Gaps, tg)
		}
		out = append(out, tw)
	}
	return out
}

// randomResult makes a Result with n countries in random order, scored on items of
// a few scales. With odd, some as-is values lose their exact value: moved off the
// scale by a trace (a float with no exact fraction behind it) or made NaN.
func randomResult(rng *rand.Rand, n int, odd bool) *Result {
	type scale struct{ min, max int }
	scales := []scale{{0, 2}, {1, 4}, {0, 3}, {0, 1}}
	r := &Result{}
	var items []ItemInfo
	for t := range 3 {
		ti := TaskInfo{ID: fmt.Sprintf("t%d", t)}
		for i := range 1 + rng.IntN(4) {
			s := scales[rng.IntN(len(scales))]
			it := ItemInfo{Key: fmt.Sprintf("t%d.i%d", t, i), ID: fmt.Sprintf("i%d", i), Min: s.min, Max: s.max}
			ti.Items = append(ti.Items, it)
			items = append(items, it)
		}
		r.Tasks = append(r.Tasks, ti)
	}
	clusters := []string{"", "c1", "c2", "c3"}[:1+rng.IntN(4)]
	for _, ci := range rng.Perm(n) {
		c := Country{Code: fmt.Sprintf("%c%c", 'A'+ci/26, 'A'+ci%26), Cluster: clusters[rng.IntN(len(clusters))]}
		for _, info := range items {
			it := ItemScore{Key: info.Key}
			norm := func(v int) Num { return Exact(num.Frac(int64(v-info.Min), int64(info.Max-info.Min))) }
			if rng.IntN(5) > 0 {
				v := info.Min + rng.IntN(info.Max-info.Min+1)
				it.Score, it.Assessed, it.AsIs = &v, true, norm(v)
				if odd && rng.IntN(4) == 0 {
					switch rng.IntN(3) {
					case 0:
						it.AsIs = Some(it.AsIs.Value + 1e-12)
					case 1:
						it.AsIs = Some(it.AsIs.Value - 1e-13/3)
					default:
						it.AsIs = Some(math.NaN())
					}
				}
				it.ToBe = it.AsIs
				if rng.IntN(2) == 0 {
					t := info.Min + rng.IntN(info.Max-info.Min+1)
					it.Target, it.Targeted, it.ToBe = &t, true, norm(t)
				}
				it.Gap = Sub(it.ToBe, it.AsIs)
			}
			c.Items = append(c.Items, it)
		}
		r.Countries = append(r.Countries, c)
	}
	return r
}

func TestTwinningMatchesOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 600 {
		n := rng.IntN(40)
		if round%50 == 0 {
			n = 200 + rng.IntN(100)
		}
		odd := round%3 == 0
		r := randomResult(rng, n, odd)
		got, want := twinning(r), twinningOracle(r)
		// %+v, not reflect.DeepEqual: NaN is not equal to itself.
		if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
			t.Fatalf("round %d (%d countries, odd %v): twinning differs from the oracle\n got %s\nwant %s", round, n, odd, g, w)
		}
	}
}
