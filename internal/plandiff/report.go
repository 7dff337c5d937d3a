// Package plandiff compares two loaded plans repositories in domain terms: which item
// scores, targets, steps, actions, budgets, stakeholders, data sources, countries and
// clusters changed, matched by their declared ids (never by list position). The result
// is data with old and new values and file positions; package plandiff never prints.
// Writers for text, markdown and JSON live in the same package (see Writer).
package plandiff

// Kind is what happened to an entity.
type Kind string

const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
	Renamed Kind = "renamed" // its id changed and everything else stayed the same
)

// Sections of a country, in reading order, and the other places changes are found.
const (
	SectionCountry    = "country"
	SectionAsIs       = "as-is"
	SectionToBe       = "to-be"
	SectionToDo       = "to-do"
	SectionActionPlan = "action-plan"
	SectionCluster    = "cluster"
	SectionFramework  = "framework"
)

// Sections lists the country sections in the order reports show them.
var Sections = []string{SectionCountry, SectionAsIs, SectionToBe, SectionToDo, SectionActionPlan}

// Entities a change can be about.
const (
	EntityCountry        = "country"         // country.yaml itself
	EntityFile           = "file"            // a plan file appeared or disappeared
	EntityAssessment     = "assessment"      // as-is.yaml top-level fields (assessed_on, strengths, planning_staff...)
	EntityTask           = "task"            // a task's summary
	EntityItem           = "item"            // an item assessment, id task.item
	EntityDataSource     = "data_source"     // id from the inventory
	EntityModel          = "model"           // id from the inventory
	EntityStakeholder    = "stakeholder"     // id from the stakeholder map
	EntityScenario       = "scenario"        // to-be.yaml top-level fields (vision, horizon_year)
	EntityTarget         = "target"          // a to-be target, id task.item
	EntityStep           = "step"            // a road map step, id XX-S1
	EntityMilestone      = "milestone"       // parent is the step id
	EntityPolicyDialogue = "policy_dialogue" // action-plan.yaml policy_dialogue
	EntityAction         = "action"          // id XX-A1
	EntityKPI            = "kpi"             // parent is the action id
	EntityRound          = "round"           // a later assessment round, id 2026-review
	EntityRoundItem      = "round_item"      // an item score of a round, id task.item; parent is the round id
	EntityObservation    = "observation"     // a KPI's observed value, id its month; parent is "<action id> <KPI id>"
	EntitySustainability = "sustainability_factor"
	EntityBudgetTotal    = "budget_total" // sum of action budgets per currency
	EntityCluster        = "cluster"
	EntityFramework      = "framework"
)

// Report is everything that changed between two revisions.
type Report struct {
	Old       string        `json:"old"` // revision labels, filled by the caller
	New       string        `json:"new"`
	Countries []CountryDiff `json:"countries"`
	Changes   []Change      `json:"changes"` // clusters and framework
	Problems  []string      `json:"problems,omitempty"`
	// Unreadable lists the plan files that exist but cannot be read at either
	// revision; they are left out of the comparison.
	Unreadable []Unreadable `json:"unreadable,omitempty"`
}

// CountryDiff is the change of one country folder.
type CountryDiff struct {
	Code    string   `json:"code"`
	OldCode string   `json:"old_code,omitempty"` // when the folder was renamed
	Name    string   `json:"name,omitempty"`
	Kind    Kind     `json:"kind"`
	Detail  string   `json:"detail,omitempty"` // for an added or removed country
	Changes []Change `json:"changes"`
}

// Change is what happened to one entity.
type Change struct {
	Section string        `json:"section"`
	Entity  string        `json:"entity"`
	ID      string        `json:"id,omitempty"`
	Parent  string        `json:"parent,omitempty"` // the step of a milestone, the action of a KPI
	OldID   string        `json:"old_id,omitempty"` // when renamed
	Kind    Kind          `json:"kind"`
	Detail  string        `json:"detail,omitempty"` // a short description of an added or removed entity
	Fields  []FieldChange `json:"fields,omitempty"` // changed fields of a changed entity
	Value   any           `json:"value,omitempty"`  // the whole entity when added or removed
	OldPos  *Pos          `json:"old_pos,omitempty"`
	NewPos  *Pos          `json:"new_pos,omitempty"`
}

// FieldChange is one field's old and new value. A value is null when the field is absent.
type FieldChange struct {
	Field string     `json:"field"` // dotted yaml names, e.g. "score", "budget.amount"
	Old   any        `json:"old"`
	New   any        `json:"new"`
	Words *WordStats `json:"words,omitempty"` // for prose fields (evidence, description, ...)
	// Elements names the minimum data set elements of a data source's
	// minimum_data_set, old and new, by the framework's titles.
	Elements map[string]ElementName `json:"elements,omitempty"`
	OldPos   *Pos                   `json:"old_pos,omitempty"`
	NewPos   *Pos                   `json:"new_pos,omitempty"`
}

// ElementName is a minimum data set element as the framework names it.
type ElementName struct {
	Title string `json:"title"`           // the element's title, or its id when the framework does not declare it
	Group string `json:"group,omitempty"` // the title of its group
}

// WordStats summarises an edit of prose.
type WordStats struct {
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
	Diff    string `json:"diff,omitempty"` // [-old-]{+new+} word diff, when asked for
}

// Pos is where a value is in a file.
type Pos struct {
	File    string `json:"file"`
	Pointer string `json:"pointer"` // JSON pointer into the file's data
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
}

// Empty reports whether nothing changed.
func (r *Report) Empty() bool { return len(r.Countries) == 0 && len(r.Changes) == 0 }

// Count returns the number of changes in the report (a country added or removed counts once).
func (r *Report) Count() int {
	n := len(r.Changes)
	for _, c := range r.Countries {
		if c.Kind == Added || c.Kind == Removed {
			n++
			continue
		}
		if c.Kind == Renamed {
			n++
		}
		n += len(c.Changes)
	}
	return n
}

// Country returns the diff of one country, or nil.
func (r *Report) Country(code string) *CountryDiff {
	for i := range r.Countries {
		if r.Countries[i].Code == code {
			return &r.Countries[i]
		}
	}
	return nil
}
