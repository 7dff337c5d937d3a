package plan

// The programme-level files live in ProgrammeDir, owned by the coordinators: what
// the programme as a whole produces besides the countries' plans (DOMAIN.md,
// "Everything the programme produces"). Every file is optional; a plans
// repository without the folder loads and validates as before.
const (
	ProgrammeDir       = "programme"
	EUActionPlanFile   = "programme/eu-action-plan.yaml"
	DialoguesFile      = "programme/policy-dialogues.yaml"
	PolicyBoardFile    = "programme/policy-board.yaml"
	SustainabilityFile = "programme/sustainability-plan.yaml"
	TwinningFile       = "programme/twinning.yaml"
	KnowledgeFile      = "programme/knowledge.yaml"
)

// ProgrammeFiles lists the programme files in reading order.
var ProgrammeFiles = []string{EUActionPlanFile, DialoguesFile, PolicyBoardFile, SustainabilityFile, TwinningFile, KnowledgeFile}

// EUActionPlan is programme/eu-action-plan.yaml: the EU-level policy action plan,
// the twentieth plan beside the 19 national ones. Its actions have the national
// actions' shape; they implement steps of national road maps and/or framework items.
type EUActionPlan struct {
	Status  Status     `yaml:"status" jsonschema:"title=Data status,enum=illustrative,enum=draft,enum=submitted,enum=approved" jsonschema_description:"illustrative: sample content, not the programme's record; draft, submitted, approved as for the countries. Entries with a source are public facts whatever the file's status."`
	Actions []EUAction `yaml:"actions" jsonschema:"title=Actions,minItems=1"`
	Retired []string   `yaml:"retired_ids,omitempty" jsonschema:"title=Retired ids,uniqueItems=true" jsonschema_description:"Ids of entries that were removed. An id is never used again: a retired id may not name a new entry."`
}

// EUAction is one action of the EU action plan. Budget, KPIs and sustainability
// are the national actions' types.
type EUAction struct {
	ID             string          `yaml:"id" jsonschema:"title=Id,pattern=^EU-A[0-9]+$,example=EU-A1" jsonschema_description:"Stable id: EU-A and a number. Never reuse an id."`
	Title          string          `yaml:"title" jsonschema:"title=Title,minLength=1"`
	Task           string          `yaml:"task" jsonschema:"title=Task"`
	Level          string          `yaml:"level" jsonschema:"title=Level,enum=eu"`
	Implements     []string        `yaml:"implements,omitempty" jsonschema:"title=National road map steps implemented,uniqueItems=true" jsonschema_description:"Ids of steps in the countries' to-do.yaml (HU-S1). An EU action implements steps, items, or both."`
	Items          []string        `yaml:"items,omitempty" jsonschema:"title=Framework items addressed,uniqueItems=true" jsonschema_description:"Framework items as task.item, e.g. data.linkage."`
	Countries      []string        `yaml:"countries,omitempty" jsonschema:"title=Countries taking part,uniqueItems=true" jsonschema_description:"ISO codes of the countries the action works with; each must have a folder in countries/."`
	Responsible    string          `yaml:"responsible" jsonschema:"title=Responsible body,minLength=1"`
	Partners       []string        `yaml:"partners,omitempty" jsonschema:"title=Partners"`
	Start          YearMonth       `yaml:"start" jsonschema:"title=Start"`
	End            YearMonth       `yaml:"end" jsonschema:"title=End"`
	Budget         *Budget         `yaml:"budget,omitempty" jsonschema:"title=Budget"`
	KPIs           []KPI           `yaml:"kpis,omitempty" jsonschema:"title=Key performance indicators"`
	Status         string          `yaml:"status" jsonschema:"title=Status,enum=planned,enum=in_progress,enum=done,enum=delayed,enum=cancelled"`
	Sustainability *Sustainability `yaml:"sustainability,omitempty" jsonschema:"title=After the programme" jsonschema_description:"Required when the action ends after the programme (see programme.end in schema/framework.yaml)."`
}

// Action returns the EU action as an action of the national shape, the one view
// every check and table of actions reads: its level is eu and it has no region.
// Items and Countries have no place in that shape; read them from the EUAction.
func (a EUAction) Action() Action {
	return Action{
		ID:             a.ID,
		Title:          a.Title,
		Task:           a.Task,
		Implements:     a.Implements,
		Level:          a.Level,
		Responsible:    a.Responsible,
		Partners:       a.Partners,
		Start:          a.Start,
		End:            a.End,
		Budget:         a.Budget,
		KPIs:           a.KPIs,
		Status:         a.Status,
		Sustainability: a.Sustainability,
	}
}

// Dialogues is programme/policy-dialogues.yaml: the policy dialogues held, national
// and EU-level. A country's own dialogue stays in its action-plan.yaml
// (policy_dialogue, owned by the country team); a record here adds what the
// programme keeps beside it (id, themes, the actions that came from it) and never
// repeats its date, participants or outcome.
type Dialogues struct {
	Status    Status     `yaml:"status" jsonschema:"title=Data status,enum=illustrative,enum=draft,enum=submitted,enum=approved" jsonschema_description:"illustrative: sample content, not the programme's record; draft, submitted, approved as for the countries. Entries with a source are public facts whatever the file's status."`
	Dialogues []Dialogue `yaml:"dialogues" jsonschema:"title=Policy dialogues,minItems=1"`
	Retired   []string   `yaml:"retired_ids,omitempty" jsonschema:"title=Retired ids,uniqueItems=true" jsonschema_description:"Ids of entries that were removed. An id is never used again: a retired id may not name a new entry."`
}

// Dialogue is one policy dialogue.
type Dialogue struct {
	ID           string   `yaml:"id" jsonschema:"title=Id,pattern=^D[0-9]+$,example=D3" jsonschema_description:"Stable id: D and a number. Never reuse an id."`
	Level        string   `yaml:"level" jsonschema:"title=Level,enum=national,enum=eu"`
	Country      string   `yaml:"country,omitempty" jsonschema:"title=Country,pattern=^[A-Z]{2}$,example=HU" jsonschema_description:"ISO code of the country; required for a national dialogue, whose date, participants and outcome are the policy_dialogue block of that country's action-plan.yaml."`
	Title        string   `yaml:"title,omitempty" jsonschema:"title=Title"`
	Date         Date     `yaml:"date,omitempty" jsonschema:"title=Date" jsonschema_description:"For an EU-level dialogue: the day it was held; leave out when it is not published. A national dialogue's date is in the country's action-plan.yaml."`
	Place        string   `yaml:"place,omitempty" jsonschema:"title=Place"`
	Organiser    string   `yaml:"organiser,omitempty" jsonschema:"title=Organised by"`
	Participants []string `yaml:"participants,omitempty" jsonschema:"title=Participants" jsonschema_description:"For an EU-level dialogue; a national one lists them in the country's action-plan.yaml."`
	Themes       []string `yaml:"themes" jsonschema:"title=Themes,minItems=1"`
	Outcome      string   `yaml:"outcome,omitempty" jsonschema:"title=Outcome" jsonschema_description:"For an EU-level dialogue; a national one states it in the country's action-plan.yaml."`
	Actions      []string `yaml:"actions,omitempty" jsonschema:"title=Actions that came from it,uniqueItems=true" jsonschema_description:"Ids of actions (HU-A1, EU-A2) the dialogue led to."`
	Source       URL      `yaml:"source,omitempty" jsonschema:"title=Source" jsonschema_description:"Where the facts of this entry are published (a web address). An entry with a source is a public fact; one without is as the file's status says."`
}

// PolicyBoard is programme/policy-board.yaml: the ministries or competent
// authorities that steer the programme's sustainability, and their meetings.
type PolicyBoard struct {
	Status   Status         `yaml:"status" jsonschema:"title=Data status,enum=illustrative,enum=draft,enum=submitted,enum=approved" jsonschema_description:"illustrative: sample content, not the programme's record; draft, submitted, approved as for the countries. Entries with a source are public facts whatever the file's status."`
	Members  []BoardMember  `yaml:"members" jsonschema:"title=Members,minItems=1"`
	Meetings []BoardMeeting `yaml:"meetings,omitempty" jsonschema:"title=Meetings"`
	Retired  []string       `yaml:"retired_ids,omitempty" jsonschema:"title=Retired ids,uniqueItems=true" jsonschema_description:"Ids of entries that were removed. An id is never used again: a retired id may not name a new entry."`
}

// BoardMember is one country's seat on the Policy Board.
type BoardMember struct {
	Country   string `yaml:"country" jsonschema:"title=Country,pattern=^[A-Z]{2}$,example=HU"`
	Authority string `yaml:"authority" jsonschema:"title=Competent authority,minLength=1"`
	// Placeholder marks an authority not known yet; pages say so next to it.
	Placeholder bool `yaml:"placeholder,omitempty" jsonschema:"title=Placeholder" jsonschema_description:"true when the authority is not known yet and the name stands in for it."`
	Source      URL  `yaml:"source,omitempty" jsonschema:"title=Source" jsonschema_description:"Where the facts of this entry are published (a web address). An entry with a source is a public fact; one without is as the file's status says."`
}

// BoardMeeting is one meeting of the Policy Board.
type BoardMeeting struct {
	ID        string     `yaml:"id" jsonschema:"title=Id,pattern=^PB[0-9]+$,example=PB2" jsonschema_description:"Stable id: PB and a number. Never reuse an id."`
	Date      Date       `yaml:"date" jsonschema:"title=Date"`
	Title     string     `yaml:"title" jsonschema:"title=Title,minLength=1"`
	Summary   string     `yaml:"summary,omitempty" jsonschema:"title=Summary"`
	Decisions []Decision `yaml:"decisions,omitempty" jsonschema:"title=Decisions"`
	Source    URL        `yaml:"source,omitempty" jsonschema:"title=Source" jsonschema_description:"Where the facts of this entry are published (a web address). An entry with a source is a public fact; one without is as the file's status says."`
}

// Decision is one decision of a Policy Board meeting.
type Decision struct {
	ID      string   `yaml:"id" jsonschema:"title=Id,pattern=^[a-z0-9][a-z0-9_-]*$,example=d1"`
	Text    string   `yaml:"text" jsonschema:"title=Decision,minLength=1"`
	Actions []string `yaml:"actions,omitempty" jsonschema:"title=Actions concerned,uniqueItems=true" jsonschema_description:"Ids of actions (HU-A1, EU-A2) the decision concerns."`
}

// SustainabilityPlan is programme/sustainability-plan.yaml: the programme's
// sustainability plan in dated versions, newest last.
type SustainabilityPlan struct {
	Status   Status        `yaml:"status" jsonschema:"title=Data status,enum=illustrative,enum=draft,enum=submitted,enum=approved" jsonschema_description:"illustrative: sample content, not the programme's record; draft, submitted, approved as for the countries. Entries with a source are public facts whatever the file's status."`
	Versions []PlanVersion `yaml:"versions" jsonschema:"title=Versions,minItems=1" jsonschema_description:"Oldest first; each version is dated and replaces the one before."`
}

// PlanVersion is one dated version of the sustainability plan.
type PlanVersion struct {
	Version  string    `yaml:"version" jsonschema:"title=Version,minLength=1,example=1.0"`
	Date     Date      `yaml:"date" jsonschema:"title=Date"`
	Summary  string    `yaml:"summary" jsonschema:"title=Summary,minLength=1"`
	Measures []Measure `yaml:"measures,omitempty" jsonschema:"title=Measures"`
	Link     URL       `yaml:"link,omitempty" jsonschema:"title=Document" jsonschema_description:"Where the version's document is published."`
}

// Measure is one measure of a sustainability plan version.
type Measure struct {
	ID      string   `yaml:"id" jsonschema:"title=Id,pattern=^[a-z0-9][a-z0-9_-]*$,example=m1"`
	Text    string   `yaml:"text" jsonschema:"title=Measure,minLength=1"`
	Domain  string   `yaml:"domain,omitempty" jsonschema:"title=Sustainability domain" jsonschema_description:"A domain of the HEROES Sustainability Framework (schema/framework.yaml)."`
	Actions []string `yaml:"actions,omitempty" jsonschema:"title=Actions,uniqueItems=true" jsonschema_description:"Ids of actions (HU-A1, EU-A2) that carry the measure."`
}

// Twinnings is programme/twinning.yaml: the twinning actions held in the
// community of practice.
type Twinnings struct {
	Status    Status     `yaml:"status" jsonschema:"title=Data status,enum=illustrative,enum=draft,enum=submitted,enum=approved" jsonschema_description:"illustrative: sample content, not the programme's record; draft, submitted, approved as for the countries. Entries with a source are public facts whatever the file's status."`
	Twinnings []Twinning `yaml:"twinnings" jsonschema:"title=Twinning actions held,minItems=1"`
	Retired   []string   `yaml:"retired_ids,omitempty" jsonschema:"title=Retired ids,uniqueItems=true" jsonschema_description:"Ids of entries that were removed. An id is never used again: a retired id may not name a new entry."`
}

// Twinning is one twinning action held.
type Twinning struct {
	ID        string   `yaml:"id" jsonschema:"title=Id,pattern=^T[0-9]+$,example=T1" jsonschema_description:"Stable id: T and a number. Never reuse an id."`
	Countries []string `yaml:"countries" jsonschema:"title=Countries,minItems=2,uniqueItems=true" jsonschema_description:"ISO codes of the countries that took part."`
	Topic     string   `yaml:"topic" jsonschema:"title=Topic,minLength=1"`
	Date      Date     `yaml:"date" jsonschema:"title=Date"`
	Outcome   string   `yaml:"outcome,omitempty" jsonschema:"title=Outcome"`
	// Suggested names the framework item of the twinning hwfplan suggested (a
	// country strong in the item paired with one weak in it), when it followed one.
	Suggested string `yaml:"followed_suggestion,omitempty" jsonschema:"title=Suggestion followed" jsonschema_description:"The framework item (task.item) of the peer-learning pair the comparison suggested, when the twinning followed that suggestion."`
	Source    URL    `yaml:"source,omitempty" jsonschema:"title=Source" jsonschema_description:"Where the facts of this entry are published (a web address). An entry with a source is a public fact; one without is as the file's status says."`
}

// Knowledge is programme/knowledge.yaml: the knowledge repository (policy briefs,
// webinars, reports, community-of-practice meetings).
type Knowledge struct {
	Status  Status          `yaml:"status" jsonschema:"title=Data status,enum=illustrative,enum=draft,enum=submitted,enum=approved" jsonschema_description:"illustrative: sample content, not the programme's record; draft, submitted, approved as for the countries. Entries with a source are public facts whatever the file's status."`
	Entries []KnowledgeItem `yaml:"entries" jsonschema:"title=Entries,minItems=1"`
	Retired []string        `yaml:"retired_ids,omitempty" jsonschema:"title=Retired ids,uniqueItems=true" jsonschema_description:"Ids of entries that were removed. An id is never used again: a retired id may not name a new entry."`
}

// KnowledgeItem is one entry of the knowledge repository.
type KnowledgeItem struct {
	ID        string   `yaml:"id" jsonschema:"title=Id,pattern=^K[0-9]+$,example=K1" jsonschema_description:"Stable id: K and a number. Never reuse an id."`
	Kind      string   `yaml:"kind" jsonschema:"title=Kind,enum=brief,enum=webinar,enum=report,enum=meeting"`
	Title     string   `yaml:"title" jsonschema:"title=Title,minLength=1"`
	Date      Date     `yaml:"date" jsonschema:"title=Date"`
	Authors   []string `yaml:"authors,omitempty" jsonschema:"title=Authors or lead"`
	Link      URL      `yaml:"link,omitempty" jsonschema:"title=Web address" jsonschema_description:"Where the entry is published; give link or file."`
	File      string   `yaml:"file,omitempty" jsonschema:"title=File" jsonschema_description:"A file in this repository, relative to its root; give link or file."`
	Tasks     []string `yaml:"tasks,omitempty" jsonschema:"title=Tasks,uniqueItems=true" jsonschema_description:"Framework tasks the entry is about."`
	Countries []string `yaml:"countries,omitempty" jsonschema:"title=Countries,uniqueItems=true" jsonschema_description:"ISO codes of the countries the entry is about."`
	Source    URL      `yaml:"source,omitempty" jsonschema:"title=Source" jsonschema_description:"Where the facts of this entry are published (a web address). An entry with a source is a public fact; one without is as the file's status says."`
}
