package planhistory_test

import (
	"encoding/json"
	"testing"

	"github.com/hwfplan/hwfplan/internal/planhistory"
)

// TestScoresJSON: history's JSON writes scores as every machine-readable output
// does (num.MachineText), not with float noise.
func TestScoresJSON(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	for _, c := range []struct {
		s    planhistory.Scores
		want string
	}{
		{planhistory.Scores{"data": v(2.5 / 6), "gov": nil, "models": v(0.125), "skills": v(1)},
			`{"data":0.4167,"gov":null,"models":0.125,"skills":1}`},
		{nil, `null`},
	} {
		got, err := json.Marshal(c.s)
		if err != nil || string(got) != c.want {
			t.Errorf("Marshal = %s, %v; want %s", got, err, c.want)
		}
		var back planhistory.Scores
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("Unmarshal(%s): %v", got, err)
		}
	}
}
