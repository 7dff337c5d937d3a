package report

import (
	"fmt"
	"time"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/num"
)

// figures prepares every chart a template may place, by key:
//
//	heatmap-asis, heatmap-gap   country × task as-is score and gap
//	bars-clusters               mean as-is score per cluster and task, and all countries
//	radar-<code>                a country's as-is and to-be per task (e.g. radar-hu)
//	heatmap-domains             country × sustainability domain
//	bars-domains                mean domain score per cluster, and all countries
//	timeline-<code>             a country's action plan (e.g. timeline-hu)
//	heatmap-items               item × country as-is score, items grouped by task
//	strips-clusters             per task, each cluster's scores as dots with quartiles
//
// The template's caption becomes the chart's accessible title; the description is
// written here from the data.
func figures(d *Data) map[string]figureFunc {
	figs := map[string]figureFunc{}
	r := d.R
	if len(d.Countries) == 0 {
		return figs
	}
	rows := make([]string, len(d.Countries))
	for i, c := range d.Countries {
		rows[i] = fmt.Sprintf("%s (%s)", c.Name, c.Code)
	}
	cols := make([]string, len(r.Tasks))
	for i, t := range r.Tasks {
		cols[i] = taskLabel(t)
	}
	matrix := func(get func(c *CountryView, ti int) compare.Num) [][]*float64 {
		out := make([][]*float64, len(d.Countries))
		for i, c := range d.Countries {
			out[i] = make([]*float64, len(r.Tasks))
			for ti := range r.Tasks {
				out[i][ti] = ptr(get(c, ti))
			}
		}
		return out
	}
	figs["heatmap-asis"] = func(title string) ([]byte, error) {
		return chart.HeatMap{
			Meta: chart.Meta{ID: "fig-heatmap-asis", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
				Desc: d.msgs.t("report.asis.chart.heatmap_asis_desc", "Countries", len(rows), "Tasks", len(cols), "Missing", num.Missing)},
			Rows: rows, Cols: cols, Legend: d.msgs.t("report.asis.chart.asis_legend"),
			Values: matrix(func(c *CountryView, ti int) compare.Num { return c.Tasks[ti].AsIs }),
		}.Render()
	}
	figs["heatmap-gap"] = func(title string) ([]byte, error) {
		return chart.HeatMap{
			Meta: chart.Meta{ID: "fig-heatmap-gap", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
				Desc: d.msgs.t("report.asis.chart.heatmap_gap_desc", "Countries", len(rows), "Tasks", len(cols))},
			Rows: rows, Cols: cols, Gap: true, Legend: d.msgs.t("report.asis.chart.gap_legend"),
			Values: matrix(func(c *CountryView, ti int) compare.Num { return c.Tasks[ti].Gap }),
		}.Render()
	}
	if fig := coverageHeatMap(d); fig != nil {
		figs["heatmap-mds"] = fig
	}
	if len(d.Clusters) > 0 {
		figs["bars-clusters"] = func(title string) ([]byte, error) {
			groups, series := clusterBars(d, func(ts compare.TaskStats) compare.Num { return ts.AsIs.Mean })
			return chart.Bars{
				Meta: chart.Meta{ID: "fig-bars-clusters", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
					Desc: d.msgs.t("report.asis.chart.bars_desc", "Clusters", len(d.Clusters))},
				Groups: groups, Series: series, YLabel: d.msgs.t("cluster_bars_axis"),
			}.Render()
		}
		figs["bars-domains"] = func(title string) ([]byte, error) {
			return domainBars(d, title)
		}
	}
	for _, c := range d.Countries {
		c := c
		// A radar needs three axes; with fewer tasks the table shows it all.
		if len(cols) >= 3 {
			figs["radar-"+anchorID(c.Code)] = func(title string) ([]byte, error) {
				asis := make([]*float64, len(c.Tasks))
				tobe := make([]*float64, len(c.Tasks))
				for i, t := range c.Tasks {
					asis[i], tobe[i] = ptr(t.AsIs), ptr(t.ToBe)
				}
				return chart.Radar{
					Meta: chart.Meta{ID: "fig-radar-" + anchorID(c.Code), Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
						Desc: d.msgs.t("report.asis.chart.radar_desc", "Name", c.Name, "Tasks", len(c.Tasks))},
					Axes:   cols,
					Series: []chart.Series{{Name: d.msgs.t("series_as_is"), Values: asis}, {Name: d.msgs.t("series_to_be"), Values: tobe}},
				}.Render()
			}
		}
		if c.Plan != nil && c.Plan.ActionPlan != nil && len(c.Plan.ActionPlan.Actions) > 0 {
			figs["timeline-"+anchorID(c.Code)] = func(title string) ([]byte, error) {
				return timeline(d, c, title)
			}
		}
	}
	if len(d.R.Domains) > 0 {
		figs["heatmap-domains"] = func(title string) ([]byte, error) {
			dcols := make([]string, len(d.R.Domains))
			for i, dm := range d.R.Domains {
				dcols[i] = dm.Title
			}
			vals := make([][]*float64, len(d.Countries))
			for i, c := range d.Countries {
				vals[i] = make([]*float64, len(d.R.Domains))
				for j, dm := range d.R.Domains {
					for _, ds := range c.Sustainability.Domains {
						if ds.Domain == dm.ID {
							vals[i][j] = ptr(ds.Normalised)
						}
					}
				}
			}
			return chart.HeatMap{
				Meta: chart.Meta{ID: "fig-heatmap-domains", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
					Desc: d.msgs.t("report.sustainability.chart.heatmap_desc", "Countries", len(rows), "Domains", len(dcols))},
				Rows: rows, Cols: dcols, Values: vals, Legend: d.msgs.t("report.sustainability.chart.heatmap_legend"),
			}.Render()
		}
	}
	asIsFigures(d, figs)
	skillsFigures(d, figs)
	progressFigures(d, figs)
	stakeholderFigures(d, figs)
	return figs
}

func taskLabel(t compare.TaskInfo) string {
	if t.Short != "" {
		return t.Short
	}
	return t.Title
}

func ptr(n compare.Num) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Value
	return &v
}

// clusterBars lays out one group per cluster plus "All countries", one series per task.
func clusterBars(d *Data, get func(compare.TaskStats) compare.Num) ([]string, []chart.Series) {
	r := d.R
	var groups []string
	for _, cl := range d.Clusters {
		groups = append(groups, clusterLabel(cl))
	}
	groups = append(groups, d.msgs.t("all_countries"))
	series := make([]chart.Series, len(r.Tasks))
	for ti, t := range r.Tasks {
		series[ti] = chart.Series{Name: taskLabel(t)}
		for _, cl := range d.Clusters {
			var v *float64
			if cl.Stats != nil && ti < len(cl.Stats.Tasks) {
				v = ptr(get(cl.Stats.Tasks[ti]))
			}
			series[ti].Values = append(series[ti].Values, v)
		}
		var all *float64
		if ti < len(r.CrossCluster.All) {
			all = ptr(get(r.CrossCluster.All[ti]))
		}
		series[ti].Values = append(series[ti].Values, all)
	}
	return groups, series
}

func clusterLabel(cl *ClusterView) string {
	if cl.WorkPackage != "" {
		return cl.WorkPackage
	}
	return cl.Name
}

func domainBars(d *Data, title string) ([]byte, error) {
	var groups []string
	for _, cl := range d.Clusters {
		groups = append(groups, clusterLabel(cl))
	}
	groups = append(groups, d.msgs.t("report.sustainability.all_countries"))
	series := make([]chart.Series, len(d.R.Domains))
	for i, dm := range d.R.Domains {
		series[i] = chart.Series{Name: dm.Title}
		pick := func(cs *compare.ClusterSustainability) *float64 {
			if cs == nil {
				return nil
			}
			for _, ds := range cs.Domains {
				if ds.Domain == dm.ID {
					return ptr(ds.Stats.Mean)
				}
			}
			return nil
		}
		for _, cl := range d.Clusters {
			series[i].Values = append(series[i].Values, pick(cl.Sustainability))
		}
		series[i].Values = append(series[i].Values, pick(&d.R.Sustainability.All))
	}
	return chart.Bars{
		Meta: chart.Meta{ID: "fig-bars-domains", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
			Desc: d.msgs.t("report.sustainability.chart.bars_desc", "Clusters", len(d.Clusters))},
		Groups: groups, Series: series, YLabel: d.msgs.t("report.sustainability.chart.bars_ylabel"),
	}.Render()
}

func timeline(d *Data, c *CountryView, title string) ([]byte, error) {
	var acts []chart.Action
	for _, a := range c.Plan.ActionPlan.Actions {
		ca := chart.Action{ID: a.ID, Label: a.Title, Status: chart.Status(a.Status)}
		if t, ok := a.Start.Time(); ok {
			ca.Start = t
		}
		if t, ok := a.End.Time(); ok {
			ca.End = t
		}
		acts = append(acts, ca)
	}
	tl := chart.Timeline{
		Meta: chart.Meta{ID: "fig-timeline-" + anchorID(c.Code), Title: title, Numbers: d.msgs.nums(),
			Desc: d.msgs.t("report.sustainability.chart.timeline_desc", "Count", len(acts), "Name", c.Name)},
		Actions: acts,
	}
	tl.Words = d.msgs.chartWords()
	if end, err := time.Parse("2006-01", d.Programme.End); err == nil {
		tl.Marker = end
		month := end.Format("Jan 2006")
		if !d.msgs.english() {
			month = d.msgs.monthText(end)
		}
		tl.MarkerLabel = d.msgs.t("report.sustainability.chart.programme_end", "Month", month)
	}
	return tl.Render()
}

// memo caches rendered figures by key and title: a report is drawn in several
// passes, and each figure only once per title.
func memo(figs map[string]figureFunc) map[string]figureFunc {
	out := make(map[string]figureFunc, len(figs))
	for k, f := range figs {
		cache := map[string][]byte{}
		out[k] = func(title string) ([]byte, error) {
			if b, ok := cache[title]; ok {
				return b, nil
			}
			b, err := f(title)
			if err != nil {
				return nil, err
			}
			cache[title] = b
			return b, nil
		}
	}
	return out
}

// coverageHeatMap is the data collection report's heat map: for each country
// whose sources declare their coverage, the share of each group of the minimum
// data set covered; nil when the framework has no data set or no country declares.
func coverageHeatMap(d *Data) figureFunc {
	if d.Framework.MinimumDataSet == nil {
		return nil
	}
	v := d.Collection()
	var rows []string
	var values [][]*float64
	for _, c := range v.Countries {
		if !c.Declares() {
			continue
		}
		rows = append(rows, fmt.Sprintf("%s (%s)", c.Name, c.Code))
		var row []*float64
		for _, s := range c.GroupShares(v.Groups) {
			row = append(row, ptr(s))
		}
		values = append(values, row)
	}
	if len(rows) == 0 {
		return nil
	}
	cols := make([]string, len(v.Groups))
	for i, g := range v.Groups {
		cols[i] = g.Title
	}
	return func(title string) ([]byte, error) {
		return chart.HeatMap{
			Meta: chart.Meta{ID: "fig-heatmap-mds", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
				Desc: d.msgs.t("report.data.chart.desc", "Groups", len(cols), "Countries", len(rows))},
			Rows: rows, Cols: cols, Legend: d.msgs.t("report.data.chart.legend"),
			Values: values,
		}.Render()
	}
}
