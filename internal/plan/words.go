package plan

import "slices"

// Choice is one allowed value of a coded field and the words readers see for it.
type Choice struct {
	Code  string
	Label string // sentence case: "In progress", "EU funds"
}

// The wording of every coded field, in the order lists and tables show the codes.
// Reports and pages take their words from here, so a code never reaches a reader
// as written in the file ("eu", "in_progress") and each reads the same everywhere.
// TestChoicesMatchSchema keeps these lists equal to the enums of the schema.
var (
	ActionStatuses = []Choice{
		{"planned", "Planned"}, {"in_progress", "In progress"}, {"done", "Done"},
		{"delayed", "Delayed"}, {"cancelled", "Cancelled"},
	}
	FundingSources = []Choice{
		{"national", "National budget"}, {"regional", "Regional budget"},
		{"eu", "EU funds"}, {"other", "Other funds"},
	}
	Anchorings = []Choice{
		{"law", "Law"}, {"regulation", "Regulation"}, {"strategy", "Strategy"},
		{"institution", "An institution only"}, {"none", "Not anchored"},
	}
	Priorities   = []Choice{{"high", "High"}, {"medium", "Medium"}, {"low", "Low"}}
	Levels       = []Choice{{"national", "National"}, {"regional", "Regional"}}
	DataStatuses = []Choice{
		{string(StatusIllustrative), "Illustrative"}, {string(StatusDraft), "Draft"},
		{string(StatusSubmitted), "Submitted"}, {string(StatusApproved), "Approved"},
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

// Codes lists the codes of choices in order.
func Codes(choices []Choice) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = c.Code
	}
	return out
}
