package plan

import "strconv"

// BaselineRound is the id of the first assessment round: the assessment at the
// top of as-is.yaml (assessed_on, assessors, tasks).
const BaselineRound = "baseline"

// Round is one re-assessment of a country after its baseline.
type Round struct {
	ID         string                    `yaml:"id" jsonschema:"title=Round id,pattern=^[a-z0-9][a-z0-9_-]*$,example=2026-review" jsonschema_description:"Stable id of the round, e.g. 2026-review; baseline is the assessment at the top of the file."`
	AssessedOn Date                      `yaml:"assessed_on" jsonschema:"title=Assessment date"`
	Assessors  []string                  `yaml:"assessors,omitempty" jsonschema:"title=Assessed by"`
	Tasks      map[string]TaskAssessment `yaml:"tasks" jsonschema:"title=Scores of this round" jsonschema_description:"The items re-assessed in this round, per task; an item left out keeps its earlier score."`
	Notes      string                    `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// RoundView is one assessment round as the rest of the program reads it: the
// baseline or a later round, with its date, assessors and scores.
type RoundView struct {
	ID         string
	AssessedOn Date
	Assessors  []string
	Tasks      map[string]TaskAssessment
	// Index is the round's place in the list of rounds: 0 for the baseline,
	// i+1 for Rounds[i]. Pointer is the JSON pointer of its scores' parent
	// ("" for the baseline, "/rounds/<i>" otherwise).
	Index   int
	Pointer string
}

// AllRounds returns the baseline and the later rounds, in file order.
func (a *AsIs) AllRounds() []RoundView {
	out := make([]RoundView, 0, 1+len(a.Rounds))
	out = append(out, RoundView{ID: BaselineRound, AssessedOn: a.AssessedOn, Assessors: a.Assessors, Tasks: a.Tasks})
	for i, r := range a.Rounds {
		out = append(out, RoundView{ID: r.ID, AssessedOn: r.AssessedOn, Assessors: r.Assessors, Tasks: r.Tasks, Index: i + 1, Pointer: "/rounds/" + strconv.Itoa(i)})
	}
	return out
}

// LatestScore returns an item's score in the latest round that scored it, and
// that round; ok is false when no round scored it.
func (a *AsIs) LatestScore(task, item string) (score int, round RoundView, ok bool) {
	rs := a.AllRounds()
	for i := len(rs) - 1; i >= 0; i-- {
		if s := rs[i].Tasks[task].Items[item].Score; s != nil {
			return *s, rs[i], true
		}
	}
	return 0, RoundView{}, false
}
