package chart

import (
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestTimelineLabelsClearMarker: a status written after a bar, and "no dates",
// never run across the programme-end line. Bars end in every month around the
// marker, so some status would start just before it.
func TestTimelineLabelsClearMarker(t *testing.T) {
	tl := Timeline{Meta: Meta{ID: "tl", Title: "t", Desc: "d"}, Marker: ym(2026, 1), MarkerLabel: "Programme end (Jan 2026)"}
	for m := 9; m <= 14; m++ {
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
	marker := regexp.MustCompile(`<path d="M([0-9.]+) [0-9.]+V[0-9.]+" stroke="[^"]+" stroke-width="2" stroke-dasharray="6 3"/>`).FindSubmatch(out)
	if marker == nil {
		t.Fatal("no marker line")
	}
	mx, _ := strconv.ParseFloat(string(marker[1]), 64)
	texts := regexp.MustCompile(`<text x="([0-9.]+)" y="[0-9.]+" font-size="11"[^>]*>([^<]+)</text>`).FindAllSubmatch(out, -1)
	if len(texts) < len(tl.Actions) {
		t.Fatalf("found %d status texts for %d actions", len(texts), len(tl.Actions))
	}
	for _, m := range texts {
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		w := textWidth(string(m[2]), 11)
		if x-2 < mx && mx < x+w+2 {
			t.Errorf("%q at x=%.1f (width %.1f) runs across the marker at x=%.1f", m[2], x, w, mx)
		}
	}
}
