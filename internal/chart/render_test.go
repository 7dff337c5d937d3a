package chart

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	numfmt "github.com/hwfplan/hwfplan/internal/num"
)

const nasty = `<script>alert("x")</script> & 'quotes' ]]> ` + "\x01"

// nastyCharts puts hostile user text in every text field of every chart.
func nastyCharts() []renderer {
	m := Meta{ID: "x", Title: nasty, Desc: nasty}
	v := Value(0.5)
	return []renderer{
		HeatMap{Meta: m, Rows: []string{nasty}, Cols: []string{nasty}, Values: [][]*float64{{v}}, Legend: nasty},
		HeatMap{Meta: m, Rows: []string{nasty}, Cols: []string{nasty}, Values: [][]*float64{{nil}}},
		Bars{Meta: m, Groups: []string{nasty}, Series: []Series{{Name: nasty, Values: []*float64{v}}, {Name: "b", Values: []*float64{nil}}}, YLabel: nasty},
		Radar{Meta: m, Axes: []string{nasty, nasty, nasty}, Series: []Series{{Name: nasty, Values: []*float64{v, nil, v}}}},
		Timeline{Meta: m, Actions: []Action{{ID: nasty, Label: nasty, Start: ym(2025, 1), End: ym(2025, 3), Status: StatusDone}}, Marker: ym(2026, 1), MarkerLabel: nasty},
		Lines{Meta: m, Dates: []time.Time{day(2024, 1, 1), day(2025, 1, 1)}, Series: []Series{{Name: nasty, Values: []*float64{v, v}}}, YLabel: nasty},
		HeatMap{Meta: m, Rows: []string{nasty}, RowGroups: []RowGroup{{Label: nasty, Rows: 1}}, Cols: []string{"AA"}, Values: [][]*float64{{v}}},
		Strips{Meta: m, Axis: nasty, Panels: []StripPanel{{Title: nasty, Strips: []Strip{{Label: nasty, Points: []Point{{Label: nasty, Value: 0.5}}, Median: v}}}}},
		Scatter{Meta: m, XLabel: nasty, YLabel: nasty, Min: 1, Max: 5, High: 4, Low: 2, HighHighLabel: nasty, HighLowLabel: nasty,
			Points: []ScatterPoint{{Mark: nasty, Label: nasty, X: 3, Y: 3}}},
	}
}

func TestEscaping(t *testing.T) {
	for i, c := range nastyCharts() {
		out, err := c.Render()
		if err != nil {
			t.Fatalf("chart %d: %v", i, err)
		}
		wellFormed(t, out)
		for _, bad := range []string{"<script", `"x")`, "]]>", "\x01"} {
			if bytes.Contains(out, []byte(bad)) {
				t.Errorf("chart %d: output holds unescaped %q", i, bad)
			}
		}
		if !bytes.Contains(out, []byte("&lt;script&gt;")) {
			t.Errorf("chart %d: escaped label missing", i)
		}
	}
}

func TestIDPrefix(t *testing.T) {
	for _, tc := range goldenCases() {
		out, err := tc.r.Render()
		if err != nil {
			t.Fatal(err)
		}
		id := metaOf(tc.r).ID
		for _, part := range strings.Split(string(out), ` id="`)[1:] {
			got := part[:strings.IndexByte(part, '"')]
			if !strings.HasPrefix(got, id+"-") {
				t.Errorf("%s: id %q lacks the prefix %q", tc.name, got, id+"-")
			}
		}
		for _, part := range strings.Split(string(out), `url(#`)[1:] {
			if !strings.HasPrefix(part, id+"-") {
				t.Errorf("%s: reference url(#%s lacks the prefix", tc.name, part[:20])
			}
		}
		want := `role="img" aria-labelledby="` + id + `-title ` + id + `-desc"`
		if !strings.Contains(string(out), want) {
			t.Errorf("%s: root lacks %s", tc.name, want)
		}
	}
}

func metaOf(r renderer) Meta {
	switch c := r.(type) {
	case HeatMap:
		return c.Meta
	case Bars:
		return c.Meta
	case Radar:
		return c.Meta
	case Timeline:
		return c.Meta
	case Lines:
		return c.Meta
	case Strips:
		return c.Meta
	case Scatter:
		return c.Meta
	}
	panic("unknown chart")
}

func TestErrors(t *testing.T) {
	m := Meta{ID: "e", Title: "t"}
	v := Value(0.5)
	nan := Value(math.NaN())
	tests := []struct {
		name string
		r    renderer
		want string
	}{
		{"empty id", HeatMap{Meta: Meta{Title: "t"}, Rows: []string{"a"}, Cols: []string{"b"}, Values: [][]*float64{{v}}}, "id is empty"},
		{"bad id", HeatMap{Meta: Meta{ID: "1 a", Title: "t"}, Rows: []string{"a"}, Cols: []string{"b"}, Values: [][]*float64{{v}}}, "must start with a letter"},
		{"no title", Bars{Meta: Meta{ID: "a"}, Groups: []string{"g"}, Series: []Series{{Name: "s", Values: []*float64{v}}}}, "title is empty"},
		{"heat map ragged", HeatMap{Meta: m, Rows: []string{"a"}, Cols: []string{"b", "c"}, Values: [][]*float64{{v}}}, `row "a" has 1 values for 2 columns`},
		{"heat map rows", HeatMap{Meta: m, Rows: []string{"a", "b"}, Cols: []string{"c"}, Values: [][]*float64{{v}}}, "1 rows of values for 2 row labels"},
		{"heat map NaN", HeatMap{Meta: m, Rows: []string{"a"}, Cols: []string{"c"}, Values: [][]*float64{{nan}}}, "a × c: value is not a finite number"},
		{"bars length", Bars{Meta: m, Groups: []string{"g", "h"}, Series: []Series{{Name: "s", Values: []*float64{v}}}}, `series "s" has 1 values for 2 groups`},
		{"radar axes", Radar{Meta: m, Axes: []string{"a", "b"}, Series: []Series{{Name: "s", Values: []*float64{v, v}}}}, "at least 3 axes"},
		{"timeline status", Timeline{Meta: m, Actions: []Action{{ID: "A1", Status: "started"}}}, `unknown status "started" (valid: planned, in_progress, done, delayed, cancelled)`},
		{"timeline order", Timeline{Meta: m, Actions: []Action{{ID: "A1", Start: ym(2025, 5), End: ym(2025, 4), Status: StatusDone}}}, "A1 ends (2025-04) before it starts (2025-05)"},
		{"heat map groups", HeatMap{Meta: m, Rows: []string{"a", "b"}, RowGroups: []RowGroup{{Label: "g", Rows: 1}}, Cols: []string{"c"}, Values: [][]*float64{{v}, {v}}}, "row groups hold 1 rows for 2 row labels"},
		{"heat map empty group", HeatMap{Meta: m, Rows: []string{"a"}, RowGroups: []RowGroup{{Label: "g", Rows: 1}, {Label: "h"}}, Cols: []string{"c"}, Values: [][]*float64{{v}}}, `row group "h" has no rows`},
		{"strips no panel", Strips{Meta: m}, "needs at least one panel"},
		{"strips empty panel", Strips{Meta: m, Panels: []StripPanel{{Title: "p"}}}, `panel "p" has no strips`},
		{"strips NaN", Strips{Meta: m, Panels: []StripPanel{{Title: "p", Strips: []Strip{{Label: "s", Points: []Point{{Label: "x", Value: math.NaN()}}}}}}}, "p › s › x: value is not a finite number"},
		{"lines order", Lines{Meta: m, Dates: []time.Time{day(2025, 1, 2), day(2025, 1, 1)}, Series: []Series{{Name: "s", Values: []*float64{v, v}}}}, "not in ascending order"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.r.Render()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestRampContrast checks that the value text meets WCAG AA (4.5:1) on every shade
// of both ramps, and that the ramps darken steadily so they read in greyscale.
func TestRampContrast(t *testing.T) {
	for name, classes := range map[string][][3]float64{"blues": blues, "oranges": oranges} {
		prev := 2.0
		for i := 0; i <= 1000; i++ {
			bg := ramp(classes, float64(i)/1000)
			if c := contrast(bg, textOn(bg)); c < 4.5 {
				t.Errorf("%s at %.3f: text contrast %.2f < 4.5", name, float64(i)/1000, c)
			}
			if l := bg.luminance(); l > prev+1e-9 {
				t.Errorf("%s at %.3f: luminance rises (%.4f > %.4f)", name, float64(i)/1000, l, prev)
			} else {
				prev = l
			}
		}
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", -0.01: "0", 1.25: "1.2", 1.35: "1.4", 12: "12", -3.5: "-3.5", math.Inf(1): "0"} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
	if got := (&svg{}).fmtValue(-0.001, 2); got != "0.00" {
		t.Errorf("fmtValue(-0.001, 2) = %q, want 0.00", got)
	}
	if got := (&svg{loc: numfmt.In("de")}).fmtValue(-0.125, 2); got != "\u22120,13" {
		t.Errorf("German fmtValue(-0.125, 2) = %q, want \u22120,13", got)
	}
}

func TestNewAxis(t *testing.T) {
	tests := []struct {
		max    float64
		values []float64
		top    float64
		steps  int
		label  string // label of the first tick above 0
	}{
		{0, []float64{0.4}, 1, 5, "0.2"},
		{0, []float64{1.3}, 1.4, 7, "0.2"},
		{0, []float64{1.9}, 2, 4, "0.5"},
		{5, nil, 5, 5, "1"},
		{0, []float64{87}, 100, 5, "20"},
		{0.5, nil, 0.5, 5, "0.1"},
	}
	for _, tc := range tests {
		ax := newAxis(tc.max, []Series{{Values: vals(tc.values...)}})
		_, label := ax.tick(&svg{}, 1)
		if math.Abs(ax.top-tc.top) > 1e-9 || ax.steps != tc.steps || label != tc.label {
			t.Errorf("newAxis(%v, %v) = top %v, %d steps, first tick %q; want %v, %d, %q",
				tc.max, tc.values, ax.top, ax.steps, label, tc.top, tc.steps, tc.label)
		}
	}
}

// TestNumbersInALanguage: a chart for a German page writes its tick and value
// labels and its marks' titles with a decimal comma; its coordinates stay
// machine numbers, the same as in English.
func TestNumbersInALanguage(t *testing.T) {
	b := Bars{Meta: Meta{ID: "b", Title: "T"}, Groups: []string{"g"}, Series: []Series{{Name: "s", Values: vals(0.125)}, {Name: "u", Values: vals(0.75)}}}
	en, err := b.Render()
	if err != nil {
		t.Fatal(err)
	}
	b.Numbers = numfmt.In("de")
	de, err := b.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">0,13</text>", ": 0,13</title>", ">0,2</text>", ">0,75</text>"} {
		if !strings.Contains(string(de), want) {
			t.Errorf("the German chart lacks %q:\n%s", want, de)
		}
	}
	label := regexp.MustCompile(`(>|: )[0-9][0-9.,]*<`)
	strip := func(s string) string { return label.ReplaceAllString(s, "$1<") }
	if strip(string(en)) != strip(string(de)) {
		t.Errorf("the German chart differs from the English one beyond its number labels:\n%s\n%s", en, de)
	}
}
