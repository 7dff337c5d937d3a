package report

import (
	"strings"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// Words inside a sentence in the report's language, shared by every report:
// titles in lower case where the language writes them so, lists joined with
// "or", and the coded values' words (report.choice.<list>.<code>).

// capitalNouns are the languages whose nouns keep their capital letter inside
// a sentence: a framework title ("Pflegekräfte") is not lower-cased there.
var capitalNouns = map[string]bool{"de": true}

// lower writes a title in lower case as it reads inside a sentence ("nurses"),
// unless the language capitalises its nouns (German).
func (m *messages) lower(s string) string {
	if capitalNouns[m.code] {
		return s
	}
	return strings.ToLower(s)
}

// lowerFirst lower-cases a title's first letter inside a sentence, unless the
// language capitalises its nouns.
func (m *messages) lowerFirst(s string) string {
	if capitalNouns[m.code] {
		return s
	}
	return lowerFirst(s)
}

// joinOr joins items as the language lists alternatives: "a, b or c", "a, b
// oder c" (report.list_or).
func (m *messages) joinOr(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return m.t("report.list_or", "Head", strings.Join(items[:len(items)-1], ", "), "Last", items[len(items)-1])
}

// choiceLists name the coded plan values whose words a report writes, by the
// message list they are in: report.choice.<list>.<code>.
var choiceLists = map[string][]plan.Choice{
	"model_type":       plan.ModelTypes,
	"source_kind":      plan.SourceKinds,
	"update_frequency": plan.UpdateFrequencies,
	"stakeholder_type": plan.StakeholderTypes,
	// The sustainability and progress reports' (followup.go).
	"action_status":  plan.ActionStatuses,
	"funding_source": plan.FundingSources,
	"anchoring":      plan.Anchorings,
	"priority":       plan.Priorities,
	"level":          plan.Levels,
}

// choiceWord is a coded value's word in the language, as plain text: message
// report.choice.<list>.<code>, whose English is plan.LabelOf's (a test keeps
// them equal); a code with no message is written as plan.LabelOf writes it.
func (m *messages) choiceWord(list, code string) string {
	if s, err := m.T("report.choice." + list + "." + code); err == nil {
		return s
	}
	return plan.LabelOf(choiceLists[list], code)
}

// choiceWords are the coded values' words, escaped, for a sentence.
func choiceWords(m *messages, list string, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = escapeMarkdown(m.choiceWord(list, c))
	}
	return out
}
