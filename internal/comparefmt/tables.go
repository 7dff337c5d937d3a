package comparefmt

import (
	"strconv"

	"github.com/hwfplan/hwfplan/internal/compare"
)

// table is one titled table of cells, laid out by the text and Markdown writers.
type table struct {
	title  string
	header []string
	rows   [][]string
}

// view selects what to show from a computed comparison.
type view struct {
	res  *compare.Result
	by   string
	task string // "" for all tasks
	// problems are the errors of invalid plans compared with --allow-invalid.
	problems []string
}

// AllClusters labels the all-countries row of the cluster tables and CSV
// (cluster ids are lower case, so it cannot clash with one).
const AllClusters = "ALL"

// taskIdx lists the indexes of the tasks shown, in framework order.
func (v view) taskIdx() []int {
	var idx []int
	for i, t := range v.res.Tasks {
		if v.task == "" || t.ID == v.task {
			idx = append(idx, i)
		}
	}
	return idx
}

func (v view) tables() []table {
	if v.by == "cluster" {
		return v.clusterTables()
	}
	if v.task != "" {
		return v.taskTables()
	}
	return v.countryTables()
}

func num(n compare.Num) string { return n.String() }

func statsRow(label string, st compare.Stats) []string {
	return []string{label, strconv.Itoa(st.Count), num(st.Mean), num(st.Median), num(st.Min), num(st.Max), num(st.Spread), num(st.StdDev)}
}

var statsHeader = []string{"n", "Mean", "Median", "Min", "Max", "Spread", "SD"}

func (v view) countryTables() []table {
	r := v.res
	idx := v.taskIdx()
	asis := table{title: "As-is score per task (0-1; — means not assessed)", header: []string{"Country", "Name", "Cluster", "Status", "Assessed"}}
	gap := table{title: "Gap per task (to-be minus as-is, 0-1)", header: []string{"Country", "Cluster"}}
	for _, i := range idx {
		asis.header = append(asis.header, r.Tasks[i].ID)
		gap.header = append(gap.header, r.Tasks[i].ID)
	}
	for _, c := range r.Countries {
		row := []string{c.Code, c.Name, c.Cluster, c.Status, pct(c.Completeness)}
		grow := []string{c.Code, c.Cluster}
		for _, i := range idx {
			row = append(row, num(c.Tasks[i].AsIs))
			grow = append(grow, num(c.Tasks[i].Gap))
		}
		asis.rows = append(asis.rows, row)
		gap.rows = append(gap.rows, grow)
	}
	mrow := []string{"mean", "", "", "", ""}
	grow := []string{"mean", ""}
	for _, i := range idx {
		d := r.CrossCountry.Distributions[i]
		mrow = append(mrow, num(d.AsIs.Mean))
		grow = append(grow, num(d.Gap.Mean))
	}
	asis.rows = append(asis.rows, mrow)
	gap.rows = append(gap.rows, grow)
	dist := table{title: "Distribution of the as-is scores per task", header: append([]string{"Task"}, statsHeader...)}
	for _, i := range idx {
		dist.rows = append(dist.rows, statsRow(r.Tasks[i].ID, r.CrossCountry.Distributions[i].AsIs))
	}
	return []table{asis, gap, dist}
}

func (v view) taskTables() []table {
	r := v.res
	i := v.taskIdx()[0]
	t := r.Tasks[i]
	rk := table{title: "Ranking on " + t.ID + " (" + t.Title + "), as-is score, highest first",
		header: []string{"Rank", "Country", "Cluster", "As-is", "To-be", "Gap", "Assessed"}}
	for _, e := range r.CrossCountry.Rankings[i].Entries {
		c := r.Country(e.Country)
		ts := c.Tasks[i]
		rk.rows = append(rk.rows, []string{strconv.Itoa(e.Rank), e.Country, e.Cluster, num(ts.AsIs), num(ts.ToBe), num(ts.Gap), assessed(ts)})
	}
	for _, code := range r.CrossCountry.Rankings[i].Unranked {
		c := r.Country(code)
		ts := c.Tasks[i]
		rk.rows = append(rk.rows, []string{"—", code, c.Cluster, num(ts.AsIs), num(ts.ToBe), num(ts.Gap), assessed(ts)})
	}
	items := table{title: "Item scores on " + t.ID + " (as-is→target on each item's scale)", header: []string{"Country"}}
	for _, it := range t.Items {
		items.header = append(items.header, it.ID+" ("+strconv.Itoa(it.Min)+"-"+strconv.Itoa(it.Max)+")")
	}
	for _, c := range r.Countries {
		row := []string{c.Code}
		for _, it := range t.Items {
			s, _ := c.Item(it.Key)
			row = append(row, rawCell(s))
		}
		items.rows = append(items.rows, row)
	}
	d := r.CrossCountry.Distributions[i]
	dist := table{title: "Distribution on " + t.ID, header: append([]string{"Measure"}, statsHeader...)}
	dist.rows = append(dist.rows, statsRow("as-is", d.AsIs), statsRow("to-be", d.ToBe), statsRow("gap", d.Gap))
	return []table{rk, items, dist}
}

func (v view) clusterTables() []table {
	r := v.res
	cc := r.CrossCluster
	idx := v.taskIdx()
	means := table{title: "Mean as-is score per cluster and task (0-1)", header: []string{"Cluster", "Name", "Countries"}}
	gaps := table{title: "Mean gap per cluster and task (0-1)", header: []string{"Cluster"}}
	for _, i := range idx {
		means.header = append(means.header, r.Tasks[i].ID)
		gaps.header = append(gaps.header, r.Tasks[i].ID)
	}
	for ci, cl := range r.Clusters {
		row := []string{cl.ID, cl.Name, strconv.Itoa(len(cl.Countries))}
		grow := []string{cl.ID}
		for _, i := range idx {
			row = append(row, num(cc.Clusters[ci].Tasks[i].AsIs.Mean))
			grow = append(grow, num(cc.Clusters[ci].Tasks[i].Gap.Mean))
		}
		means.rows = append(means.rows, row)
		gaps.rows = append(gaps.rows, grow)
	}
	row := []string{AllClusters, "All countries", strconv.Itoa(len(r.Countries))}
	grow := []string{AllClusters}
	for _, i := range idx {
		row = append(row, num(cc.All[i].AsIs.Mean))
		grow = append(grow, num(cc.All[i].Gap.Mean))
	}
	means.rows = append(means.rows, row)
	gaps.rows = append(gaps.rows, grow)

	stats := table{title: "Cluster statistics per task (as-is; vs all = cluster mean minus the mean of all countries)",
		header: []string{"Task", "Cluster", "n", "Mean", "Median", "Min", "Max", "Spread", "vs all"}}
	for _, i := range idx {
		for ci, cl := range r.Clusters {
			ts := cc.Clusters[ci].Tasks[i]
			stats.rows = append(stats.rows, []string{r.Tasks[i].ID, cl.ID, strconv.Itoa(ts.AsIs.Count),
				num(ts.AsIs.Mean), num(ts.AsIs.Median), num(ts.AsIs.Min), num(ts.AsIs.Max), num(ts.AsIs.Spread), signed(ts.VsAll)})
		}
		a := cc.All[i].AsIs
		stats.rows = append(stats.rows, []string{r.Tasks[i].ID, AllClusters, strconv.Itoa(a.Count),
			num(a.Mean), num(a.Median), num(a.Min), num(a.Max), num(a.Spread), ""})
	}
	diff := table{title: "Where the clusters differ most (largest difference of as-is means per task)",
		header: []string{"Task", "Clusters", "Mean A", "Mean B", "A minus B"}}
	for _, p := range cc.MostDifferent {
		if v.task != "" && p.Task != v.task {
			continue
		}
		diff.rows = append(diff.rows, []string{p.Task, p.A + " vs " + p.B, num(p.MeanA), num(p.MeanB), signed(p.Difference)})
	}
	return []table{means, gaps, stats, diff}
}

// tidy is the single long table CSV writes: one row per country (or cluster) and task.
func (v view) tidy() table {
	r := v.res
	idx := v.taskIdx()
	if v.by == "cluster" {
		t := table{header: []string{"cluster", "task", "count", "mean", "median", "min", "max", "spread", "std_dev", "vs_all", "gap_mean"}}
		add := func(id string, ts compare.TaskStats) {
			a := ts.AsIs
			t.rows = append(t.rows, []string{id, ts.Task, strconv.Itoa(a.Count), f4(a.Mean), f4(a.Median), f4(a.Min), f4(a.Max),
				f4(a.Spread), f4(a.StdDev), f4(ts.VsAll), f4(ts.Gap.Mean)})
		}
		for _, i := range idx {
			for _, cs := range r.CrossCluster.Clusters {
				add(cs.Cluster, cs.Tasks[i])
			}
			add(AllClusters, r.CrossCluster.All[i])
		}
		return t
	}
	t := table{header: []string{"country", "name", "cluster", "status", "task", "as_is", "to_be", "gap", "rank", "assessed", "item_count", "completeness"}}
	for _, c := range r.Countries {
		for _, i := range idx {
			ts := c.Tasks[i]
			t.rows = append(t.rows, []string{c.Code, c.Name, c.Cluster, c.Status, ts.Task, f4(ts.AsIs), f4(ts.ToBe), f4(ts.Gap),
				rankOf(r, i, c.Code), strconv.Itoa(ts.Assessed), strconv.Itoa(ts.ItemCount), f4(ts.Completeness)})
		}
	}
	return t
}

func rankOf(r *compare.Result, ti int, code string) string {
	for _, e := range r.CrossCountry.Rankings[ti].Entries {
		if e.Country == code {
			return strconv.Itoa(e.Rank)
		}
	}
	return ""
}

func f4(n compare.Num) string { return n.Format(4) }

func pct(n compare.Num) string {
	if !n.Valid {
		return "—"
	}
	return strconv.Itoa(int(n.Value*100+0.5)) + "%"
}

func signed(n compare.Num) string {
	if n.Valid && n.Value > 0.005 {
		return "+" + n.String()
	}
	return n.String()
}

func assessed(ts compare.TaskScore) string {
	return strconv.Itoa(ts.Assessed) + "/" + strconv.Itoa(ts.ItemCount)
}

func rawCell(s compare.ItemScore) string {
	out := "—"
	if s.Score != nil {
		out = strconv.Itoa(*s.Score)
	}
	if s.Target != nil {
		out += "→" + strconv.Itoa(*s.Target)
	}
	return out
}
