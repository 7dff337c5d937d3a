package validate

import (
	"strconv"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Rule ids of monitoring over time: assessment rounds, KPI observations and
// milestone met dates.
const (
	RuleRoundOrder       = "round-order"
	RuleObservationOrder = "observation-order"
	RuleObservationRange = "observation-range"
	RuleKPIUnit          = "kpi-unit"
)

// reportDate is the date progress is measured at: as_of in publication.yaml,
// else today; what names it in a message. Empty when neither is known.
func (c *checker) reportDate() (date, what string) {
	if p := c.repo.Publication; p != nil && p.AsOf.Valid() {
		return string(p.AsOf), "the report date " + string(p.AsOf) + " (as_of in publication.yaml)"
	}
	if t := c.opts.Today; len(t) == len("2006-01-02") {
		return t, "today (" + t + ")"
	}
	return "", ""
}

// rounds checks the assessment rounds of as-is.yaml: each has its own id (not
// baseline, the id of the assessment at the top), is dated after the round
// before it, and is not dated after the report date.
func (c *checker) rounds(f *model.File, a *plan.AsIs) {
	seen := map[string]string{plan.BaselineRound: "/assessed_on"}
	prev, prevID := a.AssessedOn, plan.BaselineRound
	date, what := c.reportDate()
	for i, r := range a.Rounds {
		base := model.Pointer("rounds", strconv.Itoa(i))
		switch first, dup := seen[r.ID]; {
		case r.ID == plan.BaselineRound:
			c.errorf(f, base+"/id", RuleRoundOrder, "round id %q names the assessment at the top of as-is.yaml; give this round its own id, e.g. %d-review", r.ID, year(r.AssessedOn))
		case dup:
			line, _ := f.Pos(first)
			c.errorf(f, base+"/id", RuleRoundOrder, "round id %q is used twice (first at line %d); give each round its own id", r.ID, line)
		default:
			seen[r.ID] = base + "/id"
		}
		if !r.AssessedOn.Valid() {
			continue // the schema reports it
		}
		if prev.Valid() && string(r.AssessedOn) <= string(prev) {
			c.reading(at(f, "/assessed_on")).errorf(f, base+"/assessed_on", RuleRoundOrder, "round %s is dated %s, not after the round before it (%s, %s); list rounds oldest first, each on a later date", r.ID, r.AssessedOn, prevID, prev)
		} else if date != "" && string(r.AssessedOn) > date {
			c.errorf(f, base+"/assessed_on", RuleRoundOrder, "round %s is dated %s, after %s; record a round once it has taken place", r.ID, r.AssessedOn, what)
		}
		prev, prevID = r.AssessedOn, r.ID
	}
}

func year(d plan.Date) int {
	if t, ok := d.Time(); ok {
		return t.Year()
	}
	return 2026
}

// kpis checks an action's KPIs: observations oldest first, one a month, from
// the programme start to the report date, and values plausible for the unit.
func (c *checker) kpis(f *model.File, base string, a plan.Action) {
	date, what := c.reportDate()
	start := plan.YearMonth(c.fw.Programme.Start)
	for j, k := range a.KPIs {
		kb := base + "/kpis/" + strconv.Itoa(j)
		c.kpiUnit(f, kb+"/baseline", a.ID, k, "baseline", k.Baseline)
		c.kpiUnit(f, kb+"/target", a.ID, k, "target", k.Target)
		var prev plan.YearMonth
		prevAt := 0
		for n, o := range k.Observations {
			ob := kb + "/observations/" + strconv.Itoa(n)
			c.kpiUnit(f, ob+"/value", a.ID, k, "observed value", o.Value)
			if !o.Date.Valid() {
				continue // the schema reports it
			}
			switch {
			case prev != "" && o.Date == prev:
				line, _ := f.Pos(kb + "/observations/" + strconv.Itoa(prevAt))
				c.errorf(f, ob+"/date", RuleObservationOrder, "KPI %s %s has a second observation for %s (first at line %d); keep one value a month", a.ID, k.ID, o.Date, line)
			case prev != "" && o.Date < prev:
				c.errorf(f, ob+"/date", RuleObservationOrder, "KPI %s %s: the observation of %s comes after one of %s; list observations oldest first", a.ID, k.ID, o.Date, prev)
			}
			if o.Date > prev {
				prev, prevAt = o.Date, n
			}
			switch {
			case start.Valid() && o.Date < start:
				c.errorf(f, ob+"/date", RuleObservationRange, "KPI %s %s is observed in %s, before the programme started (%s); a value from before belongs in baseline", a.ID, k.ID, o.Date, start)
			case date != "" && string(o.Date) > date[:7]:
				c.errorf(f, ob+"/date", RuleObservationRange, "KPI %s %s is observed in %s, after %s; record a value once it is measured, or move the report date", a.ID, k.ID, o.Date, what)
			}
		}
	}
}

// kpiUnit warns when a value is implausible for its KPI's unit: a percentage
// outside 0 to 100, a negative rate.
func (c *checker) kpiUnit(f *model.File, ptr, action string, k plan.KPI, what string, v float64) {
	switch {
	case plan.PercentUnit(k.Unit) && (v < 0 || v > 100):
		c.warnf(f, ptr, RuleKPIUnit, "KPI %s %s is in %s, but its %s is %s; a percentage runs from 0 to 100: check the value or the unit", action, k.ID, k.Unit, what, num.Plain(v))
	case plan.RateUnit(k.Unit) && v < 0:
		c.warnf(f, ptr, RuleKPIUnit, "KPI %s %s is a rate (%s), but its %s is %s; a rate is not negative: check the value or the unit", action, k.ID, k.Unit, what, num.Plain(v))
	}
}

// metDates checks no milestone is met after the report date.
func (c *checker) metDates(f *model.File, base string, s plan.Step) {
	date, what := c.reportDate()
	if date == "" {
		return
	}
	for j, m := range s.Milestones {
		if m.Met.Valid() && string(m.Met) > date {
			c.errorf(f, base+"/milestones/"+strconv.Itoa(j)+"/met", RuleObservationRange, "milestone %s %s is met on %s, after %s; record it once it is met, or move the report date", s.ID, m.ID, m.Met, what)
		}
	}
}
