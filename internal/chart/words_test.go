package chart

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// german are chart words as a German page gives them.
var german = Words{
	NoValue:     "kein Wert",
	NotAssessed: "nicht bewertet",
	Value:       "Wert (0–1)",
	Gap:         "Lücke, Soll minus Ist (0–1)",
	OneCountry:  "ein Land",
	StripKey:    "Kasten: mittlere Hälfte der Länder; Linie: Median",
	Median:      "Median",
	NoDates:     "keine Daten",
	To:          "bis",
	Status: map[string]string{"planned": "geplant", "in_progress": "in Arbeit", "done": "abgeschlossen",
		"delayed": "verzögert", "cancelled": "abgesagt"},
}

// wordCharts are charts that write every word of Words, in the given words.
func wordCharts(w Words) map[string]renderer {
	m := func(id string) Meta { return Meta{ID: id, Title: "T", Words: w} }
	v := Value(0.5)
	var actions []Action
	for _, st := range Statuses {
		actions = append(actions, Action{ID: "A" + string(st), Label: "x", Start: ym(2025, 1), End: ym(2025, 6), Status: st})
	}
	actions = append(actions, Action{ID: "B", Label: "undated", Status: StatusPlanned})
	return map[string]renderer{
		"heat map": HeatMap{Meta: m("h"), Rows: []string{"r"}, Cols: []string{"c", "d"}, Values: [][]*float64{{v, nil}}},
		"gap map":  HeatMap{Meta: m("g"), Rows: []string{"r"}, Cols: []string{"c"}, Values: [][]*float64{{v}}, Gap: true},
		"bars":     Bars{Meta: m("b"), Groups: []string{"g"}, Series: []Series{{Name: "s", Values: []*float64{nil}}, {Name: "t", Values: []*float64{v}}}},
		"strips": Strips{Meta: m("s"), Panels: []StripPanel{{Title: "p", Strips: []Strip{
			{Label: "l", Points: pts(0.2, 0.5, 0.8), Q1: Value(0.3), Median: v, Q3: Value(0.7)}}}}},
		"timeline": Timeline{Meta: m("t"), Actions: actions},
	}
}

// TestWordsInALanguage: a chart on a German page writes its own words in German
// (Meta.Words) and none of the English ones; the zero Words stays English.
func TestWordsInALanguage(t *testing.T) {
	englishWords := []string{english.NoValue, english.NotAssessed, english.Value, english.Gap,
		english.OneCountry, english.StripKey, english.Median + " ", english.NoDates, " to "}
	for _, st := range Statuses {
		englishWords = append(englishWords, ">"+plan.CellOf(plan.ActionStatuses, string(st))+"<",
			", "+plan.LabelOf(plan.ActionStatuses, string(st))+"<")
	}
	want := map[string][]string{
		"heat map": {"kein Wert", "n/a: nicht bewertet", "Wert (0–1)"},
		"gap map":  {"Lücke, Soll minus Ist (0–1)"},
		"bars":     {"g, s: kein Wert"},
		"strips":   {">ein Land<", "Kasten: mittlere Hälfte der Länder; Linie: Median", ">Median 0.50<"},
		"timeline": {">keine Daten<", "2025-01 bis 2025-06, in Arbeit", "B undated: keine Daten, geplant", ">In Arbeit<", ">Abgesagt<"},
	}
	for name, c := range wordCharts(german) {
		out, err := c.Render()
		if err != nil {
			t.Fatal(err)
		}
		wellFormed(t, out)
		for _, w := range want[name] {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s in German: no %q in\n%s", name, w, out)
			}
		}
		for _, w := range englishWords {
			if strings.Contains(string(out), w) {
				t.Errorf("%s in German: holds the English %q", name, w)
			}
		}
		if found := EnglishWordsIn(string(out)); len(found) > 0 {
			t.Errorf("%s in German: EnglishWordsIn finds %q", name, found)
		}
	}
	// The zero Words are the English ones, and EnglishWordsIn finds each of them.
	var all strings.Builder
	for name, c := range wordCharts(Words{}) {
		out, err := c.Render()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want[name] {
			if strings.Contains(string(out), w) {
				t.Errorf("%s in English: holds the German %q", name, w)
			}
		}
		all.Write(out)
	}
	if found, want := len(EnglishWordsIn(all.String())), 9+2*len(Statuses)+1; found != want {
		t.Errorf("EnglishWordsIn finds %d of the %d English words in the English charts: %q", found, want, EnglishWordsIn(all.String()))
	}
	if got := (Timeline{}).describe(Action{ID: "A1", Label: "x", Start: ym(2025, 1), End: ym(2025, 6), Status: StatusInProgress}, Words{}); got != "A1 x: 2025-01 to 2025-06, in progress" {
		t.Errorf("English tooltip: %q", got)
	}
}
