package plan

// TranslationsDir is the folder inside a country folder that holds the plan's
// free text in the country's other languages, one file per language:
// countries/HU/translations/hu.yaml.
const TranslationsDir = "translations"

// PlanTranslation is countries/<CODE>/translations/<lang>.yaml: a country's free
// text (evidence, vision, rationale, titles, descriptions, KPI names ...) in one
// of its languages. It mirrors the plan files' nesting, with every list of
// entries keyed by the entries' ids, never by position, so a translation follows
// its entry wherever the entry moves. Only text: the numbers, dates and codes
// stay in the English files. The type is the source of the JSON Schema; package
// plantext reads the file against the country's English text.
type PlanTranslation struct {
	Language   string            `yaml:"language" jsonschema:"title=Language,pattern=^[a-z]{2}$,example=hu" jsonschema_description:"The translation's language, ISO 639-1, as in the file name (translations/hu.yaml: hu); one of the languages in country.yaml."`
	Review     TranslationReview `yaml:"review" jsonschema:"title=Review by the country team"`
	Complete   bool              `yaml:"complete,omitempty" jsonschema:"title=Kept complete" jsonschema_description:"true when the team keeps every text of the plan translated: validate then warns (once, with the count) when an English text has no translation here. Leave it out while the translation is partial; readers see the English where a text is missing, and the page says so."`
	Country    *CountryText      `yaml:"country,omitempty" jsonschema:"title=country.yaml"`
	AsIs       *AsIsText         `yaml:"as-is,omitempty" jsonschema:"title=as-is.yaml"`
	ToBe       *ToBeText         `yaml:"to-be,omitempty" jsonschema:"title=to-be.yaml"`
	ToDo       *ToDoText         `yaml:"to-do,omitempty" jsonschema:"title=to-do.yaml"`
	ActionPlan *ActionPlanText   `yaml:"action-plan,omitempty" jsonschema:"title=action-plan.yaml"`
}

// TranslationReview says whether the country team has confirmed a translation,
// as the framework's translations do.
type TranslationReview struct {
	Reviewed   bool   `yaml:"reviewed" jsonschema:"title=Reviewed" jsonschema_description:"true once the country team has confirmed the translation (with reviewed_by and date). Until then every page in this language says the translation is not yet reviewed."`
	ReviewedBy string `yaml:"reviewed_by,omitempty" jsonschema:"title=Reviewed by" jsonschema_description:"Who confirmed it: the country team, or its GitHub handles."`
	Date       string `yaml:"date,omitempty" jsonschema:"title=Date,pattern=^([0-9]{4}-[0-9]{2}-[0-9]{2})?$" jsonschema_description:"When it was confirmed, YYYY-MM-DD (empty until then)."`
}

// CountryText is the translated text of country.yaml.
type CountryText struct {
	Notes string `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// AsIsText is the translated text of as-is.yaml.
type AsIsText struct {
	Tasks         map[string]TaskText        `yaml:"tasks,omitempty" jsonschema:"title=Per task" jsonschema_description:"Keyed by task id (data, models ...)."`
	DataSources   map[string]DataSourceText  `yaml:"data_sources,omitempty" jsonschema:"title=Data sources" jsonschema_description:"Keyed by the data source's id."`
	Models        map[string]ModelText       `yaml:"models,omitempty" jsonschema:"title=Planning models" jsonschema_description:"Keyed by the model's id."`
	PlanningStaff *PlanningStaffText         `yaml:"planning_staff,omitempty" jsonschema:"title=Planning staff"`
	Stakeholders  map[string]StakeholderText `yaml:"stakeholders,omitempty" jsonschema:"title=Stakeholder map" jsonschema_description:"Keyed by the stakeholder's id."`
	Rounds        map[string]RoundText       `yaml:"rounds,omitempty" jsonschema:"title=Later assessment rounds" jsonschema_description:"Keyed by the round's id."`
}

// TaskText is the translated text of one task's assessment.
type TaskText struct {
	Summary string              `yaml:"summary,omitempty" jsonschema:"title=Summary"`
	Items   map[string]ItemText `yaml:"items,omitempty" jsonschema:"title=Items" jsonschema_description:"Keyed by item id (linkage, timeliness ...)."`
}

// ItemText is the translated text of one item's assessment.
type ItemText struct {
	Evidence    string `yaml:"evidence,omitempty" jsonschema:"title=Evidence"`
	NotAssessed string `yaml:"not_assessed,omitempty" jsonschema:"title=Not assessed because"`
}

// DataSourceText is the translated text of a data source.
type DataSourceText struct {
	Name  string `yaml:"name,omitempty" jsonschema:"title=Name"`
	Notes string `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// ModelText is the translated text of a planning model.
type ModelText struct {
	Name string `yaml:"name,omitempty" jsonschema:"title=Name"`
}

// PlanningStaffText is the translated text of the planning staff.
type PlanningStaffText struct {
	Unit string `yaml:"unit,omitempty" jsonschema:"title=Planning unit"`
}

// StakeholderText is the translated text of a stakeholder.
type StakeholderText struct {
	Name string `yaml:"name,omitempty" jsonschema:"title=Name"`
	Role string `yaml:"role,omitempty" jsonschema:"title=Role in planning"`
}

// RoundText is the translated text of a later assessment round.
type RoundText struct {
	Notes string              `yaml:"notes,omitempty" jsonschema:"title=Notes"`
	Tasks map[string]TaskText `yaml:"tasks,omitempty" jsonschema:"title=Per task"`
}

// ToBeText is the translated text of to-be.yaml.
type ToBeText struct {
	Vision  string                           `yaml:"vision,omitempty" jsonschema:"title=Vision"`
	Targets map[string]map[string]TargetText `yaml:"targets,omitempty" jsonschema:"title=Targets per task and item"`
}

// TargetText is the translated text of a to-be target.
type TargetText struct {
	Rationale string `yaml:"rationale,omitempty" jsonschema:"title=Rationale"`
}

// ToDoText is the translated text of to-do.yaml.
type ToDoText struct {
	Steps map[string]StepText `yaml:"steps,omitempty" jsonschema:"title=Road map steps" jsonschema_description:"Keyed by the step's id (HU-S1 ...)."`
}

// StepText is the translated text of a road map step.
type StepText struct {
	Title       string                   `yaml:"title,omitempty" jsonschema:"title=Title"`
	Description string                   `yaml:"description,omitempty" jsonschema:"title=Description"`
	Milestones  map[string]MilestoneText `yaml:"milestones,omitempty" jsonschema:"title=Milestones" jsonschema_description:"Keyed by the milestone's id (m1 ...)."`
}

// MilestoneText is the translated text of a milestone.
type MilestoneText struct {
	Deliverable string `yaml:"deliverable,omitempty" jsonschema:"title=Deliverable"`
}

// ActionPlanText is the translated text of action-plan.yaml.
type ActionPlanText struct {
	PolicyDialogue        *PolicyDialogueText                 `yaml:"policy_dialogue,omitempty" jsonschema:"title=Policy dialogue"`
	Actions               map[string]ActionText               `yaml:"actions,omitempty" jsonschema:"title=Actions" jsonschema_description:"Keyed by the action's id (HU-A1 ...)."`
	SustainabilityFactors map[string]SustainabilityFactorText `yaml:"sustainability_factors,omitempty" jsonschema:"title=Sustainability factors" jsonschema_description:"Keyed by the domain's id."`
}

// PolicyDialogueText is the translated text of the policy dialogue.
type PolicyDialogueText struct {
	Outcome string `yaml:"outcome,omitempty" jsonschema:"title=Outcome"`
}

// ActionText is the translated text of an action.
type ActionText struct {
	Title          string              `yaml:"title,omitempty" jsonschema:"title=Title"`
	Responsible    string              `yaml:"responsible,omitempty" jsonschema:"title=Responsible body"`
	KPIs           map[string]KPIText  `yaml:"kpis,omitempty" jsonschema:"title=Key performance indicators" jsonschema_description:"Keyed by the KPI's id (k1 ...)."`
	Sustainability *SustainabilityText `yaml:"sustainability,omitempty" jsonschema:"title=After the programme"`
}

// KPIText is the translated text of a KPI.
type KPIText struct {
	Indicator string `yaml:"indicator,omitempty" jsonschema:"title=Indicator"`
	Unit      string `yaml:"unit,omitempty" jsonschema:"title=Unit"`
}

// SustainabilityText is the translated text of an action's future.
type SustainabilityText struct {
	Notes string `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// SustainabilityFactorText is the translated text of a sustainability factor.
type SustainabilityFactorText struct {
	Evidence string `yaml:"evidence,omitempty" jsonschema:"title=Evidence"`
}
