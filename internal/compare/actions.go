package compare

import (
	"cmp"
	"maps"
	"slices"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Statuses lists the action statuses in the order tables show them.
var Statuses = []string{"planned", "in_progress", "done", "delayed", "cancelled"}

// ActionSummary is the action plans across countries.
type ActionSummary struct {
	Total int `json:"total"`
	// ByStatus counts all actions per status (Statuses order; unknown ones after, sorted).
	ByStatus []Count `json:"by_status"`
	// ByTask counts actions per task (framework order), each with its statuses.
	ByTask []TaskActions `json:"by_task"`
	// Countries holds each country's coverage, budget and counts (by code).
	Countries []CountryActions `json:"countries"`
	// Budget totals over all countries, per currency.
	Budget []CurrencyBudget `json:"budget"`
	// Timeline lists every action with a valid start and end (by country, start, id).
	Timeline []TimelineEntry `json:"timeline"`
	// AfterEnd lists the actions ending after programme.end (same order).
	AfterEnd []TimelineEntry `json:"after_end"`
}

// Count is a number of things with a key.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// TaskActions counts a task's actions per status.
type TaskActions struct {
	Task     string  `json:"task"`
	Total    int     `json:"total"`
	ByStatus []Count `json:"by_status"`
}

// CountryActions is one country's action plan in numbers.
type CountryActions struct {
	Country  string        `json:"country"`
	Total    int           `json:"total"`
	ByTask   []TaskActions `json:"by_task"`
	ByStatus []Count       `json:"by_status"`
	// UncoveredGaps are items whose gap is at least the framework's gap_threshold
	// and that no to-do step lists.
	UncoveredGaps []ItemGap `json:"uncovered_gaps"`
	// StepsWithoutAction are to-do step ids no action implements.
	StepsWithoutAction []string         `json:"steps_without_action"`
	Budget             []CurrencyBudget `json:"budget"`
	// Unbudgeted counts actions without a budget.
	Unbudgeted int `json:"unbudgeted"`
}

// ItemGap is an item and its normalised gap.
type ItemGap struct {
	Item string `json:"item"`
	Gap  Num    `json:"gap"`
}

// CurrencyBudget totals budgets in one currency. Amounts in different currencies
// are never added together. SecuredShare = Secured / Total (missing when Total is 0).
type CurrencyBudget struct {
	Currency     string         `json:"currency"`
	Total        float64        `json:"total"`
	Secured      float64        `json:"secured"`
	SecuredShare Num            `json:"secured_share"`
	Actions      int            `json:"actions"`
	BySource     []SourceBudget `json:"by_source"`
}

// SourceBudget totals budgets of one funding source within a currency.
type SourceBudget struct {
	Source       string  `json:"source"`
	Total        float64 `json:"total"`
	Secured      float64 `json:"secured"`
	SecuredShare Num     `json:"secured_share"`
	Actions      int     `json:"actions"`
}

// TimelineEntry is an action on the timeline. Months are YYYY-MM; StartIndex and
// EndIndex count months from year 0 (year*12 + month-1) for plotting.
type TimelineEntry struct {
	Country    string `json:"country"`
	ID         string `json:"id"`
	Title      string `json:"title"`
	Task       string `json:"task"`
	Status     string `json:"status"`
	Start      string `json:"start"`
	End        string `json:"end"`
	StartIndex int    `json:"start_index"`
	EndIndex   int    `json:"end_index"`
	AfterEnd   bool   `json:"after_end"`
}

// MonthIndex turns YYYY-MM into year*12 + month-1; ok is false for an invalid month.
func MonthIndex(m plan.YearMonth) (int, bool) {
	t, ok := m.Time()
	if !ok {
		return 0, false
	}
	return t.Year()*12 + int(t.Month()) - 1, true
}

type counter map[string]int

func (c counter) list() []Count {
	out := []Count{}
	for _, s := range Statuses {
		out = append(out, Count{Key: s, Count: c[s]})
	}
	var extra []string
	for k := range c {
		if !slices.Contains(Statuses, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		out = append(out, Count{Key: k, Count: c[k]})
	}
	return out
}

type budgetAcc struct {
	byCur map[string]*CurrencyBudget
	bySrc map[string]map[string]*SourceBudget
}

func newBudgetAcc() *budgetAcc {
	return &budgetAcc{byCur: map[string]*CurrencyBudget{}, bySrc: map[string]map[string]*SourceBudget{}}
}

func (b *budgetAcc) add(bu *plan.Budget) {
	cb := b.byCur[bu.Currency]
	if cb == nil {
		cb = &CurrencyBudget{Currency: bu.Currency}
		b.byCur[bu.Currency] = cb
		b.bySrc[bu.Currency] = map[string]*SourceBudget{}
	}
	sb := b.bySrc[bu.Currency][bu.Source]
	if sb == nil {
		sb = &SourceBudget{Source: bu.Source}
		b.bySrc[bu.Currency][bu.Source] = sb
	}
	cb.Total += bu.Amount
	sb.Total += bu.Amount
	cb.Actions++
	sb.Actions++
	if bu.Secured {
		cb.Secured += bu.Amount
		sb.Secured += bu.Amount
	}
}

// list returns currencies in code order, sources in code order.
func (b *budgetAcc) list() []CurrencyBudget {
	out := []CurrencyBudget{}
	for _, cur := range slices.Sorted(maps.Keys(b.byCur)) {
		cb := *b.byCur[cur]
		cb.SecuredShare = ratio(cb.Secured, cb.Total)
		cb.BySource = []SourceBudget{}
		for _, src := range slices.Sorted(maps.Keys(b.bySrc[cur])) {
			sb := *b.bySrc[cur][src]
			sb.SecuredShare = ratio(sb.Secured, sb.Total)
			cb.BySource = append(cb.BySource, sb)
		}
		out = append(out, cb)
	}
	return out
}

func ratio(a, b float64) Num {
	if b == 0 {
		return Num{}
	}
	return Some(a / b)
}

func actions(fw *framework.Framework, loaded []*model.Country, r *Result) ActionSummary {
	endIdx, _ := MonthIndex(plan.YearMonth(fw.Programme.End))
	s := ActionSummary{Countries: []CountryActions{}, Timeline: []TimelineEntry{}, AfterEnd: []TimelineEntry{}}
	all, allBudget := counter{}, newBudgetAcc()
	taskCount := map[string]counter{}
	for _, c := range loaded {
		ca := CountryActions{Country: c.Code, UncoveredGaps: []ItemGap{}, StepsWithoutAction: []string{}}
		cst, ctask, cbud := counter{}, map[string]counter{}, newBudgetAcc()
		var acts []plan.Action
		if c.ActionPlan != nil {
			acts = c.ActionPlan.Actions
		}
		implemented := map[string]bool{}
		for _, a := range acts {
			ca.Total++
			cst[a.Status]++
			all[a.Status]++
			if ctask[a.Task] == nil {
				ctask[a.Task] = counter{}
			}
			ctask[a.Task][a.Status]++
			if taskCount[a.Task] == nil {
				taskCount[a.Task] = counter{}
			}
			taskCount[a.Task][a.Status]++
			for _, st := range a.Implements {
				implemented[st] = true
			}
			if a.Budget != nil {
				cbud.add(a.Budget)
				allBudget.add(a.Budget)
			} else {
				ca.Unbudgeted++
			}
			si, ok1 := MonthIndex(a.Start)
			ei, ok2 := MonthIndex(a.End)
			if ok1 && ok2 {
				e := TimelineEntry{Country: c.Code, ID: a.ID, Title: a.Title, Task: a.Task, Status: a.Status,
					Start: string(a.Start), End: string(a.End), StartIndex: si, EndIndex: ei, AfterEnd: ei > endIdx}
				s.Timeline = append(s.Timeline, e)
				if e.AfterEnd {
					s.AfterEnd = append(s.AfterEnd, e)
				}
			}
		}
		s.Total += ca.Total
		ca.ByStatus = cst.list()
		ca.ByTask = taskActions(fw, ctask)
		ca.Budget = cbud.list()
		listed := map[string]bool{}
		if c.ToDo != nil {
			for _, st := range c.ToDo.Steps {
				for _, it := range st.Items {
					listed[it] = true
				}
				if !implemented[st.ID] {
					ca.StepsWithoutAction = append(ca.StepsWithoutAction, st.ID)
				}
			}
		}
		slices.Sort(ca.StepsWithoutAction)
		if cs := r.Country(c.Code); cs != nil {
			for _, it := range cs.Items {
				if r.LargeGap(it.Gap) && !listed[it.Key] {
					ca.UncoveredGaps = append(ca.UncoveredGaps, ItemGap{Item: it.Key, Gap: it.Gap})
				}
			}
		}
		s.Countries = append(s.Countries, ca)
	}
	s.ByStatus = all.list()
	s.ByTask = taskActions(fw, taskCount)
	s.Budget = allBudget.list()
	byTime := func(a, b TimelineEntry) int {
		return cmp.Or(cmp.Compare(a.Country, b.Country), cmp.Compare(a.StartIndex, b.StartIndex), cmp.Compare(a.ID, b.ID))
	}
	slices.SortStableFunc(s.Timeline, byTime)
	slices.SortStableFunc(s.AfterEnd, byTime)
	return s
}

// taskActions lists counts per framework task, then any task id the framework
// does not know (sorted), so no action is lost from the totals.
func taskActions(fw *framework.Framework, m map[string]counter) []TaskActions {
	out := []TaskActions{}
	ids := fw.TaskIDs()
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(ids, k) {
			ids = append(ids, k)
		}
	}
	for _, id := range ids {
		c := m[id]
		if c == nil {
			c = counter{}
		}
		ta := TaskActions{Task: id, ByStatus: c.list()}
		for _, n := range c {
			ta.Total += n
		}
		out = append(out, ta)
	}
	return out
}
