package compare

import (
	"cmp"
	"math"
	"slices"

	"github.com/hwfplan/hwfplan/internal/model"
)

// Cluster is a learning cluster and its member countries that loaded.
type Cluster struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	WorkPackage string   `json:"work_package"`
	Countries   []string `json:"countries"` // loaded members, by code
	// Missing lists members named in the cluster file whose country did not load.
	Missing []string `json:"missing"`
}

// clusters lists the clusters by id. A country belongs to the one cluster its
// country.yaml names, so no country is counted twice; a cluster file that lists a
// country which names another cluster does not change that (validate reports the
// disagreement). Members a cluster file lists but whose country did not load are
// in Missing. A cluster named by a country but without a file still appears,
// named by its id, so no country drops out of the comparison.
func clusters(repo *model.Repo, countries []Country) []Cluster {
	byID := map[string]*Cluster{}
	get := func(id string) *Cluster {
		if c := byID[id]; c != nil {
			return c
		}
		c := &Cluster{ID: id, Name: id, Countries: []string{}, Missing: []string{}}
		byID[id] = c
		return c
	}
	loaded := map[string]bool{}
	for _, c := range countries {
		loaded[c.Code] = true
	}
	for _, lc := range repo.Clusters {
		if lc == nil {
			continue
		}
		c := get(lc.ID)
		if lc.Cluster == nil {
			continue
		}
		if lc.Cluster.Name != "" {
			c.Name = lc.Cluster.Name
		}
		c.WorkPackage = lc.Cluster.WorkPackage
		for _, code := range lc.Cluster.Countries {
			if !loaded[code] {
				c.Missing = append(c.Missing, code)
			}
		}
	}
	for _, c := range countries {
		if c.Cluster != "" {
			cl := get(c.Cluster)
			cl.Countries = append(cl.Countries, c.Code)
		}
	}
	var out []Cluster
	for _, c := range byID {
		slices.Sort(c.Countries)
		c.Countries = slices.Compact(c.Countries)
		slices.Sort(c.Missing)
		c.Missing = slices.Compact(c.Missing)
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Cluster) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// CrossCluster compares the clusters task by task on the as-is scores.
type CrossCluster struct {
	// Stats per cluster (id order), each with one entry per task (framework order).
	Clusters []ClusterStats `json:"clusters"`
	// All is the same statistics over all countries, per task.
	All []TaskStats `json:"all"`
	// MostDifferent holds, per task, the pair of clusters whose as-is means differ
	// most, sorted by the absolute difference (largest first; ties in task order).
	MostDifferent []ClusterPair `json:"most_different"`
	// Pairs holds every pair of clusters on every task, in the same order
	// (absolute difference, then task order, then cluster ids).
	Pairs []ClusterPair `json:"pairs"`
	// Spreads holds, per task (framework order), the distribution of the as-is
	// scores in each cluster and over all countries.
	Spreads []TaskSpread `json:"spreads"`
}

// ClusterStats is one cluster's statistics per task.
type ClusterStats struct {
	Cluster string      `json:"cluster"`
	Tasks   []TaskStats `json:"tasks"`
}

// TaskStats describes one task's as-is and gap scores in a set of countries.
// VsAll is this set's as-is mean minus the mean of all countries (missing for All).
type TaskStats struct {
	Task  string `json:"task"`
	AsIs  Stats  `json:"as_is"`
	Gap   Stats  `json:"gap"`
	VsAll Num    `json:"vs_all"`
}

// ClusterPair is the difference of two clusters' as-is means on a task:
// Difference = mean(A) - mean(B), with A before B in id order.
type ClusterPair struct {
	Task       string `json:"task"`
	A          string `json:"a"`
	B          string `json:"b"`
	MeanA      Num    `json:"mean_a"`
	MeanB      Num    `json:"mean_b"`
	Difference Num    `json:"difference"`
}

// Stats returns a cluster's statistics, or nil.
func (cc *CrossCluster) Stats(cluster string) *ClusterStats {
	for i := range cc.Clusters {
		if cc.Clusters[i].Cluster == cluster {
			return &cc.Clusters[i]
		}
	}
	return nil
}

func taskStats(r *Result, ti int, codes []string) TaskStats {
	var a, g []Num
	for _, code := range codes {
		if c := r.Country(code); c != nil {
			a, g = append(a, c.Tasks[ti].AsIs), append(g, c.Tasks[ti].Gap)
		}
	}
	return TaskStats{Task: r.Tasks[ti].ID, AsIs: Describe(a), Gap: Describe(g)}
}

func crossCluster(r *Result) CrossCluster {
	cc := CrossCluster{Clusters: []ClusterStats{}, MostDifferent: []ClusterPair{}, Pairs: []ClusterPair{}}
	all := make([]string, len(r.Countries))
	for i, c := range r.Countries {
		all[i] = c.Code
	}
	for ti := range r.Tasks {
		cc.All = append(cc.All, taskStats(r, ti, all))
	}
	for _, cl := range r.Clusters {
		cs := ClusterStats{Cluster: cl.ID}
		for ti := range r.Tasks {
			ts := taskStats(r, ti, cl.Countries)
			ts.VsAll = Sub(ts.AsIs.Mean, cc.All[ti].AsIs.Mean)
			cs.Tasks = append(cs.Tasks, ts)
		}
		cc.Clusters = append(cc.Clusters, cs)
	}
	taskOrder := map[string]int{}
	for ti, t := range r.Tasks {
		taskOrder[t.ID] = ti
		var best *ClusterPair
		for i := range cc.Clusters {
			for j := i + 1; j < len(cc.Clusters); j++ {
				a, b := cc.Clusters[i].Tasks[ti].AsIs.Mean, cc.Clusters[j].Tasks[ti].AsIs.Mean
				d := Sub(a, b)
				if !d.Valid {
					continue
				}
				p := ClusterPair{Task: t.ID, A: cc.Clusters[i].Cluster, B: cc.Clusters[j].Cluster, MeanA: a, MeanB: b, Difference: d}
				cc.Pairs = append(cc.Pairs, p)
				if best == nil || absCmp(d, best.Difference) > 0 {
					best = &p
				}
			}
		}
		if best != nil {
			cc.MostDifferent = append(cc.MostDifferent, *best)
		}
	}
	byDiff := func(a, b ClusterPair) int {
		if c := absCmp(a.Difference, b.Difference); c != 0 {
			return -c
		}
		if c := cmp.Compare(taskOrder[a.Task], taskOrder[b.Task]); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	}
	slices.SortStableFunc(cc.MostDifferent, byDiff)
	slices.SortStableFunc(cc.Pairs, byDiff)
	cc.Spreads = spreads(r)
	return cc
}

// absCmp compares the sizes of two differences exactly, whatever their sign.
func absCmp(a, b Num) int {
	qa, qb := a.Ratio(), b.Ratio()
	if qa.OK() && qb.OK() {
		return qa.Abs().Cmp(qb.Abs())
	}
	return cmp.Compare(math.Abs(a.Value), math.Abs(b.Value))
}
