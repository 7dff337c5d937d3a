package site

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
)

type rankView struct {
	Task     string     `json:"task"`
	Anchor   string     `json:"anchor"`
	Rows     []tableRow `json:"rows"`
	Unranked []string   `json:"unranked,omitempty"`
	Stats    []string   `json:"stats"`
}

type pairView struct {
	Task       string `json:"task"`
	A          string `json:"a"`
	B          string `json:"b"`
	Difference string `json:"difference"`
}

// compare writes the comparison pages: by task and by cluster.
func (g *generator) compare() error {
	if err := g.add("compare/_index.md", page{Title: g.t("nav_compare", "Comparisons")}); err != nil {
		return err
	}
	var ranks []rankView
	for i, rk := range g.cmp.CrossCountry.Rankings {
		t, err := g.cmp.Task(rk.Task)
		if err != nil {
			return fmt.Errorf("failed to write the task comparison: %w", err)
		}
		rv := rankView{Task: g.taskTitle(t.Number, t.Title), Anchor: "task-" + t.ID}
		for _, e := range rk.Entries {
			name, cluster := e.Country, e.Cluster
			if c := g.cmp.Country(e.Country); c != nil {
				name = c.Name
			}
			rv.Rows = append(rv.Rows, tableRow{Name: name, URL: countryURL(e.Country), Cells: []string{fmt.Sprint(e.Rank), cluster, e.Score.StringIn(g.nums()), e.Gap.StringIn(g.nums())}})
		}
		for _, code := range rk.Unranked {
			name := code
			if c := g.cmp.Country(code); c != nil {
				name = c.Name
			}
			rv.Unranked = append(rv.Unranked, name)
		}
		if i < len(g.cmp.CrossCountry.Distributions) {
			d := g.cmp.CrossCountry.Distributions[i]
			rv.Stats = []string{fmt.Sprint(d.AsIs.Count), d.AsIs.Mean.StringIn(g.nums()), d.AsIs.Median.StringIn(g.nums()), d.AsIs.Min.StringIn(g.nums()), d.AsIs.Max.StringIn(g.nums()), d.Gap.Mean.StringIn(g.nums())}
		}
		ranks = append(ranks, rv)
	}
	if err := g.add("compare/tasks.md", page{Title: g.t("compare_tasks_title", "Comparison by task"), Weight: 1, Params: map[string]any{"view": "tasks", "ranks": ranks, "search": g.t("search_terms_compare_tasks", "ranking task comparison countries")}}); err != nil {
		return err
	}
	bars, table, err := g.clusterBars()
	if err != nil {
		return err
	}
	var pairs []pairView
	for _, p := range g.cmp.CrossCluster.MostDifferent {
		t, _ := g.cmp.Task(p.Task)
		pairs = append(pairs, pairView{Task: t.Short, A: g.clusterName(p.A), B: g.clusterName(p.B), Difference: p.Difference.SignedIn(g.nums())})
	}
	params := map[string]any{"view": "clusters", "chart": bars, "table": table, "pairs": pairs, "search": g.t("search_terms_compare_clusters", "cluster comparison")}
	return g.add("compare/clusters.md", page{Title: g.t("compare_clusters_title", "Comparison by cluster"), Weight: 2, Params: params})
}

func (g *generator) clusterName(id string) string {
	for _, c := range g.cmp.Clusters {
		if c.ID == id && c.Name != "" {
			return c.Name
		}
	}
	return id
}

// clusterBars draws the mean as-is score per cluster and task, with "All countries"
// as the last group, and returns the same numbers as a table.
func (g *generator) clusterBars() (string, *heatmapView, error) {
	cc := g.cmp.CrossCluster
	if len(cc.Clusters) == 0 {
		return "", nil, nil
	}
	var groups []string
	for _, cs := range cc.Clusters {
		groups = append(groups, g.clusterName(cs.Cluster))
	}
	groups = append(groups, g.t("all_countries", "All countries"))
	table := &heatmapView{Title: g.t("cluster_bars_title", "Mean as-is score by cluster and task"), Cols: g.taskShorts()}
	series := make([]chart.Series, len(g.cmp.Tasks))
	for i, t := range g.cmp.Tasks {
		series[i].Name = t.Short
	}
	addGroup := func(name, url string, stats []compare.TaskStats) {
		var cells []string
		for i := range g.cmp.Tasks {
			var n compare.Num
			if i < len(stats) {
				n = stats[i].AsIs.Mean
			}
			series[i].Values = append(series[i].Values, chartValue(n))
			cells = append(cells, n.StringIn(g.nums()))
		}
		table.Rows = append(table.Rows, tableRow{Name: name, URL: url, Cells: cells})
	}
	for _, cs := range cc.Clusters {
		addGroup(g.clusterName(cs.Cluster), clusterURL(cs.Cluster), cs.Tasks)
	}
	addGroup(g.t("all_countries", "All countries"), "", cc.All)
	b := chart.Bars{Meta: chart.Meta{ID: "bars-clusters", Title: table.Title, Numbers: g.nums(),
		Desc: g.t("cluster_bars_desc", "One group of bars per cluster and one for all countries; one bar per task, the mean of the countries' normalised as-is task scores.")},
		Groups: groups, Series: series, YLabel: g.t("cluster_bars_axis", "Mean as-is score (0-1)"), Max: 1}
	b.Words = g.chartWords()
	svg, err := b.Render()
	if err != nil {
		return "", nil, fmt.Errorf("failed to draw the cluster comparison: %w", err)
	}
	return string(svg), table, nil
}
