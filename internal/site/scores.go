package site

import (
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
)

// taskScore is one row of a country's task score table.
type taskScore struct {
	Task     string `json:"task"`
	Anchor   string `json:"anchor"`
	AsIs     string `json:"asis"`
	ToBe     string `json:"tobe"`
	Gap      string `json:"gap"`
	Assessed string `json:"assessed"`
	LargeGap bool   `json:"large_gap"`
}

// chartValue turns a comparison number into a chart value (nil when missing).
func chartValue(n compare.Num) *float64 {
	if !n.Valid {
		return nil
	}
	return chart.Value(n.Value)
}

func (g *generator) taskShorts() []string {
	out := make([]string, len(g.cmp.Tasks))
	for i, t := range g.cmp.Tasks {
		out[i] = t.Short
	}
	return out
}

// addScores fills a country's task scores and radar chart from the comparison.
func (g *generator) addScores(v *countryView) error {
	c := g.cmp.Country(v.Code)
	if c == nil {
		return nil
	}
	asIs := chart.Series{Name: g.t("series_as_is", "As is")}
	toBe := chart.Series{Name: g.t("series_to_be", "To be")}
	for _, t := range g.cmp.Tasks {
		ts, _ := c.Task(t.ID)
		v.Scores = append(v.Scores, taskScore{Task: t.Short, Anchor: "task-" + t.ID, AsIs: ts.AsIs.StringIn(g.nums()), ToBe: ts.ToBe.StringIn(g.nums()), Gap: ts.Gap.StringIn(g.nums()),
			Assessed: g.nOf(ts.Assessed, ts.ItemCount), LargeGap: g.cmp.LargeGap(ts.Gap)})
		asIs.Values = append(asIs.Values, chartValue(ts.AsIs))
		toBe.Values = append(toBe.Values, chartValue(ts.ToBe))
	}
	if len(g.cmp.Tasks) < 3 {
		return nil
	}
	r := chart.Radar{Meta: chart.Meta{ID: "radar-" + strings.ToLower(v.Code), Title: g.tf("radar_title", "As is and to be by task, {{ .Name }}", "Name", v.Name),
		Desc: g.t("radar_desc", "Each spoke is a task; the score is the mean of the task's item scores normalised to 0-1. The solid polygon is the as-is assessment, the dashed one the to-be target. The table below gives the same numbers.")},
		Axes: g.taskShorts(), Series: []chart.Series{asIs, toBe}, Max: 1}
	r.Numbers = g.nums()
	r.Words = g.chartWords()
	svg, err := r.Render()
	if err != nil {
		return fmt.Errorf("failed to draw the radar of %s: %w", v.Code, err)
	}
	v.Radar = string(svg)
	return nil
}

// heatmapView is a chart with a data table for readers who cannot see it.
type heatmapView struct {
	Title string `json:"title"`
	// First names the kind of the rows for the first column's heading
	// (country, cluster, task, plan) and Anchor is the heading's anchor, the
	// same in every language; both only where a page needs them.
	First  string     `json:"first,omitempty"`
	Anchor string     `json:"anchor,omitempty"`
	SVG    string     `json:"svg"`
	Cols   []string   `json:"cols"`
	Rows   []tableRow `json:"rows"`
}

type tableRow struct {
	Name  string   `json:"name"`
	URL   string   `json:"url,omitempty"`
	Cells []string `json:"cells"`
}

// headlineCharts are the home page's country × task heat maps (as is, gap).
func (g *generator) headlineCharts() ([]heatmapView, error) {
	m := g.cmp.CrossCountry.Matrix
	if len(m.Countries) == 0 || len(m.Tasks) == 0 {
		return nil, nil
	}
	var names []string
	for _, code := range m.Countries {
		name := code
		if c := g.cmp.Country(code); c != nil {
			name = c.Name
		}
		names = append(names, name)
	}
	// Rows by country name, as every country list on the site.
	order := byName(names, m.Countries)
	rows := make([]string, len(order))
	codes := make([]string, len(order))
	for r, i := range order {
		rows[r], codes[r] = names[i], m.Countries[i]
	}
	specs := []struct {
		id, title, desc, legend string
		values                  [][]compare.Num
		gap                     bool
	}{
		{"heat-asis", g.t("heat_asis_title", "As-is score by country and task"),
			g.t("heat_asis_desc", "Mean normalised as-is score of each task's items (0 none, 1 complete); darker is higher. Hatched cells were not assessed."),
			g.t("heat_asis_legend", "As-is score (0 = none, 1 = complete)"), m.AsIs, false},
		{"heat-gap", g.t("heat_gap_title", "Gap to the target by country and task"),
			g.t("heat_gap_desc", "To-be minus as-is score per task; darker orange is a larger gap. Hatched cells have no score or no target."),
			g.t("heat_gap_legend", "Gap (to be minus as is)"), m.Gap, true},
	}
	var out []heatmapView
	for _, s := range specs {
		h := chart.HeatMap{Meta: chart.Meta{ID: s.id, Title: s.title, Desc: s.desc}, Rows: rows, Cols: g.taskShorts(), Gap: s.gap, Legend: s.legend}
		h.Words = g.chartWords()
		view := heatmapView{Title: s.title, Cols: g.taskShorts()}
		for r, i := range order {
			var vals []*float64
			var cells []string
			for _, n := range s.values[i] {
				vals = append(vals, chartValue(n))
				cells = append(cells, n.StringIn(g.nums()))
			}
			h.Values = append(h.Values, vals)
			view.Rows = append(view.Rows, tableRow{Name: rows[r], URL: countryURL(codes[r]), Cells: cells})
		}
		h.Numbers = g.nums()
		svg, err := h.Render()
		if err != nil {
			return nil, fmt.Errorf("failed to draw %s: %w", s.id, err)
		}
		view.SVG = string(svg)
		out = append(out, view)
	}
	return out, nil
}

// clusterChart is a heat map of a cluster's members × tasks (as is).
func (g *generator) clusterChart(v clusterView) (*heatmapView, error) {
	if len(v.Members) == 0 {
		return nil, nil
	}
	h := chart.HeatMap{Meta: chart.Meta{ID: "heat-" + v.ID, Title: g.tf("heat_cluster_title", "As-is score by task, {{ .Name }}", "Name", v.Name),
		Desc: g.t("heat_cluster_desc", "Mean normalised as-is score of each task's items for the cluster's countries; darker is higher.")},
		Cols: g.taskShorts(), Legend: g.t("heat_asis_legend", "As-is score (0 = none, 1 = complete)")}
	h.Words = g.chartWords()
	view := &heatmapView{Title: h.Title, Cols: h.Cols}
	for _, m := range v.Members {
		c := g.cmp.Country(m.Code)
		if c == nil {
			continue
		}
		var vals []*float64
		var cells []string
		for _, t := range g.cmp.Tasks {
			ts, _ := c.Task(t.ID)
			vals = append(vals, chartValue(ts.AsIs))
			cells = append(cells, ts.AsIs.StringIn(g.nums()))
		}
		h.Rows = append(h.Rows, m.Name)
		h.Values = append(h.Values, vals)
		view.Rows = append(view.Rows, tableRow{Name: m.Name, URL: m.URL, Cells: cells})
	}
	if len(h.Rows) == 0 {
		return nil, nil
	}
	h.Numbers = g.nums()
	svg, err := h.Render()
	if err != nil {
		return nil, fmt.Errorf("failed to draw the chart of cluster %s: %w", v.ID, err)
	}
	view.SVG = string(svg)
	return view, nil
}
