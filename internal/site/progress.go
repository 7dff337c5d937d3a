package site

import (
	"fmt"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
)

// The progress pages: each country's progress section (its assessment rounds,
// KPIs against their target paths, milestones) and the programme-wide page. All
// dates are the plans' own (round dates, observation months, milestone months)
// as of one report date, never commit dates.

type countryProgressView struct {
	AsOf       string           `json:"as_of"`
	From       string           `json:"from"`
	Summary    string           `json:"summary"`
	Rounds     []roundView      `json:"rounds,omitempty"`
	RoundsNote string           `json:"rounds_note,omitempty"`
	ByRound    *heatmapView     `json:"by_round,omitempty"`
	Actions    []actionProgress `json:"actions,omitempty"`
	KPIs       []kpiView        `json:"kpis,omitempty"`
	Milestones []milestoneView  `json:"milestones,omitempty"`
}

type roundView struct {
	Name       string `json:"name"`
	AssessedOn string `json:"assessed_on"`
	Assessors  string `json:"assessors,omitempty"`
	Scored     int    `json:"scored"`
}

type actionProgress struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Status  string `json:"status"`
	Months  string `json:"months"`
	State   string `json:"state"`
	StateID string `json:"state_id"`
	Budget  string `json:"budget"`
	KPIs    string `json:"kpis"`
}

type kpiView struct {
	Action    string `json:"action"`
	ID        string `json:"id"`
	Indicator string `json:"indicator"`
	Baseline  string `json:"baseline"`
	Target    string `json:"target"`
	Latest    string `json:"latest"`
	Source    string `json:"source,omitempty"`
	Share     string `json:"share"`
	Expected  string `json:"expected"`
	State     string `json:"state"`
	StateID   string `json:"state_id"`
	SVG       string `json:"svg,omitempty"`
}

type milestoneView struct {
	Step        string `json:"step"`
	ID          string `json:"id"`
	Deliverable string `json:"deliverable"`
	Due         string `json:"due"`
	Met         string `json:"met,omitempty"`
	State       string `json:"state"`
	StateID     string `json:"state_id"`
}

// longDate writes a plan date as "30 November 2026" (in the language); the
// text as it is when it is not a date.
func (m msgs) longDate(d plan.Date) string {
	if t, ok := d.Time(); ok {
		return m.dateText(t)
	}
	return string(d)
}

// shortMonth writes a month as "Jun 2026" (in the language).
func (m msgs) shortMonth(ym plan.YearMonth) string {
	if t := month(string(ym)); !t.IsZero() {
		return m.monthText(t)
	}
	return string(ym)
}

// roundName is how a round is called on pages: the baseline by that word.
func (m msgs) roundName(id string) string {
	if id == plan.BaselineRound {
		return m.t("round_baseline", "Baseline")
	}
	return id
}

// countryProgress is a country's progress section; nil when progress is not
// measured (no report date).
func (g *generator) countryProgress(c *model.Country, v *countryView) (*countryProgressView, error) {
	pr := g.in.Progress
	if pr == nil {
		return nil, nil
	}
	cp := pr.Country(c.Code)
	if cp == nil {
		return nil, nil
	}
	out := &countryProgressView{AsOf: g.longDate(pr.AsOf), From: g.dateFrom(g.in.AsOf.From), Summary: g.progressSentence(cp.Counts)}
	for _, r := range cp.Rounds {
		out.Rounds = append(out.Rounds, roundView{Name: g.roundName(r.ID), AssessedOn: string(r.AssessedOn), Assessors: strings.Join(r.Assessors, ", "), Scored: r.Scored})
	}
	switch len(cp.Rounds) {
	case 0:
		out.RoundsNote = g.tf("rounds_none", "{{ .Name }} has no assessment round dated on or before {{ .Date }}.", "Name", v.Name, "Date", out.AsOf)
	case 1:
		out.RoundsNote = g.tf("rounds_one", "{{ .Name }} has one assessment round so far, the baseline of {{ .Date }}; scores by round appear here after a re-assessment.",
			"Name", v.Name, "Date", g.longDate(cp.Rounds[0].AssessedOn))
	default:
		byRound, err := g.roundChart(c, v, cp)
		if err != nil {
			return nil, err
		}
		out.ByRound = byRound
	}
	var err error
	if out.Actions, out.KPIs, err = g.actionsProgress(v.Code, cp.Actions); err != nil {
		return nil, err
	}
	for _, m := range cp.Milestones {
		out.Milestones = append(out.Milestones, milestoneView{Step: m.Step, ID: m.ID, Deliverable: m.Deliverable, Due: g.shortMonth(m.Due),
			Met: string(m.Met), State: g.milestoneState(m.State), StateID: string(m.State)})
	}
	return out, nil
}

// actionsProgress is the rows of actions against their schedule and of their
// KPIs against their target paths, a country's or the EU action plan's (code
// "eu"), in one shape.
func (m msgs) actionsProgress(code string, as []*progress.Action) (actions []actionProgress, kpis []kpiView, err error) {
	for _, a := range as {
		ap := actionProgress{ID: a.ID, Title: a.Title, Status: m.cell("action_status", plan.ActionStatuses, a.Status),
			Months: m.tf("months_from_to", "{{ .Start }} to {{ .End }}", "Start", m.shortMonth(a.Start), "End", m.shortMonth(a.End)),
			State:  m.actionState(a.State), StateID: string(a.State), Budget: m.t("no_budget", "no budget"), KPIs: m.t("kpis_none", "none")}
		if r := m.reason(a.Reason); r != "" {
			ap.State = m.tf("state_because", "{{ .State }}: {{ .Reason }}", "State", ap.State, "Reason", r)
		}
		if a.HasBudget {
			ap.Budget = m.secured(a.Secured)
		}
		switch n, obs := a.Counts.KPIs, a.Counts.KPIsObserved; {
		case n == 0:
		case obs == 0:
			ap.KPIs = m.tn("kpis_not_observed", n, "{{ .Count }} KPI not observed yet", "{{ .Count }} KPIs not observed yet")
		default:
			ap.KPIs = m.tf("kpis_observed_on_track", "{{ .N }} of {{ .Total }} observed on track", "N", a.Counts.KPIsOnTrack, "Total", obs)
			if n > obs {
				ap.KPIs += m.tf("kpis_more_not_observed", "; {{ .N }} not observed yet", "N", n-obs)
			}
		}
		actions = append(actions, ap)
		for _, k := range a.KPIs {
			kv, err := m.kpiViewOf(code, k)
			if err != nil {
				return nil, nil, err
			}
			kpis = append(kpis, kv)
		}
	}
	return actions, kpis, nil
}

// progressSentence says in one sentence where a country, cluster or the
// programme stands: actions on schedule, milestones met and overdue, KPIs on
// track, targets reached.
func (m msgs) progressSentence(c progress.Counts) string {
	var parts []string
	if c.Actions > 0 {
		parts = append(parts, m.tn("summary_actions", c.Actions, "{{ .N }} of {{ .Count }} action on schedule or done", "{{ .N }} of {{ .Count }} actions on schedule or done", "N", c.ActionsOnTime))
	}
	if c.Milestones > 0 {
		s := m.tn("summary_milestones", c.Milestones, "{{ .N }} of {{ .Count }} milestone met", "{{ .N }} of {{ .Count }} milestones met", "N", c.MilestonesMet)
		if c.MilestonesLate > 0 {
			s += m.tf("summary_overdue", ", {{ .N }} overdue", "N", c.MilestonesLate)
		}
		parts = append(parts, s)
	}
	if c.KPIs > 0 {
		if c.KPIsObserved == 0 {
			parts = append(parts, m.tn("summary_no_kpis", c.KPIs, "no KPI observed yet", "no KPIs observed yet"))
		} else {
			parts = append(parts, m.tn("summary_kpis", c.KPIsObserved, "{{ .N }} of {{ .Count }} observed KPI on track", "{{ .N }} of {{ .Count }} observed KPIs on track", "N", c.KPIsOnTrack))
		}
	}
	if c.Targets > 0 {
		parts = append(parts, m.tn("summary_targets", c.Targets, "{{ .N }} of {{ .Count }} to-be target reached", "{{ .N }} of {{ .Count }} to-be targets reached", "N", c.TargetsReached))
	}
	if len(parts) == 0 {
		return m.t("summary_nothing", "Nothing to measure yet: no actions, milestones, KPIs or to-be targets.")
	}
	return upperFirst(m.joinAnd(parts)) + "."
}

// roundChart is the task scores of every round side by side with the to-be
// targets, scored by the one scoring rule (compare.Scores) on each round's items.
func (g *generator) roundChart(c *model.Country, v *countryView, cp *progress.Country) (*heatmapView, error) {
	fw := g.in.Repo.Framework
	byID := map[string]plan.RoundView{}
	for _, r := range c.AsIs.AllRounds() {
		byID[r.ID] = r
	}
	bars := chart.Bars{Meta: chart.Meta{ID: "rounds-" + strings.ToLower(v.Code), Title: g.tf("rounds_chart_title", "Task scores by assessment round, {{ .Name }}", "Name", v.Name),
		Desc: g.t("rounds_chart_desc", "For each task, one bar per assessment round (the mean normalised as-is score of the task's items after that round, 0-1; an item a round did not score keeps its earlier score) and one for the to-be target. The table below gives the same numbers.")},
		YLabel: g.t("rounds_chart_axis", "Score (0-1)"), Max: 1}
	bars.Words = g.chartWords()
	view := &heatmapView{Title: g.t("rounds_table_title", "Task scores by assessment round and the to-be targets (0-1)")}
	var tobe chart.Series
	tobe.Name = g.t("series_to_be_target", "To-be target")
	for _, t := range fw.Tasks {
		bars.Groups = append(bars.Groups, t.Short)
		view.Rows = append(view.Rows, tableRow{Name: t.Short})
	}
	// The assessment as it stands after each round: a round's scores over the
	// earlier ones, so an item a round did not score keeps its earlier score.
	standing := map[string]plan.TaskAssessment{}
	for _, r := range cp.Rounds {
		for task, ta := range byID[r.ID].Tasks {
			cur := standing[task]
			items := make(map[string]plan.ItemAssessment, len(cur.Items)+len(ta.Items))
			for id, it := range cur.Items {
				items[id] = it
			}
			for id, it := range ta.Items {
				if it.Score != nil || cur.Items[id].Score == nil {
					items[id] = it
				}
			}
			standing[task] = plan.TaskAssessment{Summary: ta.Summary, Items: items}
		}
		cc := *c
		a := *c.AsIs
		a.Tasks = make(map[string]plan.TaskAssessment, len(standing))
		for task, ta := range standing {
			a.Tasks[task] = ta
		}
		cc.AsIs = &a
		sc := compare.Scores(fw, &cc)
		s := chart.Series{Name: g.roundName(r.ID) + " (" + string(r.AssessedOn) + ")"}
		view.Cols = append(view.Cols, s.Name)
		for i, t := range fw.Tasks {
			ts, _ := sc.Task(t.ID)
			s.Values = append(s.Values, ts.AsIs.Ptr())
			view.Rows[i].Cells = append(view.Rows[i].Cells, ts.AsIs.StringIn(g.nums()))
		}
		bars.Series = append(bars.Series, s)
	}
	base := compare.Scores(fw, c)
	view.Cols = append(view.Cols, tobe.Name)
	for i, t := range fw.Tasks {
		ts, _ := base.Task(t.ID)
		tobe.Values = append(tobe.Values, ts.ToBe.Ptr())
		view.Rows[i].Cells = append(view.Rows[i].Cells, ts.ToBe.StringIn(g.nums()))
	}
	bars.Series = append(bars.Series, tobe)
	bars.Numbers = g.nums()
	svg, err := bars.Render()
	if err != nil {
		return nil, fmt.Errorf("failed to draw the rounds of %s: %w", v.Code, err)
	}
	view.SVG = string(svg)
	return view, nil
}

// kpiViewOf is one KPI's row and, when observed, its chart: the observations
// (from the baseline at the action's start) against the straight target path.
func (m msgs) kpiViewOf(code string, k *progress.KPI) (kpiView, error) {
	kv := kpiView{Action: k.Action, ID: k.ID, Indicator: k.Indicator,
		Baseline: m.quantity(k.Baseline, k.Unit),
		Target:   m.tf("kpi_target_by", "{{ .Target }} by {{ .Year }}", "Target", m.quantity(k.Target, k.Unit), "Year", k.TargetYear),
		Latest:   num.Missing, Share: num.Missing, Expected: num.Missing, State: m.kpiState(k.State), StateID: string(k.State)}
	if k.Latest == nil {
		return kv, nil
	}
	kv.Latest = m.quantity(k.Latest.Value, k.Unit) + " (" + m.shortMonth(k.Latest.Date) + ")"
	kv.Source = k.Latest.Source
	kv.Share, kv.Expected = m.nums().Percent(k.Share), m.nums().Percent(k.Expected)
	svg, err := m.kpiChart(code, k)
	if err != nil {
		return kv, err
	}
	kv.SVG = svg
	return kv, nil
}

func unitSuffix(unit string) string {
	switch unit {
	case "", "count", "number":
		return ""
	case "%", "percent":
		return "\u00a0%"
	}
	if strings.Contains(unit, "=") { // a coded unit such as "yes = 1, no = 0"
		return " (" + unit + ")"
	}
	return " " + unit
}

// kpiChart draws a KPI's observations and its target path as two lines over
// the months from the action's start to the end of the target year.
func (m msgs) kpiChart(code string, k *progress.KPI) (string, error) {
	start := month(string(k.Start))
	end := time.Date(k.TargetYear, 12, 31, 0, 0, 0, 0, time.UTC)
	if start.IsZero() || !start.Before(end) || min(k.Baseline, k.Target) < 0 {
		return "", nil // no path to draw from zero up; the table row says the rest
	}
	// The path's value at the end of an observation's month is the share of time
	// gone by (progress.Path, the rule on-track is judged by) of the way.
	at := func(m plan.YearMonth) float64 {
		_, exp := progress.Path(k.Baseline, k.Target, k.TargetYear, k.Start, plan.Observation{Date: m})
		e, _ := exp.Float64()
		return k.Baseline + e*(k.Target-k.Baseline)
	}
	type point struct {
		t        time.Time
		path     float64
		observed *float64
	}
	pts := []point{{t: start, path: k.Baseline, observed: chart.Value(k.Baseline)}}
	for _, o := range k.Observations {
		t := month(string(o.Date))
		if t.IsZero() {
			continue
		}
		if o.Value < 0 {
			return "", nil
		}
		t = t.AddDate(0, 1, -1) // an observation counts for the end of its month
		if t.Before(start) || t.After(end) {
			continue
		}
		p := point{t: t, path: at(o.Date), observed: chart.Value(o.Value)}
		i := len(pts)
		for i > 0 && pts[i-1].t.After(t) {
			i--
		}
		pts = append(pts[:i], append([]point{p}, pts[i:]...)...)
	}
	pts = append(pts, point{t: end, path: k.Target})
	l := chart.Lines{Meta: chart.Meta{ID: "kpi-" + strings.ToLower(code+"-"+k.Action+"-"+k.ID), Title: k.Action + " " + k.ID + ": " + k.Indicator,
		Desc: m.tf("kpi_chart_desc", "The observed values, from the baseline at the action's start, against the straight path from the baseline to the target at the end of {{ .Year }}. The table gives the latest value, its share of the way and the share of time gone by.", "Year", k.TargetYear)},
		YLabel: m.unitLabel(k.Unit)}
	l.Words = m.chartWords()
	path, obs := chart.Series{Name: m.t("series_target_path", "Target path")}, chart.Series{Name: m.t("series_observed", "Observed")}
	top, lo := max(k.Baseline, k.Target), min(k.Baseline, k.Target)
	for _, p := range pts {
		l.Dates = append(l.Dates, p.t)
		path.Values = append(path.Values, chart.Value(p.path))
		obs.Values = append(obs.Values, p.observed)
		if p.observed != nil {
			top, lo = max(top, *p.observed), min(lo, *p.observed)
		}
	}
	l.Series = []chart.Series{obs, path}
	l.Max = top
	if lo > top/2 {
		l.Min = lo // values far from zero: an axis from zero would flatten them
	}
	l.Numbers = m.nums()
	svg, err := l.Render()
	if err != nil {
		return "", fmt.Errorf("failed to draw KPI %s %s of %s: %w", k.Action, k.ID, code, err)
	}
	return string(svg), nil
}

func (m msgs) unitLabel(unit string) string {
	if unit == "" {
		return m.t("kpi_axis", "Value")
	}
	return m.tf("kpi_axis_unit", "Value ({{ .Unit }})", "Unit", unit)
}

// asOf is the report date, or "" when progress is not measured.
func (g *generator) asOf() plan.Date {
	if g.in.Progress == nil {
		return ""
	}
	return g.in.Progress.AsOf
}

// progressCols are the columns of the programme page's tables: each a count "of"
// its total, so a reader sees both.
func (m msgs) progressCols() []string {
	return []string{m.t("col_actions_on_schedule", "Actions on schedule or done"), m.t("col_milestones_met", "Milestones met"),
		m.t("col_milestones_overdue", "Milestones overdue"), m.t("budgets_secured", "Budgets secured"),
		m.t("col_kpis_observed", "KPIs observed"), m.t("col_kpis_on_track", "KPIs on track"),
		m.t("col_targets_reached", "To-be targets reached"), m.t("col_targets_reassessed", "Targets re-assessed")}
}

func (m msgs) progressCells(c progress.Counts) []string {
	of := func(n, total int) string {
		if total == 0 {
			return num.Missing
		}
		return m.nOf(n, total)
	}
	return []string{of(c.ActionsOnTime, c.Actions), of(c.MilestonesMet, c.Milestones), of(c.MilestonesLate, c.Milestones),
		of(c.BudgetsSecured, c.Budgets), of(c.KPIsObserved, c.KPIs), of(c.KPIsOnTrack, c.KPIsObserved),
		of(c.TargetsReached, c.Targets), of(c.TargetsRescored, c.Targets)}
}

// progressPage is the programme-wide progress page: the counts of every
// country, cluster and task as of the report date, with how they are counted.
func (g *generator) progressPage() error {
	pr := g.in.Progress
	params := map[string]any{"search": g.t("search_terms_progress", "progress monitoring KPIs on track milestones overdue actions on schedule assessment rounds")}
	if pr == nil {
		params["missing"] = g.t("progress_missing", "Progress is not measured: nothing gives a report date (no --as-of, no as_of in publication.yaml, no SOURCE_DATE_EPOCH and no commit).")
		return g.add("progress/_index.md", page{Title: g.t("nav_progress", "Progress"), Params: params})
	}
	params["as_of"], params["from"] = g.longDate(pr.AsOf), g.dateFrom(g.in.AsOf.From)
	params["summary"] = g.progressSentence(pr.Total)
	cols := g.progressCols()
	// Each table's first column by its kind, and its anchor as on the English
	// page, whatever the language of its title.
	byCountry := heatmapView{Title: g.t("progress_by_country", "Progress by country"), Cols: cols, First: "country", Anchor: "progress-by-country"}
	byCluster := heatmapView{Title: g.t("progress_by_cluster", "Progress by learning cluster"), Cols: cols, First: "cluster", Anchor: "progress-by-learning-cluster"}
	byTask := heatmapView{Title: g.t("progress_by_task", "Progress by task"), Cols: cols, First: "task", Anchor: "progress-by-task"}
	var oneRound, twoRounds, illustrative []string
	for _, c := range g.countryList() {
		cp := pr.Country(c.Code)
		if cp == nil {
			continue
		}
		name := countryName(c) // in the page's language (CLDR)
		byCountry.Rows = append(byCountry.Rows, tableRow{Name: name, URL: "countries/" + strings.ToLower(cp.Code) + "/#progress", Cells: g.progressCells(cp.Counts)})
		if len(cp.Rounds) > 1 {
			twoRounds = append(twoRounds, name)
		} else {
			oneRound = append(oneRound, name)
		}
		if cp.Illustrative {
			illustrative = append(illustrative, name)
		}
	}
	for _, cl := range pr.Clusters {
		name := cl.Name
		if name == "" {
			name = cl.ID
		}
		byCluster.Rows = append(byCluster.Rows, tableRow{Name: name, URL: "clusters/" + cl.ID + "/", Cells: g.progressCells(cl.Counts)})
	}
	for _, t := range pr.Tasks {
		name := t.Name
		if ft, ok := g.in.Repo.Framework.Task(t.ID); ok && ft.Title != "" {
			name = ft.Title // in the page's language
		}
		byTask.Rows = append(byTask.Rows, tableRow{Name: name, Cells: g.progressCells(t.Counts)})
	}
	byCountry.Rows = append(byCountry.Rows, tableRow{Name: g.t("all_countries", "All countries"), Cells: g.progressCells(pr.Total)})
	params["tables"] = []heatmapView{byCluster, byTask, byCountry}
	if pr.EU != nil {
		eu := g.t("eu_action_plan", "EU action plan")
		params["eu"] = heatmapView{Title: eu, Cols: cols, First: "plan",
			Rows: []tableRow{{Name: eu, URL: programmeURL + "eu-action-plan/#progress", Cells: g.progressCells(pr.EU.Counts)}}}
		params["eu_summary"] = g.progressSentence(pr.EU.Counts)
		if pr.EU.Illustrative {
			params["eu_summary"] = g.progressSentence(pr.EU.Counts) + g.t("eu_progress_illustrative", " The EU action plan is illustrative: sample content, so its counts show how progress is measured, not where the EU actions stand.")
		}
	}
	var notes []string
	if len(illustrative) == len(pr.Countries) && len(illustrative) > 1 {
		notes = append(notes, g.t("progress_all_illustrative", "Every country's plan is illustrative: sample content until the country teams replace it, so these counts show how progress is measured, not where the countries stand."))
	} else if len(illustrative) > 0 {
		notes = append(notes, g.tf("progress_some_illustrative", "The plans of {{ .Names }} are illustrative: sample content until the country team replaces it, so their counts show how progress is measured, not where the countries stand.", "Names", g.joinAnd(illustrative)))
	}
	switch {
	case len(twoRounds) == 0:
		notes = append(notes, g.t("progress_none_reassessed", "No country has been re-assessed yet: every to-be target is compared with the baseline only."))
	case len(oneRound) > 0:
		notes = append(notes, g.tn("progress_reassessed", len(twoRounds), "{{ .Names }} has been re-assessed (a second assessment round); {{ .Others }}", "{{ .Names }} have been re-assessed (a second assessment round); {{ .Others }}",
			"Names", g.joinAnd(twoRounds), "Others", g.tn("progress_others", len(oneRound), "the other {{ .Count }} country has only the baseline, so their targets cannot have moved yet.", "the other {{ .Count }} countries have only the baseline, so their targets cannot have moved yet.")))
	}
	if pr.Total.KPIs > 0 && pr.Total.KPIsObserved == 0 {
		notes = append(notes, g.tn("progress_no_kpi_observed", pr.Total.KPIs, "None of the {{ .Count }} KPI has an observation up to the report date, so no KPI is on or off track yet.", "None of the {{ .Count }} KPIs has an observation up to the report date, so no KPI is on or off track yet."))
	} else if pr.Total.KPIs > pr.Total.KPIsObserved {
		notes = append(notes, g.tn("progress_kpis_unobserved", pr.Total.KPIs, "{{ .N }} of {{ .Count }} KPI have no observation up to the report date; they count as neither on nor off track.", "{{ .N }} of {{ .Count }} KPIs have no observation up to the report date; they count as neither on nor off track.",
			"N", pr.Total.KPIs-pr.Total.KPIsObserved))
	}
	params["notes"] = notes
	return g.add("progress/_index.md", page{Title: g.t("nav_progress", "Progress"), Params: params})
}
