package plan

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Choice is one allowed value of a coded field and the words readers see for it.
type Choice struct {
	Code  string
	Label string // as the words read inside a sentence: "in progress", "EU funds"
}

// The wording of every coded field, in the order lists and tables show the codes.
// Reports and pages take their words from here, so a code never reaches a reader
// as written in the file ("eu", "in_progress", "none") and reads the same
// everywhere; a table cell capitalises the first letter. TestChoicesMatchSchema
// keeps these lists equal to the enums of the schema.
var (
	ActionStatuses = []Choice{
		{"planned", "planned"}, {"in_progress", "in progress"}, {"done", "done"},
		{"delayed", "delayed"}, {"cancelled", "cancelled"},
	}
	FundingSources = []Choice{
		{"national", "national budget"}, {"regional", "regional budget"},
		{"eu", "EU funds"}, {"other", "other funds"},
	}
	Anchorings = []Choice{
		{"law", "anchored in law"}, {"regulation", "anchored in regulation"},
		{"strategy", "anchored in a strategy"}, {"institution", "held by an institution only"},
		{"none", "not anchored"},
	}
	Priorities = []Choice{{"high", "high"}, {"medium", "medium"}, {"low", "low"}}
	Levels     = []Choice{{"national", "national"}, {"regional", "regional"}}
	// DialogueLevels are a policy dialogue's levels; an EU action's level is
	// the second.
	DialogueLevels = []Choice{{"national", "national"}, {"eu", "EU level"}}
	KnowledgeKinds = []Choice{
		{"brief", "policy brief"}, {"webinar", "webinar"}, {"report", "report"},
		{"meeting", "community of practice meeting"},
	}
	ModelTypes = []Choice{
		{"supply_stock_flow", "supply (stock and flow)"}, {"demand_utilisation", "demand (utilisation-based)"},
		{"needs_based", "needs-based"}, {"benchmarking", "benchmarking"}, {"integrated", "integrated supply and demand"},
	}
	SourceKinds = []Choice{
		{"professional_register", "professional register"}, {"hris", "HR information system"},
		{"facility_records", "facility records"}, {"labour_force_survey", "labour force survey"},
		{"census", "census"}, {"joint_questionnaire", "Eurostat/OECD/WHO Joint Questionnaire"},
		{"education_records", "education records"}, {"claims", "insurance claims"}, {"other", "other source"},
	}
	StakeholderTypes = []Choice{
		{"ministry", "ministry"}, {"agency", "agency"}, {"regulator", "regulator"},
		{"professional_body", "professional body"}, {"education", "education and training"},
		{"employer", "employer"}, {"trade_union", "trade union"}, {"insurer", "insurer"},
		{"patients", "patients' organisation"}, {"research", "research"},
		{"regional_government", "regional government"}, {"other", "other"},
	}
	UpdateFrequencies = []Choice{
		{"real_time", "in real time"}, {"monthly", "monthly"}, {"quarterly", "quarterly"},
		{"annual", "annually"}, {"irregular", "irregularly"}, {"one_off", "once"},
	}
)

// LabelOf returns the words for code, or code itself when it is not one of
// choices (a file the schema check has already refused).
func LabelOf(choices []Choice, code string) string {
	if i := slices.IndexFunc(choices, func(c Choice) bool { return c.Code == code }); i >= 0 {
		return choices[i].Label
	}
	return code
}

// CellOf is LabelOf as a table cell or a chart label shows it: the first
// letter upper-cased ("In progress", "EU funds").
func CellOf(choices []Choice, code string) string {
	s := LabelOf(choices, code)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Codes lists the codes of choices in order.
func Codes(choices []Choice) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = c.Code
	}
	return out
}
