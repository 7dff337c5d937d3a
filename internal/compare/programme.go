package compare

import (
	"slices"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// EUActionSummary is the EU action plan (programme/eu-action-plan.yaml) in
// numbers, counted as the national action plans are: each EU action is read
// through plan.EUAction.Action and goes through the same budget and readiness
// accumulators, so "after the programme" and "secured" mean the same in both.
type EUActionSummary struct {
	Total int `json:"total"`
	// ByStatus counts the actions per status (Statuses order, as ActionSummary).
	ByStatus []Count `json:"by_status"`
	// Budget is the money of the EU actions, per currency (cancelled ones apart).
	Budget Budget `json:"budget"`
	// Unbudgeted counts the actions (not cancelled) without a budget.
	Unbudgeted int `json:"unbudgeted"`
	// Readiness is how ready the EU actions that outlive the programme are.
	Readiness Readiness `json:"readiness"`
}

// EUActions sums up the EU action plan; a nil plan gives a summary with no actions.
func EUActions(fw *framework.Framework, ap *plan.EUActionPlan) EUActionSummary {
	s := EUActionSummary{}
	st, bud, ready := counter{}, newBudgetAcc(fw), newReadinessAcc(fw)
	endIdx, _ := MonthIndex(plan.YearMonth(fw.Programme.End))
	if ap != nil {
		for _, eu := range ap.Actions {
			a := eu.Action()
			s.Total++
			st[a.Status]++
			bud.add(a)
			ready.add(a, endIdx)
			if a.Budget == nil && a.Status != "cancelled" {
				s.Unbudgeted++
			}
		}
	}
	s.ByStatus = st.list()
	s.Budget = bud.result()
	s.Readiness = ready.result()
	return s
}

// VersionChange is one version of the sustainability plan and what it changed
// against the version before it, measures matched by id: the measures it added, those it
// removed (in the earlier version's order) and those whose text, domain or
// actions changed. The first version has no Previous and lists its measures as added.
type VersionChange struct {
	plan.PlanVersion
	Previous string          `json:"previous"`
	Added    []plan.Measure  `json:"added"`
	Removed  []plan.Measure  `json:"removed"`
	Changed  []MeasureChange `json:"changed"`
}

// MeasureChange is one measure kept from one version to the next with other
// content: Fields names what changed ("text", "domain", "actions", in that order).
type MeasureChange struct {
	Before plan.Measure `json:"before"`
	After  plan.Measure `json:"after"`
	Fields []string     `json:"fields"`
}

// Unchanged reports whether the version changed no measure.
func (v VersionChange) Unchanged() bool {
	return len(v.Added) == 0 && len(v.Removed) == 0 && len(v.Changed) == 0
}

// PlanVersions lists the sustainability plan's versions, oldest first as the
// file holds them, each with what it changed; nil for a nil plan.
func PlanVersions(sp *plan.SustainabilityPlan) []VersionChange {
	if sp == nil {
		return nil
	}
	out := make([]VersionChange, 0, len(sp.Versions))
	var prev *plan.PlanVersion
	for i := range sp.Versions {
		v := &sp.Versions[i]
		vc := VersionChange{PlanVersion: *v, Added: []plan.Measure{}, Removed: []plan.Measure{}, Changed: []MeasureChange{}}
		var before []plan.Measure
		if prev != nil {
			vc.Previous = prev.Version
			before = prev.Measures
		}
		find := func(ms []plan.Measure, id string) (plan.Measure, bool) {
			i := slices.IndexFunc(ms, func(m plan.Measure) bool { return m.ID == id })
			if i < 0 {
				return plan.Measure{}, false
			}
			return ms[i], true
		}
		for _, m := range v.Measures {
			old, ok := find(before, m.ID)
			if !ok {
				vc.Added = append(vc.Added, m)
				continue
			}
			var fields []string
			if old.Text != m.Text {
				fields = append(fields, "text")
			}
			if old.Domain != m.Domain {
				fields = append(fields, "domain")
			}
			if !slices.Equal(old.Actions, m.Actions) {
				fields = append(fields, "actions")
			}
			if fields != nil {
				vc.Changed = append(vc.Changed, MeasureChange{Before: old, After: m, Fields: fields})
			}
		}
		for _, m := range before {
			if _, ok := find(v.Measures, m.ID); !ok {
				vc.Removed = append(vc.Removed, m)
			}
		}
		out = append(out, vc)
		prev = v
	}
	return out
}
