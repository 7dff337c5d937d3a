package compare

import (
	"cmp"
	"slices"

	"github.com/hwfplan/hwfplan/internal/num"
)

// WeakBelow is the normalised as-is score an item score is weak below: the lower
// half of its scale (phase 1 or 2 on a 1-4 scale, 0 on a 0-2 scale). "Somehow" (1 on
// 0-2) sits at the middle and is not counted as weak. Scores compare exactly.
var WeakBelow = Exact(num.Frac(1, 2))

// top is the top of the normalised scale.
var top = Exact(num.Frac(1, 1))

// ItemStats describes one framework item across the countries: the distribution of
// their normalised as-is scores and gaps, and who is weak, who is at the top of the
// scale and who did not assess it. Country lists are in code order.
type ItemStats struct {
	Key  string `json:"key"` // task.item
	Task string `json:"task"`
	AsIs Stats  `json:"as_is"`
	Gap  Stats  `json:"gap"`
	// Weak lists the countries whose normalised as-is score is below WeakBelow.
	Weak []string `json:"weak"`
	// Full lists the countries at the top of the item's scale (normalised 1).
	Full []string `json:"full"`
	// NotAssessed lists the countries without an as-is score on the item.
	NotAssessed []string `json:"not_assessed"`
}

// WeakShare is the share of the countries that assessed the item which are weak on
// it; missing when none assessed it.
func (s ItemStats) WeakShare() Num { return share(len(s.Weak), s.AsIs.Count) }

// FullShare is the share of the countries that assessed the item which are at the
// top of its scale; missing when none assessed it.
func (s ItemStats) FullShare() Num { return share(len(s.Full), s.AsIs.Count) }

// WeakInMost reports whether more than half of the countries that assessed the item
// are weak on it.
func (s ItemStats) WeakInMost() bool { return s.AsIs.Count > 0 && 2*len(s.Weak) > s.AsIs.Count }

// FullInMost reports whether more than half of the countries that assessed the item
// are at the top of its scale.
func (s ItemStats) FullInMost() bool { return s.AsIs.Count > 0 && 2*len(s.Full) > s.AsIs.Count }

// itemStats describes every item, in framework order.
func itemStats(r *Result) []ItemStats {
	out := []ItemStats{}
	ii := 0 // position of the item in Country.Items (framework order)
	for _, t := range r.Tasks {
		for _, info := range t.Items {
			st := ItemStats{Key: info.Key, Task: t.ID, Weak: []string{}, Full: []string{}, NotAssessed: []string{}}
			var asis, gap []Num
			for ci := range r.Countries {
				c := &r.Countries[ci]
				it, ok := itemAt(c, ii, info.Key)
				if !ok || !it.Assessed {
					st.NotAssessed = append(st.NotAssessed, c.Code)
					continue
				}
				asis, gap = append(asis, it.AsIs), append(gap, it.Gap)
				if it.AsIs.Cmp(WeakBelow) < 0 {
					st.Weak = append(st.Weak, c.Code)
				}
				if it.AsIs.Cmp(top) >= 0 {
					st.Full = append(st.Full, c.Code)
				}
			}
			st.AsIs, st.Gap = Describe(asis), Describe(gap)
			out = append(out, st)
			ii++
		}
	}
	return out
}

// itemAt returns a country's score on an item, at its framework position when the
// country was scored with the same framework, else by key.
func itemAt(c *Country, i int, key string) (ItemScore, bool) {
	if i < len(c.Items) && c.Items[i].Key == key {
		return c.Items[i], true
	}
	return c.Item(key)
}

// FiveNum is the five-number summary of a set of values: the minimum, the lower
// quartile, the median, the upper quartile and the maximum. The quartiles
// interpolate linearly between the sorted values at position (n−1)·p (the method of
// spreadsheets' QUARTILE.INC and R's default), so the median equals Stats.Median;
// they are exact when the values are.
// Everything but Count is missing for an empty set.
type FiveNum struct {
	Count  int `json:"count"`
	Min    Num `json:"min"`
	Q1     Num `json:"q1"`
	Median Num `json:"median"`
	Q3     Num `json:"q3"`
	Max    Num `json:"max"`
}

// Summarise computes the five-number summary of the valid values; exact when the
// values are (see Num).
func Summarise(vals []Num) FiveNum {
	xs := validSorted(vals)
	f := FiveNum{Count: len(xs)}
	if len(xs) == 0 {
		return f
	}
	f.Min, f.Q1, f.Median, f.Q3, f.Max = xs[0], quartile(xs, 1), quartile(xs, 2), quartile(xs, 3), xs[len(xs)-1]
	return f
}

// quartile returns the k-th quartile of the sorted values: at position (n−1)·k/4,
// interpolated linearly between the two values around it.
func quartile(xs []Num, k int) Num {
	pos := (len(xs) - 1) * k
	lo, m := pos/4, pos%4
	if m == 0 {
		return xs[lo]
	}
	a, b := xs[lo], xs[lo+1]
	if d := Sub(b, a); d.exact.OK() && a.exact.OK() {
		step := num.Frac(0, 1)
		for range m {
			step = step.Add(d.exact)
		}
		if r := a.exact.Add(step.Div(4)); r.OK() {
			return Exact(r)
		}
	}
	return Some(a.Value + float64(m)/4*(b.Value-a.Value))
}

// CountryValue is one country's value in a distribution.
type CountryValue struct {
	Country string `json:"country"`
	Value   Num    `json:"value"`
}

// Spread is the distribution of one task's as-is scores in one set of countries (a
// cluster, or all countries): its five-number summary, its mean and every
// country's score, lowest first (equal scores by code).
type Spread struct {
	Task string `json:"task"`
	// Cluster is the cluster's id, "" for all countries.
	Cluster string         `json:"cluster"`
	AsIs    FiveNum        `json:"as_is"`
	Mean    Num            `json:"mean"`
	Scores  []CountryValue `json:"scores"`
}

// TaskSpread holds one task's distributions: per cluster (id order) and over all
// countries.
type TaskSpread struct {
	Task     string   `json:"task"`
	Clusters []Spread `json:"clusters"`
	All      Spread   `json:"all"`
}

func spread(r *Result, ti int, cluster string, codes []string) Spread {
	sp := Spread{Task: r.Tasks[ti].ID, Cluster: cluster, Scores: []CountryValue{}}
	var vals []Num
	for _, code := range codes {
		c := r.Country(code)
		if c == nil || ti >= len(c.Tasks) || !c.Tasks[ti].AsIs.Valid {
			continue
		}
		v := c.Tasks[ti].AsIs
		vals = append(vals, v)
		sp.Scores = append(sp.Scores, CountryValue{Country: code, Value: v})
	}
	slices.SortStableFunc(sp.Scores, func(a, b CountryValue) int {
		return cmp.Or(a.Value.Cmp(b.Value), cmp.Compare(a.Country, b.Country))
	})
	sp.AsIs, sp.Mean = Summarise(vals), Describe(vals).Mean
	return sp
}

func spreads(r *Result) []TaskSpread {
	out := []TaskSpread{}
	all := make([]string, len(r.Countries))
	for i, c := range r.Countries {
		all[i] = c.Code
	}
	for ti, t := range r.Tasks {
		ts := TaskSpread{Task: t.ID, Clusters: []Spread{}, All: spread(r, ti, "", all)}
		for _, cl := range r.Clusters {
			ts.Clusters = append(ts.Clusters, spread(r, ti, cl.ID, cl.Countries))
		}
		out = append(out, ts)
	}
	return out
}
