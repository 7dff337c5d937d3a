package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// asIs checks the inventories of as-is.yaml have unique ids and name known
// minimum data set elements.
func (c *checker) asIs(cn *model.Country) {
	f := c.usable(cn, plan.AsIsFile)
	if f == nil {
		return
	}
	a := cn.AsIs
	listIDs(c, f, "data source", "data_sources", a.DataSources, func(d plan.DataSource) string { return d.ID })
	listIDs(c, f, "model", "models", a.Models, func(m plan.Model) string { return m.ID })
	listIDs(c, f, "stakeholder", "stakeholders", a.Stakeholders, func(s plan.Stakeholder) string { return s.ID })
	c.rounds(f, a)
	for i, d := range a.DataSources {
		for j, key := range d.MinimumDataSet {
			c.dataElement(f, model.Pointer("data_sources", strconv.Itoa(i), "minimum_data_set", strconv.Itoa(j)), key)
		}
	}
}

// dataElement checks that a data source names an element of the framework's
// minimum data set. An element named without its group ("headcount") is
// suggested with the group when one group has it.
func (c *checker) dataElement(f *model.File, ptr, key string) {
	if _, ok := c.fw.DataElement(key); ok {
		return
	}
	keys := c.fw.DataElementKeys()
	if len(keys) == 0 {
		c.errorf(f, ptr, RuleMDSElement, "element %q: the framework (%s) declares no minimum planning data set; remove minimum_data_set or add the set to the framework", key, framework.DefaultPath)
		return
	}
	hint := didYouMean(key, keys)
	if !strings.Contains(key, ".") {
		var in []string
		for _, k := range keys {
			if _, id, _ := strings.Cut(k, "."); id == key {
				in = append(in, k)
			}
		}
		if len(in) == 1 {
			hint = fmt.Sprintf("; name it with its group: %q", in[0])
		}
	}
	if hint == "" {
		var groups []string
		for _, g := range c.fw.MinimumDataSet.Groups {
			groups = append(groups, g.ID)
		}
		hint = "; elements are written group.element, e.g. " + keys[0] + knownList("groups", groups)
	}
	c.errorf(f, ptr, RuleMDSElement, "element %q is not in the %s (%s)%s", key, strings.ToLower(c.fw.MinimumDataSet.Title), framework.DefaultPath, hint)
}

// listIDs checks the ids of a top-level list are unique.
func listIDs[T any](c *checker, f *model.File, what, key string, list []T, id func(T) string) {
	ids := make([]string, len(list))
	for i, e := range list {
		ids[i] = id(e)
	}
	c.uniqueIDs(f, what, ids, func(i int) string { return model.Pointer(key, strconv.Itoa(i), "id") })
}

// toBe compares the targets with the as-is scores and the road map.
func (c *checker) toBe(cn *model.Country) {
	f := c.usable(cn, plan.ToBeFile)
	if f == nil {
		return
	}
	tb := cn.ToBe
	c.placeholder(f, "/vision", "the vision", tb.Vision)
	asIsFile := c.usable(cn, plan.AsIsFile)
	assessedYear := 0
	if asIsFile != nil {
		if t, ok := cn.AsIs.AssessedOn.Time(); ok {
			assessedYear = t.Year()
		}
	}
	var addressed map[string]bool // item keys some to-do step lists; nil when to-do is unusable
	var stepItems []ref           // the items lists gap-addressed reads
	if todo := c.usable(cn, plan.ToDoFile); todo != nil {
		addressed = map[string]bool{}
		for i, s := range cn.ToDo.Steps {
			stepItems = append(stepItems, at(todo, model.Pointer("steps", strconv.Itoa(i), "items")))
			for _, k := range s.Items {
				addressed[k] = true
			}
		}
	}
	for _, task := range c.fw.Tasks {
		for i := range task.Items {
			it := &task.Items[i]
			t, ok := tb.Targets[task.ID][it.ID]
			if !ok {
				continue
			}
			ptr := model.Pointer("targets", task.ID, it.ID)
			if assessedYear > 0 && t.Year < assessedYear {
				c.reading(at(asIsFile, "/assessed_on")).errorf(f, ptr+"/year", RuleTargetYear, "target year %d of item %s is before the assessment year %d (assessed_on %s in as-is.yaml)", t.Year, it.Key(), assessedYear, cn.AsIs.AssessedOn)
			}
			if tb.HorizonYear > 0 && t.Year > tb.HorizonYear {
				c.warnf(f, ptr+"/year", RuleTargetHorizon, "target year %d of item %s is after the plan's horizon year %d", t.Year, it.Key(), tb.HorizonYear)
			}
			if asIsFile == nil {
				continue
			}
			cur := cn.AsIs.Tasks[task.ID].Items[it.ID].Score
			if cur == nil {
				continue // not assessed: no gap to measure
			}
			score := at(asIsFile, model.Pointer("tasks", task.ID, "items", it.ID, "score"))
			if t.Score < *cur {
				c.reading(score).warnf(f, ptr+"/score", RuleTargetBelowAsIs, "target %d of item %s is below its current score %d (as-is.yaml); a target should be at least the current level", t.Score, it.Key(), *cur)
				continue
			}
			sc := c.fw.ItemScale(it)
			gap := sc.Normalised(t.Score).Sub(sc.Normalised(*cur))
			if addressed != nil && c.fw.LargeGap(gap) && !addressed[it.Key()] {
				c.reading(append([]ref{score}, stepItems...)...).warnf(f, ptr+"/score", RuleGapAddressed, "the gap of item %s (as-is %d, target %d: %s of its scale) is at least the threshold %s, but no step in to-do.yaml addresses it; add %s to the items of a step", it.Key(), *cur, t.Score, num.Score(gap.Float64()), num.Plain(c.fw.GapThreshold), it.Key())
			}
		}
	}
}

// stepTasks maps each road map step id to its task and to the pointer of that
// task in to-do.yaml.
func stepTasks(td *plan.ToDo) map[string]stepTask {
	m := make(map[string]stepTask, len(td.Steps))
	for i, s := range td.Steps {
		if _, dup := m[s.ID]; !dup {
			m[s.ID] = stepTask{s.Task, model.Pointer("steps", strconv.Itoa(i), "task")}
		}
	}
	return m
}

type stepTask struct{ task, ptr string }
