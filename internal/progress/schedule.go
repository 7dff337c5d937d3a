package progress

import (
	"github.com/hwfplan/hwfplan/internal/plan"
)

// ActionState is where an action stands against its months.
type ActionState string

const (
	ActionDone      ActionState = "done"
	ActionOnTime    ActionState = "on_time" // planned or in progress, within its months
	ActionBehind    ActionState = "behind"
	ActionCancelled ActionState = "cancelled"
)

// Reason says why an action is behind.
type Reason string

const (
	ReasonDelayed    Reason = "delayed"     // its status says so
	ReasonNotStarted Reason = "not_started" // planned, but its start month has passed
	ReasonPastEnd    Reason = "past_end"    // not done, and its end month has passed
)

// Action is one action as of the report date.
type Action struct {
	ID, Title, Task, Status string
	Start, End              plan.YearMonth
	State                   ActionState
	Reason                  Reason // when State is ActionBehind
	HasBudget, Secured      bool
	KPIs                    []*KPI
	Counts                  Counts
}

// KPI returns the action's KPI with the given id, or nil.
func (a *Action) KPI(id string) *KPI {
	for _, k := range a.KPIs {
		if k.ID == id {
			return k
		}
	}
	return nil
}

// action places an action against the report month: done and cancelled as their
// status says; delayed is behind; otherwise behind when its start month (planned)
// or its end month (planned or in progress) is before the report month.
func action(a plan.Action, asOf plan.Date, month int) *Action {
	act := &Action{ID: a.ID, Title: a.Title, Task: a.Task, Status: a.Status, Start: a.Start, End: a.End}
	start, okS := monthOf(a.Start)
	end, okE := monthOf(a.End)
	switch {
	case a.Status == "cancelled":
		act.State = ActionCancelled
	case a.Status == "done":
		act.State = ActionDone
	case a.Status == "delayed":
		act.State, act.Reason = ActionBehind, ReasonDelayed
	case okE && end < month:
		act.State, act.Reason = ActionBehind, ReasonPastEnd
	case a.Status == "planned" && okS && start < month:
		act.State, act.Reason = ActionBehind, ReasonNotStarted
	default:
		act.State = ActionOnTime
	}
	c := &act.Counts
	if act.State == ActionCancelled {
		c.ActionsCancelled = 1
		return act
	}
	c.Actions = 1
	switch act.State {
	case ActionDone:
		c.ActionsDone, c.ActionsOnTime = 1, 1
	case ActionOnTime:
		c.ActionsOnTime = 1
	case ActionBehind:
		c.ActionsBehind = 1
	}
	if a.Budget != nil {
		act.HasBudget, act.Secured = true, a.Budget.Secured
		c.Budgets = 1
		if a.Budget.Secured {
			c.BudgetsSecured = 1
		}
	}
	for _, k := range a.KPIs {
		kp := kpi(a, k, asOf)
		act.KPIs = append(act.KPIs, kp)
		c.add(kp.counts())
	}
	return act
}

// MilestoneState is where a milestone stands on the report date.
type MilestoneState string

const (
	MilestoneMet      MilestoneState = "met"
	MilestoneDue      MilestoneState = "due"     // due this month, not met
	MilestoneOverdue  MilestoneState = "overdue" // due in an earlier month, not met
	MilestoneUpcoming MilestoneState = "upcoming"
)

// Milestone is one road map milestone as of the report date.
type Milestone struct {
	Step, ID, Task, Deliverable string
	Due                         plan.YearMonth
	Met                         plan.Date // empty unless met on or before the report date
	State                       MilestoneState
	Late                        bool // met after its month
}

func milestone(s plan.Step, m plan.Milestone, asOf plan.Date, month int) Milestone {
	ms := Milestone{Step: s.ID, ID: m.ID, Task: s.Task, Deliverable: m.Deliverable, Due: m.Date}
	due, ok := monthOf(m.Date)
	switch {
	case m.Met != "" && onOrBefore(m.Met, asOf):
		ms.Met, ms.State = m.Met, MilestoneMet
		if t, okM := m.Met.Time(); ok && okM {
			ms.Late = t.Year()*12+int(t.Month())-1 > due
		}
	case ok && due < month:
		ms.State = MilestoneOverdue
	case ok && due == month:
		ms.State = MilestoneDue
	default:
		ms.State = MilestoneUpcoming
	}
	return ms
}

func (m Milestone) counts() Counts {
	c := Counts{Milestones: 1}
	switch m.State {
	case MilestoneMet:
		c.MilestonesMet = 1
	case MilestoneDue:
		c.MilestonesDue = 1
	case MilestoneOverdue:
		c.MilestonesLate = 1
	}
	return c
}
