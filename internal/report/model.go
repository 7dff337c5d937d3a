package report

import (
	"maps"
	"slices"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/provenance"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Data is what a report template sees. Text fields hold plain (unescaped) text from
// the plans; templates pass them through `md` before writing them into Markdown.
type Data struct {
	Name      string // report name: "as-is" or "sustainability"
	Title     string
	FullTitle string // with the programme's name, as the language joins them: "HEROES-Bericht zur Ausgangslage"
	Subtitle  string
	Programme framework.Programme
	Framework *framework.Framework
	Source    Source
	// R is the whole comparison (see package compare).
	R         *compare.Result
	Countries []*CountryView
	Clusters  []*ClusterView
	// Illustrative lists the countries whose data status is illustrative.
	Illustrative []*CountryView
	// StatusCounts counts countries per data status, most mature first.
	StatusCounts []compare.Count
	// Publication is publication.yaml (edition, editors, citation, licence,
	// funding); nil when the plans repository has none.
	Publication *plan.Publication
	// programme is the programme files (programme/; nil when the repository has
	// none), the one field for the programme level: see Board, EUActionPlan,
	// EUActions, PlanVersions.
	programme *model.Programme
	// progress is the plans measured as of the report date, and asOfFrom where
	// that date came from; nil but for the progress report (see Progress).
	progress *progress.Progress
	asOfFrom string
	// Lang is the language the report is written in ("en", "hu"), msgs its
	// messages (site/i18n/<Lang>.yaml).
	Lang string
	msgs *messages
}

// Source identifies the revision of the plans a report was built from: the one
// provenance value (see package source), whose Label the templates print.
type Source = provenance.Info

// CountryView is one country as the templates see it: its scores and the plan
// content the comparison does not carry (strengths, actions, evidence).
type CountryView struct {
	compare.Country
	Anchor         string // "country-hu"
	ClusterName    string
	Plan           *model.Country
	Twinning       compare.Twinning
	Actions        compare.CountryActions
	Sustainability compare.CountrySustainability
}

// Illustrative reports whether the country's data are sample content.
func (c *CountryView) Illustrative() bool { return c.Status == "illustrative" }

// ClusterView is one cluster with its members and statistics.
type ClusterView struct {
	compare.Cluster
	Anchor         string // "cluster-wp6"
	Members        []*CountryView
	Stats          *compare.ClusterStats
	Sustainability *compare.ClusterSustainability
}

// statusOrder lists data statuses from most to least mature.
var statusOrder = []string{"approved", "submitted", "draft", "illustrative"}

func newData(name string, repo *model.Repo, res *compare.Result, src Source) *Data {
	d := &Data{Name: name, Programme: res.Programme, Framework: res.Framework(), Source: src, R: res, Publication: repo.Publication}
	if d.Framework == nil {
		d.Framework = repo.Framework
	}
	d.programme = repo.Programme
	d.msgs = englishMessages()
	d.Lang = English
	counts := map[string]int{}
	for _, c := range res.Countries {
		v := &CountryView{Country: c, Anchor: anchorID("country", c.Code), Plan: repo.Country(c.Code)}
		for _, t := range res.Twinning {
			if t.Country == c.Code {
				v.Twinning = t
			}
		}
		for _, a := range res.Actions.Countries {
			if a.Country == c.Code {
				v.Actions = a
			}
		}
		for _, s := range res.Sustainability.Countries {
			if s.Country == c.Code {
				v.Sustainability = s
			}
		}
		d.Countries = append(d.Countries, v)
		counts[c.Status]++
	}
	// Every list of countries a reader sees is by name (words.ByName), the
	// order of d.Countries; cluster members below follow it.
	names, codes := make([]string, len(d.Countries)), make([]string, len(d.Countries))
	for i, c := range d.Countries {
		names[i], codes[i] = c.Name, c.Code
	}
	sorted := make([]*CountryView, 0, len(d.Countries))
	for _, i := range words.ByName(names, codes) {
		sorted = append(sorted, d.Countries[i])
	}
	d.Countries = sorted
	d.Illustrative = nil
	for _, v := range d.Countries {
		if v.Illustrative() {
			d.Illustrative = append(d.Illustrative, v)
		}
	}
	for _, st := range statusOrder {
		if counts[st] > 0 {
			d.StatusCounts = append(d.StatusCounts, compare.Count{Key: st, Count: counts[st]})
			delete(counts, st)
		}
	}
	for _, st := range slices.Sorted(maps.Keys(counts)) {
		d.StatusCounts = append(d.StatusCounts, compare.Count{Key: st, Count: counts[st]})
	}
	for i := range res.Clusters {
		cl := res.Clusters[i]
		v := &ClusterView{Cluster: cl, Anchor: anchorID("cluster", cl.ID), Stats: res.CrossCluster.Stats(cl.ID)}
		for j := range res.Sustainability.Clusters {
			if res.Sustainability.Clusters[j].Cluster == cl.ID {
				v.Sustainability = &res.Sustainability.Clusters[j]
			}
		}
		for _, c := range d.Countries {
			if slices.Contains(cl.Countries, c.Code) {
				v.Members = append(v.Members, c)
				c.ClusterName = cl.Name
			}
		}
		d.Clusters = append(d.Clusters, v)
	}
	return d
}

// Country returns the country with the given code, or nil.
func (d *Data) Country(code string) *CountryView {
	for _, c := range d.Countries {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// Cluster returns the cluster with the given id, or nil.
func (d *Data) Cluster(id string) *ClusterView {
	for _, c := range d.Clusters {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Factors returns the country's sustainability factors by domain id (scores and
// evidence as written in action-plan.yaml); empty when there is no action plan.
func (c *CountryView) Factors() map[string]plan.SustainabilityFactor {
	if c.Plan == nil || c.Plan.ActionPlan == nil {
		return map[string]plan.SustainabilityFactor{}
	}
	return c.Plan.ActionPlan.SustainabilityFactors
}

// WeakestDomain returns the sustainability domain with the lowest mean score over
// all countries (the first in framework order among equals), or nil.
func (d *Data) WeakestDomain() *compare.DomainStats {
	var weakest *compare.DomainStats
	for i := range d.R.Sustainability.All.Domains {
		ds := &d.R.Sustainability.All.Domains[i]
		if ds.Stats.Mean.Valid && (weakest == nil || ds.Stats.Mean.Cmp(weakest.Stats.Mean) < 0) {
			weakest = ds
		}
	}
	return weakest
}

// StepActions lists the ids of the actions that implement a road-map step, in
// the order of the action plan.
func (c *CountryView) StepActions(step string) []string {
	out := []string{}
	if c.Plan == nil || c.Plan.ActionPlan == nil {
		return out
	}
	for _, a := range c.Plan.ActionPlan.Actions {
		if slices.Contains(a.Implements, step) {
			out = append(out, a.ID)
		}
	}
	return out
}

// HasKPIs reports whether any action of the country has an indicator.
func (c *CountryView) HasKPIs() bool {
	if c.Plan == nil || c.Plan.ActionPlan == nil {
		return false
	}
	for _, a := range c.Plan.ActionPlan.Actions {
		if len(a.KPIs) > 0 {
			return true
		}
	}
	return false
}

// Authority is the name of the country's competent authority, or "".
func (c *CountryView) Authority() string {
	if c.Plan == nil || c.Plan.Country == nil {
		return ""
	}
	return c.Plan.Country.CompetentAuthority.Name
}

// Coverage counts the countries with a large gap no road-map step addresses
// (Gaps) and those with a step no action implements (Steps).
type Coverage struct{ Gaps, Steps int }

// CoverageCounts counts the countries with holes in their plans.
func (d *Data) CoverageCounts() Coverage {
	var c Coverage
	for _, v := range d.Countries {
		if len(v.Actions.UncoveredGaps) > 0 {
			c.Gaps++
		}
		if len(v.Actions.StepsWithoutAction) > 0 {
			c.Steps++
		}
	}
	return c
}
