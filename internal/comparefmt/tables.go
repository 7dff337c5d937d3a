package comparefmt

import (
	"strconv"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/num"
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

// score writes a number for people (num.Score), num.Missing when missing.
func score(n compare.Num) string { return n.String() }

func statsRow(label string, st compare.Stats) []string {
	return []string{label, strconv.Itoa(st.Count), score(st.Mean), score(st.Median), score(st.Min), score(st.Max), score(st.Spread), score(st.StdDev)}
}

var statsHeader = []string{"n", "Mean", "Median", "Min", "Max", "Spread", "SD"}

func (v view) countryTables() []table {
	r := v.res
	idx := v.taskIdx()
	asis := table{title: "As-is score per task (0-1; " + num.Missing + " means not assessed)", header: []string{"Country", "Name", "Cluster", "Status", "Assessed"}}
	gap := table{title: "Gap per task (to-be minus as-is, 0-1)", header: []string{"Country", "Cluster"}}
	for _, i := range idx {
		asis.header = append(asis.header, r.Tasks[i].ID)
		gap.header = append(gap.header, r.Tasks[i].ID)
	}
	for _, c := range r.Countries {
		row := []string{c.Code, c.Name, c.Cluster, c.Status, pct(c.Completeness)}
		grow := []string{c.Code, c.Cluster}
		for _, i := range idx {
			row = append(row, score(c.Tasks[i].AsIs))
			grow = append(grow, score(c.Tasks[i].Gap))
		}
		asis.rows = append(asis.rows, row)
		gap.rows = append(gap.rows, grow)
	}
	mrow := []string{"mean", "", "", "", ""}
	grow := []string{"mean", ""}
	for _, i := range idx {
		d := r.CrossCountry.Distributions[i]
		mrow = append(mrow, score(d.AsIs.Mean))
		grow = append(grow, score(d.Gap.Mean))
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
		rk.rows = append(rk.rows, []string{strconv.Itoa(e.Rank), e.Country, e.Cluster, score(ts.AsIs), score(ts.ToBe), score(ts.Gap), assessed(ts)})
	}
	for _, code := range r.CrossCountry.Rankings[i].Unranked {
		c := r.Country(code)
		ts := c.Tasks[i]
		rk.rows = append(rk.rows, []string{num.Missing, code, c.Cluster, score(ts.AsIs), score(ts.ToBe), score(ts.Gap), assessed(ts)})
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
			row = append(row, score(cc.Clusters[ci].Tasks[i].AsIs.Mean))
			grow = append(grow, score(cc.Clusters[ci].Tasks[i].Gap.Mean))
		}
		means.rows = append(means.rows, row)
		gaps.rows = append(gaps.rows, grow)
	}
	row := []string{AllClusters, "All countries", strconv.Itoa(len(r.Countries))}
	grow := []string{AllClusters}
	for _, i := range idx {
		row = append(row, score(cc.All[i].AsIs.Mean))
		grow = append(grow, score(cc.All[i].Gap.Mean))
	}
	means.rows = append(means.rows, row)
	gaps.rows = append(gaps.rows, grow)

	stats := table{title: "Cluster statistics per task (as-is; vs all = cluster mean minus the mean of all countries)",
		header: []string{"Task", "Cluster", "n", "Mean", "Median", "Min", "Max", "Spread", "vs all"}}
	for _, i := range idx {
		for ci, cl := range r.Clusters {
			ts := cc.Clusters[ci].Tasks[i]
			stats.rows = append(stats.rows, []string{r.Tasks[i].ID, cl.ID, strconv.Itoa(ts.AsIs.Count),
				score(ts.AsIs.Mean), score(ts.AsIs.Median), score(ts.AsIs.Min), score(ts.AsIs.Max), score(ts.AsIs.Spread), signed(ts.VsAll)})
		}
		a := cc.All[i].AsIs
		stats.rows = append(stats.rows, []string{r.Tasks[i].ID, AllClusters, strconv.Itoa(a.Count),
			score(a.Mean), score(a.Median), score(a.Min), score(a.Max), score(a.Spread), ""})
	}
	diff := table{title: "Where the clusters differ most (largest difference of as-is means per task)",
		header: []string{"Task", "Clusters", "Mean A", "Mean B", "A minus B"}}
	for _, p := range cc.MostDifferent {
		if v.task != "" && p.Task != v.task {
			continue
		}
		diff.rows = append(diff.rows, []string{p.Task, p.A + " vs " + p.B, score(p.MeanA), score(p.MeanB), signed(p.Difference)})
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
			t.rows = append(t.rows, []string{id, ts.Task, strconv.Itoa(a.Count), machine(a.Mean), machine(a.Median), machine(a.Min), machine(a.Max),
				machine(a.Spread), machine(a.StdDev), machine(ts.VsAll), machine(ts.Gap.Mean)})
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
			t.rows = append(t.rows, []string{c.Code, c.Name, c.Cluster, c.Status, ts.Task, machine(ts.AsIs), machine(ts.ToBe), machine(ts.Gap),
				rankOf(r, i, c.Code), strconv.Itoa(ts.Assessed), strconv.Itoa(ts.ItemCount), machine(ts.Completeness)})
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

// machine writes a number for CSV at num.MachineDecimals (num.MachineText), ""
// when missing.
func machine(n compare.Num) string {
	if !n.Valid {
		return ""
	}
	return num.MachineText(n.Value)
}

// pct writes a share as a whole percentage (num.Percent), num.Missing when missing.
func pct(n compare.Num) string {
	if !n.Valid {
		return num.Missing
	}
	return num.Percent(n.Value)
}

// signed writes a difference with its sign (num.Signed), num.Missing when missing.
func signed(n compare.Num) string { return n.Signed() }

func assessed(ts compare.TaskScore) string {
	return strconv.Itoa(ts.Assessed) + "/" + strconv.Itoa(ts.ItemCount)
}

func rawCell(s compare.ItemScore) string {
	out := num.Missing
	if s.Score != nil {
		out = strconv.Itoa(*s.Score)
	}
	if s.Target != nil {
		out += "→" + strconv.Itoa(*s.Target)
	}
	return out
}
