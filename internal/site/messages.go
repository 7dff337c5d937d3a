package site

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bep/golocales"
	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/report"
	"github.com/hwfplan/hwfplan/internal/words"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// msgs writes the text the generator puts on a page in the page's language:
// the interface messages of site/i18n/<lang>.yaml by id, with the English given
// beside the id in the Go code (TestGoMessagesMatchEnglish keeps it equal to
// site/i18n/en.yaml), the plans' coded values and the progress states by the
// same messages the reports use, and lists and dates as the language writes
// them. The zero value is English: the words every page had before.
type msgs struct {
	// lang is the language of the pages ("" for English, the site's top).
	lang string
	// md, if not nil, is shared by the pages of every language (see markdown).
	md *markdownMemo
}

// english reports whether the pages are the English ones.
func (m msgs) english() bool { return m.lang == "" || m.lang == "en" }

// t is message id, a text without placeholders.
func (m msgs) t(id, english string) string { return message(m.lang, id, english) }

// tf is message id with its placeholders ({{ .Name }}) filled from pairs of
// name and value: tf("id", "Task {{ .N }}. {{ .Title }}", "N", 1, "Title", t).
// The values go in as given, never parsed: plan text stays text.
func (m msgs) tf(id, english string, args ...any) string {
	return fill(id, m.t(id, english), args)
}

// tn is message id with plural forms, picked by n by the language's CLDR rules
// (the English forms one and other given here); n is {{ .Count }}.
func (m msgs) tn(id string, n int, one, other string, args ...any) string {
	text := other
	if n == 1 {
		text = one
	}
	if !m.english() {
		if forms, ok := bundles()[m.lang][id].(map[string]any); ok {
			tag, err := language.Parse(m.lang)
			if err == nil {
				form := report.PluralForm(tag, n)
				if s, ok := forms[form].(string); ok && s != "" {
					text = s
				} else if s, ok := forms["other"].(string); ok && s != "" {
					text = s
				}
			}
		}
	}
	return fill(id, text, append([]any{"Count", n}, args...))
}

// fill fills a message's placeholders (report.FillMessage, as Hugo's T does)
// from pairs of name and value. A message that does not parse or fill (ruled
// out by the bundle tests) shows as its text.
func fill(id, text string, args []any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			data[k] = args[i+1]
		}
	}
	out, err := report.FillMessage(id, text, data)
	if err != nil {
		return text
	}
	return out
}

// joinAnd joins items as the language lists them: "A, B and C", "A, B und C"
// (report.list_and, the reports' own pattern).
func (m msgs) joinAnd(items []string) string {
	if m.english() || len(items) < 2 {
		return words.JoinAnd(items)
	}
	return m.tf("report.list_and", "{{ .Head }} and {{ .Last }}", "Head", strings.Join(items[:len(items)-1], ", "), "Last", items[len(items)-1])
}

// label is a coded value's words in the language (plan.LabelOf's in English):
// the message report.choice.<list>.<code> the reports use too, so a label has
// one translation.
func (m msgs) label(list string, choices []plan.Choice, code string) string {
	return m.t("report.choice."+list+"."+code, plan.LabelOf(choices, code))
}

// cell is label as a table cell shows it, the first letter upper-cased
// (plan.CellOf in English).
func (m msgs) cell(list string, choices []plan.Choice, code string) string {
	return upperFirst(m.label(list, choices, code))
}

// upperFirst upper-cases a text's first letter.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// actionState, milestoneState, kpiState and reason are progress's words for its
// states (the Label methods) in the language: messages state.<kind>.<state>.
func (m msgs) actionState(s progress.ActionState) string {
	return m.t("state.action."+string(s), s.Label())
}

func (m msgs) milestoneState(s progress.MilestoneState) string {
	return m.t("state.milestone."+string(s), s.Label())
}

func (m msgs) kpiState(s progress.KPIState) string {
	return m.t("state.kpi."+string(s), s.Label())
}

func (m msgs) reason(r progress.Reason) string {
	if r == "" {
		return ""
	}
	return m.t("state.reason."+string(r), r.Label())
}

// monthText writes a month as a table does: "Jan 2026" in English, the
// language's abbreviated month name from CLDR otherwise.
func (m msgs) monthText(t time.Time) string {
	if m.english() {
		return t.Format("Jan 2006")
	}
	k := monthKey{m.lang, t.Year(), t.Month()}
	if s, ok := monthTexts.Load(k); ok {
		return s.(string)
	}
	months := golocales.New(m.lang).MonthsAbbreviated()
	s := m.tf("month_year_short", "{{ .Month }} {{ .Year }}", "Month", months[t.Month()-1], "Year", strconv.Itoa(t.Year()))
	monthTexts.Store(k, s)
	return s
}

// monthTexts keeps monthText's words by monthKey: the progress tables of 500
// countries write the same few months tens of thousands of times.
var monthTexts sync.Map

type monthKey struct {
	lang  string
	year  int
	month time.Month
}

// dateText writes a date: "31 October 2026" in English, the language's long
// date from CLDR otherwise.
func (m msgs) dateText(t time.Time) string {
	if m.english() {
		return t.Format("2 January 2006")
	}
	return golocales.New(m.lang).FormatDateLong(t)
}

// languageNames names languages by their codes in the page's language, from
// CLDR ("Hungarian, English"; "ungarisch, englisch"); the code stays where
// CLDR has no name.
func (m msgs) languageNames(codes []string) []string {
	lang := m.lang
	if m.english() {
		lang = "en"
	}
	in, err := language.Parse(lang)
	if err != nil {
		return codes
	}
	names := display.Languages(in)
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c
		if t, err := language.Parse(c); err == nil {
			if n := names.Name(t); n != "" {
				out[i] = n
			}
		}
	}
	return out
}

// status is a country's data status in words ("Illustrative data", "Draft").
func (m msgs) status(s string) string {
	switch plan.Status(s) {
	case plan.StatusIllustrative:
		return m.t("status_illustrative", "Illustrative data")
	case plan.StatusDraft:
		return m.t("status_draft", "Draft")
	case plan.StatusSubmitted:
		return m.t("status_submitted", "Submitted")
	case plan.StatusApproved:
		return m.t("status_approved", "Approved")
	}
	return ""
}

// taskTitle is a task's heading: "Task 1. Optimize planning data and sources".
func (m msgs) taskTitle(number int, title string) string {
	return m.tf("task_heading", "Task {{ .N }}. {{ .Title }}", "N", number, "Title", title)
}

// stakeholderType is a stakeholder's type in words ("professional body").
func (m msgs) stakeholderType(code string) string {
	return m.label("stakeholder_type", plan.StakeholderTypes, code)
}

// secured says whether funding is secured: "secured", "not secured".
func (m msgs) secured(ok bool) string {
	if ok {
		return m.t("funding_secured", "secured")
	}
	return m.t("funding_not_secured", "not secured")
}

// mediumDate writes a date as a chart label does: "31 Oct 2026" in English,
// the language's medium date from CLDR otherwise.
func (m msgs) mediumDate(t time.Time) string {
	if m.english() {
		return t.Format("2 Jan 2006")
	}
	return golocales.New(m.lang).FormatDateMedium(t)
}

// nOf is a count out of a total, as a table cell says it: "7 of 8".
func (m msgs) nOf(n, total int) string {
	return m.tf("n_of_total", "{{ .N }} of {{ .Total }}", "N", n, "Total", total)
}

// filterGroup names a knowledge filter's group inside a sentence ("Only the
// entries of kind …").
func (m msgs) filterGroup(id string) string {
	switch id {
	case "kind":
		return m.t("filter_group_kind", "kind")
	case "task":
		return m.t("filter_group_task", "task")
	}
	return m.t("filter_group_country", "country")
}

// dateFrom says where the report date came from (progress.From*) in the
// language: "as_of in publication.yaml", "the date of the source commit".
func (m msgs) dateFrom(from string) string {
	switch from {
	case progress.FromPublication:
		return m.t("from_publication", "as_of in publication.yaml")
	case progress.FromCommit:
		return m.t("from_commit", "the date of the source commit")
	}
	return from // a flag or a variable's name, the same in every language
}

// chartWords are the words a chart writes itself, in the language.
func (m msgs) chartWords() chart.Words {
	if m.english() {
		return chart.Words{}
	}
	st := map[string]string{}
	for _, c := range plan.ActionStatuses {
		st[c.Code] = m.label("action_status", plan.ActionStatuses, c.Code)
	}
	return chart.Words{NoValue: m.t("chart_no_value", "no value"), NotAssessed: m.t("chart_not_assessed", "not assessed"),
		NoDates: m.t("chart_no_dates", "no dates"), To: m.t("chart_to", "to"), Status: st,
		Value: m.t("chart_value_legend", "Value (0–1)"), Gap: m.t("chart_gap_legend", "Gap, to-be minus as-is (0–1)"),
		OneCountry: m.t("chart_one_country", "one country"), Median: m.t("chart_median", "median"),
		StripKey: m.t("chart_strip_key", "box: middle half of the countries; line: median")}
}
