package compare

import (
	"cmp"
	"math"
	"slices"
)

// Stats describes a set of values (normalised scores of several countries).
// StdDev is the population standard deviation (divide by Count): the countries
// compared are the whole set of interest, not a sample. Everything but Count is
// missing for an empty set.
type Stats struct {
	Count  int `json:"count"`
	Mean   Num `json:"mean"`
	Median Num `json:"median"`
	Min    Num `json:"min"`
	Max    Num `json:"max"`
	Spread Num `json:"spread"` // Max - Min
	StdDev Num `json:"std_dev"`
}

// Describe computes Stats over the valid values. Mean, median, minimum, maximum
// and spread are exact when the values are (see Num).
func Describe(vals []Num) Stats {
	xs := validSorted(vals)
	st := Stats{Count: len(xs)}
	if len(xs) == 0 {
		return st
	}
	st.Mean = mean(xs)
	n := len(xs)
	if n%2 == 1 {
		st.Median = xs[n/2]
	} else {
		st.Median = mean(xs[n/2-1 : n/2+1])
	}
	st.Min, st.Max = xs[0], xs[n-1]
	st.Spread = Sub(xs[n-1], xs[0])
	var ss float64
	for _, x := range xs {
		d := x.Value - st.Mean.Value
		ss += d * d
	}
	st.StdDev = Some(math.Sqrt(ss / float64(n)))
	return st
}

// CrossCountry is the country × task comparison.
type CrossCountry struct {
	Matrix Matrix `json:"matrix"`
	// Rankings per task, in framework order, on the as-is score.
	Rankings []Ranking `json:"rankings"`
	// Distributions per task, in framework order.
	Distributions []TaskDistribution `json:"distributions"`
	// Items describes every item across the countries, in framework order.
	Items []ItemStats `json:"items"`
}

// Matrix is the country × task table: rows are Countries (by code), columns Tasks
// (framework order).
type Matrix struct {
	Countries []string `json:"countries"`
	Tasks     []string `json:"tasks"`
	AsIs      [][]Num  `json:"as_is"`
	ToBe      [][]Num  `json:"to_be"`
	Gap       [][]Num  `json:"gap"`
}

// Ranking orders the countries on one task by as-is score, highest first.
// Equal scores share a rank (standard competition ranking: 1, 1, 3) and are
// listed by code. Countries without a score are listed in Unranked.
type Ranking struct {
	Task     string      `json:"task"`
	Entries  []RankEntry `json:"entries"`
	Unranked []string    `json:"unranked"`
}

// RankEntry is one country's place in a ranking.
type RankEntry struct {
	Rank    int    `json:"rank"`
	Country string `json:"country"`
	Cluster string `json:"cluster"`
	Score   Num    `json:"score"`
	Gap     Num    `json:"gap"`
}

// TaskDistribution is the distribution of the countries' as-is and gap scores on a task.
type TaskDistribution struct {
	Task string `json:"task"`
	AsIs Stats  `json:"as_is"`
	ToBe Stats  `json:"to_be"`
	Gap  Stats  `json:"gap"`
}

func crossCountry(r *Result) CrossCountry {
	var cc CrossCountry
	m := &cc.Matrix
	m.Countries = []string{}
	for _, t := range r.Tasks {
		m.Tasks = append(m.Tasks, t.ID)
	}
	for _, c := range r.Countries {
		m.Countries = append(m.Countries, c.Code)
		var a, b, g []Num
		for _, ts := range c.Tasks {
			a, b, g = append(a, ts.AsIs), append(b, ts.ToBe), append(g, ts.Gap)
		}
		m.AsIs, m.ToBe, m.Gap = append(m.AsIs, a), append(m.ToBe, b), append(m.Gap, g)
	}
	for ti, t := range r.Tasks {
		cc.Rankings = append(cc.Rankings, rank(r, ti, t.ID))
		var a, b, g []Num
		for ci := range r.Countries {
			a, b, g = append(a, m.AsIs[ci][ti]), append(b, m.ToBe[ci][ti]), append(g, m.Gap[ci][ti])
		}
		cc.Distributions = append(cc.Distributions, TaskDistribution{Task: t.ID, AsIs: Describe(a), ToBe: Describe(b), Gap: Describe(g)})
	}
	cc.Items = itemStats(r)
	return cc
}

func rank(r *Result, ti int, task string) Ranking {
	rk := Ranking{Task: task, Entries: []RankEntry{}, Unranked: []string{}}
	for _, c := range r.Countries {
		ts := c.Tasks[ti]
		if !ts.AsIs.Valid {
			rk.Unranked = append(rk.Unranked, c.Code)
			continue
		}
		rk.Entries = append(rk.Entries, RankEntry{Country: c.Code, Cluster: c.Cluster, Score: ts.AsIs, Gap: ts.Gap})
	}
	slices.SortStableFunc(rk.Entries, func(a, b RankEntry) int {
		return cmp.Or(b.Score.Cmp(a.Score), cmp.Compare(a.Country, b.Country))
	})
	for i := range rk.Entries {
		if i > 0 && rk.Entries[i].Score.Cmp(rk.Entries[i-1].Score) == 0 {
			rk.Entries[i].Rank = rk.Entries[i-1].Rank
		} else {
			rk.Entries[i].Rank = i + 1
		}
	}
	return rk
}

// validSorted returns the valid values of vals, smallest first.
func validSorted(vals []Num) []Num {
	var xs []Num
	for _, v := range vals {
		if v.Valid {
			xs = append(xs, v)
		}
	}
	slices.SortStableFunc(xs, Num.Cmp)
	return xs
}
