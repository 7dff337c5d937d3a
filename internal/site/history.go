package site

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
)

// scoreHistory is a country's as-is task scores over its mainline revisions as a line
// chart, with every revision's as-is and to-be scores in its data table. It is nil
// with fewer than two mainline revisions: one point is no line.
func (g *generator) scoreHistory(v *countryView, revs []Revision) (*heatmapView, error) {
	var main []Revision
	for _, r := range revs {
		if r.Mainline {
			main = append(main, r)
		}
	}
	if len(main) < 2 {
		return nil, nil
	}
	// Revisions come newest first; the chart runs oldest to newest. Commit dates on
	// one branch can go backwards (a rebase keeps author dates), so sort, stably.
	sort.SliceStable(main, func(i, j int) bool { return main[i].Date.Before(main[j].Date) })
	l := chart.Lines{Meta: chart.Meta{ID: "history-" + strings.ToLower(v.Code), Title: "As-is score by task over time, " + v.Name,
		Desc: "One line per task: the mean normalised as-is score of the task's items (0-1) after each revision of the plan on the main branch. A gap in a line is a revision where the task had no assessed item. The table below gives the same numbers and the to-be targets."},
		YLabel: "As-is score (0-1)", Max: 1}
	view := &heatmapView{Title: "Task scores after each revision (as is and to be, 0-1)"}
	for _, t := range g.cmp.Tasks {
		view.Cols = append(view.Cols, t.Short+": as is", t.Short+": to be")
	}
	for _, r := range main {
		l.Dates = append(l.Dates, r.Date.UTC())
		row := tableRow{Name: r.Date.UTC().Format(time.DateOnly) + " (" + shortHash(r.Hash) + ")"}
		for _, t := range g.cmp.Tasks {
			row.Cells = append(row.Cells, scoreText(r.AsIs[t.ID]), scoreText(r.ToBe[t.ID]))
		}
		view.Rows = append(view.Rows, row)
	}
	for _, t := range g.cmp.Tasks {
		s := chart.Series{Name: t.Short}
		for _, r := range main {
			s.Values = append(s.Values, r.AsIs[t.ID])
		}
		l.Series = append(l.Series, s)
	}
	svg, err := l.Render()
	if err != nil {
		return nil, fmt.Errorf("failed to draw the score history of %s: %w", v.Code, err)
	}
	view.SVG = string(svg)
	return view, nil
}

// scoreText writes a 0-1 score as the comparison does, a dash when there is none.
func scoreText(p *float64) string {
	if p == nil {
		return compare.Num{}.String()
	}
	return compare.Some(*p).String()
}

// shortHash is the seven-character form of a commit hash.
func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}
