package chart

import (
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestTimelineLabelsClearMarker: a status written after a bar, and "no dates",
// never run across the programme-end line or the report date's, in English or
// in German's longer words. Bars end in every month around the lines, so some
// status would start just before one of them.
func TestTimelineLabelsClearMarker(t *testing.T) {
	for _, words := range []Words{{}, german} {
		tl := Timeline{Meta: Meta{ID: "tl", Title: "t", Desc: "d", Words: words}, Marker: ym(2026, 1), MarkerLabel: "Programme end (Jan 2026)",
			ReportDate: time.Date(2026, 5, 16, 0, 0, 0, 0, time.UTC)}
		for m := 9; m <= 17; m++ {
			end := ym(2025, time.Month(m))
			if m > 12 {
				end = ym(2026, time.Month(m-12))
			}
			for _, st := range Statuses {
				tl.Actions = append(tl.Actions, Action{ID: "A", Start: ym(2025, 1), End: end, Status: st})
			}
		}
		tl.Actions = append(tl.Actions, Action{ID: "B", Status: StatusPlanned}, Action{ID: "C", End: ym(2025, 12), Status: StatusDelayed})
		out, err := tl.Render()
		if err != nil {
			t.Fatal(err)
		}
		var lines []float64
		for _, re := range []string{`<path d="M([0-9.]+) [0-9.]+V[0-9.]+" stroke="[^"]+" stroke-width="2" stroke-dasharray="6 3"/>`,
			`<path d="M([0-9.]+) [0-9.]+V[0-9.]+" stroke="` + colReport + `" stroke-width="2"/>`} {
			m := regexp.MustCompile(re).FindSubmatch(out)
			if m == nil {
				t.Fatalf("no line %s", re)
			}
			x, _ := strconv.ParseFloat(string(m[1]), 64)
			lines = append(lines, x)
		}
		texts := regexp.MustCompile(`<text x="([0-9.]+)" y="[0-9.]+" font-size="11"[^>]*>([^<]+)</text>`).FindAllSubmatch(out, -1)
		if len(texts) < len(tl.Actions) {
			t.Fatalf("found %d status texts for %d actions", len(texts), len(tl.Actions))
		}
		for _, m := range texts {
			x, _ := strconv.ParseFloat(string(m[1]), 64)
			w := textWidth(string(m[2]), 11)
			for _, lx := range lines {
				if x-2 < lx && lx < x+w+2 {
					t.Errorf("%q at x=%.1f (width %.1f) runs across the line at x=%.1f", m[2], x, w, lx)
				}
			}
		}
	}
}

// TestTimelineReportDate: the report date is a solid line at its day within its
// month, labelled, and takes room of its own above the programme end's label.
func TestTimelineReportDate(t *testing.T) {
	base := Timeline{Meta: Meta{ID: "tl", Title: "t", Desc: "d"}, Marker: ym(2026, 1), MarkerLabel: "Programme end (Jan 2026)",
		Actions: []Action{{ID: "A", Start: ym(2025, 1), End: ym(2026, 12), Status: StatusInProgress}}}
	plain, err := base.Render()
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`<path d="M([0-9.]+) ([0-9.]+)V[0-9.]+" stroke="` + colReport + `" stroke-width="2"/>`)
	if line.Match(plain) {
		t.Fatal("a report-date line without a report date")
	}
	tl := base
	tl.ReportDate = time.Date(2025, 7, 16, 0, 0, 0, 0, time.UTC)
	tl.ReportDateLabel = "Report date (16 Jul 2025)"
	out, err := tl.Render()
	if err != nil {
		t.Fatal(err)
	}
	m := line.FindSubmatch(out)
	if m == nil {
		t.Fatalf("no report-date line in\n%s", out)
	}
	// Two whole years (2025, 2026) over the plot: 16 July 2025 is 6.5 months in
	// (16 of 31 days of July), 480 × 6.516/24 = 130.3 units from the plot's left.
	x, _ := strconv.ParseFloat(string(m[1]), 64)
	left := regexp.MustCompile(`<path d="M([0-9.]+) [0-9.]+V[0-9.]+" stroke="` + colAxis + `"/>`).FindSubmatch(out)
	x0, _ := strconv.ParseFloat(string(left[1]), 64)
	if want := 480 * (6 + 16.0/31) / 24; x-x0 < want-0.1 || x-x0 > want+0.1 {
		t.Errorf("report date at %.2f from the plot's left, want %.2f", x-x0, want)
	}
	if !regexp.MustCompile(`>Report date \(16 Jul 2025\)</text>`).Match(out) {
		t.Error("no report-date label")
	}
	if h := regexp.MustCompile(`viewBox="0 0 [0-9.]+ ([0-9.]+)"`); string(h.FindSubmatch(out)[1]) == string(h.FindSubmatch(plain)[1]) {
		t.Error("the report date's label took no room of its own")
	}
}
