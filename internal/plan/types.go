// Package plan defines the plan files a country keeps in git: country.yaml, as-is.yaml,
// to-be.yaml, to-do.yaml and action-plan.yaml, and the cluster files. The Go types are
// the source of the JSON Schemas (see package schema); the framework adds the task and
// item ids. Lists whose entries change over time carry an `id` (declared identity), so
// revisions are compared by identity, never by position.
package plan

// File names inside a country folder.
const (
	CountryFile    = "country.yaml"
	AsIsFile       = "as-is.yaml"
	ToBeFile       = "to-be.yaml"
	ToDoFile       = "to-do.yaml"
	ActionPlanFile = "action-plan.yaml"
)

// CountryFiles lists the files of a country folder in reading order.
var CountryFiles = []string{CountryFile, AsIsFile, ToBeFile, ToDoFile, ActionPlanFile}

// Status is how far a country's data has come.
type Status string

const (
	StatusIllustrative Status = "illustrative"
	StatusDraft        Status = "draft"
	StatusSubmitted    Status = "submitted"
	StatusApproved     Status = "approved"
)

// Country is country.yaml.
type Country struct {
	Code               string         `yaml:"code" jsonschema:"title=ISO code,pattern=^[A-Z]{2}$,example=HU" jsonschema_description:"ISO 3166-1 alpha-2 code; the folder is named after it."`
	EUCode             string         `yaml:"eu_code" jsonschema:"title=EU code,pattern=^[A-Z]{2}$,example=EL" jsonschema_description:"EU country code (differs from the ISO code only for Greece, EL)."`
	Name               string         `yaml:"name" jsonschema:"title=Country name,minLength=1,example=Hungary"`
	Cluster            string         `yaml:"cluster" jsonschema:"title=Learning cluster,example=wp6" jsonschema_description:"Id of the learning cluster (a file in clusters/)."`
	Status             Status         `yaml:"status" jsonschema:"title=Data status,enum=illustrative,enum=draft,enum=submitted,enum=approved" jsonschema_description:"illustrative: sample content, not an assessment; draft: the country team is working on it; submitted: sent for review; approved: endorsed by the competent authority."`
	CompetentAuthority Organisation   `yaml:"competent_authority" jsonschema:"title=Competent authority"`
	AffiliatedEntities []Organisation `yaml:"affiliated_entities,omitempty" jsonschema:"title=Affiliated entities"`
	Maintainers        []string       `yaml:"maintainers" jsonschema:"title=Maintainers,minItems=1,uniqueItems=true" jsonschema_description:"GitHub handles of the country team (without @); they own this folder in CODEOWNERS."`
	Languages          []string       `yaml:"languages" jsonschema:"title=Languages,minItems=1,uniqueItems=true" jsonschema_description:"ISO 639-1 codes of the languages the plan is kept in."`
	Notes              string         `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// Organisation names a body taking part in planning.
type Organisation struct {
	Name    string `yaml:"name" jsonschema:"title=Name,minLength=1"`
	Acronym string `yaml:"acronym,omitempty" jsonschema:"title=Acronym"`
	Role    string `yaml:"role,omitempty" jsonschema:"title=Role"`
	URL     URL    `yaml:"url,omitempty" jsonschema:"title=Web site" jsonschema_description:"A web address starting with http:// or https://."`
}

// Cluster is clusters/<id>.yaml.
type Cluster struct {
	ID          string   `yaml:"id" jsonschema:"title=Cluster id,pattern=^[a-z][a-z0-9_-]*$,example=wp6" jsonschema_description:"Matches the file name."`
	Name        string   `yaml:"name" jsonschema:"title=Name,minLength=1"`
	WorkPackage string   `yaml:"work_package,omitempty" jsonschema:"title=Work package,example=WP6"`
	Description string   `yaml:"description,omitempty" jsonschema:"title=Description"`
	Lead        string   `yaml:"lead,omitempty" jsonschema:"title=Lead"`
	Countries   []string `yaml:"countries" jsonschema:"title=Member countries,minItems=1,uniqueItems=true" jsonschema_description:"ISO codes of the member countries; each must have a folder in countries/."`
}

// AsIs is as-is.yaml: where the country stands.
type AsIs struct {
	AssessedOn    Date                      `yaml:"assessed_on" jsonschema:"title=Assessment date"`
	Assessors     []string                  `yaml:"assessors,omitempty" jsonschema:"title=Assessed by"`
	Tasks         map[string]TaskAssessment `yaml:"tasks" jsonschema:"title=Assessment per task"`
	DataSources   []DataSource              `yaml:"data_sources,omitempty" jsonschema:"title=Data sources in use"`
	Models        []Model                   `yaml:"models,omitempty" jsonschema:"title=Planning models in use"`
	PlanningStaff *PlanningStaff            `yaml:"planning_staff,omitempty" jsonschema:"title=Planning staff"`
	Stakeholders  []Stakeholder             `yaml:"stakeholders,omitempty" jsonschema:"title=Stakeholder map (Tool 5)"`
	Strengths     []string                  `yaml:"strengths,omitempty" jsonschema:"title=Strengths"`
	Weaknesses    []string                  `yaml:"weaknesses,omitempty" jsonschema:"title=Weaknesses"`
	Challenges    []string                  `yaml:"challenges,omitempty" jsonschema:"title=Challenges"`
	// Rounds are the re-assessments after the baseline above, oldest first.
	Rounds []Round `yaml:"rounds,omitempty" jsonschema:"title=Later assessment rounds" jsonschema_description:"Re-assessments after the baseline (the assessment above, round id baseline), oldest first. Each keeps its own date, assessors and scores; a correction to a round's data is made in that round. A round scores the items it re-assessed; an item it leaves out keeps its earlier score."`
}

// TaskAssessment is the as-is analysis of one task.
type TaskAssessment struct {
	Summary string                    `yaml:"summary,omitempty" jsonschema:"title=Summary"`
	Items   map[string]ItemAssessment `yaml:"items" jsonschema:"title=Items"`
}

// ItemAssessment scores one framework item, or says why it was not assessed.
type ItemAssessment struct {
	Score       *int     `yaml:"score,omitempty" jsonschema:"title=Score" jsonschema_description:"Score on the item's scale (see schema/framework.yaml)."`
	NotAssessed string   `yaml:"not_assessed,omitempty" jsonschema:"title=Not assessed because,minLength=1" jsonschema_description:"Instead of a score: why the item was not assessed."`
	Evidence    string   `yaml:"evidence,omitempty" jsonschema:"title=Evidence" jsonschema_description:"What the score rests on. Markdown without HTML."`
	Sources     []string `yaml:"sources,omitempty" jsonschema:"title=Sources" jsonschema_description:"Documents, data sets or web pages behind the evidence."`
}

// Assessed reports whether the item carries a score.
func (a ItemAssessment) Assessed() bool { return a.Score != nil }

// DataSource is one entry of the data source inventory.
type DataSource struct {
	ID              string   `yaml:"id" jsonschema:"title=Id,pattern=^[a-z0-9][a-z0-9_-]*$,example=register" jsonschema_description:"Stable id within the country."`
	Name            string   `yaml:"name" jsonschema:"title=Name,minLength=1"`
	Kind            string   `yaml:"kind" jsonschema:"title=Kind,enum=professional_register,enum=hris,enum=facility_records,enum=labour_force_survey,enum=census,enum=joint_questionnaire,enum=education_records,enum=claims,enum=other"`
	Owner           string   `yaml:"owner" jsonschema:"title=Owner,minLength=1"`
	Professions     []string `yaml:"professions" jsonschema:"title=Professions covered,minItems=1,uniqueItems=true"`
	UpdateFrequency string   `yaml:"update_frequency" jsonschema:"title=Update frequency,enum=real_time,enum=monthly,enum=quarterly,enum=annual,enum=irregular,enum=one_off"`
	// MinimumDataSet lists the elements of the framework's minimum planning data
	// set the source covers, as group.element ("stock.headcount"); optional, and
	// self-declared by the country.
	MinimumDataSet []string `yaml:"minimum_data_set,omitempty" jsonschema:"title=Minimum planning data set covered,uniqueItems=true" jsonschema_description:"The elements of the minimum planning data set (schema/framework.yaml, minimum_data_set) this source covers, as group.element, e.g. stock.headcount."`
	Notes          string   `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// Model is one planning model in use.
type Model struct {
	ID              string   `yaml:"id" jsonschema:"title=Id,pattern=^[a-z0-9][a-z0-9_-]*$"`
	Name            string   `yaml:"name" jsonschema:"title=Name,minLength=1"`
	Type            string   `yaml:"type" jsonschema:"title=Model type,enum=supply_stock_flow,enum=demand_utilisation,enum=needs_based,enum=benchmarking,enum=integrated"`
	Professions     []string `yaml:"professions" jsonschema:"title=Professions covered,minItems=1,uniqueItems=true"`
	HorizonYears    int      `yaml:"horizon_years" jsonschema:"title=Horizon (years),minimum=1,maximum=50"`
	UpdateFrequency string   `yaml:"update_frequency" jsonschema:"title=Update frequency,enum=real_time,enum=monthly,enum=quarterly,enum=annual,enum=irregular,enum=one_off"`
	Owner           string   `yaml:"owner" jsonschema:"title=Owner,minLength=1"`
}

// PlanningStaff counts the people who plan.
type PlanningStaff struct {
	Headcount int     `yaml:"headcount" jsonschema:"title=Headcount,minimum=0"`
	FTE       float64 `yaml:"fte" jsonschema:"title=Full-time equivalents,minimum=0"`
	Unit      string  `yaml:"unit,omitempty" jsonschema:"title=Planning unit"`
}

// Stakeholder is one entry of the stakeholder map (Tool 5).
type Stakeholder struct {
	ID          string `yaml:"id" jsonschema:"title=Id,pattern=^[a-z0-9][a-z0-9_-]*$"`
	Name        string `yaml:"name" jsonschema:"title=Name,minLength=1"`
	Type        string `yaml:"type" jsonschema:"title=Type,enum=ministry,enum=agency,enum=regulator,enum=professional_body,enum=education,enum=employer,enum=trade_union,enum=insurer,enum=patients,enum=research,enum=regional_government,enum=other"`
	Role        string `yaml:"role" jsonschema:"title=Role in planning,minLength=1"`
	Willingness int    `yaml:"willingness" jsonschema:"title=Willingness (1-5),minimum=1,maximum=5"`
	Expertise   int    `yaml:"expertise" jsonschema:"title=Expertise (1-5),minimum=1,maximum=5"`
	Power       int    `yaml:"power" jsonschema:"title=Power (1-5),minimum=1,maximum=5"`
}

// ToBe is to-be.yaml: where the country wants to be.
type ToBe struct {
	Vision      string                       `yaml:"vision" jsonschema:"title=Vision,minLength=1"`
	HorizonYear int                          `yaml:"horizon_year,omitempty" jsonschema:"title=Horizon year,minimum=2023,maximum=2100"`
	Targets     map[string]map[string]Target `yaml:"targets" jsonschema:"title=Targets per task and item"`
}

// Target is the to-be score of one item.
type Target struct {
	Score     int    `yaml:"score" jsonschema:"title=Target score"`
	Year      int    `yaml:"year" jsonschema:"title=Target year,minimum=2023,maximum=2100"`
	Rationale string `yaml:"rationale,omitempty" jsonschema:"title=Rationale"`
}

// ToDo is to-do.yaml: the road map.
type ToDo struct {
	Steps []Step `yaml:"steps" jsonschema:"title=Road map steps"`
}

// Step is one road map step.
type Step struct {
	ID           string      `yaml:"id" jsonschema:"title=Id,pattern=^[A-Z]{2}-S[0-9]+$,example=HU-S1" jsonschema_description:"Stable id: country code, -S and a number. Never reuse an id."`
	Title        string      `yaml:"title" jsonschema:"title=Title,minLength=1"`
	Task         string      `yaml:"task" jsonschema:"title=Task"`
	Items        []string    `yaml:"items" jsonschema:"title=Items addressed,minItems=1,uniqueItems=true" jsonschema_description:"Framework items as task.item, e.g. data.linkage."`
	Priority     string      `yaml:"priority" jsonschema:"title=Priority,enum=high,enum=medium,enum=low"`
	Description  string      `yaml:"description,omitempty" jsonschema:"title=Description"`
	Milestones   []Milestone `yaml:"milestones,omitempty" jsonschema:"title=Milestones"`
	Stakeholders []string    `yaml:"stakeholders,omitempty" jsonschema:"title=Stakeholders involved,uniqueItems=true" jsonschema_description:"Ids from the stakeholder map in as-is.yaml."`
}

// Milestone is a dated deliverable of a step.
type Milestone struct {
	ID          string    `yaml:"id" jsonschema:"title=Id,pattern=^[a-z0-9][a-z0-9_-]*$,example=m1"`
	Date        YearMonth `yaml:"date" jsonschema:"title=Due"`
	Deliverable string    `yaml:"deliverable" jsonschema:"title=Deliverable,minLength=1"`
	Met         Date      `yaml:"met,omitempty" jsonschema:"title=Met on" jsonschema_description:"The date the deliverable was done; leave out while it is not."`
}

// ActionPlan is action-plan.yaml: the policy action plan.
type ActionPlan struct {
	PolicyDialogue        PolicyDialogue                  `yaml:"policy_dialogue" jsonschema:"title=Policy dialogue"`
	Actions               []Action                        `yaml:"actions" jsonschema:"title=Actions"`
	SustainabilityFactors map[string]SustainabilityFactor `yaml:"sustainability_factors" jsonschema:"title=Sustainability factors (HEROES domains)"`
}

// PolicyDialogue is the national dialogue an action plan came from.
type PolicyDialogue struct {
	Date         Date     `yaml:"date" jsonschema:"title=Date"`
	Participants []string `yaml:"participants" jsonschema:"title=Participants,minItems=1"`
	Outcome      string   `yaml:"outcome" jsonschema:"title=Outcome,minLength=1"`
}

// Action is one action of the policy action plan.
type Action struct {
	ID             string          `yaml:"id" jsonschema:"title=Id,pattern=^[A-Z]{2}-A[0-9]+$,example=HU-A3" jsonschema_description:"Stable id: country code, -A and a number. Never reuse an id."`
	Title          string          `yaml:"title" jsonschema:"title=Title,minLength=1"`
	Task           string          `yaml:"task" jsonschema:"title=Task"`
	Implements     []string        `yaml:"implements" jsonschema:"title=Road map steps implemented,minItems=1,uniqueItems=true" jsonschema_description:"Ids of steps in to-do.yaml."`
	Level          string          `yaml:"level" jsonschema:"title=Level,enum=national,enum=regional"`
	Region         string          `yaml:"region,omitempty" jsonschema:"title=NUTS region,pattern=^[A-Z]{2}[0-9A-Z]+$,maxLength=5,example=HU11" jsonschema_description:"NUTS code; required when level is regional."`
	Responsible    string          `yaml:"responsible" jsonschema:"title=Responsible body,minLength=1"`
	Partners       []string        `yaml:"partners,omitempty" jsonschema:"title=Partners"`
	Start          YearMonth       `yaml:"start" jsonschema:"title=Start"`
	End            YearMonth       `yaml:"end" jsonschema:"title=End"`
	Budget         *Budget         `yaml:"budget,omitempty" jsonschema:"title=Budget"`
	KPIs           []KPI           `yaml:"kpis,omitempty" jsonschema:"title=Key performance indicators"`
	Status         string          `yaml:"status" jsonschema:"title=Status,enum=planned,enum=in_progress,enum=done,enum=delayed,enum=cancelled"`
	Sustainability *Sustainability `yaml:"sustainability,omitempty" jsonschema:"title=After the programme" jsonschema_description:"Required when the action ends after the programme (see programme.end in schema/framework.yaml)."`
}

// Budget is an action's money over its whole life.
type Budget struct {
	Amount   float64 `yaml:"amount" jsonschema:"title=Amount,minimum=0" jsonschema_description:"The action's whole budget, from its start to its end."`
	Currency string  `yaml:"currency" jsonschema:"title=Currency (ISO 4217),pattern=^[A-Z]{3}$,example=EUR"`
	Source   string  `yaml:"source" jsonschema:"title=Funding source,enum=national,enum=regional,enum=eu,enum=other"`
	Secured  bool    `yaml:"secured" jsonschema:"title=Funding secured"`
	// AfterProgramme is the part of Amount spent after programme.end. Nil means the
	// plan does not say; it is needed only when the action spans the programme end.
	AfterProgramme *float64 `yaml:"after_programme,omitempty" jsonschema:"title=Of which after the programme,minimum=0" jsonschema_description:"The part of the amount spent after the programme ends (programme.end in schema/framework.yaml). Needed when the action starts before that month and ends after it; an action that starts later spends all of its budget after the programme, one that ends by then none of it."`
}

// AnnualCost is what keeping an action going costs each year after the programme.
type AnnualCost struct {
	Amount   float64 `yaml:"amount" jsonschema:"title=Amount per year,minimum=0"`
	Currency string  `yaml:"currency" jsonschema:"title=Currency (ISO 4217),pattern=^[A-Z]{3}$,example=EUR"`
}

// KPI is a SMART indicator of an action.
type KPI struct {
	ID         string  `yaml:"id" jsonschema:"title=Id,pattern=^[a-z0-9][a-z0-9_-]*$,example=k1"`
	Indicator  string  `yaml:"indicator" jsonschema:"title=Indicator,minLength=1"`
	NHWA       string  `yaml:"nhwa,omitempty" jsonschema:"title=WHO NHWA indicator,pattern=^(10|[1-9])-[0-9]{2}$,example=1-01"`
	Unit       string  `yaml:"unit" jsonschema:"title=Unit,minLength=1"`
	Baseline   float64 `yaml:"baseline" jsonschema:"title=Baseline"`
	Target     float64 `yaml:"target" jsonschema:"title=Target"`
	TargetYear int     `yaml:"target_year" jsonschema:"title=Target year,minimum=2023,maximum=2100"`
	// Observations are the values measured since the baseline, oldest first.
	Observations []Observation `yaml:"observations,omitempty" jsonschema:"title=Observed values" jsonschema_description:"Values measured since the baseline, oldest first, each with the month it refers to and its source. Progress is measured from the baseline to the target along a straight path to the end of the target year."`
}

// Observation is one measured value of a KPI.
type Observation struct {
	Date   YearMonth `yaml:"date" jsonschema:"title=Month observed" jsonschema_description:"The month the value refers to."`
	Value  float64   `yaml:"value" jsonschema:"title=Value" jsonschema_description:"In the KPI's unit."`
	Source string    `yaml:"source" jsonschema:"title=Source,minLength=1" jsonschema_description:"Where the value comes from: a data set, a register extract, a report."`
	Notes  string    `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// Sustainability says what happens to an action after the programme.
type Sustainability struct {
	Continues      bool   `yaml:"continues" jsonschema:"title=Continues after the programme"`
	FundingSecured bool   `yaml:"funding_secured" jsonschema:"title=Funding secured after the programme"`
	Anchoring      string `yaml:"anchoring" jsonschema:"title=Anchored in,enum=law,enum=regulation,enum=strategy,enum=institution,enum=none"`
	// AnnualCost is the recurring cost of a continuing action, per year.
	AnnualCost *AnnualCost `yaml:"annual_cost,omitempty" jsonschema:"title=Yearly cost after the programme" jsonschema_description:"What keeping the action going costs each year once the programme has ended (staff, licences, running costs); funding_secured says whether it is covered."`
	Notes      string      `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// SustainabilityFactor scores one HEROES sustainability domain.
type SustainabilityFactor struct {
	Score    int    `yaml:"score" jsonschema:"title=Score"`
	Evidence string `yaml:"evidence" jsonschema:"title=Evidence,minLength=1"`
}

// PublicationFile is the repository-level file with the publication metadata of
// the reports and the site.
const PublicationFile = "publication.yaml"

// Publication is publication.yaml: what every published report and the site say
// about themselves — edition, editors, how to cite them, their licence, who
// funded the work and the disclaimer that goes with that funding. It is data, so
// a coordinator changes the wording without changing code.
type Publication struct {
	Version   string   `yaml:"version" jsonschema:"title=Version,minLength=1,example=1.0" jsonschema_description:"Version of this edition of the reports and the site, as readers cite it."`
	Date      Date     `yaml:"date" jsonschema:"title=Date of this edition"`
	Publisher string   `yaml:"publisher" jsonschema:"title=Publisher,minLength=1" jsonschema_description:"Who publishes the reports (a body, or the programme itself)."`
	Editors   []Editor `yaml:"editors" jsonschema:"title=Editors,minItems=1" jsonschema_description:"The people or bodies who edited this edition, in the order they are cited."`
	Citation  string   `yaml:"citation" jsonschema:"title=Suggested citation,minLength=1" jsonschema_description:"How to cite a report. {title}, {version}, {year} and {date} are replaced by the report's title, the version, the year and the date of this edition; no other braces."`
	Licence   Licence  `yaml:"licence" jsonschema:"title=Licence"`
	Funding   Funding  `yaml:"funding" jsonschema:"title=Funding and disclaimer"`
	AsOf      Date     `yaml:"as_of,omitempty" jsonschema:"title=Report date of the data" jsonschema_description:"The date progress is measured at: milestones due or overdue, actions on schedule, KPIs on track. hwfplan's --as-of flag overrides it; without either, SOURCE_DATE_EPOCH is used."`
	Notes     string   `yaml:"notes,omitempty" jsonschema:"title=Notes"`
	// Translations are the citation, the funding statement and the disclaimer in
	// other languages, by two-letter language code (one with a framework
	// translation); a text not given stays English, and a report says so.
	Translations map[string]PublicationTranslation `yaml:"translations,omitempty" jsonschema:"title=Translations" jsonschema_description:"The suggested citation, the funding statement and the disclaimer in other languages, keyed by two-letter language code (a language with a framework translation, schema/framework.<code>.yaml). A text not given here stays in English, and reports and pages in that language say so."`
}

// PublicationTranslation is publication.yaml's text in one other language.
type PublicationTranslation struct {
	Citation string             `yaml:"citation,omitempty" jsonschema:"title=Suggested citation,minLength=1" jsonschema_description:"The citation in this language, with the same placeholders as the English one: {title}, {version}, {year} and {date}; no other braces."`
	Funding  FundingTranslation `yaml:"funding,omitempty" jsonschema:"title=Funding and disclaimer"`
}

// FundingTranslation is the funding statement and disclaimer in one language.
type FundingTranslation struct {
	Statement  string `yaml:"statement,omitempty" jsonschema:"title=Funding statement,minLength=1"`
	Disclaimer string `yaml:"disclaimer,omitempty" jsonschema:"title=Disclaimer,minLength=1"`
}

// Editor is one editor of a publication.
type Editor struct {
	Name        string `yaml:"name" jsonschema:"title=Name,minLength=1"`
	Affiliation string `yaml:"affiliation,omitempty" jsonschema:"title=Affiliation"`
	// Placeholder marks a name that stands in for one not yet known; the reports
	// say so next to it.
	Placeholder bool `yaml:"placeholder,omitempty" jsonschema:"title=Placeholder" jsonschema_description:"true when the name stands in for editors not named yet; the reports say so next to it."`
}

// Licence is the licence the reports and the site are published under.
type Licence struct {
	ID   string `yaml:"id" jsonschema:"title=SPDX identifier,minLength=1,example=CC-BY-4.0" jsonschema_description:"The licence's SPDX identifier."`
	Name string `yaml:"name" jsonschema:"title=Name,minLength=1,example=Creative Commons Attribution 4.0 International"`
	URL  URL    `yaml:"url" jsonschema:"title=Licence text"`
}

// Funding is who funded the work and the disclaimer the funder asks for.
type Funding struct {
	Statement  string `yaml:"statement" jsonschema:"title=Funding statement,minLength=1" jsonschema_description:"Who funded the work, as the funder asks it to be acknowledged."`
	Disclaimer string `yaml:"disclaimer" jsonschema:"title=Disclaimer,minLength=1" jsonschema_description:"The disclaimer that goes with the funding statement."`
	Source     URL    `yaml:"source,omitempty" jsonschema:"title=Source" jsonschema_description:"Where the funding facts are published."`
}
