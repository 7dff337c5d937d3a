package report

import (
	"fmt"
	"slices"
	"strings"
	"text/template"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/words"
)

// proseFuncs are the template helpers that write the reports' sentences: lists of
// countries, tasks and items joined as English, dates in words, and the findings
// and standings package compare computes. Helpers that return text escape what
// came from the plans, so their result goes into Markdown as it is.
func proseFuncs(data *Data) template.FuncMap {
	fw := data.Framework
	fm := template.FuncMap{
		// subsection writes an unnumbered heading inside a section ("#### Title"),
		// not listed in the contents.
		"subsection": func(title string) string { return "\n\n#### " + escapeMarkdown(title) + "\n\n" },
		// countryList joins the countries' names in name order: "Belgium,
		// Estonia and Sweden".
		"countryList": func(codes []string) string {
			codes = codesByName(data, codes)
			out := make([]string, len(codes))
			for i, code := range codes {
				out[i] = escapeMarkdown(countryNameOf(data, code))
			}
			return data.msgs.joinAnd(out)
		},
		// countryLinks is countryList with each name linked to its profile.
		"countryLinks": func(codes []string) string {
			codes = codesByName(data, codes)
			out := make([]string, len(codes))
			for i, code := range codes {
				out[i] = fmt.Sprintf("[%s](#%s)", escapeMarkdown(countryNameOf(data, code)), anchorID("country", code))
			}
			return data.msgs.joinAnd(out)
		},
		"codesOf": codesOf,
		// names joins names written in the plans: "A, B and C".
		"names": func(names []string) string {
			out := make([]string, len(names))
			for i, n := range names {
				out[i] = escapeMarkdown(n)
			}
			return data.msgs.joinAnd(out)
		},
		// taskList joins the tasks' short titles: "Data and sources and Stakeholders".
		"taskList": func(ids []string) string {
			out := make([]string, len(ids))
			for i, id := range ids {
				out[i] = escapeMarkdown(taskShortOf(fw, id))
			}
			return data.msgs.joinAnd(out)
		},
		"itemStats": func(key string) *compare.ItemStats {
			for i := range data.R.CrossCountry.Items {
				if data.R.CrossCountry.Items[i].Key == key {
					return &data.R.CrossCountry.Items[i]
				}
			}
			return nil
		},
		"firstItems": func(n int, items []compare.ItemStats) []compare.ItemStats { return items[:min(n, len(items))] },
		"standing":   data.R.Standing,
		// scaleStep is the normalised distance between two neighbouring levels.
		"scaleStep": func(sc framework.Scale) compare.Num {
			if sc.Max <= sc.Min {
				return compare.Num{}
			}
			return compare.Exact(num.Frac(1, int64(sc.Max-sc.Min)))
		},
		// enumText writes a schema value such as "supply_stock_flow" as words.
		"enumText": enumText,
		// professionList names professions by the framework's titles; a specialty
		// ("nurses/midwifery") follows in brackets.
		"professionList": func(ids []string) string {
			out := make([]string, len(ids))
			for i, id := range ids {
				base, spec, _ := strings.Cut(id, "/")
				t := strings.ReplaceAll(base, "_", " ")
				for _, p := range fw.Professions {
					if p.ID == base {
						t = p.Title
					}
				}
				if spec != "" {
					t += " (" + strings.ReplaceAll(spec, "_", " ") + ")"
				}
				out[i] = escapeMarkdown(t)
			}
			return strings.Join(out, ", ")
		},
		// professionWords names framework professions inside a sentence: "nurses,
		// midwives and dentists".
		"professionWords": func(ids []string) string { return professionWords(data, ids) },
		// professionIDs are the framework's professions, in its order.
		"professionIDs": func() []string {
			out := make([]string, len(fw.Professions))
			for i, p := range fw.Professions {
				out[i] = p.ID
			}
			return out
		},
		// choiceWords names coded values of a list (report.choice.<list>.<code>)
		// inside a sentence, escaped: "census and facility records";
		// choiceWordsOr joins them with "or".
		"choiceWords": func(list string, codes []string) string {
			return data.msgs.joinAnd(choiceWords(data.msgs, list, codes))
		},
		"choiceWordsOr": func(list string, codes []string) string {
			return data.msgs.joinOr(choiceWords(data.msgs, list, codes))
		},
		// skillWords names competencies inside a sentence: "finance and
		// labour market"; skillIDs names them by id in a table cell.
		"skillWords": func(items []SkillItem) string { return data.msgs.joinAnd(skillTitles(data.msgs, items)) },
		"skillIDs":   func(ids []string) string { return skillIDs(data, ids) },
		"scoreStep":  func(s compare.ItemScore) string { return scoreStep(data.msgs, s) },
		// typeWords names stakeholder types inside a sentence; howWords says how
		// a dialogue participant was matched to a stakeholder map.
		"typeWords":    func(codes []string) string { return data.msgs.joinAnd(typeWords(data.msgs, codes)) },
		"typeWordsOr":  func(codes []string) string { return data.msgs.joinOr(typeWords(data.msgs, codes)) },
		"howWords":     func(how string) string { return howWords(data.msgs, how) },
		"committeeKey": CommitteeKey,
		"typeCodes": func(rows []StakeholderTypeRow) []string {
			out := make([]string, len(rows))
			for i, r := range rows {
				out[i] = r.Code
			}
			return out
		},
		// statusWord is an action status inside a sentence: "in progress".
		"statusWord": func(s string) string { return data.msgs.choiceWord("action_status", s) },
		"sub":        func(a, b int) int { return a - b },
		// zero is the number 0, to ask whether a number shows as zero.
		"zero": func() compare.Num { return compare.Exact(num.Frac(0, 1)) },
		// weakBelow is the normalised score an item is weak below.
		"weakBelow": func() compare.Num { return compare.WeakBelow },
		// sep is what goes before the i-th of n list entries: "", ", " or " and ".
		"sep": func(i, n int) string {
			switch {
			case i == 0:
				return ""
			case i == n-1:
				return data.msgs.t("report.sep_and")
			}
			return ", "
		},
		// wordOf is the singular (n = 1) or the plural word, without the number.
		"wordOf": words.Plural,
		"countryLink": func(code string) string {
			return fmt.Sprintf("[%s](#%s)", escapeMarkdown(countryNameOf(data, code)), anchorID("country", code))
		},
		// synthesis and distribution return a task's synthesis and distribution.
		"synthesis": func(task string) *compare.TaskSynthesis {
			for i := range data.R.Findings.Tasks {
				if data.R.Findings.Tasks[i].Task == task {
					return &data.R.Findings.Tasks[i]
				}
			}
			return nil
		},
		"distribution": func(task string) *compare.TaskDistribution {
			for i := range data.R.CrossCountry.Distributions {
				if data.R.CrossCountry.Distributions[i].Task == task {
					return &data.R.CrossCountry.Distributions[i]
				}
			}
			return nil
		},
		// itemScore is a country's normalised as-is score on an item (missing when
		// not assessed); taskOf its score on a task.
		"itemScore": func(c *CountryView, key string) compare.Num {
			if it, ok := c.Item(key); ok && it.Assessed {
				return it.AsIs
			}
			return compare.Num{}
		},
		"taskOf": func(c *CountryView, task string) compare.TaskScore {
			ts, _ := c.Task(task)
			return ts
		},
		// rankText is a country's place on a task: "3 of 19", or "not ranked".
		"rankText": func(code, task string) string {
			for _, rp := range data.R.Standing(code).Ranks {
				if rp.Task == task && rp.Rank > 0 {
					return data.msgs.t("report.rank_of", "Rank", rp.Rank, "Of", rp.Of)
				}
			}
			return data.msgs.t("report.not_ranked")
		},
		"medianPhrase": func(s compare.Standing) string { return medianPhrase(data.msgs, fw, s) },
		"lastRange": func(rs []compare.ClusterRange) *compare.ClusterRange {
			if len(rs) == 0 {
				return nil
			}
			return &rs[len(rs)-1]
		},
	}
	for name, f := range asIsWordFuncs(data) {
		fm[name] = f
	}
	return fm
}

// medianPhrase says how a country compares with the median of all countries:
// "above the median of all countries on Data and sources, level with it on Models
// and tools and below it on Stakeholders" (report.common.median.*, the first
// clause naming the median, the next ones referring to it).
func medianPhrase(m *messages, fw *framework.Framework, s compare.Standing) string {
	n := len(s.Above) + len(s.AtMedian) + len(s.Below)
	list := func(ids []string) string {
		if len(ids) == n && n > 1 {
			return m.t("report.common.median.every_task")
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = escapeMarkdown(taskShortOf(fw, id))
		}
		return m.joinAnd(out)
	}
	var parts []string
	first := true
	clause := func(kind string, ids []string) {
		if len(ids) == 0 {
			return
		}
		id := "report.common.median." + kind
		if first {
			id += "_first"
		}
		parts = append(parts, m.t(id, "Tasks", list(ids)))
		first = false
	}
	clause("above", s.Above)
	clause("level", s.AtMedian)
	clause("below", s.Below)
	return m.joinAnd(parts)
}

// SharedPlace is a task on which several countries share first place.
type SharedPlace struct {
	Task      string
	Countries []string // codes; the template names them in name order
}

// SharedFirst returns the tasks on which several countries share first place,
// with those countries, so the report can say who shares it.
func (d *Data) SharedFirst() []SharedPlace {
	var out []SharedPlace
	for _, ts := range d.R.Findings.Tasks {
		if len(ts.Leaders) > 1 {
			p := SharedPlace{Task: ts.Task}
			for _, l := range ts.Leaders {
				p.Countries = append(p.Countries, l.Country)
			}
			out = append(out, p)
		}
	}
	return out
}

// enumText writes a schema value that plan/words.go has no table for
// (stakeholder types) as words: "professional_body" → "professional body".
// Data source kinds, model types and update frequencies are worded there, for
// every report alike.
func enumText(s string) string {
	return escapeMarkdown(strings.ReplaceAll(s, "_", " "))
}

// codesOf returns the country codes of a list of ranking entries, distribution
// values or gaps, in order.
func codesOf(v any) []string {
	var out []string
	switch l := v.(type) {
	case []compare.RankEntry:
		for _, e := range l {
			out = append(out, e.Country)
		}
	case []compare.CountryValue:
		for _, e := range l {
			out = append(out, e.Country)
		}
	case []compare.CountryGap:
		for _, e := range l {
			out = append(out, e.Country)
		}
	case []string:
		out = append(out, l...)
	case []*CountryView:
		for _, c := range l {
			out = append(out, c.Code)
		}
	}
	return out
}

// codesByName orders a set of countries as readers look them up (words.ByName).
func codesByName(d *Data, codes []string) []string {
	names := make([]string, len(codes))
	for i, code := range codes {
		names[i] = countryNameOf(d, code)
	}
	out := make([]string, 0, len(codes))
	for _, i := range words.ByName(names, codes) {
		out = append(out, codes[i])
	}
	return out
}

func countryNameOf(d *Data, code string) string {
	if c := d.Country(code); c != nil {
		return c.Name
	}
	return code
}

func taskShortOf(fw *framework.Framework, id string) string {
	if t, ok := fw.Task(id); ok {
		if t.Short != "" {
			return t.Short
		}
		return t.Title
	}
	return id
}

// WeakInMost returns the items more than half of the countries that assessed them
// are weak on, the most widely weak first.
func (d *Data) WeakInMost() []compare.ItemStats {
	var out []compare.ItemStats
	for _, it := range d.R.Findings.WeakItems {
		if it.WeakInMost() {
			out = append(out, it)
		}
	}
	return out
}

// AllIllustrative reports whether every country's data are illustrative.
func (d *Data) AllIllustrative() bool {
	return len(d.Countries) > 0 && len(d.Illustrative) == len(d.Countries)
}

// Reassessed lists the countries whose as-is.yaml holds a round after the
// baseline: the as-is report scores the baseline only and says so.
func (d *Data) Reassessed() []*CountryView {
	var out []*CountryView
	for _, c := range d.Countries {
		if c.Plan != nil && c.Plan.AsIs != nil && len(c.Plan.AsIs.Rounds) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Unassessed is a framework item a country has no as-is score for.
type Unassessed struct {
	Country *CountryView
	Task    string
	Item    string // task.item
	Reason  string // plain text from the plan; "" when none is given
}

// Unassessed lists every item a country did not score, by country, then in
// framework order.
func (d *Data) Unassessed() []Unassessed {
	var out []Unassessed
	for _, c := range d.Countries {
		for _, it := range c.Items {
			if !it.Assessed {
				out = append(out, Unassessed{Country: c, Task: it.Task, Item: it.Key, Reason: it.NotReason})
			}
		}
	}
	return out
}

// Period is the span of the countries' assessment dates (YYYY-MM-DD).
type Period struct {
	First, Last string
}

// AssessmentPeriod returns the earliest and the latest assessment date; empty
// when no country gives one.
func (d *Data) AssessmentPeriod() Period {
	var dates []string
	for _, c := range d.Countries {
		if c.Plan != nil && c.Plan.AsIs != nil && c.Plan.AsIs.AssessedOn.Valid() {
			dates = append(dates, string(c.Plan.AsIs.AssessedOn))
		}
	}
	if len(dates) == 0 {
		return Period{}
	}
	slices.Sort(dates)
	return Period{First: dates[0], Last: dates[len(dates)-1]}
}

// AsIs returns the country's as-is file, or nil.
func (c *CountryView) AsIs() *plan.AsIs {
	if c.Plan == nil {
		return nil
	}
	return c.Plan.AsIs
}

// ItemRow is one row of a country's item table: the score and what it rests on.
// TaskStart is set on the first item of each task, to head the task's rows.
type ItemRow struct {
	TaskStart string // task id
	compare.ItemScore
	Evidence string   // plain text from the plan
	Sources  []string // plain text from the plan
}

// ItemRows returns the country's items in framework order with their evidence.
func (c *CountryView) ItemRows() []ItemRow {
	var out []ItemRow
	prev := ""
	asis := c.AsIs()
	for _, it := range c.Items {
		row := ItemRow{ItemScore: it}
		if it.Task != prev {
			row.TaskStart, prev = it.Task, it.Task
		}
		if asis != nil {
			if ia, ok := asis.Tasks[it.Task].Items[it.Item]; ok {
				row.Evidence, row.Sources = ia.Evidence, ia.Sources
			}
		}
		out = append(out, row)
	}
	return out
}

// TaskSummary is a country's own summary of one task.
type TaskSummary struct {
	Task    string
	Summary string // plain text from the plan
}

// TaskSummaries returns the task summaries the country wrote, in framework order.
func (c *CountryView) TaskSummaries() []TaskSummary {
	var out []TaskSummary
	asis := c.AsIs()
	if asis == nil {
		return nil
	}
	for _, t := range c.Tasks {
		if s := strings.TrimSpace(asis.Tasks[t.Task].Summary); s != "" {
			out = append(out, TaskSummary{Task: t.Task, Summary: s})
		}
	}
	return out
}

// Staff is the planning staff with the FTE as a number the templates format.
type Staff struct {
	Headcount int
	FTE       compare.Num
	Unit      string // plain text from the plan
}

// Staff returns the country's planning staff, or nil when none is recorded.
func (c *CountryView) Staff() *Staff {
	a := c.AsIs()
	if a == nil || a.PlanningStaff == nil {
		return nil
	}
	s := a.PlanningStaff
	return &Staff{Headcount: s.Headcount, FTE: compare.Some(s.FTE), Unit: s.Unit}
}

// Bands of the stakeholder map's 1-5 scores: 1-2 low, 3 medium, 4-5 high.
var bands = []struct {
	Key, Label string // Label is the English the Grid holds; Key its message (report.asis.band.<key>)
	Lo, Hi     int
}{{"low", "low (1-2)", 1, 2}, {"medium", "medium (3)", 3, 3}, {"high", "high (4-5)", 4, 5}}

func band(v int) int {
	for i, b := range bands {
		if v >= b.Lo && v <= b.Hi {
			return i
		}
	}
	if v < bands[0].Lo {
		return 0
	}
	return len(bands) - 1
}

// Grid is the stakeholder map as a power × willingness grid: rows from high to
// low power, columns from low to high willingness, each cell the names of the
// stakeholders in it (plain text from the plan).
type Grid struct {
	Cols []string
	Rows []GridRow
	// Drivers have high power and high willingness: the allies planning can build
	// on. Resisters have high power and low willingness: those to win over.
	Drivers, Resisters []string
	// Total is the number of stakeholders mapped.
	Total int
}

// GridRow is one power band of the grid.
type GridRow struct {
	Label string
	Cells [][]string
}

// StakeholderGrid returns the country's stakeholder map as a grid, or nil when it
// maps no stakeholder.
func (c *CountryView) StakeholderGrid() *Grid {
	a := c.AsIs()
	if a == nil || len(a.Stakeholders) == 0 {
		return nil
	}
	g := &Grid{Total: len(a.Stakeholders)}
	for _, b := range bands {
		g.Cols = append(g.Cols, b.Label)
	}
	for i := len(bands) - 1; i >= 0; i-- {
		g.Rows = append(g.Rows, GridRow{Label: bands[i].Label, Cells: make([][]string, len(bands))})
	}
	top := len(bands) - 1
	for _, s := range a.Stakeholders {
		p, w := band(s.Power), band(s.Willingness)
		row := &g.Rows[top-p]
		row.Cells[w] = append(row.Cells[w], s.Name)
		switch {
		case p == top && w == top:
			g.Drivers = append(g.Drivers, s.Name)
		case p == top && w == 0:
			g.Resisters = append(g.Resisters, s.Name)
		}
	}
	return g
}

// asIsFigures adds the as-is report's item heat map and cluster distributions.
func asIsFigures(d *Data, figs map[string]figureFunc) {
	r := d.R
	if len(d.Countries) == 0 || len(r.Tasks) == 0 {
		return
	}
	figs["heatmap-items"] = func(title string) ([]byte, error) {
		var rows []string
		var groups []chart.RowGroup
		for _, t := range r.Tasks {
			if len(t.Items) == 0 {
				continue
			}
			groups = append(groups, chart.RowGroup{Label: taskLabel(t), Rows: len(t.Items)})
			for _, it := range t.Items {
				rows = append(rows, it.Title)
			}
		}
		cols := make([]string, len(d.Countries))
		vals := make([][]*float64, len(rows))
		for ci, c := range d.Countries {
			cols[ci] = c.Code
		}
		ri := 0
		for _, t := range r.Tasks {
			for _, it := range t.Items {
				vals[ri] = make([]*float64, len(d.Countries))
				for ci, c := range d.Countries {
					if s, ok := c.Item(it.Key); ok && s.Assessed {
						vals[ri][ci] = ptr(s.AsIs)
					}
				}
				ri++
			}
		}
		return chart.HeatMap{
			Meta: chart.Meta{ID: "fig-heatmap-items", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
				Desc: d.msgs.t("report.asis.chart.items_desc", "Items", len(rows), "Countries", len(cols), "Missing", num.Missing)},
			Rows: rows, RowGroups: groups, Cols: cols, Values: vals,
			Legend: d.msgs.t("report.asis.chart.items_legend"),
		}.Render()
	}
	if len(d.Clusters) == 0 || len(r.CrossCluster.Spreads) == 0 {
		return
	}
	figs["strips-clusters"] = func(title string) ([]byte, error) {
		var panels []chart.StripPanel
		for ti, ts := range r.CrossCluster.Spreads {
			p := chart.StripPanel{Title: taskLabel(r.Tasks[ti])}
			for i, sp := range ts.Clusters {
				p.Strips = append(p.Strips, strip(d, fmt.Sprintf("%s (%d)", clusterLabel(d.Clusters[i]), sp.AsIs.Count), sp))
			}
			p.Strips = append(p.Strips, strip(d, fmt.Sprintf("%s (%d)", d.msgs.t("all_countries"), ts.All.AsIs.Count), ts.All))
			panels = append(panels, p)
		}
		return chart.Strips{
			Meta: chart.Meta{ID: "fig-strips-clusters", Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
				Desc: d.msgs.t("report.asis.chart.strips_desc", "Tasks", len(panels))},
			Panels: panels, Axis: d.msgs.t("report.asis.chart.asis_legend"), ReferenceLast: true,
		}.Render()
	}
}

func strip(d *Data, label string, sp compare.Spread) chart.Strip {
	st := chart.Strip{Label: label, Q1: ptr(sp.AsIs.Q1), Median: ptr(sp.AsIs.Median), Q3: ptr(sp.AsIs.Q3)}
	for _, cv := range sp.Scores {
		st.Points = append(st.Points, chart.Point{Label: fmt.Sprintf("%s (%s)", countryNameOf(d, cv.Country), cv.Country), Value: cv.Value.Value})
	}
	return st
}
