package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Rule ids of the programme files (programme/).
const (
	RuleCountryRef     = "country-ref"
	RuleActionRef      = "action-ref"
	RuleRetiredID      = "id-retired"
	RuleDateRange      = "date-range"
	RuleDialogueRecord = "dialogue-record"
	RuleVersionOrder   = "version-order"
)

// programmeRefs are the ids the programme files may refer to, gathered once.
type programmeRefs struct {
	countries []string                 // codes with a folder
	steps     map[string]programmeStep // step id of every usable to-do.yaml → its task
	stepsOf   map[string]bool          // countries whose to-do.yaml is usable
	actions   map[string]bool          // national and EU action ids
	actsOf    map[string]bool          // countries whose action-plan.yaml is usable
	dialogue  map[string]*model.File   // country → its usable action-plan.yaml
}

// programmeStep is a national road map step as the programme files see it: its
// task and where that task is written.
type programmeStep struct {
	task string
	at   ref
}

func (c *checker) programmeRefs() programmeRefs {
	r := programmeRefs{steps: map[string]programmeStep{}, stepsOf: map[string]bool{}, actions: map[string]bool{}, actsOf: map[string]bool{}, dialogue: map[string]*model.File{}}
	for _, cn := range c.repo.Countries {
		r.countries = append(r.countries, cn.Code)
		if f := c.usable(cn, plan.ToDoFile); f != nil {
			r.stepsOf[cn.Code] = true
			for id, st := range stepTasks(cn.ToDo) {
				r.steps[id] = programmeStep{st.task, at(f, st.ptr)}
			}
		}
		if f := c.usable(cn, plan.ActionPlanFile); f != nil {
			r.actsOf[cn.Code] = true
			r.dialogue[cn.Code] = f
			for _, a := range cn.ActionPlan.Actions {
				r.actions[a.ID] = true
			}
		}
	}
	return r
}

// programmeFile returns a programme file when it was read, decoded and passed its schema.
func (c *checker) programmeFile(path string, decoded bool) *model.File {
	p := c.repo.Programme
	if p == nil || !decoded {
		return nil
	}
	f := p.Files[path]
	if f == nil || c.broken[f.Path] {
		return nil
	}
	return f
}

// programme runs the rules of the programme files.
func (c *checker) programme() {
	p := c.repo.Programme
	if p.Empty() {
		return
	}
	r := c.programmeRefs()
	// Without an EU action plan every EU action referred to is missing; with one
	// that cannot be read, that file's errors say enough.
	r.actsOf["EU"] = p.Files[plan.EUActionPlanFile] == nil
	if f := c.programmeFile(plan.EUActionPlanFile, p.EUActionPlan != nil); f != nil {
		c.euActionPlan(f, p.EUActionPlan, r)
		r.actsOf["EU"] = true
		for _, a := range p.EUActionPlan.Actions {
			r.actions[a.ID] = true
		}
	}
	if f := c.programmeFile(plan.DialoguesFile, p.Dialogues != nil); f != nil {
		c.dialogues(f, p.Dialogues, r)
	}
	if f := c.programmeFile(plan.PolicyBoardFile, p.PolicyBoard != nil); f != nil {
		c.policyBoard(f, p.PolicyBoard, r)
	}
	if f := c.programmeFile(plan.SustainabilityFile, p.SustainabilityPlan != nil); f != nil {
		c.sustainabilityPlan(f, p.SustainabilityPlan, r)
	}
	if f := c.programmeFile(plan.TwinningFile, p.Twinning != nil); f != nil {
		c.twinning(f, p.Twinning, r)
	}
	if f := c.programmeFile(plan.KnowledgeFile, p.Knowledge != nil); f != nil {
		c.knowledge(f, p.Knowledge, r)
	}
}

// retired checks that no entry uses an id listed in retired_ids: an id names one
// thing for ever, so a reader following an old link never lands on a new entry.
func (c *checker) retired(f *model.File, what, key string, retired, ids []string) {
	for i, id := range ids {
		if j := slices.Index(retired, id); j >= 0 && id != "" {
			line, _ := f.Pos(model.Pointer("retired_ids", strconv.Itoa(j)))
			c.errorf(f, model.Pointer(key, strconv.Itoa(i), "id"), RuleRetiredID, "%s id %q was retired (retired_ids, line %d) and may not be used again; give this %s a new id", what, id, line, what)
		}
	}
}

// countryRef checks a country code names a country folder.
func (c *checker) countryRef(f *model.File, ptr, code string, r programmeRefs) {
	if code == "" || slices.Contains(r.countries, code) {
		return
	}
	c.errorf(f, ptr, RuleCountryRef, "country %s has no folder in countries/%s", code, didYouMean(code, r.countries))
}

// actionRef checks an action id names an action of a national or the EU action plan.
func (c *checker) actionRef(f *model.File, ptr, id string, r programmeRefs) {
	if r.actions[id] {
		return
	}
	owner, _, _ := strings.Cut(id, "-")
	if !r.actsOf[owner] {
		if owner != "EU" && !slices.Contains(r.countries, owner) {
			c.errorf(f, ptr, RuleActionRef, "action %s names country %s, which has no folder in countries/", id, owner)
		}
		return // the action plan it would be in has its own errors
	}
	where := "countries/" + owner + "/action-plan.yaml"
	if owner == "EU" {
		where = plan.EUActionPlanFile
		if c.repo.Programme.Files[where] == nil {
			c.errorf(f, ptr, RuleActionRef, "action %s is an EU action, but there is no %s", id, where)
			return
		}
	}
	c.errorf(f, ptr, RuleActionRef, "action %s is not in %s%s", id, where, didYouMean(id, sameOwner(r.actions, owner)))
}

// stepRef checks a national step id an EU action implements, and reports whether
// the step is there.
func (c *checker) stepRef(f *model.File, ptr, id string, r programmeRefs) bool {
	if _, ok := r.steps[id]; ok {
		return true
	}
	owner, _, _ := strings.Cut(id, "-")
	if !slices.Contains(r.countries, owner) {
		c.errorf(f, ptr, RuleStepRef, "step %s names country %s, which has no folder in countries/", id, owner)
		return false
	}
	if !r.stepsOf[owner] {
		return false // that to-do.yaml has its own errors
	}
	c.errorf(f, ptr, RuleStepRef, "step %s is not in countries/%s/to-do.yaml%s", id, owner, didYouMean(id, sameOwner(r.steps, owner)))
	return false
}

// dateRange checks a date lies between the programme's start and the end of the
// year the programme ends (what the programme held), and is not after today
// (something held or published in the future has not happened yet).
func (c *checker) dateRange(f *model.File, ptr, what string, d plan.Date, untilProgrammeEnd bool) {
	if _, ok := d.Time(); !ok {
		return // the schema and date-real report it
	}
	start := c.fw.Programme.Start + "-01"
	if string(d) < start {
		c.errorf(f, ptr, RuleDateRange, "%s is dated %s, before the programme started (%s); check the year", what, d, c.fw.Programme.Start)
		return
	}
	if untilProgrammeEnd && len(c.fw.Programme.End) >= 4 {
		last := c.fw.Programme.End[:4] + "-12-31"
		if string(d) > last {
			c.errorf(f, ptr, RuleDateRange, "%s is dated %s, after the year the programme ends (%s); check the year", what, d, c.fw.Programme.End[:4])
			return
		}
	}
	if today := c.opts.Today; len(today) == len("2006-01-02") && string(d) > today {
		c.errorf(f, ptr, RuleDateRange, "%s is dated %s, which is still to come (today is %s); record it once it has happened", what, d, today)
	}
}

func (c *checker) euActionPlan(f *model.File, ap *plan.EUActionPlan, r programmeRefs) {
	listIDs(c, f, "action", "actions", ap.Actions, func(a plan.EUAction) string { return a.ID })
	ids := make([]string, len(ap.Actions))
	for i, a := range ap.Actions {
		ids[i] = a.ID
	}
	c.retired(f, "action", "actions", ap.Retired, ids)
	for i, eu := range ap.Actions {
		base := model.Pointer("actions", strconv.Itoa(i))
		a := eu.Action()
		c.implemented(f, base, a, func(ptr, id string) (ref, string, bool) {
			if !c.stepRef(f, ptr, id, r) {
				return ref{}, "", false
			}
			st := r.steps[id]
			return st.at, st.task, true
		})
		for j, key := range eu.Items {
			c.itemTask(f, base+"/items/"+strconv.Itoa(j), key, "action", a.ID, a.Task, base+"/task")
		}
		for j, code := range eu.Countries {
			c.countryRef(f, base+"/countries/"+strconv.Itoa(j), code, r)
		}
		c.action(f, base, a)
	}
}

func (c *checker) dialogues(f *model.File, ds *plan.Dialogues, r programmeRefs) {
	listIDs(c, f, "dialogue", "dialogues", ds.Dialogues, func(d plan.Dialogue) string { return d.ID })
	ids := make([]string, len(ds.Dialogues))
	national := map[string]int{} // country → index of its record
	for i, d := range ds.Dialogues {
		ids[i] = d.ID
	}
	c.retired(f, "dialogue", "dialogues", ds.Retired, ids)
	for i, d := range ds.Dialogues {
		base := model.Pointer("dialogues", strconv.Itoa(i))
		if d.Date != "" {
			c.dateRange(f, base+"/date", "dialogue "+d.ID, d.Date, true)
		}
		for j, id := range d.Actions {
			c.actionRef(f, base+"/actions/"+strconv.Itoa(j), id, r)
		}
		switch d.Level {
		case "eu":
			if d.Country != "" {
				c.errorf(f, base+"/country", RuleDialogueRecord, "dialogue %s is at EU level, so it names no country; make it level: national or remove country", d.ID)
			}
		case "national":
			if d.Country == "" {
				continue // the schema requires it
			}
			if !slices.Contains(r.countries, d.Country) {
				c.countryRef(f, base+"/country", d.Country, r)
				continue
			}
			if j, dup := national[d.Country]; dup {
				line, _ := f.Pos(model.Pointer("dialogues", strconv.Itoa(j), "country"))
				c.errorf(f, base+"/country", RuleDialogueRecord, "dialogue %s is a second record of %s's national dialogue (first at line %d); a country's dialogue has one record", d.ID, d.Country, line)
				continue
			}
			national[d.Country] = i
			where := "countries/" + d.Country + "/action-plan.yaml"
			for _, k := range []struct {
				key string
				set bool
			}{{"date", d.Date != ""}, {"participants", len(d.Participants) > 0}, {"outcome", d.Outcome != ""}} {
				if k.set {
					c.report(f, diag.Error, base+"/"+k.key, true, nil, RuleDialogueRecord, "dialogue %s is %s's national dialogue: its %s is in %s (policy_dialogue); remove %s here so it is written once", d.ID, d.Country, k.key, where, k.key)
				}
			}
			for j, id := range d.Actions {
				if owner, _, _ := strings.Cut(id, "-"); owner != d.Country && owner != "EU" && r.actions[id] {
					c.warnf(f, base+"/actions/"+strconv.Itoa(j), RuleDialogueRecord, "dialogue %s is %s's national dialogue, but action %s belongs to %s; check the id", d.ID, d.Country, id, owner)
				}
			}
		}
	}
}

func (c *checker) policyBoard(f *model.File, pb *plan.PolicyBoard, r programmeRefs) {
	seen := map[string]int{}
	for i, m := range pb.Members {
		ptr := model.Pointer("members", strconv.Itoa(i), "country")
		c.countryRef(f, ptr, m.Country, r)
		if j, dup := seen[m.Country]; dup {
			line, _ := f.Pos(model.Pointer("members", strconv.Itoa(j), "country"))
			c.errorf(f, ptr, RuleDuplicateID, "country %s has a seat on the Policy Board twice (first at line %d); a country has one member", m.Country, line)
			continue
		}
		seen[m.Country] = i
	}
	listIDs(c, f, "meeting", "meetings", pb.Meetings, func(m plan.BoardMeeting) string { return m.ID })
	ids := make([]string, len(pb.Meetings))
	for i, m := range pb.Meetings {
		ids[i] = m.ID
	}
	c.retired(f, "meeting", "meetings", pb.Retired, ids)
	for i, m := range pb.Meetings {
		base := model.Pointer("meetings", strconv.Itoa(i))
		c.dateRange(f, base+"/date", "Policy Board meeting "+m.ID, m.Date, true)
		dec := make([]string, len(m.Decisions))
		for j, d := range m.Decisions {
			dec[j] = d.ID
			for k, id := range d.Actions {
				c.actionRef(f, base+fmt.Sprintf("/decisions/%d/actions/%d", j, k), id, r)
			}
		}
		c.uniqueIDs(f, "decision", dec, func(j int) string { return base + "/decisions/" + strconv.Itoa(j) + "/id" })
	}
}

func (c *checker) sustainabilityPlan(f *model.File, sp *plan.SustainabilityPlan, r programmeRefs) {
	versions := make([]string, len(sp.Versions))
	for i, v := range sp.Versions {
		versions[i] = v.Version
	}
	c.uniqueIDs(f, "version", versions, func(i int) string { return model.Pointer("versions", strconv.Itoa(i), "version") })
	for i, v := range sp.Versions {
		base := model.Pointer("versions", strconv.Itoa(i))
		c.dateRange(f, base+"/date", "version "+v.Version, v.Date, false)
		if i > 0 {
			prev := sp.Versions[i-1]
			if _, ok := prev.Date.Time(); ok && v.Date.Valid() && v.Date <= prev.Date {
				c.errorf(f, base+"/date", RuleVersionOrder, "version %s is dated %s, not after version %s (%s); list versions oldest first, each with a later date", v.Version, v.Date, prev.Version, prev.Date)
			}
		}
		ms := make([]string, len(v.Measures))
		for j, m := range v.Measures {
			ms[j] = m.ID
			for k, id := range m.Actions {
				c.actionRef(f, base+fmt.Sprintf("/measures/%d/actions/%d", j, k), id, r)
			}
		}
		c.uniqueIDs(f, "measure", ms, func(j int) string { return base + "/measures/" + strconv.Itoa(j) + "/id" })
	}
}

func (c *checker) twinning(f *model.File, tw *plan.Twinnings, r programmeRefs) {
	listIDs(c, f, "twinning", "twinnings", tw.Twinnings, func(t plan.Twinning) string { return t.ID })
	ids := make([]string, len(tw.Twinnings))
	for i, t := range tw.Twinnings {
		ids[i] = t.ID
	}
	c.retired(f, "twinning", "twinnings", tw.Retired, ids)
	for i, t := range tw.Twinnings {
		base := model.Pointer("twinnings", strconv.Itoa(i))
		for j, code := range t.Countries {
			c.countryRef(f, base+"/countries/"+strconv.Itoa(j), code, r)
		}
		c.dateRange(f, base+"/date", "twinning "+t.ID, t.Date, true)
	}
}

func (c *checker) knowledge(f *model.File, k *plan.Knowledge, r programmeRefs) {
	listIDs(c, f, "knowledge entry", "entries", k.Entries, func(e plan.KnowledgeItem) string { return e.ID })
	ids := make([]string, len(k.Entries))
	for i, e := range k.Entries {
		ids[i] = e.ID
	}
	c.retired(f, "knowledge entry", "entries", k.Retired, ids)
	for i, e := range k.Entries {
		base := model.Pointer("entries", strconv.Itoa(i))
		for j, code := range e.Countries {
			c.countryRef(f, base+"/countries/"+strconv.Itoa(j), code, r)
		}
		c.dateRange(f, base+"/date", "knowledge entry "+e.ID, e.Date, false)
	}
}

// sameOwner returns the ids of a set that start with owner and a hyphen, sorted.
func sameOwner[V any](ids map[string]V, owner string) []string {
	var out []string
	for id := range ids {
		if strings.HasPrefix(id, owner+"-") {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
