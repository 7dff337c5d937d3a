package model

import (
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Folders of a plans repository.
const (
	CountriesDir = "countries"
	ClustersDir  = "clusters"
)

// Repo is a whole plans repository as loaded.
type Repo struct {
	Framework     *framework.Framework
	FrameworkFile *File // nil when the built-in framework is used
	// Translations are the framework's translations (schema/framework.<lang>.yaml)
	// that could be parsed, in file name order; validate checks them against the
	// framework, framework.ParseTranslation reads their texts.
	Translations []*TranslationFile
	Countries    []*Country
	Clusters     []*Cluster
	// Publication is publication.yaml, the publication metadata of the reports
	// and the site; nil when the file is missing or could not be read.
	Publication *plan.Publication
	// Programme holds the programme files (programme/); never nil after a load,
	// and Programme.Empty() when the repository has none.
	Programme *Programme
	Files     map[string]*File // every parsed file by path
}

// TranslationFile is one translation as loaded: of the framework
// (schema/framework.<lang>.yaml) or of a country's plan text
// (countries/<CODE>/translations/<lang>.yaml).
type TranslationFile struct {
	Language string // from the file name ("hu"); "" when the name is not <code>.yaml
	File     *File
}

// Country is one country folder. A field is nil when its file is missing or could
// not be read; the diagnostics say why.
type Country struct {
	Code       string // the folder name
	Dir        string // countries/<Code>
	Country    *plan.Country
	AsIs       *plan.AsIs
	ToBe       *plan.ToBe
	ToDo       *plan.ToDo
	ActionPlan *plan.ActionPlan
	Files      map[string]*File // by file name (plan.CountryFile ...)
	// Translations are the plan's free text in the country's other languages
	// (translations/<lang>.yaml) that could be parsed, in file name order;
	// package plantext reads their texts, validate checks them. Their files
	// are in Repo.Files, not in Files.
	Translations []*TranslationFile
}

// SetPlan puts a decoded plan file (*plan.Country, *plan.AsIs, *plan.ToBe,
// *plan.ToDo or *plan.ActionPlan) in its field; anything else is ignored.
func (c *Country) SetPlan(v any) {
	switch v := v.(type) {
	case *plan.Country:
		c.Country = v
	case *plan.AsIs:
		c.AsIs = v
	case *plan.ToBe:
		c.ToBe = v
	case *plan.ToDo:
		c.ToDo = v
	case *plan.ActionPlan:
		c.ActionPlan = v
	}
}

// Cluster is one clusters/<id>.yaml.
type Cluster struct {
	ID      string // from the file name
	File    *File
	Cluster *plan.Cluster
}

// Country returns the country with the given code, or nil.
func (r *Repo) Country(code string) *Country {
	for _, c := range r.Countries {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// Cluster returns the cluster with the given id, or nil.
func (r *Repo) Cluster(id string) *Cluster {
	for _, c := range r.Clusters {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Programme is the programme folder (plan.ProgrammeDir): the files the programme
// as a whole keeps besides the countries' plans. A field is nil when its file is
// missing (every file is optional) or could not be read; Files holds the parsed
// files by path (plan.EUActionPlanFile ...), for positions.
type Programme struct {
	EUActionPlan       *plan.EUActionPlan
	Dialogues          *plan.Dialogues
	PolicyBoard        *plan.PolicyBoard
	SustainabilityPlan *plan.SustainabilityPlan
	Twinning           *plan.Twinnings
	Knowledge          *plan.Knowledge
	Files              map[string]*File
}

// SetPlan puts a decoded programme file in its field; anything else is ignored.
func (p *Programme) SetPlan(v any) {
	switch v := v.(type) {
	case *plan.EUActionPlan:
		p.EUActionPlan = v
	case *plan.Dialogues:
		p.Dialogues = v
	case *plan.PolicyBoard:
		p.PolicyBoard = v
	case *plan.SustainabilityPlan:
		p.SustainabilityPlan = v
	case *plan.Twinnings:
		p.Twinning = v
	case *plan.Knowledge:
		p.Knowledge = v
	}
}

// Empty reports whether the repository has no programme files.
func (p *Programme) Empty() bool { return p == nil || len(p.Files) == 0 }
