package progress

import (
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Item is one framework item with a to-be target: its baseline score, its
// latest score (from the latest round up to the report date that scored it) and
// whether that reaches the target. A score is nil when no round scored the item.
type Item struct {
	Task, ID, Key  string // Key is task.item
	Baseline       *int
	Latest         *int
	LatestRound    string // the round the latest score is from
	Target         int
	TargetYear     int
	Reached        bool // Latest is at least Target
	Improved       bool // Latest is above Baseline
	Rescored       bool // a round after the baseline scored it
	LatestAssessed plan.Date
}

func items(repo *model.Repo, a *plan.AsIs, tb *plan.ToBe, asOf plan.Date) []Item {
	rounds := a.AllRounds()
	var out []Item
	for _, t := range repo.Framework.Tasks {
		for _, fi := range t.Items {
			target, ok := tb.Targets[t.ID][fi.ID]
			if !ok {
				continue
			}
			it := Item{Task: t.ID, ID: fi.ID, Key: t.ID + "." + fi.ID, Target: target.Score, TargetYear: target.Year}
			it.Baseline = a.Tasks[t.ID].Items[fi.ID].Score
			for _, r := range rounds {
				s := r.Tasks[t.ID].Items[fi.ID].Score
				if s == nil || !onOrBefore(r.AssessedOn, asOf) {
					continue
				}
				it.Latest, it.LatestRound, it.LatestAssessed = s, r.ID, r.AssessedOn
				it.Rescored = it.Rescored || r.ID != plan.BaselineRound
			}
			if it.Latest != nil {
				it.Reached = *it.Latest >= it.Target
				it.Improved = it.Baseline != nil && *it.Latest > *it.Baseline
			}
			out = append(out, it)
		}
	}
	return out
}

func (it Item) counts() Counts {
	c := Counts{Targets: 1}
	if it.Reached {
		c.TargetsReached = 1
	}
	if it.Improved {
		c.TargetsImproved = 1
	}
	if it.Rescored {
		c.TargetsRescored = 1
	}
	return c
}
