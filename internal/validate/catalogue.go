package validate

import (
	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
)

// Rules lists every rule id validation can report — the loader's, the schema
// check's and the rules across files — with the severity it usually has and what
// it checks. SARIF output and the documentation list them.
func Rules() []diag.RuleInfo {
	e, w := diag.Error, diag.Warning
	rules := []diag.RuleInfo{
		// Reading files (package load).
		{ID: load.RuleRead, Severity: e, Summary: "The file can be read."},
		{ID: load.RuleSize, Severity: e, Summary: "The file is under the size limit for plan files."},
		{ID: load.RuleEncoding, Severity: e, Summary: "The file is UTF-8 text, not UTF-16, UTF-32 or binary."},
		{ID: load.RuleSyntax, Severity: e, Summary: "The file is well-formed YAML."},
		{ID: load.RuleTabs, Severity: e, Summary: "Indentation uses spaces, not tabs."},
		{ID: load.RuleIndentChar, Severity: e, Summary: "Indentation uses plain spaces, not non-breaking or other space-like characters."},
		{ID: load.RuleDuplicate, Severity: e, Summary: "No key appears twice in the same block."},
		{ID: load.RuleAlias, Severity: e, Summary: "No YAML anchors, aliases or merge keys."},
		{ID: load.RuleKeyType, Severity: e, Summary: "Keys are plain names (text)."},
		{ID: load.RuleDocuments, Severity: e, Summary: "The file holds one YAML document."},
		{ID: load.RuleEmpty, Severity: e, Summary: "The file is not empty."},
		{ID: load.RuleRootType, Severity: e, Summary: "The file holds keys with values (a mapping)."},
		{ID: load.RuleDepth, Severity: e, Summary: "The data is not nested unreasonably deep."},
		{ID: load.RuleTag, Severity: e, Summary: "No YAML tags such as !!binary."},
		{ID: load.RuleNumber, Severity: e, Summary: "Numbers are finite and in range."},
		{ID: load.RuleSymlink, Severity: e, Summary: "Symbolic links stay inside the repository."},
		{ID: load.RuleMissing, Severity: e, Summary: "Every file a country folder needs is there."},
		{ID: load.RuleLayout, Severity: e, Summary: "Folders and files are where hwfplan looks for them."},
		{ID: load.RuleFramework, Severity: e, Summary: "schema/framework.yaml is a valid framework."},
		// The JSON Schema check.
		{ID: RuleRequired, Severity: e, Summary: "Required keys are present."},
		{ID: RuleUnknownKey, Severity: e, Summary: "Every key is one the schema knows (with a did-you-mean suggestion)."},
		{ID: RuleType, Severity: e, Summary: "Values have the right type (text, number, list, ...)."},
		{ID: RuleEnum, Severity: e, Summary: "Values are one of the allowed values."},
		{ID: RuleRange, Severity: e, Summary: "Numbers are within their minimum and maximum."},
		{ID: RuleScoreRange, Severity: e, Summary: "Scores are on the item's scale."},
		{ID: RuleFormat, Severity: e, Summary: "Values have the expected form (codes, ids, dates)."},
		{ID: RuleLength, Severity: e, Summary: "Text and lists are neither empty nor too long."},
		{ID: RuleUnique, Severity: e, Summary: "List entries are not repeated."},
		{ID: RuleChoice, Severity: e, Summary: "An item has a score or not_assessed, not both."},
		{ID: RuleSchema, Severity: e, Summary: "The file matches its JSON Schema."},
		// Rules across files.
		{ID: RuleFolderName, Severity: e, Summary: "The country folder is named after country.yaml's code."},
		{ID: RuleEUCode, Severity: w, Summary: "The EU code equals the ISO code, except Greece (GR, EL)."},
		{ID: RuleClusterExists, Severity: e, Summary: "The country's cluster has a file in clusters/."},
		{ID: RuleClusterListsCountry, Severity: e, Summary: "The country's cluster lists the country."},
		{ID: RuleClusterCountryFolder, Severity: e, Summary: "Every country a cluster lists has a folder."},
		{ID: RuleClusterMembership, Severity: e, Summary: "A cluster lists only countries whose country.yaml names that cluster."},
		{ID: RuleClusterID, Severity: e, Summary: "A cluster's id matches its file name."},
		{ID: RuleMaintainer, Severity: e, Summary: "Maintainers are GitHub handles (without @)."},
		{ID: RuleTargetBelowAsIs, Severity: w, Summary: "A target is not below the item's current score."},
		{ID: RuleTargetYear, Severity: e, Summary: "A target year is not before the assessment year."},
		{ID: RuleTargetHorizon, Severity: w, Summary: "A target year is not after the plan's horizon year."},
		{ID: RuleGapAddressed, Severity: w, Summary: "Every item gap of at least the framework's gap_threshold (compared exactly) is addressed by a to-do step."},
		{ID: RuleDuplicateID, Severity: e, Summary: "Ids are unique within their list."},
		{ID: RuleIDPrefix, Severity: e, Summary: "Step and action ids start with the country code."},
		{ID: RuleItemTask, Severity: w, Summary: "The items of a step or of an EU action belong to its task."},
		{ID: RuleMDSElement, Severity: e, Summary: "A data source's minimum_data_set lists elements of the framework's minimum planning data set, as group.element (with a did-you-mean suggestion)."},
		{ID: RuleStakeholderRef, Severity: e, Summary: "Step stakeholders are in the as-is stakeholder map."},
		{ID: RuleStepRef, Severity: e, Summary: "Actions implement steps that exist: a national action in its to-do.yaml, an EU action in the countries' to-do.yaml."},
		{ID: RuleActionTask, Severity: w, Summary: "An action's task, national or EU, is the task of a step it implements."},
		{ID: RuleDateReal, Severity: e, Summary: "Dates and months are real calendar dates."},
		{ID: RuleDateOrder, Severity: e, Summary: "An action, national or EU, does not end before it starts."},
		{ID: RuleCurrency, Severity: e, Summary: "Budgets and yearly costs after the programme, of national and EU actions, use an active ISO 4217 currency code."},
		{ID: RuleBudgetAfter, Severity: e, Summary: "The part of an action's budget (national or EU) spent after the programme (after_programme) is not more than the budget, is 0 for an action that ends by the programme end, and is the whole budget for one that starts after it."},
		{ID: RuleBudgetSplit, Severity: w, Summary: "An action (national or EU) with a budget that runs across the programme end says how much of it is spent after the programme (after_programme)."},
		{ID: RuleSustainability, Severity: e, Summary: "Actions, national and EU, ending after the programme (programme.end in the framework) state their sustainability, unless cancelled."},
		{ID: RulePlaceholder, Severity: w, Summary: "No placeholder text from hwfplan new country is left."},
		{ID: RuleYAML11, Severity: w, Summary: "Values YAML 1.1 readers (PyYAML, js-yaml) would read as dates, true/false values or numbers are quoted, so the file is text to every reader (hwfplan fmt quotes them); numbers have no leading zero."},
		{ID: RuleBidiControl, Severity: e, Summary: "No invisible bidirectional control characters (U+202A-202E, U+2066-2069), which show text in another order than the file holds."},
		{ID: RuleSustainabilityUnscored, Severity: w, Summary: "Every HEROES sustainability domain is scored in action-plan.yaml (a missing one counts as not scored, never as 0)."},
		// Monitoring over time: rounds, observations, met dates.
		{ID: RuleRoundOrder, Severity: e, Summary: "Assessment rounds in as-is.yaml have their own ids (baseline is the assessment at the top), are listed oldest first, each dated after the one before, and none after today (an error) or after the report date, as_of in publication.yaml (a warning: progress leaves it out until as_of moves)."},
		{ID: RuleObservationOrder, Severity: e, Summary: "A KPI's observations are listed oldest first, one a month."},
		{ID: RuleObservationRange, Severity: e, Summary: "KPI observations are not before the programme start; observations and milestone met dates are not after today (an error) or after the report date, as_of in publication.yaml (a warning: progress leaves it out until as_of moves)."},
		{ID: RuleKPIUnit, Severity: w, Summary: "A KPI's baseline, target and observed values are plausible for its unit: a percentage from 0 to 100, a rate (per ...) not negative."},
		// The programme files (programme/).
		{ID: RuleCountryRef, Severity: e, Summary: "Every country a programme file names (a dialogue, an EU action, a Policy Board member, a twinning, a knowledge entry) has a folder in countries/."},
		{ID: RuleActionRef, Severity: e, Summary: "Every action a programme file names (what a dialogue led to, what a decision or a sustainability measure concerns) is in a national action-plan.yaml or in programme/eu-action-plan.yaml."},
		{ID: RuleRetiredID, Severity: e, Summary: "An id listed in a programme file's retired_ids names no entry: ids are never reused."},
		{ID: RuleDateRange, Severity: e, Summary: "Dialogues, Policy Board meetings and twinnings are dated from the programme start to the end of the year it ends; those and knowledge entries and sustainability plan versions are not before the programme start, nor after today."},
		{ID: RuleDialogueRecord, Severity: e, Summary: "A national dialogue record names a country and leaves its date, participants and outcome to the country's action-plan.yaml (policy_dialogue), one record per country; an EU-level dialogue names no country. Actions of another country are warned about."},
		{ID: RuleVersionOrder, Severity: e, Summary: "The sustainability plan's versions are listed oldest first, each dated after the one before."},
		{ID: RuleDoneInFuture, Severity: w, Summary: "An action marked done, national or EU, does not end in the future."},
		// The framework's translations (schema/framework.<lang>.yaml).
		{ID: RuleTranslationID, Severity: e, Summary: "A framework translation names only tasks, items, scales, score values, domains, data set groups and elements, professions and fields the framework has (with a did-you-mean suggestion)."},
		{ID: RuleTranslationMissing, Severity: w, Summary: "A framework translation gives every text of the framework: one warning per text it does not translate (readers see the English there, and the page says so)."},
		{ID: RuleTranslationShape, Severity: e, Summary: "A framework translation has the framework's nesting: texts where the framework has text, score labels as {value, label} lists."},
		{ID: RuleTranslationReview, Severity: e, Summary: "A framework translation says whether the country team has reviewed it (review: reviewed: false until it has); a reviewed one names who reviewed it and when (a real date, not after today). An unreviewed translation is never presented as official."},
		{ID: RuleTranslationLanguage, Severity: e, Summary: "A framework translation is named schema/framework.<code>.yaml after a two-letter ISO 639-1 language code other than en, and its language: is that code."},
		{ID: RulePublicationLanguage, Severity: e, Summary: "publication.yaml's translations are keyed by the two-letter code of a language with a framework translation (schema/framework.<code>.yaml), the languages reports and pages are written in (with a did-you-mean suggestion); a translated citation holds the same placeholders as the English one ({title}, {version}, {year}, {date}; checked by the schema)."},
		// The countries' plan text in other languages (countries/<CODE>/translations/<lang>.yaml).
		{ID: RulePlanTranslationID, Severity: e, Summary: "A plan translation names only entries (by id) and text fields the country's English plan files have, and only texts that are not empty in English (with a did-you-mean suggestion): a translation follows its entry by id, so an entry removed or renamed in English takes its translation with it."},
		{ID: RulePlanTranslationMissing, Severity: w, Summary: "A plan translation that says complete: true translates every text of the plan: one warning per language, with the count and the first texts missing. A partial translation (without complete) is not warned about: readers see the English where a text is missing, and the page says so."},
		{ID: RulePlanTranslationShape, Severity: e, Summary: "A plan translation has the plan files' nesting, lists keyed by id: texts where the plan has text."},
		{ID: RulePlanTranslationReview, Severity: e, Summary: "A plan translation says whether the country team has reviewed it (review: reviewed: false until it has); a reviewed one names who reviewed it and when (a real date, not after today). An unreviewed translation is never presented as official."},
		{ID: RulePlanTranslationLanguage, Severity: e, Summary: "A plan translation is named translations/<code>.yaml after a two-letter ISO 639-1 language code other than en that country.yaml lists under languages, and its language: is that code. A language the country does not declare is an error, not a warning: the site publishes the languages country.yaml declares, so the translation would silently never be shown; the fix is one line in either file."},
	}
	for i := range rules {
		rules[i].HelpURI = RuleDocURL(rules[i].ID)
	}
	return rules
}

// RulesDoc is the page that documents every rule, generated from Rules (see
// TestRulesDoc); each rule has a section whose anchor is its id.
const RulesDoc = "docs/validate-rules.md"

// RuleDocURL returns the address of a rule's section in the published
// documentation, for SARIF's helpUri and links in reports.
func RuleDocURL(id string) string {
	return buildinfo.DefaultRepoURL + "/blob/" + buildinfo.DefaultBranch + "/" + RulesDoc + "#" + id
}
