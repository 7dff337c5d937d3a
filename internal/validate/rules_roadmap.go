package validate

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// idPrefix reports an id that does not start with the folder's country code.
func (c *checker) idPrefix(f *model.File, ptr, what, code, id, example string) {
	if strings.HasPrefix(id, code+"-") {
		return
	}
	hint := ""
	if i := strings.IndexByte(id, '-'); i >= 0 {
		hint = fmt.Sprintf(" (%s%s)", code, id[i:])
	}
	c.errorf(f, ptr, RuleIDPrefix, "%s id %s must start with the country code %s-, like %s%s", what, id, code, example, hint)
}

// toDo checks the road map: ids, the items and stakeholders steps refer to, and
// their milestones.
func (c *checker) toDo(cn *model.Country) {
	f := c.usable(cn, plan.ToDoFile)
	if f == nil {
		return
	}
	var stakeholders []string // nil when as-is.yaml is unusable
	var stakeholderMap reporter
	if asIs := c.usable(cn, plan.AsIsFile); asIs != nil {
		stakeholders = []string{}
		for _, s := range cn.AsIs.Stakeholders {
			stakeholders = append(stakeholders, s.ID)
		}
		stakeholderMap = c.reading(at(asIs, "/stakeholders"))
	}
	steps := cn.ToDo.Steps
	listIDs(c, f, "step", "steps", steps, func(s plan.Step) string { return s.ID })
	for i, s := range steps {
		base := model.Pointer("steps", strconv.Itoa(i))
		c.idPrefix(f, base+"/id", "step", cn.Code, s.ID, cn.Code+"-S1")
		for j, key := range s.Items {
			c.itemTask(f, base+"/items/"+strconv.Itoa(j), key, "step", s.ID, s.Task, base+"/task")
		}
		ms := make([]string, len(s.Milestones))
		for j, m := range s.Milestones {
			ms[j] = m.ID
		}
		c.uniqueIDs(f, "milestone", ms, func(j int) string { return base + "/milestones/" + strconv.Itoa(j) + "/id" })
		c.metDates(f, base, s)
		if stakeholders == nil {
			continue
		}
		for j, id := range s.Stakeholders {
			if !slices.Contains(stakeholders, id) {
				stakeholderMap.errorf(f, base+"/stakeholders/"+strconv.Itoa(j), RuleStakeholderRef, "stakeholder %q is not in the stakeholder map of as-is.yaml%s", id, didYouMean(id, stakeholders))
			}
		}
	}
}

// actionPlan checks the actions: ids, the steps they implement, dates, money and
// what happens after the programme.
func (c *checker) actionPlan(cn *model.Country) {
	f := c.usable(cn, plan.ActionPlanFile)
	if f == nil {
		return
	}
	ap := cn.ActionPlan
	for i, p := range ap.PolicyDialogue.Participants {
		c.placeholder(f, model.Pointer("policy_dialogue", "participants", strconv.Itoa(i)), "the participant", p)
	}
	c.placeholder(f, "/policy_dialogue/outcome", "the outcome of the policy dialogue", ap.PolicyDialogue.Outcome)
	for _, d := range c.fw.DomainIDs() {
		if sf, ok := ap.SustainabilityFactors[d]; ok {
			c.placeholder(f, model.Pointer("sustainability_factors", d, "evidence"), "the evidence of sustainability domain "+d, sf.Evidence)
		} else {
			c.warnf(f, "/sustainability_factors", RuleSustainabilityUnscored,
				"sustainability domain %s is not scored yet; add it with a score and the evidence (reports show it as not scored)", d)
		}
	}
	var steps map[string]stepTask // step id → task; nil when to-do.yaml is unusable
	var stepIDs []ref             // the step ids in to-do.yaml
	var todo *model.File
	if todo = c.usable(cn, plan.ToDoFile); todo != nil {
		steps = stepTasks(cn.ToDo)
		for i := range cn.ToDo.Steps {
			stepIDs = append(stepIDs, at(todo, model.Pointer("steps", strconv.Itoa(i), "id")))
		}
	}
	listIDs(c, f, "action", "actions", ap.Actions, func(a plan.Action) string { return a.ID })
	for i, a := range ap.Actions {
		base := model.Pointer("actions", strconv.Itoa(i))
		c.idPrefix(f, base+"/id", "action", cn.Code, a.ID, cn.Code+"-A1")
		c.implements(f, todo, base, a, steps, stepIDs)
		c.action(f, base, a)
	}
}

// action checks what every action is checked for, a national one or an EU one
// (through plan.EUAction.Action, so both are checked by this one code): its
// months, what happens after the programme, its money and its KPIs. base is the
// action's pointer in f.
func (c *checker) action(f *model.File, base string, a plan.Action) {
	programmeEnd := plan.YearMonth(c.fw.Programme.End)
	// The schema checks the months' form; compare only real ones.
	startOK, endOK := a.Start.Valid(), a.End.Valid()
	if startOK && endOK && a.Start > a.End {
		c.errorf(f, base+"/end", RuleDateOrder, "action %s ends (%s) before it starts (%s)", a.ID, a.End, a.Start)
	}
	if endOK && a.End > programmeEnd && a.Sustainability == nil && a.Status != "cancelled" {
		c.errorf(f, base+"/end", RuleSustainability, "action %s ends in %s, after the programme ends (%s); add sustainability: whether it continues, whether its funding is secured, and where it is anchored", a.ID, a.End, programmeEnd)
	}
	if today := c.opts.Today; a.Status == "done" && endOK && len(today) >= 7 && string(a.End) > today[:7] {
		c.warnf(f, base+"/status", RuleDoneInFuture, "action %s is marked done but ends in %s, which is still to come; correct the status or the end date", a.ID, a.End)
	}
	if a.Budget != nil {
		if msg, ok := checkCurrency(a.Budget.Currency); !ok {
			c.errorf(f, base+"/budget/currency", RuleCurrency, "%s", msg)
		}
		if startOK && endOK {
			c.budgetAfter(f, base, a, programmeEnd)
		}
	}
	if s := a.Sustainability; s != nil && s.AnnualCost != nil {
		if msg, ok := checkCurrency(s.AnnualCost.Currency); !ok {
			c.errorf(f, base+"/sustainability/annual_cost/currency", RuleCurrency, "%s", msg)
		}
	}
	kpis := make([]string, len(a.KPIs))
	for j, k := range a.KPIs {
		kpis[j] = k.ID
	}
	c.uniqueIDs(f, "KPI", kpis, func(j int) string { return base + "/kpis/" + strconv.Itoa(j) + "/id" })
	c.kpis(f, base, a)
}

// implements checks the steps an action implements exist, and that the action's
// task is the task of one of them. Whether a step exists depends on every step id in to-do.yaml (ids): a step id
// that is wrong there is its error, not one more for each action.
func (c *checker) implements(f, todo *model.File, base string, a plan.Action, steps map[string]stepTask, ids []ref) {
	if steps == nil {
		return
	}
	c.implemented(f, base, a, func(ptr, id string) (ref, string, bool) {
		st, ok := steps[id]
		if !ok {
			c.reading(ids...).errorf(f, ptr, RuleStepRef, "step %s is not in to-do.yaml%s", id, knownList("steps", slices.Sorted(maps.Keys(steps))))
			return ref{}, "", false
		}
		return at(todo, st.ptr), st.task, true
	})
}

// implemented resolves the steps an action implements, a national or an EU one,
// with step (which reports a step that is not there) and warns when the action's
// task is none of their tasks; a missing step is its own error, so then it stays
// quiet. step returns where the step's task is, and the task.
func (c *checker) implemented(f *model.File, base string, a plan.Action, step func(ptr, id string) (ref, string, bool)) {
	var tasks []string
	inputs := []ref{at(f, base+"/implements")}
	missing := false
	for j, id := range a.Implements {
		taskAt, task, ok := step(base+"/implements/"+strconv.Itoa(j), id)
		if !ok {
			missing = true
			continue
		}
		inputs = append(inputs, taskAt)
		if !slices.Contains(tasks, task) {
			tasks = append(tasks, task)
		}
	}
	if !missing && len(tasks) > 0 && !slices.Contains(tasks, a.Task) {
		c.reading(inputs...).warnf(f, base+"/task", RuleActionTask, "action %s is under task %s, but the steps it implements are under %s; check the action's task", a.ID, a.Task, strings.Join(tasks, ", "))
	}
}

// itemTask warns when a framework item (at ptr) of a step or an EU action (what,
// with its id, task and the pointer of that task) belongs to another task.
func (c *checker) itemTask(f *model.File, ptr, key, what, id, task, taskPtr string) {
	it, ok := c.fw.Item(key)
	if !ok || it.Task == task {
		return // the schema lists the items and reports unknown ones
	}
	c.reading(at(f, taskPtr)).warnf(f, ptr, RuleItemTask, "item %s belongs to task %s, but %s %s is under task %s; check the %s's task or split the %s", key, it.Task, what, id, task, what, what)
}

// budgetAfter checks what a budget says falls after the programme against the
// action's months: an action that ends by the programme end spends nothing after
// it, one that starts later spends everything after it, and one that spans the end
// should say how much (the reports count its money after the programme as unknown
// until it does).
func (c *checker) budgetAfter(f *model.File, base string, a plan.Action, end plan.YearMonth) {
	b := a.Budget
	ptr := base + "/budget/after_programme"
	money := func(v float64) string { return b.Currency + " " + num.Plain(v) }
	switch after := b.AfterProgramme; {
	case after != nil && *after > b.Amount:
		c.errorf(f, ptr, RuleBudgetAfter, "action %s spends %s after the programme, more than its whole budget of %s", a.ID, money(*after), money(b.Amount))
	case after != nil && *after > 0 && a.End <= end:
		c.reading(at(f, base+"/end")).errorf(f, ptr, RuleBudgetAfter, "action %s ends in %s, by the end of the programme (%s), so none of its budget can fall after it; remove after_programme or correct the end", a.ID, a.End, end)
	case after != nil && *after != b.Amount && a.Start > end:
		c.reading(at(f, base+"/start")).errorf(f, ptr, RuleBudgetAfter, "action %s starts in %s, after the programme ends (%s), so all of its budget (%s) falls after it, not %s; remove after_programme or correct it", a.ID, a.Start, end, money(b.Amount), money(*after))
	case after == nil && a.Start <= end && a.End > end && a.Status != "cancelled":
		c.reading(at(f, base+"/start"), at(f, base+"/end")).warnf(f, base+"/budget", RuleBudgetSplit, "action %s runs from %s to %s, across the end of the programme (%s); add after_programme: how much of its %s is spent after %s", a.ID, a.Start, a.End, end, money(b.Amount), end)
	}
}
