package planhistory

import (
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
)

// TaskScores returns each task's as-is and to-be score on 0-1: the mean over the
// assessed items of (score-min)/(max-min) on the item's scale. An item's to-be score is
// its target when one is set, else its as-is score. A task with no assessed item has
// no score (nil). Scores outside an item's scale are left out (validate reports them).
// This is the same rule as package compare, kept here so history does not depend on it.
func TaskScores(fw *framework.Framework, c *load.Country) (asIs, toBe map[string]*float64) {
	asIs, toBe = map[string]*float64{}, map[string]*float64{}
	for _, t := range fw.Tasks {
		var sumA, sumB float64
		n := 0
		for i := range t.Items {
			it := &t.Items[i]
			s := fw.ItemScale(it)
			if c == nil || c.AsIs == nil {
				continue
			}
			ia, ok := c.AsIs.Tasks[t.ID].Items[it.ID]
			if !ok || ia.Score == nil || !s.Contains(*ia.Score) {
				continue
			}
			a := s.Normalise(float64(*ia.Score))
			b := a
			if c.ToBe != nil {
				if tg, ok := c.ToBe.Targets[t.ID][it.ID]; ok && s.Contains(tg.Score) {
					b = s.Normalise(float64(tg.Score))
				}
			}
			sumA += a
			sumB += b
			n++
		}
		if n == 0 {
			asIs[t.ID], toBe[t.ID] = nil, nil
			continue
		}
		ma, mb := sumA/float64(n), sumB/float64(n)
		asIs[t.ID], toBe[t.ID] = &ma, &mb
	}
	return asIs, toBe
}
