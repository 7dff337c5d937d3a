package benchgen

import (
	"fmt"
	"slices"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// An edit changes one country's plans the way a country team would, keeping them
// valid, and returns the files it changed and a commit message.
type edit func(g *generator, c *country) (files []string, msg string)

// edits are weighted by how often teams make them.
var edits = []struct {
	weight int
	fn     edit
}{
	{6, editScore},
	{3, editTarget},
	{4, editStatus},
	{3, editEnd},
	{2, editBudget},
	{2, editMilestone},
	{2, editEvidence},
	{1, addAction},
	{1, addKPI},
	{1, editStakeholder},
	{1, editDataStatus},
}

func (g *generator) randomEdit(c *country) ([]string, string) {
	total := 0
	for _, e := range edits {
		total += e.weight
	}
	n := g.rng.IntN(total)
	for _, e := range edits {
		if n < e.weight {
			return e.fn(g, c)
		}
		n -= e.weight
	}
	return edits[0].fn(g, c)
}

// randomItem returns a random framework item as task and item id.
func (g *generator) randomItem() (task, item string) {
	t := g.fw.Tasks[g.rng.IntN(len(g.fw.Tasks))]
	return t.ID, t.Items[g.rng.IntN(len(t.Items))].ID
}

// editScore moves an as-is score by one, staying on the scale and not above the target.
func editScore(g *generator, c *country) ([]string, string) {
	task, item := g.randomItem()
	sc := g.itemScale(task, item)
	ia := c.asIs.Tasks[task].Items[item]
	old := *ia.Score
	target := c.toBe.Targets[task][item].Score
	s := old + 1
	if s > target || s > sc.Max || (old > sc.Min && g.rng.IntN(3) == 0) {
		s = old - 1
	}
	if s < sc.Min {
		s = old
	}
	ia.Score = &s
	ia.Evidence = g.sentence(fmt.Sprintf("Re-assessed: %s", item))
	c.asIs.Tasks[task].Items[item] = ia
	return []string{"as-is.yaml"}, fmt.Sprintf("%s: %s.%s as-is %d → %d", c.code, task, item, old, s)
}

// editTarget raises or lowers a target, never below the as-is score, and moves its year.
func editTarget(g *generator, c *country) ([]string, string) {
	task, item := g.randomItem()
	sc := g.itemScale(task, item)
	t := c.toBe.Targets[task][item]
	cur := *c.asIs.Tasks[task].Items[item].Score
	old := t.Score
	t.Score = cur + g.rng.IntN(sc.Max-cur+1)
	t.Year = 2026 + g.rng.IntN(horizonYear-2026+1)
	c.toBe.Targets[task][item] = t
	return []string{"to-be.yaml"}, fmt.Sprintf("%s: %s.%s target %d → %d by %d", c.code, task, item, old, t.Score, t.Year)
}

func (g *generator) randomAction(c *country) *plan.Action {
	return &c.ap.Actions[g.rng.IntN(len(c.ap.Actions))]
}

// editStatus moves an action along planned → in_progress → done (or delayed).
func editStatus(g *generator, c *country) ([]string, string) {
	a := g.randomAction(c)
	old := a.Status
	switch {
	case old == "planned":
		a.Status = "in_progress"
	case old == "in_progress" && a.End <= doneBy:
		a.Status = "done"
	case old == "in_progress":
		a.Status = "delayed"
	case old == "delayed":
		a.Status = "in_progress"
	case old == "cancelled":
		a.Status = "planned"
	default: // done: the team reopens it
		a.Status = "in_progress"
	}
	return []string{"action-plan.yaml"}, fmt.Sprintf("%s: action %s status %s → %s", c.code, a.ID, old, a.Status)
}

// editEnd moves an action's end date by up to a year either way, not before its start.
func editEnd(g *generator, c *country) ([]string, string) {
	a := g.randomAction(c)
	old := a.End
	end := max(months(a.End)+g.rng.IntN(25)-12, months(a.Start))
	a.End = ym(min(end, (horizonYear-1)*12+11))
	if a.Status == "done" && a.End > doneBy {
		a.Status = "delayed"
	}
	return []string{"action-plan.yaml"}, fmt.Sprintf("%s: action %s end date %s → %s", c.code, a.ID, old, a.End)
}

// editBudget changes an action's amount and whether it is secured.
func editBudget(g *generator, c *country) ([]string, string) {
	a := g.randomAction(c)
	old := a.Budget.Amount
	a.Budget.Amount = float64(10000 * (1 + g.rng.IntN(100)))
	a.Budget.Secured = g.rng.IntN(2) == 0
	return []string{"action-plan.yaml"}, fmt.Sprintf("%s: action %s budget %.0f → %.0f %s", c.code, a.ID, old, a.Budget.Amount, a.Budget.Currency)
}

// editMilestone moves a road map milestone.
func editMilestone(g *generator, c *country) ([]string, string) {
	s := &c.toDo.Steps[g.rng.IntN(len(c.toDo.Steps))]
	m := &s.Milestones[g.rng.IntN(len(s.Milestones))]
	old := m.Date
	m.Date = g.month(2025, 2030)
	return []string{"to-do.yaml"}, fmt.Sprintf("%s: step %s milestone %s %s → %s", c.code, s.ID, m.ID, old, m.Date)
}

// editEvidence rewrites the evidence of an item without changing its score.
func editEvidence(g *generator, c *country) ([]string, string) {
	task, item := g.randomItem()
	ia := c.asIs.Tasks[task].Items[item]
	ia.Evidence = g.sentence("Updated evidence")
	ia.Sources = append(slices.Clone(ia.Sources), fmt.Sprintf("Report %d", 1+g.rng.IntN(1000)))
	c.asIs.Tasks[task].Items[item] = ia
	return []string{"as-is.yaml"}, fmt.Sprintf("%s: evidence of %s.%s", c.code, task, item)
}

// addAction adds an action to a random step.
func addAction(g *generator, c *country) ([]string, string) {
	s := c.toDo.Steps[g.rng.IntN(len(c.toDo.Steps))]
	a := g.newAction(c, s)
	c.ap.Actions = append(c.ap.Actions, a)
	return []string{"action-plan.yaml"}, fmt.Sprintf("%s: new action %s for step %s", c.code, a.ID, s.ID)
}

// addKPI adds a KPI to an action.
func addKPI(g *generator, c *country) ([]string, string) {
	a := g.randomAction(c)
	k := g.kpi(len(a.KPIs) + 1)
	a.KPIs = append(a.KPIs, k)
	return []string{"action-plan.yaml"}, fmt.Sprintf("%s: action %s KPI %s", c.code, a.ID, k.ID)
}

// editStakeholder rescores a stakeholder's willingness and power.
func editStakeholder(g *generator, c *country) ([]string, string) {
	s := &c.asIs.Stakeholders[g.rng.IntN(len(c.asIs.Stakeholders))]
	s.Willingness, s.Power = 1+g.rng.IntN(5), 1+g.rng.IntN(5)
	return []string{"as-is.yaml"}, fmt.Sprintf("%s: stakeholder %s rescored", c.code, s.ID)
}

// editDataStatus moves the country's data status on (illustrative → draft →
// submitted → approved) and back to draft after approval, as a new round starts.
func editDataStatus(g *generator, c *country) ([]string, string) {
	old := c.country.Status
	next := map[plan.Status]plan.Status{plan.StatusIllustrative: plan.StatusDraft, plan.StatusDraft: plan.StatusSubmitted,
		plan.StatusSubmitted: plan.StatusApproved, plan.StatusApproved: plan.StatusDraft}
	c.country.Status = next[old]
	return []string{"country.yaml"}, fmt.Sprintf("%s: data status %s → %s", c.code, old, c.country.Status)
}
