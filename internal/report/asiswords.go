package report

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/num"
)

// The as-is report's lists inside a sentence, in the report's language: items
// with their share of countries, the leaders and the largest gaps of the key
// findings, and how a country compares with the median (report.asis.*).

// asIsWordFuncs are the as-is template's list helpers.
func asIsWordFuncs(data *Data) template.FuncMap {
	m, fw := data.msgs, data.Framework
	item := func(key string) string {
		if it, ok := fw.Item(key); ok {
			return escapeMarkdown(it.Title)
		}
		return escapeMarkdown(key)
	}
	task := func(id string) string { return escapeMarkdown(taskShortOf(fw, id)) }
	country := func(code string) string {
		return fmt.Sprintf("[%s](#%s)", escapeMarkdown(countryNameOf(data, code)), anchorID("country", code))
	}
	return template.FuncMap{
		// itemShares lists the first five items with how many of the countries
		// that assessed them are weak (weak) or at the top of the scale: "A (3 of
		// 5 countries), B (2 of 4) and 3 more"; the first names "countries" when
		// first is true.
		"itemShares": func(items []compare.ItemStats, weak, first bool) string {
			shown := items[:min(5, len(items))]
			out := make([]string, len(shown))
			for i, it := range shown {
				n := len(it.Full)
				if weak {
					n = len(it.Weak)
				}
				id := "report.asis.f.share"
				if i == 0 && first {
					id = "report.asis.f.share_countries"
				}
				out[i] = m.t(id, "Item", item(it.Key), "N", n, "Of", it.AsIs.Count)
			}
			list := m.joinAnd(out)
			if len(items) > len(shown) {
				return m.t("report.asis.f.and_more", "List", list, "Count", len(items)-len(shown))
			}
			return list
		},
		// leaderList says who ranks first on which tasks: "A ranks first on X
		// and Y; B on Z".
		"leaderList": func(ls []compare.Leader) string {
			out := make([]string, len(ls))
			for i, l := range ls {
				id := "report.asis.f.leader_next"
				if i == 0 {
					id = "report.asis.f.leader_first"
				}
				tasks := make([]string, len(l.Tasks))
				for j, t := range l.Tasks {
					tasks[j] = task(t)
				}
				out[i] = m.t(id, "Country", country(l.Country), "Tasks", m.joinAnd(tasks))
			}
			return strings.Join(out, "; ")
		},
		// gapList lists the largest gaps: "A on X (0.50) and B on Y (0.40)".
		"gapList": func(gs []compare.CountryGap) string {
			out := make([]string, len(gs))
			for i, g := range gs {
				out[i] = m.t("report.asis.f.gap_entry", "Country", country(g.Country), "Task", task(g.Task), "Gap", numOr(m.nums(), g.Gap, 2, num.Missing))
			}
			return m.joinAnd(out)
		},
		// bandWord is a stakeholder map band's words ("low (1-2)") in the language.
		"bandWord": func(label string) string {
			for _, b := range bands {
				if b.Label == label {
					return m.t("report.asis.band." + b.Key)
				}
			}
			return escapeMarkdown(label)
		},
	}
}
