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
	"github.com/hwfplan/hwfplan/internal/words"
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

// longDate writes a plan date as "30 November 2026"; the text as it is when it
// is not a date.
func longDate(d plan.Date) string {
	if t, ok := d.Time(); ok {
		return t.Format("2 January 2006")
	}
	return string(d)
}

// shortMonth writes a month as "Jun 2026".
func shortMonth(m plan.YearMonth) string {
	if t := month(string(m)); !t.IsZero() {
		return t.Format("Jan 2006")
	}
	return string(m)
}

// roundName is how a round is called on pages: the baseline by that word.
func roundName(id string) string {
	if id == plan.BaselineRound {
		return "Baseline"
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
	out := &countryProgressView{AsOf: longDate(pr.AsOf), From: g.in.AsOf.From, Summary: progressSentence(cp.Counts)}
	for _, r := range cp.Rounds {
		out.Rounds = append(out.Rounds, roundView{Name: roundName(r.ID), AssessedOn: string(r.AssessedOn), Assessors: strings.Join(r.Assessors, ", "), Scored: r.Scored})
	}
	switch len(cp.Rounds) {
	case 0:
		out.RoundsNote = v.Name + " has no assessment round dated on or before " + out.AsOf + "."
	case 1:
		out.RoundsNote = fmt.Sprintf("%s has one assessment round so far, the baseline of %s; scores by round appear here after a re-assessment.", v.Name, longDate(cp.Rounds[0].AssessedOn))
	default:
		byRound, err := g.roundChart(c, v, cp)
		if err != nil {
			return nil, err
		}
		out.ByRound = byRound
	}
	var err error
	if out.Actions, out.KPIs, err = actionsProgress(v.Code, cp.Actions); err != nil {
		return nil, err
	}
	for _, m := range cp.Milestones {
		out.Milestones = append(out.Milestones, milestoneView{Step: m.Step, ID: m.ID, Deliverable: m.Deliverable, Due: shortMonth(m.Due),
			Met: string(m.Met), State: m.State.Label(), StateID: string(m.State)})
	}
	return out, nil
}

// actionsProgress is the rows of actions against their schedule and of their
// KPIs against their target paths, a country's or the EU action plan's (code
// "eu"), in one shape.
func actionsProgress(code string, as []*progress.Action) (actions []actionProgress, kpis []kpiView, err error) {
	for _, a := range as {
		ap := actionProgress{ID: a.ID, Title: a.Title, Status: plan.CellOf(plan.ActionStatuses, a.Status),
			Months: shortMonth(a.Start) + " to " + shortMonth(a.End), State: a.State.Label(), StateID: string(a.State), Budget: "no budget", KPIs: "none"}
		if r := a.Reason.Label(); r != "" {
			ap.State += ": " + r
		}
		if a.HasBudget {
			ap.Budget = "not secured"
			if a.Secured {
				ap.Budget = "secured"
			}
		}
		switch n, obs := a.Counts.KPIs, a.Counts.KPIsObserved; {
		case n == 0:
		case obs == 0:
			ap.KPIs = words.Count(n, "KPI", "KPIs") + " not observed yet"
		default:
			ap.KPIs = fmt.Sprintf("%d of %d observed on track", a.Counts.KPIsOnTrack, obs)
			if n > obs {
				ap.KPIs += fmt.Sprintf("; %d not observed yet", n-obs)
			}
		}
		actions = append(actions, ap)
		for _, k := range a.KPIs {
			kv, err := kpiViewOf(code, k)
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
func progressSentence(c progress.Counts) string {
	var parts []string
	if c.Actions > 0 {
		parts = append(parts, fmt.Sprintf("%d of %s on schedule or done", c.ActionsOnTime, words.Count(c.Actions, "action", "actions")))
	}
	if c.Milestones > 0 {
		s := fmt.Sprintf("%d of %s met", c.MilestonesMet, words.Count(c.Milestones, "milestone", "milestones"))
		if c.MilestonesLate > 0 {
			s += fmt.Sprintf(", %d overdue", c.MilestonesLate)
		}
		parts = append(parts, s)
	}
	if c.KPIs > 0 {
		if c.KPIsObserved == 0 {
			parts = append(parts, "no "+words.Plural(c.KPIs, "KPI", "KPIs")+" observed yet")
		} else {
			parts = append(parts, fmt.Sprintf("%d of %s on track", c.KPIsOnTrack, words.Count(c.KPIsObserved, "observed KPI", "observed KPIs")))
		}
	}
	if c.Targets > 0 {
		parts = append(parts, fmt.Sprintf("%d of %s reached", c.TargetsReached, words.Count(c.Targets, "to-be target", "to-be targets")))
	}
	if len(parts) == 0 {
		return "Nothing to measure yet: no actions, milestones, KPIs or to-be targets."
	}
	s := words.JoinAnd(parts)
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// roundChart is the task scores of every round side by side with the to-be
// targets, scored by the one scoring rule (compare.Scores) on each round's items.
func (g *generator) roundChart(c *model.Country, v *countryView, cp *progress.Country) (*heatmapView, error) {
	fw := g.in.Repo.Framework
	byID := map[string]plan.RoundView{}
	for _, r := range c.AsIs.AllRounds() {
		byID[r.ID] = r
	}
	bars := chart.Bars{Meta: chart.Meta{ID: "rounds-" + strings.ToLower(v.Code), Title: "Task scores by assessment round, " + v.Name,
		Desc: "For each task, one bar per assessment round (the mean normalised as-is score of the task's items after that round, 0-1; an item a round did not score keeps its earlier score) and one for the to-be target. The table below gives the same numbers."},
		YLabel: "Score (0-1)", Max: 1}
	view := &heatmapView{Title: "Task scores by assessment round and the to-be targets (0-1)"}
	var tobe chart.Series
	tobe.Name = "To-be target"
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
		s := chart.Series{Name: roundName(r.ID) + " (" + string(r.AssessedOn) + ")"}
		view.Cols = append(view.Cols, s.Name)
		for i, t := range fw.Tasks {
			ts, _ := sc.Task(t.ID)
			s.Values = append(s.Values, ts.AsIs.Ptr())
			view.Rows[i].Cells = append(view.Rows[i].Cells, ts.AsIs.String())
		}
		bars.Series = append(bars.Series, s)
	}
	base := compare.Scores(fw, c)
	view.Cols = append(view.Cols, tobe.Name)
	for i, t := range fw.Tasks {
		ts, _ := base.Task(t.ID)
		tobe.Values = append(tobe.Values, ts.ToBe.Ptr())
		view.Rows[i].Cells = append(view.Rows[i].Cells, ts.ToBe.String())
	}
	bars.Series = append(bars.Series, tobe)
	svg, err := bars.Render()
	if err != nil {
		return nil, fmt.Errorf("failed to draw the rounds of %s: %w", v.Code, err)
	}
	view.SVG = string(svg)
	return view, nil
}

// kpiViewOf is one KPI's row and, when observed, its chart: the observations
// (from the baseline at the action's start) against the straight target path.
func kpiViewOf(code string, k *progress.KPI) (kpiView, error) {
	kv := kpiView{Action: k.Action, ID: k.ID, Indicator: k.Indicator,
		Baseline: num.Quantity(k.Baseline) + unitSuffix(k.Unit),
		Target:   num.Quantity(k.Target) + unitSuffix(k.Unit) + " by " + fmt.Sprint(k.TargetYear),
		Latest:   num.Missing, Share: num.Missing, Expected: num.Missing, State: k.State.Label(), StateID: string(k.State)}
	if k.Latest == nil {
		return kv, nil
	}
	kv.Latest = num.Quantity(k.Latest.Value) + unitSuffix(k.Unit) + " (" + shortMonth(k.Latest.Date) + ")"
	kv.Source = k.Latest.Source
	kv.Share, kv.Expected = num.Percent(k.Share), num.Percent(k.Expected)
	svg, err := kpiChart(code, k)
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
func kpiChart(code string, k *progress.KPI) (string, error) {
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
		Desc: "The observed values, from the baseline at the action's start, against the straight path from the baseline to the target at the end of " + fmt.Sprint(k.TargetYear) + ". The table gives the latest value, its share of the way and the share of time gone by."},
		YLabel: unitLabel(k.Unit)}
	path, obs := chart.Series{Name: "Target path"}, chart.Series{Name: "Observed"}
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
	svg, err := l.Render()
	if err != nil {
		return "", fmt.Errorf("failed to draw KPI %s %s of %s: %w", k.Action, k.ID, code, err)
	}
	return string(svg), nil
}

func unitLabel(unit string) string {
	if unit == "" {
		return "Value"
	}
	return "Value (" + unit + ")"
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
var progressCols = []string{"Actions on schedule or done", "Milestones met", "Milestones overdue", "Budgets secured",
	"KPIs observed", "KPIs on track", "To-be targets reached", "Targets re-assessed"}

func progressCells(c progress.Counts) []string {
	of := func(n, total int) string {
		if total == 0 {
			return num.Missing
		}
		return fmt.Sprintf("%d of %d", n, total)
	}
	return []string{of(c.ActionsOnTime, c.Actions), of(c.MilestonesMet, c.Milestones), of(c.MilestonesLate, c.Milestones),
		of(c.BudgetsSecured, c.Budgets), of(c.KPIsObserved, c.KPIs), of(c.KPIsOnTrack, c.KPIsObserved),
		of(c.TargetsReached, c.Targets), of(c.TargetsRescored, c.Targets)}
}

// progressPage is the programme-wide progress page: the counts of every
// country, cluster and task as of the report date, with how they are counted.
func (g *generator) progressPage() error {
	pr := g.in.Progress
	params := map[string]any{"search": "progress monitoring KPIs on track milestones overdue actions on schedule assessment rounds"}
	if pr == nil {
		params["missing"] = "Progress is not measured: nothing gives a report date (no --as-of, no as_of in publication.yaml, no SOURCE_DATE_EPOCH and no commit)."
		return g.add("progress/_index.md", page{Title: g.t("nav_progress", "Progress"), Params: params})
	}
	params["as_of"], params["from"] = longDate(pr.AsOf), g.in.AsOf.From
	params["summary"] = progressSentence(pr.Total)
	var byCountry, byCluster, byTask heatmapView
	byCountry.Cols, byCluster.Cols, byTask.Cols = progressCols, progressCols, progressCols
	byCountry.Title, byCluster.Title, byTask.Title = "Progress by country", "Progress by learning cluster", "Progress by task"
	var oneRound, twoRounds, illustrative []string
	for _, c := range g.countryList() {
		cp := pr.Country(c.Code)
		if cp == nil {
			continue
		}
		byCountry.Rows = append(byCountry.Rows, tableRow{Name: cp.Name, URL: "countries/" + strings.ToLower(cp.Code) + "/#progress", Cells: progressCells(cp.Counts)})
		if len(cp.Rounds) > 1 {
			twoRounds = append(twoRounds, cp.Name)
		} else {
			oneRound = append(oneRound, cp.Name)
		}
		if cp.Illustrative {
			illustrative = append(illustrative, cp.Name)
		}
	}
	for _, cl := range pr.Clusters {
		name := cl.Name
		if name == "" {
			name = cl.ID
		}
		byCluster.Rows = append(byCluster.Rows, tableRow{Name: name, URL: "clusters/" + cl.ID + "/", Cells: progressCells(cl.Counts)})
	}
	for _, t := range pr.Tasks {
		byTask.Rows = append(byTask.Rows, tableRow{Name: t.Name, Cells: progressCells(t.Counts)})
	}
	byCountry.Rows = append(byCountry.Rows, tableRow{Name: "All countries", Cells: progressCells(pr.Total)})
	params["tables"] = []heatmapView{byCluster, byTask, byCountry}
	if pr.EU != nil {
		params["eu"] = heatmapView{Title: "EU action plan", Cols: progressCols,
			Rows: []tableRow{{Name: "EU action plan", URL: programmeURL + "eu-action-plan/#progress", Cells: progressCells(pr.EU.Counts)}}}
		params["eu_summary"] = progressSentence(pr.EU.Counts)
		if pr.EU.Illustrative {
			params["eu_summary"] = progressSentence(pr.EU.Counts) + " The EU action plan is illustrative: sample content, so its counts show how progress is measured, not where the EU actions stand."
		}
	}
	var notes []string
	if len(illustrative) == len(pr.Countries) && len(illustrative) > 1 {
		notes = append(notes, "Every country's plan is illustrative: sample content until the country teams replace it, so these counts show how progress is measured, not where the countries stand.")
	} else if len(illustrative) > 0 {
		notes = append(notes, fmt.Sprintf("The plans of %s are illustrative: sample content until the country team replaces it, so their counts show how progress is measured, not where the countries stand.", words.JoinAnd(illustrative)))
	}
	switch {
	case len(twoRounds) == 0:
		notes = append(notes, "No country has been re-assessed yet: every to-be target is compared with the baseline only.")
	case len(oneRound) > 0:
		notes = append(notes, fmt.Sprintf("%s %s been re-assessed (a second assessment round); the other %s only the baseline, so their targets cannot have moved yet.",
			words.JoinAnd(twoRounds), words.Plural(len(twoRounds), "has", "have"), words.Count(len(oneRound), "country has", "countries have")))
	}
	if pr.Total.KPIs > 0 && pr.Total.KPIsObserved == 0 {
		notes = append(notes, fmt.Sprintf("None of the %s has an observation up to the report date, so no KPI is on or off track yet.", words.Count(pr.Total.KPIs, "KPI", "KPIs")))
	} else if pr.Total.KPIs > pr.Total.KPIsObserved {
		notes = append(notes, fmt.Sprintf("%d of %s have no observation up to the report date; they count as neither on nor off track.",
			pr.Total.KPIs-pr.Total.KPIsObserved, words.Count(pr.Total.KPIs, "KPI", "KPIs")))
	}
	params["notes"] = notes
	return g.add("progress/_index.md", page{Title: g.t("nav_progress", "Progress"), Params: params})
}
