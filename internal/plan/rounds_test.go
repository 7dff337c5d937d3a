package plan

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

const twoRounds = `
assessed_on: "2024-06-28"
assessors: [OKFŐ]
tasks:
  data:
    items:
      linkage: {score: 0}
      coverage: {score: 1}
      hris: {not_assessed: being replaced}
rounds:
  - id: 2026-review
    assessed_on: "2026-06-30"
    assessors: [OKFŐ, EMK]
    tasks:
      data:
        items:
          linkage: {score: 2}
  - id: 2027-review
    assessed_on: "2027-06-30"
    tasks:
      data:
        items:
          hris: {not_assessed: still being replaced}
`

func TestRounds(t *testing.T) {
	var a AsIs
	if err := yaml.Unmarshal([]byte(twoRounds), &a); err != nil {
		t.Fatal(err)
	}
	rs := a.AllRounds()
	if len(rs) != 3 {
		t.Fatalf("got %d rounds, want 3", len(rs))
	}
	for i, want := range []struct{ id, on, ptr string }{
		{"baseline", "2024-06-28", ""},
		{"2026-review", "2026-06-30", "/rounds/0"},
		{"2027-review", "2027-06-30", "/rounds/1"},
	} {
		if r := rs[i]; r.ID != want.id || string(r.AssessedOn) != want.on || r.Pointer != want.ptr || r.Index != i {
			t.Errorf("round %d = %s %s %q %d, want %s %s %q %d", i, r.ID, r.AssessedOn, r.Pointer, r.Index, want.id, want.on, want.ptr, i)
		}
	}
	for _, c := range []struct {
		item  string
		score int
		round string
		ok    bool
	}{
		{"linkage", 2, "2026-review", true}, // re-scored in the second round
		{"coverage", 1, "baseline", true},   // left out later: keeps its baseline score
		{"hris", 0, "", false},              // never scored
		{"timeliness", 0, "", false},        // not in the file at all
	} {
		s, r, ok := a.LatestScore("data", c.item)
		if s != c.score || r.ID != c.round || ok != c.ok {
			t.Errorf("LatestScore(data, %s) = %d %q %v, want %d %q %v", c.item, s, r.ID, ok, c.score, c.round, c.ok)
		}
	}
}

func TestUnits(t *testing.T) {
	for _, c := range []struct {
		unit          string
		percent, rate bool
	}{
		{"%", true, false},
		{" Percent ", true, false},
		{"per cent", true, false},
		{"% of practising doctors", true, false},
		{"per 10 000", false, true},
		{"Per 1,000 population", false, true},
		{"days", false, false},
		{"percentile", false, false},
	} {
		if PercentUnit(c.unit) != c.percent || RateUnit(c.unit) != c.rate {
			t.Errorf("%q: percent %v rate %v, want %v %v", c.unit, PercentUnit(c.unit), RateUnit(c.unit), c.percent, c.rate)
		}
	}
}
