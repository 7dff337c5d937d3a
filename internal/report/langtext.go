package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/bep/golocales"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Dates and lists in the report's language. English keeps the wording the
// reports always had ("9 October 2025", "January 2026", "A, B and C"); another
// language takes its dates from CLDR (golocales, which Hugo carries: the long
// date pattern and the month names, never typed by hand) and its list and
// month-year patterns from its bundle (report.list_and, report.month_year).

// dateText writes a date as the language writes a long date: "9 October 2025",
// "2025. október 9.", "9. Oktober 2025", "9 ottobre 2025".
func (m *messages) dateText(d plan.Date) string {
	if m.english() {
		return DateText(d)
	}
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	return golocales.New(m.code).FormatDateLong(t)
}

// monthText writes a month of a year: "January 2026", "2026. január".
func (m *messages) monthText(t time.Time) string {
	if m.english() {
		return t.Format("January 2006")
	}
	months := golocales.New(m.code).MonthsWide()
	return m.t("report.month_year", "Month", months[t.Month()-1], "Year", strconv.Itoa(t.Year()))
}

// joinAnd joins items as the language lists them: "a, b and c", "a, b és c".
func (m *messages) joinAnd(items []string) string {
	if m.english() || len(items) < 2 {
		return words.JoinAnd(items)
	}
	return m.t("report.list_and", "Head", strings.Join(items[:len(items)-1], ", "), "Last", items[len(items)-1])
}

// sourceLabel is Source.Label in the report's language: "commit abc1234 of 9
// October 2025" (the one wording in English, package provenance).
func (m *messages) sourceLabel(s Source, hash func(string) string) string {
	if m.english() {
		return s.Label(hash)
	}
	if hash == nil {
		hash = func(s string) string { return s }
	}
	date := ""
	if !s.Time.IsZero() {
		date = m.dateText(plan.Date(s.Time.UTC().Format("2006-01-02")))
	}
	var out string
	switch {
	case s.Commit == "" && date == "":
		return m.t("report.commit_unknown")
	case s.Commit == "":
		return m.t("report.commit_unknown_dated", "Date", date)
	case date == "":
		out = m.t("report.commit", "Hash", hash(s.Short()))
	default:
		out = m.t("report.commit_dated", "Hash", hash(s.Short()), "Date", date)
	}
	if s.Dirty {
		out += m.t("report.commit_dirty")
	}
	return out
}
