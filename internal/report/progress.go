package report

import (
	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
)

// ProgressView is what the progress report is made from: package progress's
// measurement of the plans as of the report date, with countries in name order
// (the order of Data.Countries) and the lists the findings cite.
type ProgressView struct {
	AsOf plan.Date
	// From says where the report date came from (progress.FromPublication ...).
	From      string
	Total     progress.Counts
	Countries []*CountryProgress
	Clusters  []progress.Group // by cluster id
	Tasks     []progress.Group // in framework order
	// KPIs lists every KPI with an observation up to the report date, countries
	// in name order, then in plan order; NotObserved the other KPIs.
	KPIs, NotObserved []KPIRow
	// Behind lists the actions behind schedule; Overdue the overdue milestones.
	Behind  []ActionRow
	Overdue []MilestoneRow
	// Reached lists the to-be targets reached in the latest round.
	Reached []TargetRow
	// Rescored lists the countries with a round after the baseline up to the
	// report date; OneRound those with only the baseline.
	Rescored, OneRound []string
	// NoMetDates lists the countries with milestones none of which has a met
	// date: their milestones count as not met.
	NoMetDates []string
	// Unobserved lists the countries with KPIs none of which has an observation.
	Unobserved []string
	// nums write the shares and values in the report's language.
	nums num.Locale
	// EU is the EU action plan measured as the countries' actions are, nil when
	// the repository has none; it is in no country's counts nor in Total.
	// EUKPIs are its KPIs with an observation, EUNotObserved the others, and
	// EUBehind its actions behind schedule (Country is empty in these rows).
	EU                    *progress.EU
	EUKPIs, EUNotObserved []KPIRow
	EUBehind              []ActionRow
}

// CountryProgress is one country's progress.
type CountryProgress struct {
	*CountryView
	P *progress.Country
	// Latest is the latest round up to the report date.
	Latest progress.Round
}

// KPIRow is one KPI with its country and its shares as numbers to print.
type KPIRow struct {
	Country string
	*progress.KPI
	// Share and Expected are the KPI's share of the way and of the time; missing
	// when it has no observation.
	ShareNum, ExpectedNum compare.Num
}

// ActionRow is one action with its country.
type ActionRow struct {
	Country string
	*progress.Action
}

// MilestoneRow is one milestone with its country.
type MilestoneRow struct {
	Country string
	progress.Milestone
}

// TargetRow is one to-be target with its country.
type TargetRow struct {
	Country string
	progress.Item
}

// Progress gathers the progress report's view; nil when no report date was
// given to Build (only the progress report has one).
func (d *Data) Progress() *ProgressView {
	p := d.progress
	if p == nil {
		return nil
	}
	v := &ProgressView{AsOf: p.AsOf, From: d.asOfFrom, Total: p.Total, Clusters: p.Clusters, Tasks: p.Tasks, nums: d.msgs.nums()}
	for _, c := range d.Countries {
		pc := p.Country(c.Code)
		if pc == nil {
			continue
		}
		cp := &CountryProgress{CountryView: c, P: pc}
		if n := len(pc.Rounds); n > 0 {
			cp.Latest = pc.Rounds[n-1]
		}
		v.Countries = append(v.Countries, cp)
		if len(pc.Rounds) > 1 {
			v.Rescored = append(v.Rescored, c.Code)
		} else {
			v.OneRound = append(v.OneRound, c.Code)
		}
		if len(pc.Milestones) > 0 && !anyMet(pc.Milestones) {
			v.NoMetDates = append(v.NoMetDates, c.Code)
		}
		if pc.Counts.KPIs > 0 && pc.Counts.KPIsObserved == 0 {
			v.Unobserved = append(v.Unobserved, c.Code)
		}
		v.Behind, v.KPIs, v.NotObserved = actionRows(c.Code, pc.Actions, v.Behind, v.KPIs, v.NotObserved)
		for _, m := range pc.Milestones {
			if m.State == progress.MilestoneOverdue {
				v.Overdue = append(v.Overdue, MilestoneRow{c.Code, m})
			}
		}
		for _, it := range pc.Items {
			if it.Reached && it.Rescored {
				v.Reached = append(v.Reached, TargetRow{c.Code, it})
			}
		}
	}
	if p.EU != nil {
		v.EU = p.EU
		v.EUBehind, v.EUKPIs, v.EUNotObserved = actionRows("", p.EU.Actions, nil, nil, nil)
	}
	return v
}

// actionRows appends a country's (or, with code "", the EU plan's) actions
// behind schedule and its KPIs, observed or not, to the lists given.
func actionRows(code string, as []*progress.Action, behind []ActionRow, observed, not []KPIRow) ([]ActionRow, []KPIRow, []KPIRow) {
	for _, a := range as {
		if a.State == progress.ActionBehind {
			behind = append(behind, ActionRow{code, a})
		}
		for _, k := range a.KPIs {
			row := KPIRow{Country: code, KPI: k}
			if k.Latest == nil {
				not = append(not, row)
				continue
			}
			row.ShareNum, row.ExpectedNum = compare.Some(k.Share), compare.Some(k.Expected)
			observed = append(observed, row)
		}
	}
	return behind, observed, not
}

func anyMet(ms []progress.Milestone) bool {
	for _, m := range ms {
		if m.Met != "" {
			return true
		}
	}
	return false
}

// Share writes a part of a whole as a whole percent ("63 %"); the missing
// mark when the whole is zero.
func (v *ProgressView) Share(part, whole int) string {
	if whole == 0 {
		return num.Missing
	}
	return pct(v.nums, compare.Exact(num.Frac(int64(part), int64(whole))))
}

// Value writes a KPI value with its unit (progress.Value), escaped.
func (v *ProgressView) Value(x float64, unit string) string {
	return escapeMarkdown(progress.ValueIn(v.nums, x, unit))
}

// progressFigures adds the progress report's figure: for each observed KPI, its
// share of the way against the share of the time gone by, as a pair of bars.
func progressFigures(d *Data, figs map[string]figureFunc) {
	if d.progress == nil {
		return
	}
	v := d.Progress()
	if len(v.KPIs) == 0 {
		return
	}
	figs["progress-kpis"] = func(title string) ([]byte, error) {
		m := d.msgs
		way, time := chart.Series{Name: m.t("report.progress.chart.way")}, chart.Series{Name: m.t("report.progress.chart.time")}
		var groups []string
		top := 1.0
		for _, k := range v.KPIs {
			groups = append(groups, k.Action+" "+k.ID)
			var s *float64
			if k.Share >= 0 {
				s = chart.Value(k.Share)
				top = max(top, k.Share)
			}
			way.Values = append(way.Values, s)
			time.Values = append(time.Values, chart.Value(k.Expected))
		}
		return chart.Bars{
			Meta: chart.Meta{ID: "fig-progress-kpis", Title: title, Numbers: d.msgs.nums(), Words: m.chartWords(),
				Desc: m.t("report.progress.chart.desc", "Count", len(groups), "Missing", num.Missing)},
			Groups: groups, Series: []chart.Series{way, time},
			YLabel: m.t("report.progress.chart.ylabel"), Max: top, Decimals: 2,
		}.Render()
	}
}
