package report

import (
	"github.com/hwfplan/hwfplan/internal/chart"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// SkillsTask is the framework task whose items are the planners' competencies
// (Tool 4) and whose actions are the training actions the skills report reads.
const SkillsTask = "skills"

// SkillsView is what the planners' skills report is made from: the competency
// items of the skills task, as-is and to-be, by country and by cluster; the
// planning staff; and the actions of the skills task in the countries' action
// plans. Countries are in name order, items in framework order.
type SkillsView struct {
	// Items has one row per competency of the skills task.
	Items []SkillItem
	// Countries holds every country with its competency scores and training actions.
	Countries []*CountrySkills
	// Clusters holds each cluster's mean as-is and to-be per competency.
	Clusters []*ClusterSkills
	// Actions lists every training action, countries in name order.
	Actions []TrainingAction
	// ByStatus counts the training actions per status, in plan.ActionStatuses order.
	ByStatus []compare.Count
	// WithActions lists the countries with at least one training action;
	// GapNoAction those whose skills gap is above zero but that have none.
	WithActions, GapNoAction []string
	// Staffed lists the countries that report their planning staff.
	Staffed []string
	// FTE summarises the planning staff in full-time equivalents over Staffed.
	FTE compare.Stats
	// Smallest and Largest list the countries with the fewest and the most
	// full-time equivalents.
	Smallest, Largest []string
}

// Scale is the levels of the competencies' scale (that of the first
// competency), lowest first; nil when the framework has no skills items.
func (v *SkillsView) Scale() []SkillLevel {
	if len(v.Items) == 0 {
		return nil
	}
	return v.Items[0].Levels
}

// SkillItem is one competency across the countries.
type SkillItem struct {
	ID, Key, Title, Description string
	// Levels counts the countries at each level of the item's scale, lowest first.
	Levels []SkillLevel
	// AsIs and ToBe describe the countries' normalised as-is scores and targets.
	AsIs, ToBe compare.Stats
	// Gap is ToBe's mean minus AsIs's mean over the countries that assessed it.
	Gap compare.Num
	// Absent lists the countries at the bottom of the scale; Raised those whose
	// target is above their as-is score.
	Absent, Raised []string
	// Actions lists the ids of the training actions that address the item
	// through the road-map steps they implement.
	Actions []string
}

// SkillLevel is one level of a competency scale and the countries at it.
type SkillLevel struct {
	Value     int
	Label     string
	Countries []string
}

// CountrySkills is one country's competencies and training actions.
type CountrySkills struct {
	*CountryView
	// Items holds the country's score on each competency, in framework order.
	Items []compare.ItemScore
	// Task is the country's skills task score (as-is, to-be, gap).
	Task compare.TaskScore
	// Actions are the country's training actions, in plan order.
	Actions []plan.Action
	// Changes lists the competencies whose target differs from today's level;
	// Absent the titles of those at the bottom of the scale; Evidence what the
	// country wrote behind its scores. All in framework order, plain text.
	Changes  []SkillChange
	Absent   []string
	Evidence []SkillNote
}

// ClusterSkills is one cluster's mean as-is and to-be per competency (normalised).
type ClusterSkills struct {
	*ClusterView
	AsIs, ToBe []compare.Num
	// Task is the mean skills task score of the members, as-is and to-be.
	TaskAsIs, TaskToBe compare.Num
}

// TrainingAction is one action of the skills task, with its country and the
// competencies it addresses through the steps it implements.
type TrainingAction struct {
	Country *CountryView
	plan.Action
	Items []string // item ids of the skills task, framework order
}

// Skills gathers the planners' skills report's view of the plans.
func (d *Data) Skills() *SkillsView {
	v := &SkillsView{}
	var task *framework.Task
	if d.Framework != nil {
		task, _ = d.Framework.Task(SkillsTask)
	}
	var scales []*framework.Scale
	if task != nil {
		for i := range task.Items {
			it := &task.Items[i]
			sc := d.Framework.ItemScale(it)
			scales = append(scales, sc)
			row := SkillItem{ID: it.ID, Key: it.Key(), Title: it.Title, Description: it.Description}
			if sc != nil {
				for val := sc.Min; val <= sc.Max; val++ {
					row.Levels = append(row.Levels, SkillLevel{Value: val, Label: d.Framework.LabelFor(it, val)})
				}
			}
			v.Items = append(v.Items, row)
		}
	}
	status := map[string]int{}
	var ftes []compare.Num
	for _, c := range d.Countries {
		cs := &CountrySkills{CountryView: c}
		cs.Task, _ = c.Country.Task(SkillsTask)
		for i := range v.Items {
			it := &v.Items[i]
			sc, _ := c.Country.Item(it.Key)
			cs.Items = append(cs.Items, sc)
			if sc.Score != nil {
				for l := range it.Levels {
					if it.Levels[l].Value == *sc.Score {
						it.Levels[l].Countries = append(it.Levels[l].Countries, c.Code)
					}
				}
				if scales[i] != nil && *sc.Score == scales[i].Min {
					it.Absent = append(it.Absent, c.Code)
				}
			}
			if sc.Assessed && sc.Targeted && sc.Gap.Valid && sc.Gap.Value > 0 {
				it.Raised = append(it.Raised, c.Code)
			}
			fit, _ := d.Framework.Item(it.Key)
			if sc.Score != nil && sc.Target != nil && *sc.Score != *sc.Target && fit != nil {
				cs.Changes = append(cs.Changes, SkillChange{Title: it.Title, From: d.Framework.LabelFor(fit, *sc.Score),
					To: d.Framework.LabelFor(fit, *sc.Target), Year: sc.TargetYr})
			}
			if sc.Score != nil && scales[i] != nil && *sc.Score == scales[i].Min {
				cs.Absent = append(cs.Absent, it.Title)
			}
			if e := cs.SkillEvidence(it.ID); e != "" {
				cs.Evidence = append(cs.Evidence, SkillNote{Title: it.Title, Text: e})
			}
		}
		steps := map[string][]string{}
		if c.Plan != nil && c.Plan.ToDo != nil {
			for _, s := range c.Plan.ToDo.Steps {
				steps[s.ID] = s.Items
			}
		}
		if c.Plan != nil && c.Plan.ActionPlan != nil {
			for _, a := range c.Plan.ActionPlan.Actions {
				if a.Task != SkillsTask {
					continue
				}
				cs.Actions = append(cs.Actions, a)
				ta := TrainingAction{Country: c, Action: a}
				for i := range v.Items {
					it := &v.Items[i]
					for _, s := range a.Implements {
						if slices.Contains(steps[s], it.Key) {
							ta.Items = append(ta.Items, it.ID)
							it.Actions = append(it.Actions, a.ID)
							break
						}
					}
				}
				v.Actions = append(v.Actions, ta)
				status[a.Status]++
			}
		}
		switch {
		case len(cs.Actions) > 0:
			v.WithActions = append(v.WithActions, c.Code)
		case cs.Task.Gap.Valid && cs.Task.Gap.Value > 0:
			v.GapNoAction = append(v.GapNoAction, c.Code)
		}
		if st := c.Staff(); st != nil {
			v.Staffed = append(v.Staffed, c.Code)
			ftes = append(ftes, st.FTE)
		}
		v.Countries = append(v.Countries, cs)
	}
	for i := range v.Items {
		it := &v.Items[i]
		var asis, tobe []compare.Num
		for _, cs := range v.Countries {
			if sc := cs.Items[i]; sc.Assessed {
				asis, tobe = append(asis, sc.AsIs), append(tobe, sc.ToBe)
			}
		}
		it.AsIs, it.ToBe = compare.Describe(asis), compare.Describe(tobe)
		it.Gap = compare.Sub(it.ToBe.Mean, it.AsIs.Mean)
	}
	for _, cl := range d.Clusters {
		cs := &ClusterSkills{ClusterView: cl}
		var ta, tt []compare.Num
		for i := range v.Items {
			var asis, tobe []compare.Num
			for _, c := range v.Countries {
				if c.Cluster != cl.ID {
					continue
				}
				if sc := c.Items[i]; sc.Assessed {
					asis, tobe = append(asis, sc.AsIs), append(tobe, sc.ToBe)
				}
				if i == 0 && c.Task.AsIs.Valid {
					ta, tt = append(ta, c.Task.AsIs), append(tt, c.Task.ToBe)
				}
			}
			cs.AsIs = append(cs.AsIs, compare.Describe(asis).Mean)
			cs.ToBe = append(cs.ToBe, compare.Describe(tobe).Mean)
		}
		cs.TaskAsIs, cs.TaskToBe = compare.Describe(ta).Mean, compare.Describe(tt).Mean
		v.Clusters = append(v.Clusters, cs)
	}
	for _, s := range plan.ActionStatuses {
		v.ByStatus = append(v.ByStatus, compare.Count{Key: s.Code, Count: status[s.Code]})
	}
	v.FTE = compare.Describe(ftes)
	if v.FTE.Count > 0 {
		for _, cs := range v.Countries {
			st := cs.Staff()
			if st != nil && st.FTE.Cmp(v.FTE.Min) == 0 {
				v.Smallest = append(v.Smallest, cs.Code)
			}
			if st != nil && st.FTE.Cmp(v.FTE.Max) == 0 {
				v.Largest = append(v.Largest, cs.Code)
			}
		}
	}
	return v
}

// Weakest returns the competencies with the lowest mean as-is score (all of
// them when they tie), in framework order; nil when none was assessed.
func (v *SkillsView) Weakest() []SkillItem {
	return v.extreme(func(it SkillItem) compare.Num { return it.AsIs.Mean }, -1)
}

// Strongest returns the competencies with the highest mean as-is score.
func (v *SkillsView) Strongest() []SkillItem {
	return v.extreme(func(it SkillItem) compare.Num { return it.AsIs.Mean }, 1)
}

// WidestGap returns the competencies with the largest mean gap.
func (v *SkillsView) WidestGap() []SkillItem {
	return v.extreme(func(it SkillItem) compare.Num { return it.Gap }, 1)
}

// extreme returns the items whose value is lowest (dir -1) or highest (dir 1),
// comparing them exactly.
func (v *SkillsView) extreme(val func(SkillItem) compare.Num, dir int) []SkillItem {
	var out []SkillItem
	var best compare.Num
	for _, it := range v.Items {
		x := val(it)
		if !x.Valid {
			continue
		}
		switch c := x.Cmp(best); {
		case len(out) == 0 || c*dir > 0:
			out, best = []SkillItem{it}, x
		case c == 0:
			out = append(out, it)
		}
	}
	return out
}

// Assessed counts the countries that scored at least one competency.
func (v *SkillsView) Assessed() int {
	n := 0
	for _, c := range v.Countries {
		if c.Task.Assessed > 0 {
			n++
		}
	}
	return n
}

// Unaddressed lists the competencies whose mean target is above the mean as-is
// score but that no training action addresses.
func (v *SkillsView) Unaddressed() []SkillItem {
	var out []SkillItem
	for _, it := range v.Items {
		if it.Gap.Valid && it.Gap.Value > 0 && len(it.Actions) == 0 {
			out = append(out, it)
		}
	}
	return out
}

// Open counts the training actions not yet done or cancelled (planned, in
// progress or delayed).
func (v *SkillsView) Open() int {
	n := 0
	for _, c := range v.ByStatus {
		if c.Key != "done" && c.Key != "cancelled" {
			n += c.Count
		}
	}
	return n
}

// StatusCount is the number of training actions with the status.
func (v *SkillsView) StatusCount(status string) int {
	for _, c := range v.ByStatus {
		if c.Key == status {
			return c.Count
		}
	}
	return 0
}

// skillTitles names competencies by their titles in lower case, escaped, joined
// as a sentence reads: "finance and labour market".
func skillTitles(m *messages, items []SkillItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = escapeMarkdown(m.lower(it.Title))
	}
	return out
}

// scoreStep writes a country's as-is → to-be on a competency as raw scale
// levels: "1 to 2" (report.skills.step), "1" when the target equals the score,
// num.Missing when not assessed.
func scoreStep(m *messages, s compare.ItemScore) string {
	switch {
	case s.Score == nil && s.Target == nil:
		return num.Missing
	case s.Score == nil:
		return m.t("report.skills.step", "From", num.Missing, "To", itoa(*s.Target))
	case s.Target == nil || *s.Target == *s.Score:
		return itoa(*s.Score)
	}
	return m.t("report.skills.step", "From", itoa(*s.Score), "To", itoa(*s.Target))
}

func itoa(v int) string { return num.Quantity(float64(v)) }

// AnyAbsent reports whether some country's planners lack a competency altogether.
func (v *SkillsView) AnyAbsent() bool {
	return slices.ContainsFunc(v.Items, func(it SkillItem) bool { return len(it.Absent) > 0 })
}

// SkillChange is a competency whose target differs from today's level, in words.
type SkillChange struct {
	Title, From, To string
	Year            int
}

// SkillNote is what a country wrote as the evidence of a competency's score.
type SkillNote struct{ Title, Text string }

// SkillsSummary is the country's summary of its skills task, as written.
func (c *CountrySkills) SkillsSummary() string {
	if a := c.AsIs(); a != nil {
		return a.Tasks[SkillsTask].Summary
	}
	return ""
}

// SkillEvidence is what the country's score on a competency rests on, as written.
func (c *CountrySkills) SkillEvidence(item string) string {
	if a := c.AsIs(); a != nil {
		return a.Tasks[SkillsTask].Items[item].Evidence
	}
	return ""
}

// skillIDs names the skills task's items by their titles, escaped: "Finance,
// Leadership".
func skillIDs(d *Data, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = escapeMarkdown(id)
		if it, ok := d.Framework.Item(SkillsTask + "." + id); ok {
			out[i] = escapeMarkdown(it.Title)
		}
	}
	return strings.Join(out, ", ")
}

// skillsFigures adds the skills report's heat map: competency × country, the
// normalised as-is level.
func skillsFigures(d *Data, figs map[string]figureFunc) {
	if len(d.Countries) == 0 || d.Framework == nil {
		return
	}
	task, ok := d.Framework.Task(SkillsTask)
	if !ok || len(task.Items) == 0 {
		return
	}
	figs["heatmap-skills"] = func(title string) ([]byte, error) {
		rows := make([]string, len(task.Items))
		vals := make([][]*float64, len(task.Items))
		cols := make([]string, len(d.Countries))
		for ci, c := range d.Countries {
			cols[ci] = c.Code
		}
		for i := range task.Items {
			it := &task.Items[i]
			rows[i] = it.Title
			vals[i] = make([]*float64, len(d.Countries))
			for ci, c := range d.Countries {
				if s, ok := c.Item(it.Key()); ok && s.Assessed {
					vals[i][ci] = ptr(s.AsIs)
				}
			}
		}
		return chart.HeatMap{
			Meta: chart.Meta{ID: "fig-heatmap-skills", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
				Desc: d.msgs.t("report.skills.chart.desc", "Items", len(rows), "Countries", len(cols))},
			Rows: rows, Cols: cols, Values: vals,
			Legend: d.msgs.t("report.skills.chart.legend"),
		}.Render()
	}
}

// StatusesUsed is ByStatus without the statuses no training action has.
func (v *SkillsView) StatusesUsed() []compare.Count {
	var out []compare.Count
	for _, c := range v.ByStatus {
		if c.Count > 0 {
			out = append(out, c)
		}
	}
	return out
}
