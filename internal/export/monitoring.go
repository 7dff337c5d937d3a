package export

import (
	"github.com/hwfplan/hwfplan/internal/framework"
)

// observationsTable is a row per KPI observation, with the KPI's baseline and
// target: the data the progress report measures, without a report date.
func observationsTable(cs []countryPair) Table {
	t := Table{Name: "kpi_observations", Columns: []Column{
		{"country", Text}, {"action", Text}, {"kpi", Text}, {"indicator", Text}, {"unit", Text},
		{"baseline", Number}, {"target", Number}, {"target_year", Integer}, {"action_start", Month},
		{"date", Month}, {"value", Number}, {"source", Text},
	}}
	for _, c := range cs {
		if c.plan == nil || c.plan.ActionPlan == nil {
			continue
		}
		for _, a := range c.plan.ActionPlan.Actions {
			for _, k := range a.KPIs {
				for _, o := range k.Observations {
					t.Rows = append(t.Rows, []any{c.res.Code, a.ID, k.ID, k.Indicator, str(k.Unit),
						k.Baseline, k.Target, k.TargetYear, month(a.Start), month(o.Date), o.Value, str(o.Source)})
				}
			}
		}
	}
	return t
}

// roundScoresTable is a row per item score of each assessment round, the
// baseline first, items in framework order: a country's scores over time. A
// later round has rows only for the items it re-assessed.
func roundScoresTable(fw *framework.Framework, cs []countryPair) Table {
	t := Table{Name: "round_scores", Columns: []Column{
		{"country", Text}, {"round", Text}, {"assessed_on", Date}, {"assessors", Text},
		{"task", Text}, {"item", Text}, {"score", Integer}, {"not_assessed", Text},
	}}
	for _, c := range cs {
		if c.plan == nil || c.plan.AsIs == nil {
			continue
		}
		for _, r := range c.plan.AsIs.AllRounds() {
			for _, task := range fw.Tasks {
				for _, fi := range task.Items {
					it, ok := r.Tasks[task.ID].Items[fi.ID]
					if !ok {
						continue
					}
					var score any
					if it.Score != nil {
						score = *it.Score
					}
					t.Rows = append(t.Rows, []any{c.res.Code, r.ID, date(r.AssessedOn), join(r.Assessors),
						task.ID, task.ID + "." + fi.ID, score, str(it.NotAssessed)})
				}
			}
		}
	}
	return t
}
