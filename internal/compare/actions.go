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
	// Budget is the money of all countries' actions.
	Budget Budget `json:"budget"`
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
	StepsWithoutAction []string `json:"steps_without_action"`
	Budget             Budget   `json:"budget"`
	// Unbudgeted counts actions (not cancelled) without a budget.
	Unbudgeted int `json:"unbudgeted"`
}

// ItemGap is an item and its normalised gap.
type ItemGap struct {
	Item string `json:"item"`
	Gap  Num    `json:"gap"`
}

// Budget is the money of a set of actions: totals per currency (amounts in
// different currencies are never added up) and, when the framework declares
// exchange rates, their equivalents in the rates' base currency.
//
// Cancelled actions are out of every total but Cancelled. Money after the
// programme is what falls after programme.end (see AfterProgramme), never an
// action's whole-life budget; a yearly cost after the programme is counted apart.
type Budget struct {
	Currencies []CurrencyBudget `json:"currencies"`
	// Equivalent adds up the currencies with a declared rate, converted to the
	// base; nil when the framework declares no exchange rates.
	Equivalent *BudgetEquivalent `json:"equivalent"`
}

// CurrencyBudget is the money in one currency. SecuredShare = Secured / Total
// (missing when Total is 0).
type CurrencyBudget struct {
	Currency string `json:"currency"`
	// Actions counts the actions (not cancelled) with a budget in this currency.
	Actions      int     `json:"actions"`
	Total        float64 `json:"total"`
	Secured      float64 `json:"secured"`
	SecuredShare Num     `json:"secured_share"`
	// AfterProgramme is the part of Total that falls after programme.end, as far
	// as the plans say; AfterProgrammeSecured the part of it whose budget is secured.
	AfterProgramme        float64 `json:"after_programme"`
	AfterProgrammeSecured float64 `json:"after_programme_secured"`
	// AfterSecuredShare = AfterProgrammeSecured / AfterProgramme.
	AfterSecuredShare Num `json:"after_secured_share"`
	// Unsplit counts the actions that run across the programme end without saying
	// how much of their budget falls after it; UnsplitAmount is their whole budgets
	// (in Total, not in AfterProgramme).
	Unsplit       int     `json:"unsplit"`
	UnsplitAmount float64 `json:"unsplit_amount"`
	// AnnualCost adds up the yearly costs after the programme that continuing
	// actions declare in this currency; AnnualCostActions counts them.
	AnnualCost        float64 `json:"annual_cost"`
	AnnualCostActions int     `json:"annual_cost_actions"`
	// Cancelled is the budget of cancelled actions, out of every other total.
	Cancelled        float64 `json:"cancelled"`
	CancelledActions int     `json:"cancelled_actions"`
	// BySource splits the budgets (not cancelled) by funding source, in code order.
	BySource []SourceBudget `json:"by_source"`
	// Rate is the declared units of this currency per unit of the base currency;
	// missing when none is declared (then so are the equivalents).
	Rate                     Num `json:"rate"`
	TotalEquivalent          Num `json:"total_equivalent"`
	AfterProgrammeEquivalent Num `json:"after_programme_equivalent"`
	AnnualCostEquivalent     Num `json:"annual_cost_equivalent"`
}

// BudgetEquivalent adds up the currencies with a rate, converted to Base.
type BudgetEquivalent struct {
	Base                  string  `json:"base"`
	RatesDate             string  `json:"rates_date"`
	Total                 float64 `json:"total"`
	Secured               float64 `json:"secured"`
	SecuredShare          Num     `json:"secured_share"`
	AfterProgramme        float64 `json:"after_programme"`
	AfterProgrammeSecured float64 `json:"after_programme_secured"`
	AfterSecuredShare     Num     `json:"after_secured_share"`
	UnsplitAmount         float64 `json:"unsplit_amount"`
	AnnualCost            float64 `json:"annual_cost"`
	Cancelled             float64 `json:"cancelled"`
	// Unconverted lists the currencies without a declared rate, left out above.
	Unconverted []string `json:"unconverted"`
}

// SourceBudget totals budgets of one funding source within a currency.
type SourceBudget struct {
	Source         string  `json:"source"`
	Total          float64 `json:"total"`
	Secured        float64 `json:"secured"`
	SecuredShare   Num     `json:"secured_share"`
	AfterProgramme float64 `json:"after_programme"`
	Actions        int     `json:"actions"`
}

// AfterProgramme returns the part of an action's budget that falls after the
// programme end (a YYYY-MM): none for an action that ends by then, all of it for
// one that starts later, and for one that runs across the end the after_programme
// its plan declares (at most the budget). known is false when the action runs
// across the end without saying, or its months are not real.
func AfterProgramme(a plan.Action, end plan.YearMonth) (amount float64, known bool) {
	if a.Budget == nil {
		return 0, true
	}
	e, ok0 := MonthIndex(end)
	si, ok1 := MonthIndex(a.Start)
	ei, ok2 := MonthIndex(a.End)
	switch {
	case !ok0 || !ok1 || !ok2:
		return 0, false
	case ei <= e:
		return 0, true
	case si > e:
		return a.Budget.Amount, true
	case a.Budget.AfterProgramme != nil:
		return min(max(*a.Budget.AfterProgramme, 0), a.Budget.Amount), true
	}
	return 0, false
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
	end   plan.YearMonth
	rates *framework.ExchangeRates
	byCur map[string]*CurrencyBudget
	bySrc map[string]map[string]*SourceBudget
}

func newBudgetAcc(fw *framework.Framework) *budgetAcc {
	return &budgetAcc{end: plan.YearMonth(fw.Programme.End), rates: fw.ExchangeRates,
		byCur: map[string]*CurrencyBudget{}, bySrc: map[string]map[string]*SourceBudget{}}
}

func (b *budgetAcc) currency(cur string) *CurrencyBudget {
	cb := b.byCur[cur]
	if cb == nil {
		cb = &CurrencyBudget{Currency: cur}
		b.byCur[cur] = cb
		b.bySrc[cur] = map[string]*SourceBudget{}
	}
	return cb
}

// add counts one action's budget and yearly cost.
func (b *budgetAcc) add(a plan.Action) {
	if s := a.Sustainability; s != nil && s.Continues && s.AnnualCost != nil && a.Status != "cancelled" {
		cb := b.currency(s.AnnualCost.Currency)
		cb.AnnualCost += s.AnnualCost.Amount
		cb.AnnualCostActions++
	}
	bu := a.Budget
	if bu == nil {
		return
	}
	cb := b.currency(bu.Currency)
	if a.Status == "cancelled" {
		cb.Cancelled += bu.Amount
		cb.CancelledActions++
		return
	}
	sb := b.bySrc[bu.Currency][bu.Source]
	if sb == nil {
		sb = &SourceBudget{Source: bu.Source}
		b.bySrc[bu.Currency][bu.Source] = sb
	}
	after, known := AfterProgramme(a, b.end)
	cb.Total += bu.Amount
	sb.Total += bu.Amount
	cb.Actions++
	sb.Actions++
	cb.AfterProgramme += after
	sb.AfterProgramme += after
	if !known {
		cb.Unsplit++
		cb.UnsplitAmount += bu.Amount
	}
	if bu.Secured {
		cb.Secured += bu.Amount
		sb.Secured += bu.Amount
		cb.AfterProgrammeSecured += after
	}
}

// result returns currencies in code order, sources in code order, and the
// equivalents when rates are declared.
func (b *budgetAcc) result() Budget {
	out := Budget{Currencies: []CurrencyBudget{}}
	var eq *BudgetEquivalent
	if x := b.rates; x != nil {
		eq = &BudgetEquivalent{Base: x.Base, RatesDate: x.Date, Unconverted: []string{}}
	}
	for _, cur := range slices.Sorted(maps.Keys(b.byCur)) {
		cb := *b.byCur[cur]
		cb.SecuredShare = ratio(cb.Secured, cb.Total)
		cb.AfterSecuredShare = ratio(cb.AfterProgrammeSecured, cb.AfterProgramme)
		cb.BySource = []SourceBudget{}
		for _, src := range slices.Sorted(maps.Keys(b.bySrc[cur])) {
			sb := *b.bySrc[cur][src]
			sb.SecuredShare = ratio(sb.Secured, sb.Total)
			cb.BySource = append(cb.BySource, sb)
		}
		if r, ok := b.rates.Rate(cur); ok {
			cb.Rate = Some(r)
			cb.TotalEquivalent = Some(cb.Total / r)
			cb.AfterProgrammeEquivalent = Some(cb.AfterProgramme / r)
			cb.AnnualCostEquivalent = Some(cb.AnnualCost / r)
			eq.Total += cb.Total / r
			eq.Secured += cb.Secured / r
			eq.AfterProgramme += cb.AfterProgramme / r
			eq.AfterProgrammeSecured += cb.AfterProgrammeSecured / r
			eq.UnsplitAmount += cb.UnsplitAmount / r
			eq.AnnualCost += cb.AnnualCost / r
			eq.Cancelled += cb.Cancelled / r
		} else if eq != nil {
			eq.Unconverted = append(eq.Unconverted, cur)
		}
		out.Currencies = append(out.Currencies, cb)
	}
	if eq != nil {
		eq.SecuredShare = ratio(eq.Secured, eq.Total)
		eq.AfterSecuredShare = ratio(eq.AfterProgrammeSecured, eq.AfterProgramme)
		out.Equivalent = eq
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
	all, allBudget := counter{}, newBudgetAcc(fw)
	taskCount := map[string]counter{}
	for _, c := range loaded {
		ca := CountryActions{Country: c.Code, UncoveredGaps: []ItemGap{}, StepsWithoutAction: []string{}}
		cst, ctask, cbud := counter{}, map[string]counter{}, newBudgetAcc(fw)
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
			cbud.add(a)
			allBudget.add(a)
			if a.Budget == nil && a.Status != "cancelled" {
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
		ca.Budget = cbud.result()
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
	s.Budget = allBudget.result()
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
