package progress

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// KPIState is where a KPI stands against the straight path to its target.
type KPIState string

const (
	KPINoData   KPIState = "no_observation" // nothing observed up to the report date
	KPIOnTrack  KPIState = "on_track"
	KPIOffTrack KPIState = "off_track"
)

// KPI is one KPI as of the report date.
//
// Its path runs in a straight line from the baseline, at the start of the
// action's first month, to the target, at the end of the target year. An
// observation counts for the end of its month. Share is how much of the way
// from baseline to target the latest observation has come (0.4 = 40 %, above 1
// past the target, below 0 away from it); Expected is the share of the path's
// time gone by then (0 to 1). The KPI is on track when Share is at least
// Expected, compared exactly on the decimal values as written.
type KPI struct {
	Action, ID, Indicator, Unit string
	Baseline, Target            float64
	TargetYear                  int
	Start                       plan.YearMonth     // the path's start: the action's start month
	Observations                []plan.Observation // up to the report date, in file order
	Latest                      *plan.Observation  // the latest of them by month; nil when none
	Share, Expected             float64
	State                       KPIState
	Reached                     bool // the latest observation reaches the target
}

func kpi(a plan.Action, k plan.KPI, asOf plan.Date) *KPI {
	kp := &KPI{Action: a.ID, ID: k.ID, Indicator: k.Indicator, Unit: k.Unit, Baseline: k.Baseline, Target: k.Target, TargetYear: k.TargetYear, Start: a.Start, State: KPINoData}
	asOfMonth := plan.YearMonth(string(asOf)[:min(7, len(asOf))])
	for i, o := range k.Observations {
		if !o.Date.Valid() || string(o.Date) > string(asOfMonth) {
			continue
		}
		kp.Observations = append(kp.Observations, o)
		if kp.Latest == nil || string(o.Date) >= string(kp.Latest.Date) {
			kp.Latest = &k.Observations[i]
		}
	}
	if kp.Latest == nil {
		return kp
	}
	share, expected := Path(k.Baseline, k.Target, k.TargetYear, a.Start, *kp.Latest)
	kp.Share, _ = share.Float64()
	kp.Expected, _ = expected.Float64()
	kp.State = KPIOffTrack
	if share.Cmp(expected) >= 0 {
		kp.State = KPIOnTrack
	}
	kp.Reached = share.Cmp(big.NewRat(1, 1)) >= 0
	return kp
}

// Path returns, exactly, how far an observation has come from baseline to
// target (its share of the way) and how far it should have come on the straight
// path from the start month to the end of the target year (the share of the time
// gone by at the end of the observation's month, within 0 and 1). When target
// equals baseline the share is 1 if the value equals the target, else 0.
func Path(baseline, target float64, targetYear int, start plan.YearMonth, o plan.Observation) (share, expected *big.Rat) {
	b, t, v := decimal(baseline), decimal(target), decimal(o.Value)
	span := new(big.Rat).Sub(t, b)
	if span.Sign() == 0 {
		share = new(big.Rat)
		if v.Cmp(t) == 0 {
			share.SetInt64(1)
		}
	} else {
		share = new(big.Rat).Quo(new(big.Rat).Sub(v, b), span)
	}
	s, okS := monthOf(start)
	m, okM := monthOf(o.Date)
	end := (targetYear + 1) * 12 // the month after December of the target year
	switch {
	case !okS || !okM || end <= s:
		expected = big.NewRat(1, 1)
	default:
		gone := min(max(m+1-s, 0), end-s)
		expected = big.NewRat(int64(gone), int64(end-s))
	}
	return share, expected
}

// decimal is the exact decimal value a float64 reads as (0.1 is 1/10).
func decimal(f float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, 64))
	if !ok {
		return new(big.Rat)
	}
	return r
}

func (k *KPI) counts() Counts {
	c := Counts{KPIs: 1}
	switch k.State {
	case KPIOnTrack:
		c.KPIsObserved, c.KPIsOnTrack = 1, 1
	case KPIOffTrack:
		c.KPIsObserved, c.KPIsOffTrack = 1, 1
	}
	if k.Reached {
		c.KPIsReached = 1
	}
	return c
}

// Judge places one observation of a KPI of an action that starts in start: on
// or off the straight path to its target at the end of the observation's month,
// and whether it reaches the target.
func Judge(start plan.YearMonth, k plan.KPI, o plan.Observation) (state KPIState, reached bool) {
	share, expected := Path(k.Baseline, k.Target, k.TargetYear, start, o)
	state = KPIOffTrack
	if share.Cmp(expected) >= 0 {
		state = KPIOnTrack
	}
	return state, share.Cmp(big.NewRat(1, 1)) >= 0
}

// Value writes a KPI value with its unit: "34 %" (for %, percent, per cent),
// "34 % of doctors", "65.4 per 10 000", "17 regions" (the number by
// num.Quantity).
func Value(v float64, unit string) string {
	u := strings.TrimSpace(unit)
	if plan.PercentUnit(u) && !strings.HasPrefix(u, "% ") {
		u = "%"
	}
	return num.Quantity(v) + " " + u
}

// ValueIn is Value with the number in a language's conventions (num.Locale):
// "34,5 %" (de), "34,5%" (hu), "65,4 per 10 000"; Value in English.
func ValueIn(l num.Locale, v float64, unit string) string {
	if l.English() {
		return Value(v, unit)
	}
	u := strings.TrimSpace(unit)
	if plan.PercentUnit(u) && !strings.HasPrefix(u, "% ") {
		return l.PercentSign(l.Quantity(v))
	}
	if rest, ok := strings.CutPrefix(u, "% "); ok {
		return l.PercentSign(l.Quantity(v)) + " " + rest
	}
	return l.Quantity(v) + " " + u
}
