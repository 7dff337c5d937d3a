package report

import (
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
)

// The words of the follow-up reports (sustainability, progress) in the report's
// language: a coded value of the plans (an action's status, a funding source,
// an anchoring, a priority, a level) and the states package progress measures.
// The English messages are the words plan.LabelOf and progress's Label give,
// which a test keeps equal, so English output is as it always was.

// choice is a coded value's word in the report's language ("in progress",
// "folyamatban"): choiceWord, whose lists (langwords.go) hold the action
// statuses, funding sources, anchorings, priorities and levels too; a code the
// list does not know stays as the plans wrote it.
func (m *messages) choice(list, code string) string { return m.choiceWord(list, code) }

// chartWords are the words a chart writes itself (a timeline's statuses, "to",
// "no dates"), in the report's language: the site's messages of the same words
// (internal/site's chartWords); English is the zero value, the chart's own.
func (m *messages) chartWords() chart.Words {
	if m.english() {
		return chart.Words{}
	}
	st := map[string]string{}
	for _, c := range plan.ActionStatuses {
		st[c.Code] = m.choice("action_status", c.Code)
	}
	return chart.Words{NoValue: m.t("chart_no_value"), NotAssessed: m.t("chart_not_assessed"),
		NoDates: m.t("chart_no_dates"), To: m.t("chart_to"), Status: st,
		Value: m.t("chart_value_legend"), Gap: m.t("chart_gap_legend"), OneCountry: m.t("chart_one_country"),
		StripKey: m.t("chart_strip_key"), Median: m.t("chart_median")}
}

// fromText says where the report date came from (progress.From...).
func (m *messages) fromText(from string) string {
	id := map[string]string{progress.FromFlag: "flag", progress.FromPublication: "publication",
		progress.FromEpoch: "epoch", progress.FromCommit: "commit"}[from]
	if id == "" {
		return from
	}
	return m.t("report.progress.from." + id)
}

// inSentence writes a title inside a sentence: lower case in English, as the
// reports always wrote it; German keeps its capitals (nouns), and Hungarian and
// Italian lower only a first capital that is not part of an acronym.
func (m *messages) inSentence(s string) string {
	switch {
	case m.english():
		return strings.ToLower(s)
	case m.code == "de":
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// followUpFuncs are the template helpers of the sustainability and progress
// reports' words.
func followUpFuncs(data *Data) template.FuncMap {
	m := data.msgs
	return template.FuncMap{
		// choice is a coded value's word inside a sentence (plain text):
		// choice "funding_source" "eu" is "EU funds".
		"choice": m.choice,
		// choiceCell is choice as a table cell: the first letter upper-cased, and
		// for an action status no line break inside it ("In progress").
		"choiceCell": func(list, code string) string {
			s := capital(m.choice(list, code))
			if list == "action_status" {
				s = strings.ReplaceAll(s, " ", "\u00a0")
			}
			return s
		},
		"actionState": func(s progress.ActionState) string { return m.t("report.progress.state." + string(s)) },
		"kpiState":    func(s progress.KPIState) string { return m.t("report.progress.kpi." + string(s)) },
		// reasonWord says why an action is behind; "" when it is not.
		"reasonWord": func(r progress.Reason) string {
			if r == "" {
				return ""
			}
			return m.t("report.progress.reason." + string(r))
		},
		// behindText counts the actions behind schedule, and the cancelled ones
		// when there are any: "3 are behind schedule and 1 cancelled (not counted)".
		"behindText": func(c progress.Counts) string {
			if c.ActionsCancelled > 0 {
				return m.t("report.progress.n_behind_cancelled", "Count", c.ActionsBehind, "Cancelled", c.ActionsCancelled)
			}
			return m.t("report.progress.n_behind", c.ActionsBehind)
		},
		// cond is a when c is true as a template's if sees it (not zero, not
		// empty, not nil), else b: one of two sentences for a message's placeholder.
		"cond": func(c any, a, b string) string {
			if t, _ := template.IsTrue(c); t {
				return a
			}
			return b
		},
		"fromText":   m.fromText,
		"inSentence": m.inSentence,
		"english":    m.english,
	}
}
