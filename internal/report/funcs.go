package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/words"
)

// funcMap is what templates can call besides the text/template built-ins.
//
// Text helpers return plain text; wrap anything that came from the plans in `md`
// before it goes into Markdown. Structure helpers (chapter, section, annex, figure,
// table) take plain text and escape it themselves. Number helpers return safe text,
// written by package num (the one number formatter) at the precision of their kind.
func funcMap(d *doc, data *Data) template.FuncMap {
	fw := data.Framework
	return template.FuncMap{
		// Structure and numbering.
		"chapter":        d.Chapter,
		"section":        d.Section,
		"annex":          d.Annex,
		"figure":         d.Figure,
		"table":          d.Table,
		"ref":            d.Ref,
		"toc":            d.TOC,
		"titlePageStart": d.TitlePageStart,
		"titlePageEnd":   d.TitlePageEnd,
		"colophon":       func() string { return d.Colophon(data) },
		"hasFigure":      func(key string) bool { _, ok := d.figures[key]; return ok },

		// Escaping and anchors.
		"md":     escapeMarkdown,
		"lower":  data.msgs.lower, // in lower case as the language writes titles in a sentence
		"anchor": anchorID,
		"code":   code,
		// provenance is the source commit in words, its hash in a code span.
		"provenance": func(s Source) string { return data.msgs.sourceLabel(s, code) },
		// T writes a message of the report's language (site/i18n/<lang>.yaml): T
		// "report.id", T "report.id" count, or T "report.id" "Name" value ...;
		// values from the plans are escaped (md) before they are passed.
		"T": data.msgs.T,
		// word is the message prefix+key (a coded value's word, "report.status."
		// "draft"), or the key itself, escaped, when there is none.
		"word": func(prefix, key string) string {
			if s, err := data.msgs.T(prefix + key); err == nil {
				return s
			}
			return escapeMarkdown(key)
		},
		// illustrativeNames names the illustrative countries in a sentence:
		// "Belgium, Croatia and Hungary", escaped.
		"illustrativeNames": func() string {
			out := make([]string, len(data.Illustrative))
			for i, c := range data.Illustrative {
				out[i] = escapeMarkdown(c.Name)
			}
			return data.msgs.joinAnd(out)
		},
		// illustrativeList names the illustrative countries with their codes:
		// "Belgium (BE), Croatia (HR)", escaped.
		"illustrativeList": func() string {
			out := make([]string, len(data.Illustrative))
			for i, c := range data.Illustrative {
				out[i] = escapeMarkdown(c.Name) + " (" + c.Code + ")"
			}
			if data.msgs.english() {
				return strings.Join(out, ", ")
			}
			return data.msgs.joinAnd(out)
		},

		// Numbers.
		// Numbers are written in the report's language (data.msgs.nums: 0.13 in
		// English, 0,13 in German).
		"score":  func(n compare.Num) string { return numOr(data.msgs.nums(), n, 2, num.Missing) },
		"num":    func(n compare.Num, decimals int) string { return numOr(data.msgs.nums(), n, decimals, num.Missing) },
		"signed": func(n compare.Num) string { return signed(data.msgs.nums(), n) },
		"pct":    func(n compare.Num) string { return pct(data.msgs.nums(), n) },
		"money":  func(amount float64, currency string) string { return money(data.msgs.nums(), amount, currency) },
		// plain writes a value as the plans or the framework wrote it (0.25).
		"plain": data.msgs.nums().Plain,
		// precision says how numbers are written and compared (num.Rule, the
		// message numbers_rule in the report's language).
		"precision": func() string { return escapeMarkdown(data.msgs.numberRule()) },
		// quantity writes a value as planned (a KPI's baseline or target): as few
		// decimals as it has, thousands separated: "5,200", "7.5".
		"quantity": data.msgs.nums().Quantity,
		// missing is a number that is not there (num.Missing).
		"missing": func() string { return num.Missing },
		"raw": func(v *int) string {
			if v == nil {
				return num.Missing
			}
			return strconv.Itoa(*v)
		},
		"add":    func(a, b int) int { return a + b },
		"plural": words.Count,

		// Vocabulary (plain text).
		"countryName": func(code string) string {
			if c := data.Country(code); c != nil {
				return c.Name
			}
			return code
		},
		"clusterName": func(id string) string {
			if c := data.Cluster(id); c != nil {
				return c.Name
			}
			return id
		},
		"clusterShort": func(id string) string {
			if c := data.Cluster(id); c != nil {
				return clusterLabel(c)
			}
			return id
		},
		"task": func(id string) *framework.Task {
			t, _ := fw.Task(id)
			return t
		},
		"taskTitle": func(id string) string {
			if t, ok := fw.Task(id); ok {
				return t.Title
			}
			return id
		},
		"taskShort": func(id string) string {
			if t, ok := fw.Task(id); ok && t.Short != "" {
				return t.Short
			}
			return id
		},
		"item": func(key string) *framework.Item {
			it, _ := fw.Item(key)
			return it
		},
		"itemTitle": func(key string) string {
			if it, ok := fw.Item(key); ok {
				return it.Title
			}
			return key
		},
		"scaleOf": func(key string) *framework.Scale {
			if it, ok := fw.Item(key); ok {
				return fw.ItemScale(it)
			}
			return nil
		},
		"label": func(key string, v *int) string {
			if v == nil {
				return ""
			}
			if it, ok := fw.Item(key); ok {
				return fw.LabelFor(it, *v)
			}
			return ""
		},
		"domainTitle": func(id string) string {
			for _, dm := range fw.Sustainability.Domains {
				if dm.ID == id {
					return dm.Title
				}
			}
			return id
		},
		"domainLabel": func(v *int) string {
			if v == nil {
				return ""
			}
			if s := fw.SustainabilityScale(); s != nil {
				for _, l := range s.Labels {
					if l.Value == *v {
						return l.Label
					}
				}
			}
			return ""
		},
		"statusLabel": func(s string) string {
			return strings.ReplaceAll(capital(data.msgs.choiceWord("action_status", s)), " ", "\u00a0")
		},
		// The words for the other coded fields (plain text; plan.LabelOf).
		// The last four in the report's language (report.choice.<list>.<code>).
		"fundingSource":   func(s string) string { return plan.LabelOf(plan.FundingSources, s) },
		"anchoring":       func(s string) string { return plan.LabelOf(plan.Anchorings, s) },
		"priority":        func(s string) string { return plan.LabelOf(plan.Priorities, s) },
		"level":           func(s string) string { return plan.LabelOf(plan.Levels, s) },
		"modelType":       func(s string) string { return data.msgs.choiceWord("model_type", s) },
		"frequency":       func(s string) string { return data.msgs.choiceWord("update_frequency", s) },
		"stakeholderType": func(s string) string { return data.msgs.choiceWord("stakeholder_type", s) },
		"sourceKind":      func(s string) string { return data.msgs.choiceWord("source_kind", s) },
		// elementWords and groupWords name minimum data set elements (group.element)
		// and groups inside a sentence: "emigrants and population by age and sex".
		"elementWords": func(keys []string) string { return elementWords(data.msgs, fw, keys) },
		"groupWords":   func(ids []string) string { return groupWords(data.msgs, fw, ids) },
		"elementList":  func(keys []string) string { return elementList(data.msgs, fw, keys) },
		// capital writes text with its first letter in capitals, for a table cell.
		"capital": capital,
		"yesNo": func(b bool, yes, no string) string {
			if b {
				return yes
			}
			return no
		},
		// afterProgramme is the part of an action's budget that falls after the
		// programme end; missing when the plan does not say (compare.AfterProgramme).
		"afterProgramme": func(a plan.Action) compare.Num {
			if v, ok := compare.AfterProgramme(a, plan.YearMonth(data.Programme.End)); ok {
				return compare.Some(v)
			}
			return compare.Num{}
		},
		// programmeEnd is the programme's last month (YYYY-MM), for the shared
		// blocks of the templates, which see only the action they are given.
		"programmeEnd": func() string { return data.Programme.End },
		// endsAfter reports whether an action ends after the programme end.
		"endsAfter": func(a plan.Action) bool {
			e, ok1 := compare.MonthIndex(plan.YearMonth(data.Programme.End))
			m, ok2 := compare.MonthIndex(a.End)
			return ok1 && ok2 && m > e
		},
		// monthText writes a YYYY-MM as "January 2026" (other text unchanged).
		"monthText": func(v any) string {
			if t, err := time.Parse("2006-01", fmt.Sprint(v)); err == nil {
				return data.msgs.monthText(t)
			}
			return escapeMarkdown(fmt.Sprint(v))
		},
		// dateText writes a YYYY-MM-DD as "9 October 2025" (other text escaped).
		"dateText": func(v any) string {
			if d := plan.Date(fmt.Sprint(v)); d.Valid() {
				return data.msgs.dateText(d)
			}
			return escapeMarkdown(fmt.Sprint(v))
		},
		// month writes a YYYY-MM (or any text) that never breaks at its hyphen.
		"month": func(v any) string { return escapeMarkdown(strings.ReplaceAll(fmt.Sprint(v), "-", "\u2011")) },
		"countStatus": func(counts []compare.Count, key string) int {
			for _, c := range counts {
				if c.Key == key {
					return c.Count
				}
			}
			return 0
		},
		"statuses":   func() []string { return slices.Clone(compare.Statuses) },
		"anchorings": func() []string { return slices.Clone(compare.Anchorings) },
		"join": func(items []string, sep string) string {
			out := make([]string, len(items))
			for i, s := range items {
				out[i] = escapeMarkdown(s)
			}
			return strings.Join(out, sep)
		},
	}
}

// numOr writes a number for people (package num), or missing.
func numOr(l num.Locale, n compare.Num, decimals int, missing string) string {
	if !n.Valid || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return missing
	}
	return n.FormatIn(l, decimals)
}

// signed shows a difference with its sign: "+0.25", "−0.10", "0.00".
func signed(l num.Locale, n compare.Num) string {
	if !n.Valid || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return num.Missing
	}
	return l.Signed(n.Value)
}

// pct shows a share as a whole percentage: "63 %".
func pct(l num.Locale, n compare.Num) string {
	if !n.Valid || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return num.Missing
	}
	return l.Percent(n.Value)
}

// money shows an amount with its currency and thousands separators: "EUR 350,000".
// Amounts are never converted or added across currencies.
func money(l num.Locale, amount float64, currency string) string {
	return escapeMarkdown(currency) + "\u00a0" + l.Money(amount)
}

func statusLabel(s string) string { return plan.CellOf(plan.ActionStatuses, s) }

// capital upper-cases the first letter of s.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// code writes s as a Markdown code span.
func code(s string) string { return "`" + strings.ReplaceAll(escapeMarkdown(s), "`", "") + "`" }
