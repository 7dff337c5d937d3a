package chart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// stressCases are awkward inputs worth looking at: long labels, many series, few and
// many axes, values outside 0-1.
func stressCases() []renderer {
	long := "Bosnia and Herzegovina (illustrative data, not an assessment)"
	twelve := []string{"a1 policy planning", "a2 legal", "a3 management", "a4 leadership", "a5 communication", "a6 analytics",
		"a7 informatics", "a8 finance", "a9 labour market", "b1 timeliness", "b2 availability", "b3 accuracy"}
	v := func(f float64) *float64 { return Value(f) }
	many := make([]Series, 8)
	for i := range many {
		many[i] = Series{Name: twelve[i], Values: []*float64{v(0.1 * float64(i+1)), v(0.9 - 0.1*float64(i)), v(0.5)}}
	}
	radar12 := Radar{Meta: Meta{ID: "s-r12", Title: "Twelve skill items", Desc: "d"}, Axes: twelve,
		Series: []Series{{Name: "As is", Values: vals(0.5, 0.5, 1, 0, 0.5, 0.5, 1, 0.5, 0, 0.33, 0.67, 1)},
			{Name: "To be", Values: vals(1, 1, 1, 0.5, 1, 1, 1, 1, 0.5, 0.67, 1, 1)},
			{Name: "Cluster mean (WP6, all countries that reported)", Values: vals(0.6, 0.4, 0.7, 0.3, 0.5, 0.6, 0.7, 0.4, 0.2, 0.5, 0.6, 0.7)}}}
	return []renderer{
		HeatMap{Meta: Meta{ID: "s-hm", Title: "Long names and out-of-range gaps", Desc: "d"},
			Rows: []string{long, "Malta"}, Cols: []string{"Optimize planning data and sources", "Optimize stakeholder involvement"},
			Values: [][]*float64{{v(-0.25), v(1.5)}, {v(0.456), nil}}, Gap: true},
		Bars{Meta: Meta{ID: "s-bars", Title: "Eight series, three groups, long group names", Desc: "d"},
			Groups: []string{"WP5 (Southern and Northern Europe)", "WP6", long}, Series: many, YLabel: "Score"},
		Bars{Meta: Meta{ID: "s-bars1", Title: "One group", Desc: "d"}, Groups: []string{"All countries"},
			Series: []Series{{Name: "Data", Values: vals(1.3)}, {Name: "Models", Values: vals(0)}}},
		Radar{Meta: Meta{ID: "s-r3", Title: "Three axes", Desc: "d"}, Axes: []string{"data", "models", long},
			Series: []Series{{Name: "As is", Values: vals(0.2, 0.4, 0.6)}, {Name: "To be", Values: vals(0.8, 0.9, 1)}}},
		radar12,
		Timeline{Meta: Meta{ID: "s-tl", Title: "One action, no marker", Desc: "d"},
			Actions: []Action{{ID: "EU-A1", Label: "Policy board", Start: ym(2025, 11), End: ym(2025, 11), Status: StatusInProgress}}},
		Lines{Meta: Meta{ID: "s-ln", Title: "One date", Desc: "d"}, Dates: []time.Time{day(2025, 1, 1)},
			Series: []Series{{Name: "Data", Values: vals(0.4)}}},
	}
}

// TestPreview writes every chart into one HTML page, and each as its own SVG file, in
// the directory named by CHART_PREVIEW, for looking at in a browser or with
// rsvg-convert. It checks along the way that all ids on the page are unique.
func TestPreview(t *testing.T) {
	dir := os.Getenv("CHART_PREVIEW")
	if dir == "" {
		t.Skip("set CHART_PREVIEW=dir to write a preview page of all charts")
	}
	var page strings.Builder
	page.WriteString("<!doctype html><meta charset=utf-8><title>chart preview</title><style>body{max-width:900px;margin:auto;font-family:sans-serif}figure{margin:2em 0;border:1px solid #ccc}</style>\n")
	all := []renderer{}
	for _, tc := range goldenCases() {
		all = append(all, tc.r)
	}
	all = append(all, stressCases()...)
	ids := map[string]bool{}
	for _, r := range all {
		out, err := r.Render()
		if err != nil {
			t.Fatal(err)
		}
		wellFormed(t, out)
		for _, part := range strings.Split(string(out), ` id="`)[1:] {
			id := part[:strings.IndexByte(part, '"')]
			if ids[id] {
				t.Errorf("id %q is used twice on the page", id)
			}
			ids[id] = true
		}
		name := metaOf(r).ID
		if err := os.WriteFile(filepath.Join(dir, name+".svg"), out, 0o644); err != nil {
			t.Fatal(err)
		}
		page.WriteString("<figure>")
		page.Write(out)
		page.WriteString("</figure>\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
