package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/golden"
)

// renderer is any chart.
type renderer interface{ Render() ([]byte, error) }

var countries = []string{"Belgium", "Croatia", "Czechia", "Estonia", "Germany", "Greece", "Hungary", "Italy",
	"Lithuania", "Malta", "Netherlands", "Norway", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"}

var tasks = []string{"Planning data and sources", "Planning models and tools", "Skills of planning staff", "Stakeholder involvement"}

// matrix builds a deterministic countries × tasks matrix with a few gaps.
func matrix(seed int) [][]*float64 {
	out := make([][]*float64, len(countries))
	for r := range countries {
		out[r] = make([]*float64, len(tasks))
		for c := range tasks {
			if (r*7+c*3+seed)%17 == 0 {
				continue
			}
			v := float64((r*37+c*53+seed*11)%101) / 100
			out[r][c] = &v
		}
	}
	return out
}

// goldenCases are the charts checked against testdata/<name>.svg.
func goldenCases() []struct {
	name string
	r    renderer
} {
	return []struct {
		name string
		r    renderer
	}{
		{"heatmap-asis", HeatMap{
			Meta: Meta{ID: "hm-asis", Title: "Figure 1. As-is score by country and task",
				Desc: "Heat map of the normalised as-is score (0 to 1) for 19 countries and 4 tasks; darker is higher."},
			Rows: countries, Cols: tasks, Values: matrix(0), Legend: "As-is score (0 = none, 1 = complete)",
		}},
		{"heatmap-gap", HeatMap{
			Meta: Meta{ID: "hm-gap", Title: "Figure 2. Gap between to-be and as-is",
				Desc: "Heat map of the gap, to-be minus as-is (0 to 1); darker is a larger gap."},
			Rows: countries[:6], Cols: []string{"data", "models", "skills", "stakeholders"}, Values: matrix(3)[:6], Gap: true,
		}},
		{"heatmap-items", HeatMap{
			Meta: Meta{ID: "hm-items", Title: "Skills items, as-is",
				Desc: "Heat map of the nine planner-competency items for six countries."},
			Rows: countries[:6],
			Cols: []string{"policy_planning", "legal", "management", "leadership", "communication", "analytics",
				"informatics", "finance", "labour_market", "Knowledge of the labour market and of migration of health professionals"},
			Values: func() [][]*float64 {
				m := matrix(5)[:6]
				for r := range m {
					m[r] = append(append(m[r], m[r]...), m[r][:2]...)
				}
				return m
			}(),
		}},
		{"heatmap-grouped", HeatMap{
			Meta: Meta{ID: "hm-grouped", Title: "Items by task and country",
				Desc: "Heat map of item scores, items grouped by task, one column per country code."},
			Rows:      []string{"Timeliness", "Linked data sources", "Explicit planning method or model, documented", "Communication with stakeholders", "Policy uptake"},
			RowGroups: []RowGroup{{Label: "Data and sources", Rows: 2}, {Label: "Models and tools", Rows: 1}, {Label: "Stakeholders", Rows: 2}},
			Cols:      []string{"BE", "CZ", "DE", "EE", "ES", "GR", "HR", "HU", "IT", "LT", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"},
			Values: func() [][]*float64 {
				m := make([][]*float64, 5)
				for r := range m {
					for c := range 19 {
						if (r+c)%11 == 0 {
							m[r] = append(m[r], nil)
							continue
						}
						m[r] = append(m[r], Value(float64((r*5+c*3)%7)/6))
					}
				}
				return m
			}(),
		}},
		{"strips-clusters", Strips{
			Meta: Meta{ID: "st", Title: "Figure 4. Distribution of the as-is score by cluster and task",
				Desc: "For each task, one strip per cluster and one for all countries: a dot per country, the box spans the middle half, the line marks the median."},
			Axis: "As-is score (0 = lowest level, 1 = highest)", ReferenceLast: true,
			Panels: []StripPanel{
				{Title: "Data and sources", Strips: []Strip{
					{Label: "WP5 (6)", Points: pts(0.19, 0.44, 0.54, 0.54, 0.85, 1), Q1: Value(0.4675), Median: Value(0.54), Q3: Value(0.7725)},
					{Label: "WP6 (6)", Points: pts(0.08, 0.33, 0.43, 0.44, 0.52, 0.83), Q1: Value(0.355), Median: Value(0.435), Q3: Value(0.5)},
					{Label: "All countries (12)", Points: pts(0.08, 0.19, 0.33, 0.43, 0.44, 0.44, 0.52, 0.54, 0.54, 0.83, 0.85, 1), Q1: Value(0.405), Median: Value(0.48), Q3: Value(0.6125)},
				}},
				{Title: "Models and tools", Strips: []Strip{
					{Label: "WP5 (6)", Points: pts(0.17, 0.17, 0.67, 0.83, 0.83, 1), Q1: Value(0.295), Median: Value(0.75), Q3: Value(0.83)},
					{Label: "One country", Points: pts(0.5)},
					{Label: "All countries (7)", Points: pts(0.17, 0.17, 0.5, 0.67, 0.83, 0.83, 1), Q1: Value(0.335), Median: Value(0.67), Q3: Value(0.83)},
				}},
			},
		}},
		{"scatter-stakeholders", Scatter{
			Meta: Meta{ID: "sc", Title: "Figure 5. Hungary: stakeholders by power and willingness",
				Desc: "Each stakeholder as a numbered dot by its willingness (across) and power (up), both 1 to 5; the table that follows names them."},
			XLabel: "Willingness (1 = low, 5 = high)", YLabel: "Power (1 = low, 5 = high)", Min: 1, Max: 5,
			High: 4, Low: 2, HighHighLabel: "Allies", HighLowLabel: "To win over",
			Points: []ScatterPoint{
				{Mark: "1", Label: "Ministry of Health", X: 4, Y: 5}, {Mark: "2", Label: "Medical chamber", X: 3, Y: 3},
				{Mark: "3", Label: "Universities", X: 4, Y: 3}, {Mark: "4", Label: "Insurer", X: 1, Y: 5},
				{Mark: "5", Label: "Regions", X: 3, Y: 3}, {Mark: "6", Label: "Unions", X: 3, Y: 3},
				{Mark: "7", Label: "Patients", X: 3, Y: 3}, {Mark: "8", Label: "Hospitals", X: 3, Y: 3}, {Mark: "12", Label: "Other", X: 5, Y: 1},
			},
		}},
		{"bars-clusters", Bars{
			Meta: Meta{ID: "bars", Title: "Figure 3. Mean as-is score by cluster and task",
				Desc: "Grouped bars: for each cluster and for all countries, the mean as-is score of each task (0 to 1)."},
			Groups: []string{"WP5", "WP6", "WP7", "All countries"},
			Series: []Series{
				{Name: "Data", Values: vals(0.52, 0.41, 0.63, 0.53)},
				{Name: "Models", Values: vals(0.35, 0.28, 0.47, 0.37)},
				{Name: "Skills", Values: []*float64{Value(0.61), nil, Value(0.58), Value(0.6)}},
				{Name: "Stakeholders", Values: vals(0.7, 0.55, 0.49, 0.58)},
			},
			YLabel: "Mean as-is score (0-1)", ReferenceLast: true,
		}},
		{"radar-it", Radar{
			Meta: Meta{ID: "radar-it", Title: "Figure 4. Italy: as-is and to-be by task",
				Desc: "Radar chart of Italy's as-is score and to-be target for each of the four tasks, 0 at the centre, 1 at the edge."},
			Axes: tasks,
			Series: []Series{
				{Name: "As is", Values: vals(0.45, 0.3, 0.62, 0.5)},
				{Name: "To be", Values: vals(0.85, 0.75, 0.8, 0.9)},
			},
		}},
		{"radar-six-na", Radar{
			Meta: Meta{ID: "radar-six", Title: "Six axes, one missing value", Desc: "Radar with six axes."},
			Axes: []string{"timeliness", "availability", "accuracy", "completeness", "comprehensiveness", "linkage"},
			Series: []Series{
				{Name: "As is", Values: []*float64{Value(0.33), Value(0.5), nil, Value(0.67), Value(0.2), Value(0)}},
				{Name: "To be", Values: vals(0.67, 1, 0.67, 1, 0.6, 0.5)},
			},
		}},
		{"timeline-hu", Timeline{
			Meta: Meta{ID: "tl-hu", Title: "Figure 5. Hungary: action plan timeline",
				Desc: "Gantt chart of Hungary's policy actions from start to end month, by status, with the programme end in January 2026."},
			Actions: []Action{
				{ID: "HU-A1", Label: "Set up a national HWF planning committee", Start: ym(2024, 3), End: ym(2025, 6), Status: StatusDone},
				{ID: "HU-A2", Label: "Link the professional register with the HR information system of public hospitals", Start: ym(2025, 1), End: ym(2026, 12), Status: StatusInProgress},
				{ID: "HU-A3", Label: "Needs-based demand model for nurses", Start: ym(2025, 9), End: ym(2026, 6), Status: StatusDelayed},
				{ID: "HU-A4", Label: "Training in forecasting for planners", Start: ym(2026, 2), End: ym(2027, 12), Status: StatusPlanned},
				{ID: "HU-A5", Label: "Annual workforce report", Start: ym(2024, 1), End: ym(2024, 12), Status: StatusCancelled},
				{ID: "HU-A6", Label: "Legal mandate for planning", End: ym(2026, 1), Status: StatusPlanned},
				{ID: "HU-A7", Label: "Stakeholder survey", Status: StatusPlanned},
			},
			Marker: ym(2026, 1), MarkerLabel: "Programme end (Jan 2026)",
		}},
		{"lines-history", Lines{
			Meta: Meta{ID: "ln-hist", Title: "Figure 6. Portugal: task scores by revision",
				Desc: "Line chart of Portugal's as-is score per task at each approved revision of its plan."},
			Dates: []time.Time{day(2023, 6, 30), day(2024, 1, 15), day(2024, 1, 20), day(2024, 11, 2), day(2025, 6, 1), day(2025, 12, 10)},
			Series: []Series{
				{Name: "Data", Values: vals(0.3, 0.35, 0.35, 0.5, 0.55, 0.62)},
				{Name: "Models", Values: []*float64{Value(0.1), Value(0.2), nil, Value(0.4), Value(0.4), Value(0.5)}},
				{Name: "Skills", Values: vals(0.5, 0.5, 0.52, 0.6, 0.7, 0.72)},
				{Name: "Stakeholders", Values: vals(0.2, 0.3, 0.3, 0.3, 0.45, 0.8)},
			},
			YLabel: "As-is score (0-1)",
		}},
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ym(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

// pts labels values "C1", "C2", … in order.
func pts(v ...float64) []Point {
	out := make([]Point, len(v))
	for i, x := range v {
		out[i] = Point{Label: fmt.Sprintf("C%d", i+1), Value: x}
	}
	return out
}

func vals(v ...float64) []*float64 {
	out := make([]*float64, len(v))
	for i := range v {
		out[i] = &v[i]
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.r.Render()
			if err != nil {
				t.Fatal(err)
			}
			wellFormed(t, got)
			golden.Check(t, filepath.Join("testdata", tc.name+".svg"), got)
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, tc := range goldenCases() {
		a, err := tc.r.Render()
		if err != nil {
			t.Fatal(err)
		}
		for range 5 {
			b, err := tc.r.Render()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Fatalf("%s: two renders of the same input differ", tc.name)
			}
		}
	}
}

// wellFormed decodes the whole document and checks the accessible root.
func wellFormed(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var first []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && len(first) < 3 {
			name := se.Name.Local
			for _, a := range se.Attr {
				if a.Name.Local == "role" || a.Name.Local == "id" {
					name += " " + a.Name.Local + "=" + a.Value
				}
			}
			first = append(first, name)
		}
	}
	if len(first) < 3 || first[0] != "svg role=img" || !strings.HasPrefix(first[1], "title id=") || !strings.HasPrefix(first[2], "desc id=") {
		t.Errorf("root must be svg role=img with title and desc first, got %v", first)
	}
}

// TestValuesRoundLikeTables: a chart writes its values as the tables beside it do
// (package num): 0.125 is 0.13, not strconv's 0.12, and a negative gap has the
// minus sign, in the cell, its tooltip and the other charts' tooltips.
func TestValuesRoundLikeTables(t *testing.T) {
	q, nq := 0.125, -0.125
	for _, c := range []struct {
		name string
		r    renderer
		want []string
	}{
		{"heatmap", HeatMap{Meta: Meta{ID: "h", Title: "T"}, Rows: []string{"A"}, Cols: []string{"x", "y"},
			Values: [][]*float64{{&q, &nq}}, Gap: true},
			[]string{">0.13</text>", "A, x: 0.13</title>", ">\u22120.13</text>", "A, y: \u22120.13</title>"}},
		{"radar", Radar{Meta: Meta{ID: "r", Title: "T"}, Axes: []string{"a", "b", "c"},
			Series: []Series{{Name: "S", Values: []*float64{&q, &q, &q}}}},
			[]string{"S, a: 0.13</title>"}},
		{"bars", Bars{Meta: Meta{ID: "b", Title: "T"}, Groups: []string{"g"},
			Series: []Series{{Name: "S", Values: []*float64{&q}}}},
			[]string{">0.13<"}},
	} {
		svg, err := c.r.Render()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, w := range c.want {
			if !strings.Contains(string(svg), w) {
				t.Errorf("%s: SVG lacks %q", c.name, w)
			}
		}
		if strings.Contains(string(svg), ">0.12<") || strings.Contains(string(svg), ": 0.12<") {
			t.Errorf("%s: SVG rounds 0.125 to 0.12", c.name)
		}
	}
}

// TestLinesMin: values far from zero get an axis that starts near them, at a
// round value below every value; without Min the axis starts at zero.
func TestLinesMin(t *testing.T) {
	at := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	l := Lines{Meta: Meta{ID: "l", Title: "t", Desc: "d"}, Dates: []time.Time{at(2025), at(2026), at(2030)},
		Series: []Series{{Name: "s", Values: []*float64{Value(105), Value(104.2), Value(112)}}}}
	zero, err := l.Render()
	if err != nil {
		t.Fatal(err)
	}
	l.Min = 105
	raised, err := l.Render()
	if err != nil {
		t.Fatal(err)
	}
	tick := regexp.MustCompile(`<text x="[0-9.]+" y="([0-9.]+)" text-anchor="end">([0-9.]+)</text>`)
	first := func(svg []byte) string { return string(tick.FindSubmatch(svg)[2]) }
	if got := first(zero); got != "0" {
		t.Errorf("without Min the axis starts at %s", got)
	}
	// The span 104.2-120 takes a step of 2.5: the axis runs 102.5 to 120.
	if got := first(raised); got != "102.5" {
		t.Errorf("with Min 105 (and a value of 104.2) the axis starts at %s, want 102.5", got)
	}
}
