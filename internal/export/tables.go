package export

import (
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Kind is a column's type; it decides how a cell is written (a number, a date...).
type Kind int

const (
	Text    Kind = iota // string
	Number              // float64
	Integer             // int
	Bool                // bool
	Date                // time.Time, a calendar day (YYYY-MM-DD in CSV and JSON)
	Month               // time.Time, the first day of a month (YYYY-MM in CSV and JSON)
)

// Column is one column of a table.
type Column struct {
	Name string
	Kind Kind
}

// Table is one tidy table: a row per observation, a column per variable. A cell
// is nil when there is no value, else the Go type its column's Kind names.
type Table struct {
	Name    string
	Columns []Column
	Rows    [][]any
}

// Tables builds every export table from a repository and its comparison, in a
// fixed order: countries, items, actions, kpis, sustainability, steps. Rows follow
// country code order, then framework or file order.
func Tables(repo *model.Repo, res *compare.Result) []Table {
	byCode := map[string]*model.Country{}
	for _, c := range repo.Countries {
		if c != nil && c.Country != nil {
			byCode[c.Code] = c
		}
	}
	var cs []countryPair
	for i := range res.Countries {
		cs = append(cs, countryPair{res: &res.Countries[i], plan: byCode[res.Countries[i].Code]})
	}
	return []Table{
		countriesTable(cs, res),
		itemsTable(cs, res),
		actionsTable(cs, res),
		kpisTable(cs),
		sustainabilityTable(res),
		stepsTable(cs),
	}
}

type countryPair struct {
	res  *compare.Country
	plan *model.Country
}

// computed is a number hwfplan computed, at num.MachineDecimals (num.Machine), so
// every format writes it without float noise; nil when missing.
func computed(n compare.Num) any {
	if !n.Valid {
		return nil
	}
	return num.Machine(n.Value)
}

func intp(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func date(d plan.Date) any {
	if t, ok := d.Time(); ok {
		return t
	}
	return str(string(d))
}

func month(m plan.YearMonth) any {
	if t, ok := m.Time(); ok {
		return t
	}
	return str(string(m))
}

func nonZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// join lists values in one cell, separated by "; ".
func join(xs []string) any { return str(strings.Join(xs, "; ")) }

func countriesTable(cs []countryPair, res *compare.Result) Table {
	t := Table{Name: "countries", Columns: []Column{
		{"country", Text}, {"eu_code", Text}, {"name", Text}, {"cluster", Text}, {"status", Text},
		{"competent_authority", Text}, {"assessed_on", Date}, {"items_assessed", Integer}, {"item_count", Integer},
		{"completeness", Number}, {"horizon_year", Integer}, {"policy_dialogue", Date}, {"steps", Integer}, {"actions", Integer},
		{"sustainability_mean", Number},
	}}
	sustMean := map[string]compare.Num{}
	for _, s := range res.Sustainability.Countries {
		sustMean[s.Country] = s.Mean
	}
	for _, c := range cs {
		p := c.plan.Country
		var assessed, dialogue any
		var horizon any
		steps, actions := 0, 0
		if c.plan.AsIs != nil {
			assessed = date(c.plan.AsIs.AssessedOn)
		}
		if c.plan.ToBe != nil {
			horizon = nonZero(c.plan.ToBe.HorizonYear)
		}
		if c.plan.ToDo != nil {
			steps = len(c.plan.ToDo.Steps)
		}
		if c.plan.ActionPlan != nil {
			dialogue = date(c.plan.ActionPlan.PolicyDialogue.Date)
			actions = len(c.plan.ActionPlan.Actions)
		}
		t.Rows = append(t.Rows, []any{c.res.Code, str(p.EUCode), c.res.Name, str(c.res.Cluster), str(c.res.Status),
			str(p.CompetentAuthority.Name), assessed, c.res.Assessed, c.res.ItemCount, computed(c.res.Completeness),
			horizon, dialogue, steps, actions, computed(sustMean[c.res.Code])})
	}
	return t
}

func itemsTable(cs []countryPair, res *compare.Result) Table {
	t := Table{Name: "items", Columns: []Column{
		{"country", Text}, {"cluster", Text}, {"task", Text}, {"item", Text}, {"key", Text}, {"title", Text},
		{"scale", Text}, {"scale_min", Integer}, {"scale_max", Integer}, {"assessed", Bool}, {"score", Integer},
		{"target", Integer}, {"target_year", Integer}, {"as_is", Number}, {"to_be", Number}, {"gap", Number},
		{"not_assessed", Text}, {"evidence", Text},
	}}
	for _, c := range cs {
		for _, it := range c.res.Items {
			var evidence any
			if c.plan.AsIs != nil {
				evidence = str(c.plan.AsIs.Tasks[it.Task].Items[it.Item].Evidence)
			}
			info := itemInfo(res, it.Key)
			t.Rows = append(t.Rows, []any{c.res.Code, str(c.res.Cluster), it.Task, it.Item, it.Key, info.Title,
				info.Scale, info.Min, info.Max, it.Assessed, intp(it.Score), intp(it.Target), nonZero(it.TargetYr),
				computed(it.AsIs), computed(it.ToBe), computed(it.Gap), str(it.NotReason), evidence})
		}
	}
	return t
}

func itemInfo(res *compare.Result, key string) compare.ItemInfo {
	for _, t := range res.Tasks {
		for _, it := range t.Items {
			if it.Key == key {
				return it
			}
		}
	}
	return compare.ItemInfo{Key: key}
}

func actionsTable(cs []countryPair, res *compare.Result) Table {
	t := Table{Name: "actions", Columns: []Column{
		{"country", Text}, {"id", Text}, {"title", Text}, {"task", Text}, {"implements", Text}, {"level", Text},
		{"region", Text}, {"responsible", Text}, {"partners", Text}, {"start", Month}, {"end", Month}, {"status", Text},
		{"budget_amount", Number}, {"budget_currency", Text}, {"budget_source", Text}, {"budget_secured", Bool},
		{"after_programme", Bool}, {"continues", Bool}, {"funding_secured", Bool}, {"anchoring", Text}, {"kpis", Integer},
	}}
	endIdx, _ := compare.MonthIndex(plan.YearMonth(res.Programme.End))
	for _, c := range cs {
		if c.plan.ActionPlan == nil {
			continue
		}
		for _, a := range c.plan.ActionPlan.Actions {
			var amount, currency, source, secured, after, continues, fsecured, anchoring any
			if b := a.Budget; b != nil {
				amount, currency, source, secured = b.Amount, str(b.Currency), str(b.Source), b.Secured
			}
			if ei, ok := compare.MonthIndex(a.End); ok {
				after = ei > endIdx
			}
			if s := a.Sustainability; s != nil {
				continues, fsecured, anchoring = s.Continues, s.FundingSecured, str(s.Anchoring)
			}
			t.Rows = append(t.Rows, []any{c.res.Code, a.ID, a.Title, str(a.Task), join(a.Implements), str(a.Level),
				str(a.Region), str(a.Responsible), join(a.Partners), month(a.Start), month(a.End), str(a.Status),
				amount, currency, source, secured, after, continues, fsecured, anchoring, len(a.KPIs)})
		}
	}
	return t
}

func kpisTable(cs []countryPair) Table {
	t := Table{Name: "kpis", Columns: []Column{
		{"country", Text}, {"action", Text}, {"id", Text}, {"indicator", Text}, {"nhwa", Text}, {"unit", Text},
		{"baseline", Number}, {"target", Number}, {"target_year", Integer},
	}}
	for _, c := range cs {
		if c.plan.ActionPlan == nil {
			continue
		}
		for _, a := range c.plan.ActionPlan.Actions {
			for _, k := range a.KPIs {
				t.Rows = append(t.Rows, []any{c.res.Code, a.ID, k.ID, k.Indicator, str(k.NHWA), str(k.Unit),
					k.Baseline, k.Target, nonZero(k.TargetYear)})
			}
		}
	}
	return t
}

func sustainabilityTable(res *compare.Result) Table {
	t := Table{Name: "sustainability", Columns: []Column{
		{"country", Text}, {"cluster", Text}, {"domain", Text}, {"title", Text}, {"score", Integer}, {"normalised", Number},
	}}
	titles := map[string]string{}
	for _, d := range res.Domains {
		titles[d.ID] = d.Title
	}
	for _, c := range res.Sustainability.Countries {
		for _, d := range c.Domains {
			t.Rows = append(t.Rows, []any{c.Country, str(c.Cluster), d.Domain, titles[d.Domain], intp(d.Score), computed(d.Normalised)})
		}
	}
	return t
}

func stepsTable(cs []countryPair) Table {
	t := Table{Name: "steps", Columns: []Column{
		{"country", Text}, {"id", Text}, {"title", Text}, {"task", Text}, {"items", Text}, {"priority", Text},
		{"stakeholders", Text}, {"milestones", Integer}, {"first_milestone", Month}, {"last_milestone", Month},
		{"actions", Text}, {"action_count", Integer},
	}}
	for _, c := range cs {
		if c.plan.ToDo == nil {
			continue
		}
		impl := map[string][]string{}
		if c.plan.ActionPlan != nil {
			for _, a := range c.plan.ActionPlan.Actions {
				for _, s := range a.Implements {
					impl[s] = append(impl[s], a.ID)
				}
			}
		}
		for _, s := range c.plan.ToDo.Steps {
			var first, last any
			var lo, hi time.Time
			for _, m := range s.Milestones {
				if tm, ok := m.Date.Time(); ok {
					if lo.IsZero() || tm.Before(lo) {
						lo = tm
					}
					if tm.After(hi) {
						hi = tm
					}
				}
			}
			if !lo.IsZero() {
				first, last = lo, hi
			}
			t.Rows = append(t.Rows, []any{c.res.Code, s.ID, s.Title, str(s.Task), join(s.Items), str(s.Priority),
				join(s.Stakeholders), len(s.Milestones), first, last, join(impl[s.ID]), len(impl[s.ID])})
		}
	}
	return t
}

// NoticeTable is the table put first in an export of invalid plans
// (--allow-invalid): its title, then one row per problem.
func NoticeTable(title string, problems []string) Table {
	t := Table{Name: "notice", Columns: []Column{{Name: "notice", Kind: Text}}}
	t.Rows = append(t.Rows, []any{title})
	for _, p := range problems {
		t.Rows = append(t.Rows, []any{p})
	}
	return t
}
