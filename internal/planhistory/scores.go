package planhistory

import (
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
)

// TaskScores returns a country's as-is and to-be score per task (0-1), nil where
// no item of the task is assessed. The rule is compare.Scores, the same the
// reports and the site use.
func TaskScores(fw *framework.Framework, c *model.Country) (asIs, toBe map[string]*float64) {
	asIs, toBe = map[string]*float64{}, map[string]*float64{}
	if c == nil {
		for _, t := range fw.Tasks {
			asIs[t.ID], toBe[t.ID] = nil, nil
		}
		return asIs, toBe
	}
	for _, ts := range compare.Scores(fw, c).Tasks {
		asIs[ts.Task], toBe[ts.Task] = ts.AsIs.Ptr(), ts.ToBe.Ptr()
	}
	return asIs, toBe
}
