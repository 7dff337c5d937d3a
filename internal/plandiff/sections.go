package plandiff

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

func (d *differ) country(o, n *model.Country) CountryDiff {
	var unread []string
	for _, name := range plan.CountryFiles {
		if d.oldBad.bad(path.Join(o.Dir, name)) || d.newBad.bad(path.Join(n.Dir, name)) {
			unread = append(unread, name)
		}
	}
	if len(unread) > 0 {
		o, n = WithoutFiles(o, unread...), WithoutFiles(n, unread...)
	}
	cd := CountryDiff{Code: n.Code, Name: countryName(n), Kind: Changed}
	file := func(c *model.Country, name string) *model.File { return c.Files[name] }
	var out []Change
	for _, name := range plan.CountryFiles {
		of, nf := file(o, name), file(n, name)
		switch {
		case of == nil && nf != nil:
			out = append(out, Change{Section: sectionOf(name), Entity: EntityFile, ID: name, Kind: Added, NewPos: &Pos{File: nf.Path, Line: 1, Column: 1}})
		case of != nil && nf == nil:
			out = append(out, Change{Section: sectionOf(name), Entity: EntityFile, ID: name, Kind: Removed, OldPos: &Pos{File: of.Path, Line: 1, Column: 1}})
		}
	}
	if ch, ok := d.entity(SectionCountry, EntityCountry, "", "",
		side{o.Country, file(o, plan.CountryFile), ""}, side{n.Country, file(n, plan.CountryFile), ""}, nil); ok {
		ch.ID = n.Code
		out = append(out, ch)
	}
	out = append(out, d.asIs(side{o.AsIs, file(o, plan.AsIsFile), ""}, side{n.AsIs, file(n, plan.AsIsFile), ""})...)
	out = append(out, d.toBe(side{o.ToBe, file(o, plan.ToBeFile), ""}, side{n.ToBe, file(n, plan.ToBeFile), ""})...)
	out = append(out, d.toDo(side{o.ToDo, file(o, plan.ToDoFile), ""}, side{n.ToDo, file(n, plan.ToDoFile), ""})...)
	out = append(out, d.actionPlan(side{o.ActionPlan, file(o, plan.ActionPlanFile), ""}, side{n.ActionPlan, file(n, plan.ActionPlanFile), ""})...)
	out = append(out, d.translations(o, n)...)
	cd.Changes = out
	if cd.Changes == nil {
		cd.Changes = []Change{}
	}
	return cd
}

// WithoutFiles returns a copy of a country without the named plan files (as if
// they were not there), for a comparison that leaves them out on both sides.
func WithoutFiles(c *model.Country, names ...string) *model.Country {
	t := *c
	t.Files = maps.Clone(c.Files)
	for _, name := range names {
		delete(t.Files, name)
		switch name {
		case plan.AsIsFile:
			t.AsIs = nil
		case plan.ToBeFile:
			t.ToBe = nil
		case plan.ToDoFile:
			t.ToDo = nil
		case plan.ActionPlanFile:
			t.ActionPlan = nil
		case plan.CountryFile:
			t.Country = nil
		}
	}
	return &t
}

func sectionOf(file string) string {
	switch file {
	case plan.AsIsFile:
		return SectionAsIs
	case plan.ToBeFile:
		return SectionToBe
	case plan.ToDoFile:
		return SectionToDo
	case plan.ActionPlanFile:
		return SectionActionPlan
	}
	return SectionCountry
}

// orEmpty gives an absent file an empty value, so its content shows as added or removed.
func orEmpty[T any](s side) (side, *T) {
	if v, ok := s.v.(*T); ok && v != nil {
		return s, v
	}
	var zero T
	return side{v: &zero, file: s.file}, &zero
}

func (d *differ) asIs(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.AsIs](a)
	b, nb := orEmpty[plan.AsIs](b)
	var out []Change
	if ch, ok := d.entity(SectionAsIs, EntityAssessment, "", "", a, b, nil); ok {
		out = append(out, ch)
	}
	for _, task := range orderedKeys(d.taskIDs(), oa.Tasks, nb.Tasks) {
		ot, oOK := oa.Tasks[task]
		nt, nOK := nb.Tasks[task]
		tp := "/tasks/" + task
		if oOK && nOK {
			if ch, ok := d.entity(SectionAsIs, EntityTask, task, "", side{&ot, a.file, tp}, side{&nt, b.file, tp}, nil); ok {
				out = append(out, ch)
			}
		}
		for _, item := range orderedKeys(d.itemIDs(task), ot.Items, nt.Items) {
			ip := tp + "/items/" + item
			var sa, sb side
			if v, ok := ot.Items[item]; ok {
				sa = side{&v, a.file, ip}
			}
			if v, ok := nt.Items[item]; ok {
				sb = side{&v, b.file, ip}
			}
			if ch, ok := d.entity(SectionAsIs, EntityItem, task+"."+item, "", sa, sb, d.itemDetail(task+"."+item)); ok {
				out = append(out, ch)
			}
		}
	}
	sources := diffList(d, listSpec[plan.DataSource]{section: SectionAsIs, entity: EntityDataSource,
		id: func(x *plan.DataSource) string { return x.ID }, detail: func(v any) string {
			x := v.(*plan.DataSource)
			return fmt.Sprintf("%s (%s)", x.Name, x.Kind)
		}}, oa.DataSources, nb.DataSources, sub(a, "/data_sources"), sub(b, "/data_sources"))
	for i := range sources {
		d.nameElements(sources[i].Fields)
	}
	out = append(out, sources...)
	out = append(out, diffList(d, listSpec[plan.Model]{section: SectionAsIs, entity: EntityModel,
		id: func(x *plan.Model) string { return x.ID }, detail: func(v any) string {
			x := v.(*plan.Model)
			return fmt.Sprintf("%s (%s, %d years)", x.Name, x.Type, x.HorizonYears)
		}}, oa.Models, nb.Models, sub(a, "/models"), sub(b, "/models"))...)
	out = append(out, diffList(d, listSpec[plan.Stakeholder]{section: SectionAsIs, entity: EntityStakeholder,
		id: func(x *plan.Stakeholder) string { return x.ID }, detail: func(v any) string {
			x := v.(*plan.Stakeholder)
			return fmt.Sprintf("%s (%s)", x.Name, x.Type)
		}}, oa.Stakeholders, nb.Stakeholders, sub(a, "/stakeholders"), sub(b, "/stakeholders"))...)
	out = append(out, d.rounds(oa, nb, a, b)...)
	return out
}

func sub(s side, ptr string) side { return side{v: s.v, file: s.file, ptr: s.ptr + ptr} }

func (d *differ) taskIDs() []string {
	if d.fw == nil {
		return nil
	}
	return d.fw.TaskIDs()
}

func (d *differ) itemIDs(task string) []string {
	if d.fw == nil {
		return nil
	}
	t, ok := d.fw.Task(task)
	if !ok {
		return nil
	}
	ids := make([]string, len(t.Items))
	for i, it := range t.Items {
		ids[i] = it.ID
	}
	return ids
}

func (d *differ) itemDetail(key string) func(any) string {
	return func(v any) string {
		x := v.(*plan.ItemAssessment)
		if x.Score == nil {
			if x.NotAssessed != "" {
				return "not assessed: " + x.NotAssessed
			}
			return "no score"
		}
		s := fmt.Sprintf("score %d", *x.Score)
		if d.fw != nil {
			if it, ok := d.fw.Item(key); ok {
				if l := d.fw.LabelFor(it, *x.Score); l != "" {
					s += " (" + l + ")"
				}
			}
		}
		return s
	}
}

func (d *differ) toBe(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.ToBe](a)
	b, nb := orEmpty[plan.ToBe](b)
	var out []Change
	if ch, ok := d.entity(SectionToBe, EntityScenario, "", "", a, b, nil); ok {
		out = append(out, ch)
	}
	for _, task := range orderedKeys(d.taskIDs(), oa.Targets, nb.Targets) {
		ot, nt := oa.Targets[task], nb.Targets[task]
		for _, item := range orderedKeys(d.itemIDs(task), ot, nt) {
			p := "/targets/" + task + "/" + item
			var sa, sb side
			if v, ok := ot[item]; ok {
				sa = side{&v, a.file, p}
			}
			if v, ok := nt[item]; ok {
				sb = side{&v, b.file, p}
			}
			if ch, ok := d.entity(SectionToBe, EntityTarget, task+"."+item, "", sa, sb, func(v any) string {
				x := v.(*plan.Target)
				return fmt.Sprintf("score %d by %d", x.Score, x.Year)
			}); ok {
				out = append(out, ch)
			}
		}
	}
	return out
}

func (d *differ) toDo(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.ToDo](a)
	b, nb := orEmpty[plan.ToDo](b)
	return diffList(d, listSpec[plan.Step]{section: SectionToDo, entity: EntityStep,
		id: func(x *plan.Step) string { return x.ID },
		detail: func(v any) string {
			x := v.(*plan.Step)
			return joinComma([]string{"task " + x.Task, "priority " + x.Priority, "items " + strings.Join(x.Items, ", ")})
		},
		nested: func(d *differ, a, b side, id string) []Change {
			os, ns := a.v.(*plan.Step), b.v.(*plan.Step)
			return diffList(d, listSpec[plan.Milestone]{section: SectionToDo, entity: EntityMilestone, parent: id,
				id: func(x *plan.Milestone) string { return x.ID },
				detail: func(v any) string {
					x := v.(*plan.Milestone)
					return fmt.Sprintf("due %s: %s", x.Date, x.Deliverable)
				}}, os.Milestones, ns.Milestones, sub(a, "/milestones"), sub(b, "/milestones"))
		},
	}, oa.Steps, nb.Steps, sub(a, "/steps"), sub(b, "/steps"))
}

func (d *differ) actionPlan(a, b side) []Change {
	if !a.present() && !b.present() {
		return nil
	}
	a, oa := orEmpty[plan.ActionPlan](a)
	b, nb := orEmpty[plan.ActionPlan](b)
	var out []Change
	if ch, ok := d.entity(SectionActionPlan, EntityPolicyDialogue, "", "",
		side{&oa.PolicyDialogue, a.file, "/policy_dialogue"}, side{&nb.PolicyDialogue, b.file, "/policy_dialogue"}, nil); ok {
		out = append(out, ch)
	}
	out = append(out, diffList(d, listSpec[plan.Action]{section: SectionActionPlan, entity: EntityAction,
		id:     func(x *plan.Action) string { return x.ID },
		detail: func(v any) string { return actionDetail(v.(*plan.Action)) },
		nested: func(d *differ, a, b side, id string) []Change {
			oa, na := a.v.(*plan.Action), b.v.(*plan.Action)
			return diffList(d, listSpec[plan.KPI]{section: SectionActionPlan, entity: EntityKPI, parent: id,
				id: func(x *plan.KPI) string { return x.ID },
				detail: func(v any) string {
					x := v.(*plan.KPI)
					return fmt.Sprintf("%s: %s → %s %s by %d", x.Indicator, FormatValue(x.Baseline), FormatValue(x.Target), x.Unit, x.TargetYear)
				},
				nested: func(d *differ, a, b side, _ string) []Change {
					return d.observations(SectionActionPlan, na.ID, na.Start, a.v.(*plan.KPI), b.v.(*plan.KPI), a, b)
				}}, oa.KPIs, na.KPIs, sub(a, "/kpis"), sub(b, "/kpis"))
		},
	}, oa.Actions, nb.Actions, sub(a, "/actions"), sub(b, "/actions"))...)
	var domains []string
	if d.fw != nil {
		domains = d.fw.DomainIDs()
	}
	for _, dom := range orderedKeys(domains, oa.SustainabilityFactors, nb.SustainabilityFactors) {
		p := "/sustainability_factors/" + dom
		var sa, sb side
		if v, ok := oa.SustainabilityFactors[dom]; ok {
			sa = side{&v, a.file, p}
		}
		if v, ok := nb.SustainabilityFactors[dom]; ok {
			sb = side{&v, b.file, p}
		}
		if ch, ok := d.entity(SectionActionPlan, EntitySustainability, dom, "", sa, sb, func(v any) string {
			return fmt.Sprintf("score %d", v.(*plan.SustainabilityFactor).Score)
		}); ok {
			out = append(out, ch)
		}
	}
	if ch, ok := budgetTotal(oa, nb, a, b); ok {
		out = append(out, ch)
	}
	return out
}

func actionDetail(x *plan.Action) string {
	parts := []string{"task " + x.Task}
	if x.Budget != nil {
		secured := "not secured"
		if x.Budget.Secured {
			secured = "secured"
		}
		parts = append(parts, fmt.Sprintf("budget %s %s", x.Budget.Currency, Amount(x.Budget.Amount)), secured)
		if ap := x.Budget.AfterProgramme; ap != nil {
			parts = append(parts, fmt.Sprintf("%s %s after the programme", x.Budget.Currency, Amount(*ap)))
		}
	} else {
		parts = append(parts, "no budget")
	}
	if s := x.Sustainability; s != nil && s.AnnualCost != nil {
		parts = append(parts, fmt.Sprintf("costs %s %s a year after the programme", s.AnnualCost.Currency, Amount(s.AnnualCost.Amount)))
	}
	if x.Start != "" || x.End != "" {
		parts = append(parts, fmt.Sprintf("%s to %s", x.Start, x.End))
	}
	return joinComma(parts)
}

// Totals sums action budgets per currency.
func Totals(ap *plan.ActionPlan) map[string]float64 {
	t := map[string]float64{}
	if ap == nil {
		return t
	}
	for _, a := range ap.Actions {
		if a.Budget != nil {
			t[a.Budget.Currency] += a.Budget.Amount
		}
	}
	return t
}

func budgetTotal(oa, nb *plan.ActionPlan, a, b side) (Change, bool) {
	ot, nt := Totals(oa), Totals(nb)
	if equal(ot, nt) {
		return Change{}, false
	}
	ch := Change{Section: SectionActionPlan, Entity: EntityBudgetTotal, Kind: Changed}
	cur := slices.Sorted(maps.Keys(ot))
	for c := range nt {
		if _, ok := ot[c]; !ok {
			cur = append(cur, c)
		}
	}
	slices.Sort(cur)
	for _, c := range cur {
		ov, ook := ot[c]
		nv, nok := nt[c]
		if ook && nok && sameFloat(ov, nv) {
			continue
		}
		fc := FieldChange{Field: cmp.Or(c, "(no currency)")}
		if ook {
			fc.Old = number(ov)
		}
		if nok {
			fc.New = number(nv)
		}
		ch.Fields = append(ch.Fields, fc)
	}
	if a.file != nil {
		ch.OldPos = a.pos("/actions")
	}
	if b.file != nil {
		ch.NewPos = b.pos("/actions")
	}
	return ch, true
}

// coverageField is a data source's list of the minimum data set elements it covers.
const coverageField = "minimum_data_set"

// nameElements gives a change of a data source's coverage the framework's
// names of the elements, so it reads in domain terms.
func (d *differ) nameElements(fs []FieldChange) {
	for i := range fs {
		if fs[i].Field != coverageField {
			continue
		}
		names := map[string]ElementName{}
		for _, v := range append(anyList(fs[i].Old), anyList(fs[i].New)...) {
			k, ok := v.(string)
			if !ok {
				continue
			}
			n := ElementName{Title: k}
			if d.fw != nil {
				n.Title, n.Group = d.fw.DataElementName(k)
			}
			names[k] = n
		}
		if len(names) > 0 {
			fs[i].Elements = names
		}
	}
}

// anyList is a list value, or nil for an absent one.
func anyList(v any) []any {
	l, _ := v.([]any)
	return l
}
