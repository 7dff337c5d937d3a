package chart_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/chart"
)

func ExampleHeatMap() {
	hm := chart.HeatMap{
		Meta:   chart.Meta{ID: "fig1", Title: "As-is score by country and task", Desc: "Heat map, 0 to 1, darker is higher."},
		Rows:   []string{"Italy", "Malta"},
		Cols:   []string{"data", "models"},
		Values: [][]*float64{{chart.Value(0.42), nil}, {chart.Value(0.8), chart.Value(0.25)}},
		Legend: "As-is score (0-1)",
	}
	svg, err := hm.Render()
	if err != nil {
		panic(err)
	}
	// The root carries role="img" and points at the title and description.
	lines := strings.SplitN(string(svg), "\n", 4)
	fmt.Println(lines[1])
	fmt.Println(lines[2])
	// Output:
	// <title id="fig1-title">As-is score by country and task</title>
	// <desc id="fig1-desc">Heat map, 0 to 1, darker is higher.</desc>
}

func ExampleTimeline() {
	month := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	tl := chart.Timeline{
		Meta: chart.Meta{ID: "fig5", Title: "Hungary: action plan", Desc: "Actions from start to end month by status."},
		Actions: []chart.Action{
			{ID: "HU-A1", Label: "Planning committee", Start: month(2024, 3), End: month(2025, 6), Status: chart.StatusDone},
			{ID: "HU-A2", Label: "Register linkage", Start: month(2025, 1), End: month(2026, 12), Status: chart.StatusInProgress},
		},
		Marker:      month(2026, 1),
		MarkerLabel: "Programme end (Jan 2026)",
	}
	svg, err := tl.Render()
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Contains(string(svg), ">In progress<"))
	// Output: true
}
