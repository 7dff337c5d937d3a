package plandiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Label names the entity of a change as a reviewer reads it, below its section:
// "data.linkage", "HU-A3", "data source register", "HU-S1 › milestone m1".
func (ch Change) Label() string {
	if ch.IsProgramme() {
		return ch.programmeLabel()
	}
	switch ch.Entity {
	case EntityItem, EntityTarget, EntityStep, EntityAction, EntityFile:
		return ch.ID
	case EntityMilestone:
		return ch.Parent + " › milestone " + ch.ID
	case EntityKPI:
		return ch.Parent + " › KPI " + ch.ID
	case EntityRound:
		return "round " + ch.ID
	case EntityRoundItem:
		return "round " + ch.Parent + " › " + ch.ID
	case EntityObservation:
		return ch.Parent + " › observation " + ch.ID
	case EntityDataSource:
		return "data source " + ch.ID
	case EntityModel:
		return "model " + ch.ID
	case EntityStakeholder:
		return "stakeholder " + ch.ID
	case EntityTask:
		return "task " + ch.ID
	case EntitySustainability:
		return "sustainability " + ch.ID
	case EntityPolicyDialogue:
		return "policy dialogue"
	case EntityBudgetTotal:
		return "total budget"
	case EntityCluster:
		return "cluster " + ch.ID
	case EntityFramework, EntityTranslation:
		return ch.ID
	}
	return "" // country, assessment, scenario: the section says it all
}

// Path is the section and label joined: "as-is › data.linkage".
func (ch Change) Path() string {
	if ch.Entity == EntityTranslation {
		return ch.translationPath()
	}
	if ch.IsProgramme() {
		return ch.programmePath()
	}
	if l := ch.Label(); l != "" && ch.Section != SectionCluster && ch.Section != SectionFramework {
		return ch.Section + " › " + l
	} else if l != "" {
		return l
	}
	return ch.Section
}

// Describe renders a change as one line in domain terms, without the country:
// "as-is › data.linkage: score 1 → 2", "action-plan › HU-A7 added (task skills, ...)".
func (ch Change) Describe() string {
	if ch.Entity == EntityObservation {
		return ch.describeObservation()
	}
	switch ch.Kind {
	case Added, Removed:
		s := ch.Path() + " " + string(ch.Kind)
		if ch.Detail != "" {
			s += " (" + ch.Detail + ")"
		}
		return s
	case Renamed:
		old := ch
		old.ID = ch.OldID
		return fmt.Sprintf("%s renamed to %s", old.Path(), ch.ID)
	}
	// A money amount changed with its currency reads as one change:
	// "yearly cost after the programme — → EUR 45,000".
	cur := map[string]FieldChange{}
	for _, f := range ch.Fields {
		if p, ok := strings.CutSuffix(f.Field, ".currency"); ok {
			cur[p] = f
		}
	}
	var parts []string
	for _, f := range ch.Fields {
		if p, ok := strings.CutSuffix(f.Field, ".currency"); ok && hasField(ch.Fields, p+".amount") {
			continue
		}
		s := f.Describe(ch.Entity == EntityBudgetTotal)
		if ch.Entity == EntityDataSource && f.Field == coverageField {
			s = f.coverage()
			if len(ch.Fields) == 1 {
				return ch.Path() + " " + s
			}
		}
		if ch.Entity == EntityMilestone && f.Field == "met" && f.Old == nil {
			s = "met on " + FormatValue(f.New)
		}
		if p, ok := strings.CutSuffix(f.Field, ".amount"); ok {
			if c, ok := cur[p]; ok {
				s = fmt.Sprintf("%s %s → %s", fieldWords(f.Field), withCurrency(c.Old, f.Old), withCurrency(c.New, f.New))
			}
		}
		parts = append(parts, s)
	}
	return ch.Path() + ": " + strings.Join(parts, ", ")
}

// Describe renders one field change: "score 1 → 2", "evidence edited (+3 −1 words)",
// "maintainers +bob −ann". money formats the values as amounts.
func (f FieldChange) Describe(money bool) string {
	if f.Words != nil {
		switch {
		case f.Old == nil:
			return fmt.Sprintf("%s added (%s)", f.Field, words.CountNoun(f.Words.Added, "word"))
		case f.New == nil:
			return fmt.Sprintf("%s removed (%s)", f.Field, words.CountNoun(f.Words.Removed, "word"))
		}
		return fmt.Sprintf("%s edited (+%d −%d words)", f.Field, f.Words.Added, f.Words.Removed)
	}
	ol, ook := f.Old.([]any)
	nl, nok := f.New.([]any)
	if ook && nok {
		var ch []string
		for _, v := range nl {
			if !contains(ol, v) {
				ch = append(ch, "+"+FormatValue(v))
			}
		}
		for _, v := range ol {
			if !contains(nl, v) {
				ch = append(ch, "−"+FormatValue(v))
			}
		}
		if len(ch) == 0 {
			return f.Field + " reordered"
		}
		return f.Field + " " + strings.Join(ch, " ")
	}
	format := FormatValue
	if money || strings.HasSuffix(f.Field, "amount") || f.Field == "budget.after_programme" {
		format = func(v any) string {
			if x, ok := v.(float64); ok {
				return Amount(x)
			}
			return FormatValue(v)
		}
	}
	return fmt.Sprintf("%s %s → %s", fieldWords(f.Field), format(f.Old), format(f.New))
}

// coverage reads a change of a data source's minimum data set elements:
// "now covers Population (demand drivers); no longer covers Stock by sex (stock)".
func (f FieldChange) coverage() string {
	name := func(k string) (string, string) {
		if n, ok := f.Elements[k]; ok {
			return n.Title, n.Group
		}
		return k, ""
	}
	keys := func(from, without []any) []string {
		var ks []string
		for _, v := range from {
			if !contains(without, v) {
				ks = append(ks, FormatValue(v))
			}
		}
		return ks
	}
	ol, nl := anyList(f.Old), anyList(f.New)
	var parts []string
	if added := keys(nl, ol); len(added) > 0 {
		parts = append(parts, "now covers "+framework.CoverageWords(added, name))
	}
	if removed := keys(ol, nl); len(removed) > 0 {
		parts = append(parts, "no longer covers "+framework.CoverageWords(removed, name))
	}
	if len(parts) == 0 {
		return "lists the data it covers in another order"
	}
	return strings.Join(parts, "; ")
}

// budgetWords names an action's money fields as the sustainability report does
// ("budget after the programme", "yearly cost after the programme"); the JSON
// keeps the yaml names.
var budgetWords = map[string]string{
	"budget.amount":                       "budget",
	"budget.currency":                     "budget currency",
	"budget.source":                       "funding source",
	"budget.secured":                      "funding secured",
	"budget.after_programme":              "budget after the programme",
	"sustainability.annual_cost.amount":   "yearly cost after the programme",
	"sustainability.annual_cost.currency": "currency of the yearly cost",
}

func hasField(fs []FieldChange, name string) bool {
	for _, f := range fs {
		if f.Field == name {
			return true
		}
	}
	return false
}

// withCurrency writes an amount with its currency ("EUR 45,000"), or the absent
// value.
func withCurrency(currency, amount any) string {
	c, ok := currency.(string)
	a, aok := amount.(float64)
	if !ok || !aok {
		return FormatValue(amount)
	}
	return c + " " + Amount(a)
}

func fieldWords(field string) string {
	if w, ok := budgetWords[field]; ok {
		return w
	}
	return field
}

// Summary is a one-line account of a country's changes, for history lists:
// "status draft → submitted; as-is: 2 items; action plan: HU-A7 added, HU-A3 changed".
func (cd CountryDiff) Summary() string {
	switch cd.Kind {
	case Added:
		return "country added"
	case Removed:
		return "country removed"
	}
	var parts []string
	if cd.Kind == Renamed {
		parts = append(parts, "folder renamed from "+cd.OldCode)
	}
	for _, sec := range Sections {
		var bits, named []string
		counts := map[string]int{}
		var order []string
		count := func(key string) {
			if counts[key] == 0 {
				order = append(order, key)
			}
			counts[key]++
		}
		for _, ch := range cd.Changes {
			if ch.Section != sec {
				continue
			}
			switch {
			case ch.Entity == EntityCountry:
				for _, f := range ch.Fields {
					bits = append(bits, f.Describe(false))
				}
			case ch.Entity == EntityStep || ch.Entity == EntityAction:
				if ch.Kind == Renamed {
					named = append(named, ch.OldID+" → "+ch.ID)
				} else {
					named = append(named, ch.ID+" "+string(ch.Kind))
				}
				count(entityNoun(ch.Entity) + " " + string(ch.Kind))
			case ch.Entity == EntityFile:
				bits = append(bits, ch.ID+" "+string(ch.Kind))
			default:
				count(entityNoun(ch.Entity))
			}
		}
		// Name up to a few steps and actions; beyond that, count them.
		if len(named) <= maxNamed {
			bits = append(bits, named...)
		}
		for _, k := range order {
			noun, kind, isIDd := strings.Cut(k, " ")
			switch {
			case isIDd && (noun == EntityStep || noun == EntityAction):
				if len(named) > maxNamed {
					bits = append(bits, words.CountNoun(counts[k], noun)+" "+kind)
				}
			default:
				bits = append(bits, words.CountNoun(counts[k], k))
			}
		}
		if len(bits) == 0 {
			continue
		}
		if sec == SectionCountry {
			parts = append(parts, strings.Join(bits, ", "))
		} else {
			parts = append(parts, sec+": "+strings.Join(bits, ", "))
		}
	}
	// Translations: per language, the file added or removed, or how many texts changed.
	texts, whole, langs := map[string]int{}, map[string]Kind{}, []string(nil)
	for _, ch := range cd.Changes {
		if ch.Entity != EntityTranslation {
			continue
		}
		if !slices.Contains(langs, ch.Parent) {
			langs = append(langs, ch.Parent)
		}
		switch {
		case ch.ID != "":
			texts[ch.Parent] += len(ch.Fields)
		case ch.Kind != Changed:
			whole[ch.Parent] = ch.Kind
		default:
			whole[ch.Parent] = Changed // its review block or complete flag
		}
	}
	for _, l := range langs {
		if k := whole[l]; k == Added || k == Removed {
			parts = append(parts, fmt.Sprintf("%s (%s) %s", SectionTranslations, l, k))
			continue
		}
		var bits []string
		if texts[l] > 0 {
			bits = append(bits, words.CountNoun(texts[l], "text"))
		}
		if whole[l] == Changed {
			bits = append(bits, "review")
		}
		parts = append(parts, fmt.Sprintf("%s (%s): %s", SectionTranslations, l, strings.Join(bits, ", ")))
	}
	if len(parts) == 0 {
		return "no plan change"
	}
	return strings.Join(parts, "; ")
}

// maxNamed is how many steps and actions a summary names before it counts them.
const maxNamed = 4

func entityNoun(e string) string {
	switch e {
	case EntityDataSource:
		return "data source"
	case EntityPolicyDialogue:
		return "policy dialogue edit"
	case EntityBudgetTotal:
		return "budget total"
	case EntitySustainability:
		return "sustainability factor"
	case EntityAssessment, EntityScenario:
		return "general edit"
	case EntityTask:
		return "task summary"
	case EntityKPI:
		return "KPI"
	case EntityRoundItem:
		return "round score"
	}
	return e
}
