package planhistory

import (
	"math"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

func TestTaskScores(t *testing.T) {
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	score := func(v int) *int { return &v }
	c := &model.Country{
		AsIs: &plan.AsIs{Tasks: map[string]plan.TaskAssessment{
			// timeliness is on the phase scale 1-4: 2 → 1/3; linkage on 0-2: 1 → 1/2.
			"data": {Items: map[string]plan.ItemAssessment{
				"timeliness": {Score: score(2)}, "linkage": {Score: score(1)},
				"hris":     {NotAssessed: "being replaced"},
				"coverage": {Score: score(7)}, // outside the scale: left out
			}},
			"skills": {Items: map[string]plan.ItemAssessment{}},
		}},
		ToBe: &plan.ToBe{Targets: map[string]map[string]plan.Target{
			"data": {"linkage": {Score: 2, Year: 2027}}, // 1; timeliness keeps its as-is 1/3
		}},
	}
	asIs, toBe := TaskScores(fw, c)
	near := func(name string, got *float64, want float64) {
		t.Helper()
		if got == nil || math.Abs(*got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	near("as-is data", asIs["data"], (1.0/3+0.5)/2)
	near("to-be data", toBe["data"], (1.0/3+1)/2)
	if asIs["skills"] != nil || toBe["models"] != nil {
		t.Errorf("tasks without assessed items must have no score: %v %v", asIs["skills"], toBe["models"])
	}
	if _, ok := asIs["stakeholders"]; !ok {
		t.Error("every framework task must be a key")
	}
}
