package compare

import (
	"cmp"
	"slices"

	"github.com/hwfplan/hwfplan/internal/num"
)

// LargestGapCount is how many country × task gaps Findings.LargestGaps holds.
const LargestGapCount = 5

// Findings are the facts the as-is report leads with, computed from the comparison:
// what is typical per task and who leads and lags, the items weak in most countries,
// the largest gaps, where the clusters differ and agree, and how far a cluster's
// small size limits what its mean says. The report turns them into sentences.
type Findings struct {
	// Tasks is the synthesis of each task, in framework order.
	Tasks []TaskSynthesis `json:"tasks"`
	// Strongest and Weakest are the tasks with the highest and the lowest median
	// as-is score (the first in framework order among equals); "" when no task has
	// a score.
	Strongest string `json:"strongest"`
	Weakest   string `json:"weakest"`
	// Widest is the task on which the countries' as-is scores spread furthest
	// (highest minus lowest; the first in framework order among equals); "" when
	// no task has a score.
	Widest string `json:"widest"`
	// WeakItems are the items at least one country is weak on, the most widely weak
	// first (by share of the countries that assessed the item, then by the lower
	// median, then framework order). ItemStats.WeakInMost tells which are weak in
	// most countries.
	WeakItems []ItemStats `json:"weak_items"`
	// FullItems are the items more than half of the assessing countries have at the
	// top of the scale, the most widely full first.
	FullItems []ItemStats `json:"full_items"`
	// Leaders are the countries ranked first on at least one task, those first on
	// most tasks first, then by code.
	Leaders []Leader `json:"leaders"`
	// LargestGaps are the LargestGapCount largest positive country × task gaps,
	// largest first (equal gaps by country code, then task order).
	LargestGaps []CountryGap `json:"largest_gaps"`
	// GapTask is the task with the largest mean gap over all countries; "" when no
	// task has a gap.
	GapTask string `json:"gap_task"`
	// ClusterRanges are, per task, how far apart the clusters' mean as-is scores
	// lie, the widest first (equal ranges in task order). Empty with fewer than
	// two clusters that have scores.
	ClusterRanges []ClusterRange `json:"cluster_ranges"`
	// LowestEverywhere and HighestEverywhere name the cluster whose mean as-is
	// score is alone the lowest (highest) on every task, when at least two tasks
	// are compared; "" otherwise.
	LowestEverywhere  string `json:"lowest_everywhere"`
	HighestEverywhere string `json:"highest_everywhere"`
	// ClusterSizes are the numbers of countries with data in the smallest and the
	// largest cluster (0 when there is no cluster with members).
	SmallestCluster int `json:"smallest_cluster"`
	LargestCluster  int `json:"largest_cluster"`
	// OneCountryWeight is the weight of one country in the mean of the smallest
	// cluster (1/SmallestCluster): a country scoring one point higher on the 0-1
	// scale moves that mean by this much. Missing when there is no cluster.
	OneCountryWeight Num `json:"one_country_weight"`
}

// TaskSynthesis is what is typical on a task and who stands out: the five-number
// summary of the countries' as-is scores, the countries ranked first and last, and
// the task's most widely weak and strongest items.
type TaskSynthesis struct {
	Task string  `json:"task"`
	AsIs FiveNum `json:"as_is"`
	// Leaders are the countries ranked first (several when they share the score).
	Leaders []RankEntry `json:"leaders"`
	// Laggards are the countries ranked last; empty when they are the leaders
	// (every country scores the same).
	Laggards []RankEntry `json:"laggards"`
	// WeakestItem is the task's item with the largest share of weak countries (then
	// the lowest median); nil when no country is weak on any item of the task.
	WeakestItem *ItemStats `json:"weakest_item"`
	// StrongestItem is the task's item with the highest median (then the smallest
	// share of weak countries); nil when no item is assessed.
	StrongestItem *ItemStats `json:"strongest_item"`
}

// Leader is a country ranked first on one or more tasks.
type Leader struct {
	Country string `json:"country"`
	// Tasks on which it ranks first, in framework order.
	Tasks []string `json:"tasks"`
	// Shared are those of Tasks on which another country shares first place.
	Shared []string `json:"shared"`
}

// CountryGap is one country's gap on one task.
type CountryGap struct {
	Country string `json:"country"`
	Cluster string `json:"cluster"`
	Task    string `json:"task"`
	Gap     Num    `json:"gap"`
}

// ClusterRange is how far apart the clusters' mean as-is scores on a task lie: the
// cluster with the lowest and the highest mean, and their difference. Among equal
// means Low is the first cluster in id order and High the last.
type ClusterRange struct {
	Task     string `json:"task"`
	Low      string `json:"low"`
	High     string `json:"high"`
	LowMean  Num    `json:"low_mean"`
	HighMean Num    `json:"high_mean"`
	Range    Num    `json:"range"`
}

// findings derives the Findings; it needs the countries, the cross-country and the
// cross-cluster comparisons and the item statistics.
func findings(r *Result) Findings {
	f := Findings{Tasks: []TaskSynthesis{}, WeakItems: []ItemStats{}, FullItems: []ItemStats{},
		Leaders: []Leader{}, LargestGaps: []CountryGap{}, ClusterRanges: []ClusterRange{}}
	items := r.CrossCountry.Items
	var strong, weak, wide, gapTask *TaskDistribution
	for ti, t := range r.Tasks {
		ts := TaskSynthesis{Task: t.ID, Leaders: []RankEntry{}, Laggards: []RankEntry{}}
		var vals []Num
		for ci := range r.Countries {
			vals = append(vals, r.Countries[ci].Tasks[ti].AsIs)
		}
		ts.AsIs = Summarise(vals)
		if ti < len(r.CrossCountry.Rankings) {
			es := r.CrossCountry.Rankings[ti].Entries
			for _, e := range es {
				if e.Rank == 1 {
					ts.Leaders = append(ts.Leaders, e)
				}
			}
			if len(es) > 0 && es[len(es)-1].Rank != 1 {
				last := es[len(es)-1].Rank
				for _, e := range es {
					if e.Rank == last {
						ts.Laggards = append(ts.Laggards, e)
					}
				}
			}
		}
		for i := range items {
			it := &items[i]
			if it.Task != t.ID {
				continue
			}
			if len(it.Weak) > 0 && (ts.WeakestItem == nil || moreWeak(*it, *ts.WeakestItem) < 0) {
				ts.WeakestItem = it
			}
			if it.AsIs.Median.Valid && (ts.StrongestItem == nil || stronger(*it, *ts.StrongestItem) < 0) {
				ts.StrongestItem = it
			}
		}
		f.Tasks = append(f.Tasks, ts)

		if ti < len(r.CrossCountry.Distributions) {
			d := &r.CrossCountry.Distributions[ti]
			if m := d.AsIs.Median; m.Valid {
				if strong == nil || m.Cmp(strong.AsIs.Median) > 0 {
					strong = d
				}
				if weak == nil || m.Cmp(weak.AsIs.Median) < 0 {
					weak = d
				}
			}
			if sp := d.AsIs.Spread; sp.Valid && (wide == nil || sp.Cmp(wide.AsIs.Spread) > 0) {
				wide = d
			}
			if m := d.Gap.Mean; m.Valid && m.Ratio().Sign() > 0 && (gapTask == nil || m.Cmp(gapTask.Gap.Mean) > 0) {
				gapTask = d
			}
		}
	}
	if strong != nil {
		f.Strongest, f.Weakest = strong.Task, weak.Task
	}
	if wide != nil {
		f.Widest = wide.Task
	}
	if gapTask != nil {
		f.GapTask = gapTask.Task
	}

	for _, it := range items {
		if len(it.Weak) > 0 {
			f.WeakItems = append(f.WeakItems, it)
		}
		if it.FullInMost() {
			f.FullItems = append(f.FullItems, it)
		}
	}
	// Stable sorts keep framework order among equals.
	slices.SortStableFunc(f.WeakItems, moreWeak)
	slices.SortStableFunc(f.FullItems, func(a, b ItemStats) int { return cmpNum(b.FullShare(), a.FullShare()) })

	f.Leaders = leaders(r, f.Tasks)
	f.LargestGaps = largestCountryGaps(r)
	f.ClusterRanges = clusterRanges(r)
	if len(f.ClusterRanges) > 1 {
		f.LowestEverywhere, f.HighestEverywhere = everywhere(r, -1), everywhere(r, 1)
	}
	for _, cl := range r.Clusters {
		n := len(cl.Countries)
		if n == 0 {
			continue
		}
		if f.SmallestCluster == 0 || n < f.SmallestCluster {
			f.SmallestCluster = n
		}
		f.LargestCluster = max(f.LargestCluster, n)
	}
	if f.SmallestCluster > 0 {
		f.OneCountryWeight = Exact(num.Frac(1, int64(f.SmallestCluster)))
	}
	return f
}

// cmpNum orders two numbers exactly (Num.Cmp), but missing numbers last.
func cmpNum(a, b Num) int {
	switch {
	case !a.Valid && !b.Valid:
		return 0
	case !a.Valid:
		return 1
	case !b.Valid:
		return -1
	}
	return a.Cmp(b)
}

// moreWeak orders items the most widely weak first: by the share of weak
// countries, then by the lower median.
func moreWeak(a, b ItemStats) int {
	if c := cmpNum(b.WeakShare(), a.WeakShare()); c != 0 {
		return c
	}
	return cmpNum(a.AsIs.Median, b.AsIs.Median)
}

// stronger orders items the strongest first: by the higher median, then by the
// smaller share of weak countries.
func stronger(a, b ItemStats) int {
	if c := cmpNum(b.AsIs.Median, a.AsIs.Median); c != 0 {
		return c
	}
	return cmpNum(a.WeakShare(), b.WeakShare())
}

func leaders(r *Result, tasks []TaskSynthesis) []Leader {
	byCode := map[string]*Leader{}
	var order []string
	for _, ts := range tasks {
		for _, e := range ts.Leaders {
			l := byCode[e.Country]
			if l == nil {
				l = &Leader{Country: e.Country, Tasks: []string{}, Shared: []string{}}
				byCode[e.Country] = l
				order = append(order, e.Country)
			}
			l.Tasks = append(l.Tasks, ts.Task)
			if len(ts.Leaders) > 1 {
				l.Shared = append(l.Shared, ts.Task)
			}
		}
	}
	out := make([]Leader, 0, len(order))
	for _, code := range order {
		out = append(out, *byCode[code])
	}
	slices.SortStableFunc(out, func(a, b Leader) int {
		if c := cmp.Compare(len(b.Tasks), len(a.Tasks)); c != 0 {
			return c
		}
		return cmp.Compare(a.Country, b.Country)
	})
	return out
}

func largestCountryGaps(r *Result) []CountryGap {
	var gaps []CountryGap
	for _, c := range r.Countries {
		for _, t := range c.Tasks {
			if t.Gap.Valid && t.Gap.Ratio().Sign() > 0 {
				gaps = append(gaps, CountryGap{Country: c.Code, Cluster: c.Cluster, Task: t.Task, Gap: t.Gap})
			}
		}
	}
	// Countries are in code order and tasks in framework order: a stable sort on
	// the gap keeps that order among equal gaps.
	slices.SortStableFunc(gaps, func(a, b CountryGap) int { return cmpNum(b.Gap, a.Gap) })
	if gaps == nil {
		return []CountryGap{}
	}
	return gaps[:min(LargestGapCount, len(gaps))]
}

func clusterRanges(r *Result) []ClusterRange {
	out := []ClusterRange{}
	for ti, t := range r.Tasks {
		var cr *ClusterRange
		n := 0
		for _, cs := range r.CrossCluster.Clusters {
			if ti >= len(cs.Tasks) {
				continue
			}
			m := cs.Tasks[ti].AsIs.Mean
			if !m.Valid {
				continue
			}
			n++
			if cr == nil {
				cr = &ClusterRange{Task: t.ID, Low: cs.Cluster, High: cs.Cluster, LowMean: m, HighMean: m}
				continue
			}
			if m.Cmp(cr.LowMean) < 0 {
				cr.Low, cr.LowMean = cs.Cluster, m
			}
			// The last cluster among equal highest means, so that equal means
			// show two clusters, not one twice.
			if m.Cmp(cr.HighMean) >= 0 {
				cr.High, cr.HighMean = cs.Cluster, m
			}
		}
		if n < 2 {
			continue
		}
		cr.Range = Sub(cr.HighMean, cr.LowMean)
		out = append(out, *cr)
	}
	slices.SortStableFunc(out, func(a, b ClusterRange) int { return cmpNum(b.Range, a.Range) })
	return out
}

// Standing is where one country stands among all countries: its strongest and
// weakest task, the task with its largest gap, and the tasks on which it scores
// above or below the median of all countries.
type Standing struct {
	Country string `json:"country"`
	// Strongest and Weakest are the tasks with its highest and its lowest as-is
	// score, several when they score the same, in framework order; both empty when
	// no task has a score or every task scores the same.
	Strongest []string `json:"strongest"`
	Weakest   []string `json:"weakest"`
	// LargestGap is the task with its largest positive gap; "" when it has none.
	LargestGap string `json:"largest_gap"`
	// Above, AtMedian and Below are the tasks on which its as-is score is above, at
	// or below the median of all countries, in framework order.
	Above    []string `json:"above"`
	AtMedian []string `json:"at_median"`
	Below    []string `json:"below"`
	// Ranks are its places per task (0 when unranked), in framework order; Of is
	// the number of ranked countries.
	Ranks []RankPlace `json:"ranks"`
}

// RankPlace is a country's place in one task's ranking.
type RankPlace struct {
	Task string `json:"task"`
	Rank int    `json:"rank"`
	Of   int    `json:"of"`
}

// Standing returns where the country with the given code stands; the zero
// Standing when there is no such country.
func (r *Result) Standing(code string) Standing {
	c := r.Country(code)
	if c == nil {
		return Standing{}
	}
	s := Standing{Country: code, Above: []string{}, AtMedian: []string{}, Below: []string{}, Ranks: []RankPlace{}}
	var hi, lo, gap *TaskScore
	for ti := range c.Tasks {
		t := &c.Tasks[ti]
		if ti < len(r.CrossCountry.Rankings) {
			rk := r.CrossCountry.Rankings[ti]
			rp := RankPlace{Task: t.Task, Of: len(rk.Entries)}
			for _, e := range rk.Entries {
				if e.Country == code {
					rp.Rank = e.Rank
				}
			}
			s.Ranks = append(s.Ranks, rp)
		}
		if !t.AsIs.Valid {
			continue
		}
		if hi == nil || t.AsIs.Cmp(hi.AsIs) > 0 {
			hi = t
		}
		if lo == nil || t.AsIs.Cmp(lo.AsIs) < 0 {
			lo = t
		}
		if t.Gap.Valid && t.Gap.Ratio().Sign() > 0 && (gap == nil || t.Gap.Cmp(gap.Gap) > 0) {
			gap = t
		}
		if ti < len(r.CrossCountry.Distributions) {
			switch cmpNum(t.AsIs, r.CrossCountry.Distributions[ti].AsIs.Median) {
			case 1:
				s.Above = append(s.Above, t.Task)
			case -1:
				s.Below = append(s.Below, t.Task)
			default:
				s.AtMedian = append(s.AtMedian, t.Task)
			}
		}
	}
	s.Strongest, s.Weakest = []string{}, []string{}
	if hi != nil && hi.AsIs.Cmp(lo.AsIs) != 0 {
		for _, t := range c.Tasks {
			switch {
			case !t.AsIs.Valid:
			case t.AsIs.Cmp(hi.AsIs) == 0:
				s.Strongest = append(s.Strongest, t.Task)
			case t.AsIs.Cmp(lo.AsIs) == 0:
				s.Weakest = append(s.Weakest, t.Task)
			}
		}
	}
	if gap != nil {
		s.LargestGap = gap.Task
	}
	return s
}

// everywhere returns the cluster whose mean as-is score is, alone, the lowest
// (sign -1) or the highest (sign 1) on every task that has two or more cluster
// means; "" when there is none.
func everywhere(r *Result, sign int) string {
	found := ""
	for ti := range r.Tasks {
		best, n, tied := "", 0, false
		var bestMean Num
		for _, cs := range r.CrossCluster.Clusters {
			if ti >= len(cs.Tasks) || !cs.Tasks[ti].AsIs.Mean.Valid {
				continue
			}
			m := cs.Tasks[ti].AsIs.Mean
			n++
			switch c := cmpNum(m, bestMean) * sign; {
			case best == "" || c > 0:
				best, bestMean, tied = cs.Cluster, m, false
			case c == 0:
				tied = true
			}
		}
		if n < 2 {
			continue
		}
		if tied || found != "" && found != best {
			return ""
		}
		found = best
	}
	return found
}
