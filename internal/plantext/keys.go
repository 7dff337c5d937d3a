// Package plantext is a country's plan text in its other languages: the free
// text of its plan files (evidence, vision, rationale, titles, descriptions, KPI
// names ...) given beside the English in countries/<CODE>/translations/<lang>.yaml,
// keyed by the entries' ids, never by list positions. It lists the texts a plan
// has (Keys), reads a translation file against them (Parse, every problem at its
// position), and gives the site and the reports a text in a language with the
// English as fallback (Texts.Text, Localized).
package plantext

import (
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Path is the path of a country's translation into lang:
// countries/HU/translations/hu.yaml.
func Path(code, lang string) string {
	return path.Join(model.CountriesDir, code, plan.TranslationsDir, lang+".yaml")
}

var fileRe = regexp.MustCompile(`^countries/[A-Z]{2}/translations/([a-z]{2,3})\.yaml$`)

// Language returns the language of a translation file's path
// ("countries/HU/translations/hu.yaml" → "hu"); ok is false for another path.
func Language(p string) (string, bool) {
	m := fileRe.FindStringSubmatch(p)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// Key names one text of a plan: the mapping keys a translation file nests it
// under, joined by dots, as framework translations do:
//
//	action-plan.actions.HU-A1.title
//	as-is.tasks.data.items.linkage.evidence
//	to-be.targets.data.linkage.rationale
//	to-do.steps.HU-S1.milestones.m1.deliverable
//
// Ids have no dots (their patterns say so), so a key reads back unambiguously.
func Key(parts ...string) string { return strings.Join(parts, ".") }

// TextKey is one translatable text of a plan and its English.
type TextKey struct {
	Key     string
	English string
}

// Keys lists every text of a country's plan that is not empty in English, in
// file order (country, as-is, to-be, to-do, action plan), entries in the order
// of their files and tasks and items by id.
func Keys(c *model.Country) []TextKey {
	var out []TextKey
	visit(plansOf(c), false, func(p []string, s *string) {
		if strings.TrimSpace(*s) != "" {
			out = append(out, TextKey{Key(p...), *s})
		}
	})
	return out
}

// plans are the decoded plan files of one country (nil when missing).
type plans struct {
	country    *plan.Country
	asIs       *plan.AsIs
	toBe       *plan.ToBe
	toDo       *plan.ToDo
	actionPlan *plan.ActionPlan
}

func plansOf(c *model.Country) plans {
	if c == nil {
		return plans{}
	}
	return plans{c.Country, c.AsIs, c.ToBe, c.ToDo, c.ActionPlan}
}

// visit calls fn with the path and the text of every translatable field of the
// plans, empty ones too (a translation may not give them, and a message can
// say that the English has none). Map values are copies: with write, each is
// put back after fn, so fn may change the texts; without, the plans are only
// read (loaded values are shared and never written).
func visit(ps plans, write bool, fn func(path []string, s *string)) {
	at := func(base []string, more ...string) []string {
		return append(slices.Clip(base), more...)
	}
	if c := ps.country; c != nil {
		fn([]string{"country", "notes"}, &c.Notes)
	}
	task := func(base []string, m map[string]plan.TaskAssessment) {
		for _, t := range slices.Sorted(maps.Keys(m)) {
			ta := m[t]
			tp := at(base, "tasks", t)
			fn(at(tp, "summary"), &ta.Summary)
			for _, i := range slices.Sorted(maps.Keys(ta.Items)) {
				it := ta.Items[i]
				ip := at(tp, "items", i)
				fn(at(ip, "evidence"), &it.Evidence)
				fn(at(ip, "not_assessed"), &it.NotAssessed)
				if write {
					ta.Items[i] = it
				}
			}
			if write {
				m[t] = ta
			}
		}
	}
	if a := ps.asIs; a != nil {
		base := []string{"as-is"}
		task(base, a.Tasks)
		for i := range a.DataSources {
			d := &a.DataSources[i]
			fn(at(base, "data_sources", d.ID, "name"), &d.Name)
			fn(at(base, "data_sources", d.ID, "notes"), &d.Notes)
		}
		for i := range a.Models {
			fn(at(base, "models", a.Models[i].ID, "name"), &a.Models[i].Name)
		}
		if a.PlanningStaff != nil {
			fn(at(base, "planning_staff", "unit"), &a.PlanningStaff.Unit)
		}
		for i := range a.Stakeholders {
			s := &a.Stakeholders[i]
			fn(at(base, "stakeholders", s.ID, "name"), &s.Name)
			fn(at(base, "stakeholders", s.ID, "role"), &s.Role)
		}
		for i := range a.Rounds {
			r := &a.Rounds[i]
			rp := at(base, "rounds", r.ID)
			fn(at(rp, "notes"), &r.Notes)
			task(rp, r.Tasks)
		}
	}
	if t := ps.toBe; t != nil {
		fn([]string{"to-be", "vision"}, &t.Vision)
		for _, task := range slices.Sorted(maps.Keys(t.Targets)) {
			items := t.Targets[task]
			for _, item := range slices.Sorted(maps.Keys(items)) {
				tg := items[item]
				fn([]string{"to-be", "targets", task, item, "rationale"}, &tg.Rationale)
				if write {
					items[item] = tg
				}
			}
		}
	}
	if t := ps.toDo; t != nil {
		for i := range t.Steps {
			s := &t.Steps[i]
			sp := []string{"to-do", "steps", s.ID}
			fn(at(sp, "title"), &s.Title)
			fn(at(sp, "description"), &s.Description)
			for j := range s.Milestones {
				fn(at(sp, "milestones", s.Milestones[j].ID, "deliverable"), &s.Milestones[j].Deliverable)
			}
		}
	}
	if ap := ps.actionPlan; ap != nil {
		fn([]string{"action-plan", "policy_dialogue", "outcome"}, &ap.PolicyDialogue.Outcome)
		for i := range ap.Actions {
			a := &ap.Actions[i]
			p := []string{"action-plan", "actions", a.ID}
			fn(at(p, "title"), &a.Title)
			fn(at(p, "responsible"), &a.Responsible)
			for j := range a.KPIs {
				k := &a.KPIs[j]
				fn(at(p, "kpis", k.ID, "indicator"), &k.Indicator)
				fn(at(p, "kpis", k.ID, "unit"), &k.Unit)
			}
			if a.Sustainability != nil {
				fn(at(p, "sustainability", "notes"), &a.Sustainability.Notes)
			}
		}
		for _, d := range slices.Sorted(maps.Keys(ap.SustainabilityFactors)) {
			f := ap.SustainabilityFactors[d]
			fn([]string{"action-plan", "sustainability_factors", d, "evidence"}, &f.Evidence)
			if write {
				ap.SustainabilityFactors[d] = f
			}
		}
	}
}
