// Package progress measures a plans repository against its own plans as of a
// report date: KPIs against the straight path from their baseline to their
// target, actions against their schedule, milestones due, overdue or met, and
// the to-be targets reached in the latest assessment round. It counts each per
// action, country, cluster and task, and the EU action plan's actions as a group
// of their own, outside every country count and the total. The dates are the plans' own (round dates,
// observation months, milestone and action months), never commit dates.
//
// It returns values and never prints. Lists are in a deterministic order:
// countries by code, actions, steps and KPIs in file order, tasks and items in
// framework order, clusters by id.
package progress

import (
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Progress is the whole repository as of one date.
type Progress struct {
	AsOf      plan.Date
	Countries []*Country
	Clusters  []Group // by cluster id
	Tasks     []Group // in framework order
	// Total is the countries' counts; the EU action plan is not in it.
	Total Counts
	// EU is the EU-level action plan (programme/eu-action-plan.yaml), nil when
	// the repository has none. It is its own group: in no country, cluster,
	// task or Total.
	EU *EU
}

// EU is the EU-level action plan as of the report date: its actions, measured
// as a country's are (through plan.EUAction.Action), and their counts.
type EU struct {
	Illustrative bool // eu-action-plan.yaml says status: illustrative
	Actions      []*Action
	Counts       Counts
}

// Action returns the EU action with the given id, or nil.
func (e *EU) Action(id string) *Action { return findAction(e.Actions, id) }

// Group is the counts of a cluster or a task.
type Group struct {
	ID, Name string
	// Countries are the codes counted (a cluster's loaded members; every
	// country for a task).
	Countries []string
	Counts    Counts
}

// Country is one country's progress.
type Country struct {
	Code, Name, Cluster string
	Illustrative        bool // country.yaml says status: illustrative
	Rounds              []Round
	Actions             []*Action
	Milestones          []Milestone
	Items               []Item // the items with a to-be target
	Tasks               []Group
	Counts              Counts
}

// Round is one assessment round as of the report date.
type Round struct {
	ID         string
	AssessedOn plan.Date
	Assessors  []string
	Scored     int // items scored in this round
}

// Counts is what the progress report's indicators are made of.
type Counts struct {
	// Process: actions (cancelled ones apart), milestones, budgets.
	Actions          int // not cancelled
	ActionsOnTime    int // done, or not behind its months
	ActionsDone      int
	ActionsBehind    int // delayed, or behind its months
	ActionsCancelled int
	Milestones       int
	MilestonesMet    int
	MilestonesDue    int // due in the report date's month, not met
	MilestonesLate   int // overdue: due in an earlier month, not met
	Budgets          int // actions (not cancelled) with a budget
	BudgetsSecured   int
	// Output: KPIs.
	KPIs         int
	KPIsObserved int // with an observation up to the report date
	KPIsOnTrack  int
	KPIsOffTrack int
	KPIsReached  int // the latest observation reaches the target
	// Objectives: items with a to-be target.
	Targets         int
	TargetsReached  int // the latest score reaches the target
	TargetsImproved int // the latest score is above the baseline score
	TargetsRescored int // scored again in a round after the baseline
}

func (c *Counts) add(o Counts) {
	c.Actions += o.Actions
	c.ActionsOnTime += o.ActionsOnTime
	c.ActionsDone += o.ActionsDone
	c.ActionsBehind += o.ActionsBehind
	c.ActionsCancelled += o.ActionsCancelled
	c.Milestones += o.Milestones
	c.MilestonesMet += o.MilestonesMet
	c.MilestonesDue += o.MilestonesDue
	c.MilestonesLate += o.MilestonesLate
	c.Budgets += o.Budgets
	c.BudgetsSecured += o.BudgetsSecured
	c.KPIs += o.KPIs
	c.KPIsObserved += o.KPIsObserved
	c.KPIsOnTrack += o.KPIsOnTrack
	c.KPIsOffTrack += o.KPIsOffTrack
	c.KPIsReached += o.KPIsReached
	c.Targets += o.Targets
	c.TargetsReached += o.TargetsReached
	c.TargetsImproved += o.TargetsImproved
	c.TargetsRescored += o.TargetsRescored
}

// Compute measures the repository as of asOf (YYYY-MM-DD). Round scores,
// observations and met dates after asOf are left out, as if not yet known.
// Countries whose files could not be read are left out of what they miss.
func Compute(repo *model.Repo, asOf plan.Date) *Progress {
	p := &Progress{AsOf: asOf}
	at, _ := asOf.Time()
	month := at.Year()*12 + int(at.Month()) - 1
	byTask := map[string]*Counts{}
	for _, cn := range repo.Countries {
		if cn.Country == nil {
			continue
		}
		c := country(repo, cn, asOf, month)
		p.Countries = append(p.Countries, c)
		p.Total.add(c.Counts)
		for _, g := range c.Tasks {
			if byTask[g.ID] == nil {
				byTask[g.ID] = &Counts{}
			}
			byTask[g.ID].add(g.Counts)
		}
	}
	var all []string
	for _, c := range p.Countries {
		all = append(all, c.Code)
	}
	for _, t := range repo.Framework.Tasks {
		g := Group{ID: t.ID, Name: t.Title, Countries: all}
		if n := byTask[t.ID]; n != nil {
			g.Counts = *n
		}
		p.Tasks = append(p.Tasks, g)
	}
	for _, cl := range repo.Clusters {
		g := Group{ID: cl.ID}
		if cl.Cluster != nil {
			g.Name = cl.Cluster.Name
		}
		for _, c := range p.Countries {
			if c.Cluster == cl.ID {
				g.Countries = append(g.Countries, c.Code)
				g.Counts.add(c.Counts)
			}
		}
		p.Clusters = append(p.Clusters, g)
	}
	if ep := repo.Programme.EUActionPlan; ep != nil {
		p.EU = &EU{Illustrative: ep.Status == plan.StatusIllustrative}
		for _, a := range ep.Actions {
			act := action(a.Action(), asOf, month)
			p.EU.Actions = append(p.EU.Actions, act)
			p.EU.Counts.add(act.Counts)
		}
	}
	return p
}

// Country returns the country with the given code, or nil.
func (p *Progress) Country(code string) *Country {
	for _, c := range p.Countries {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// Action returns the action with the given id, or nil.
func (c *Country) Action(id string) *Action { return findAction(c.Actions, id) }

func findAction(as []*Action, id string) *Action {
	for _, a := range as {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func country(repo *model.Repo, cn *model.Country, asOf plan.Date, month int) *Country {
	c := &Country{Code: cn.Code, Name: cn.Country.Name, Cluster: cn.Country.Cluster, Illustrative: cn.Country.Status == plan.StatusIllustrative}
	byTask := map[string]*Counts{}
	task := func(id string) *Counts {
		if byTask[id] == nil {
			byTask[id] = &Counts{}
		}
		return byTask[id]
	}
	if cn.ActionPlan != nil {
		for _, a := range cn.ActionPlan.Actions {
			act := action(a, asOf, month)
			c.Actions = append(c.Actions, act)
			task(a.Task).add(act.Counts)
		}
	}
	if cn.ToDo != nil {
		for _, s := range cn.ToDo.Steps {
			for _, m := range s.Milestones {
				ms := milestone(s, m, asOf, month)
				c.Milestones = append(c.Milestones, ms)
				task(s.Task).add(ms.counts())
			}
		}
	}
	if cn.AsIs != nil {
		for _, r := range cn.AsIs.AllRounds() {
			if !onOrBefore(r.AssessedOn, asOf) {
				continue
			}
			n := 0
			for _, t := range r.Tasks {
				for _, it := range t.Items {
					if it.Score != nil {
						n++
					}
				}
			}
			c.Rounds = append(c.Rounds, Round{ID: r.ID, AssessedOn: r.AssessedOn, Assessors: r.Assessors, Scored: n})
		}
		if cn.ToBe != nil {
			c.Items = items(repo, cn.AsIs, cn.ToBe, asOf)
			for _, it := range c.Items {
				task(it.Task).add(it.counts())
			}
		}
	}
	for _, t := range repo.Framework.Tasks {
		g := Group{ID: t.ID, Name: t.Title, Countries: []string{c.Code}}
		if n := byTask[t.ID]; n != nil {
			g.Counts = *n
		}
		c.Tasks = append(c.Tasks, g)
		c.Counts.add(g.Counts)
	}
	return c
}

// onOrBefore reports whether date d is on or before asOf; both are YYYY-MM-DD,
// so their text orders as their dates do. An invalid date counts as not yet.
func onOrBefore(d, asOf plan.Date) bool { return d.Valid() && string(d) <= string(asOf) }

// monthOf is a month's index (year*12 + month-1); ok is false when invalid.
func monthOf(m plan.YearMonth) (int, bool) { return compare.MonthIndex(m) }
