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

// late checks a plan date (YYYY-MM-DD, or YYYY-MM for a month) against today
// and the report date. After today it cannot have happened yet: an error. After
// only the report date (as_of in publication.yaml) it is a warning: progress
// leaves it out until the coordinators move as_of, and a country team recording
// new data must not be blocked by a file it does not own. subject is the
// sentence's start, e.g. "KPI HU-A2 k1 is observed in 2026-12".
func (c *checker) late(f *model.File, ptr, rule, subject, d, advice string) {
	cut := func(x string) string { return x[:min(len(d), len(x))] }
	if t := c.opts.Today; len(t) == len("2006-01-02") && d > cut(t) {
		c.errorf(f, ptr, rule, "%s, after today (%s); %s", subject, t, advice)
		return
	}
	if p := c.repo.Publication; p != nil && p.AsOf.Valid() && d > cut(string(p.AsOf)) {
		c.warnf(f, ptr, rule, "%s, after the report date %s (as_of in publication.yaml); progress leaves it out until as_of is moved past it", subject, p.AsOf)
	}
}

// rounds checks the assessment rounds of as-is.yaml: each has its own id (not
// baseline, the id of the assessment at the top), is dated after the round
// before it, and is not dated after today or the report date (see late).
func (c *checker) rounds(f *model.File, a *plan.AsIs) {
	seen := map[string]string{plan.BaselineRound: "/assessed_on"}
	prev, prevID := a.AssessedOn, plan.BaselineRound
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
		} else {
			c.late(f, base+"/assessed_on", RuleRoundOrder, "round "+r.ID+" is dated "+string(r.AssessedOn), string(r.AssessedOn), "record a round once it has taken place")
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
// the programme start to today (see late), and values plausible for the unit.
func (c *checker) kpis(f *model.File, base string, a plan.Action) {
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
			if start.Valid() && o.Date < start {
				c.errorf(f, ob+"/date", RuleObservationRange, "KPI %s %s is observed in %s, before the programme started (%s); a value from before belongs in baseline", a.ID, k.ID, o.Date, start)
			} else {
				c.late(f, ob+"/date", RuleObservationRange, "KPI "+a.ID+" "+k.ID+" is observed in "+string(o.Date), string(o.Date), "record a value once it is measured")
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

// metDates checks no milestone is met after today or the report date (see late).
func (c *checker) metDates(f *model.File, base string, s plan.Step) {
	for j, m := range s.Milestones {
		if m.Met.Valid() {
			c.late(f, base+"/milestones/"+strconv.Itoa(j)+"/met", RuleObservationRange, "milestone "+s.ID+" "+m.ID+" is met on "+string(m.Met), string(m.Met), "record it once it is met")
		}
	}
}
