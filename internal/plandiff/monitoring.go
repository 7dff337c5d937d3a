package plandiff

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/words"
)

// keyedLists are the lists without an id field that the differ compares entry
// by entry under another key (an observation by its month), so a KPI's field
// changes leave them out.
var keyedLists = map[reflect.Type]bool{reflect.TypeFor[plan.Observation](): true}

// rounds compares the assessment rounds after the baseline, by id; within a
// round that is in both, its scores item by item.
func (d *differ) rounds(oa, nb *plan.AsIs, a, b side) []Change {
	return diffList(d, listSpec[plan.Round]{section: SectionAsIs, entity: EntityRound,
		id:     func(x *plan.Round) string { return x.ID },
		detail: func(v any) string { return roundDetail(v.(*plan.Round)) },
		nested: func(d *differ, a, b side, id string) []Change {
			or, nr := a.v.(*plan.Round), b.v.(*plan.Round)
			var out []Change
			for _, task := range orderedKeys(d.taskIDs(), or.Tasks, nr.Tasks) {
				ot, nt := or.Tasks[task], nr.Tasks[task]
				for _, item := range orderedKeys(d.itemIDs(task), ot.Items, nt.Items) {
					ip := "/tasks/" + task + "/items/" + item
					var sa, sb side
					if v, ok := ot.Items[item]; ok {
						sa = side{&v, a.file, a.ptr + ip}
					}
					if v, ok := nt.Items[item]; ok {
						sb = side{&v, b.file, b.ptr + ip}
					}
					if ch, ok := d.entity(SectionAsIs, EntityRoundItem, task+"."+item, id, sa, sb, d.itemDetail(task+"."+item)); ok {
						out = append(out, ch)
					}
				}
			}
			return out
		},
	}, oa.Rounds, nb.Rounds, sub(a, "/rounds"), sub(b, "/rounds"))
}

// roundDetail: "assessed 2026-10-15 by OKFŐ and EMK, 5 items scored".
func roundDetail(r *plan.Round) string {
	s := "assessed " + string(r.AssessedOn)
	if len(r.Assessors) > 0 {
		s += " by " + words.JoinAnd(r.Assessors)
	}
	n := 0
	for _, t := range r.Tasks {
		for _, it := range t.Items {
			if it.Score != nil {
				n++
			}
		}
	}
	return s + ", " + words.CountNoun(n, "item") + " scored"
}

// observations compares a KPI's observations by month. The detail of an added,
// removed or changed one says where it puts the KPI: "34 % (2026-06), on track".
func (d *differ) observations(section, actionID string, start plan.YearMonth, oldK, newK *plan.KPI, a, b side) []Change {
	label := actionID + " " + newK.ID
	judge := func(o *plan.Observation) string {
		s := fmt.Sprintf("%s (%s)", progress.Value(o.Value, newK.Unit), o.Date)
		state, reached := progress.Judge(start, *newK, *o)
		if reached {
			return s + ", target reached"
		}
		return s + ", " + state.Label()
	}
	out := diffList(d, listSpec[plan.Observation]{section: section, entity: EntityObservation, parent: label,
		id:     func(x *plan.Observation) string { return string(x.Date) },
		detail: func(v any) string { return judge(v.(*plan.Observation)) },
	}, oldK.Observations, newK.Observations, sub(a, "/observations"), sub(b, "/observations"))
	for i := range out {
		if out[i].Kind == Changed {
			for j := range newK.Observations {
				if string(newK.Observations[j].Date) == out[i].ID {
					out[i].Detail = judge(&newK.Observations[j])
				}
			}
		}
	}
	return out
}

// describeObservation: "action-plan › HU-A2 k1 observed 34 % (2026-06), on track".
func (ch Change) describeObservation() string {
	head := ch.Section + " › " + ch.Parent
	switch ch.Kind {
	case Added:
		s := head + " observed " + ch.Detail
		if src := sourceOf(ch.Value); src != "" {
			s += " (source: " + src + ")"
		}
		return s
	case Removed:
		return head + " observation of " + ch.ID + " removed (was " + ch.Detail + ")"
	case Renamed:
		return head + " observation of " + ch.OldID + " moved to " + ch.ID
	}
	var parts []string
	for _, f := range ch.Fields {
		parts = append(parts, f.Describe(false))
	}
	return head + " observation of " + ch.ID + ": " + strings.Join(parts, ", ") + "; now " + ch.Detail
}

func sourceOf(v any) string {
	if m, ok := v.(map[string]any); ok {
		if s, ok := m["source"].(string); ok {
			return s
		}
	}
	return ""
}
