// Package compare computes what the as-is and sustainability reports, the site and
// `hwfplan compare` show: per-country and per-item scores, gaps and completeness on
// the 0-1 normalised scale, the cross-country matrix with rankings and distributions,
// cluster statistics and differences, twinning suggestions, action-plan coverage,
// budgets and timeline, and the sustainability domains and readiness measures.
//
// It returns values and never prints. Every list is in a deterministic order: tasks
// and items in framework order, countries by code, clusters by id.
package compare

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Num is a number that may be missing (an item not assessed, a mean of nothing).
// A score, a mean, median or difference of scores also keeps its exact value, a
// fraction of integers (num.Ratio); Value is then the float64 nearest to it, so
// that it rounds like the exact value wherever it is written (package num).
// It marshals to JSON as a number at num.MachineDecimals, or null when not Valid.
type Num struct {
	Value float64
	Valid bool
	exact num.Ratio
}

// Some returns a valid Num with no exact value (a standard deviation, a share of
// money).
func Some(v float64) Num { return Num{Value: v, Valid: true} }

// Ptr is n's value as a chart or a JSON field takes it: nil when missing.
func (n Num) Ptr() *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Value
	return &v
}

// Exact returns the Num of an exact fraction; missing when r is not a number.
func Exact(r num.Ratio) Num {
	if !r.OK() {
		return Num{}
	}
	return Num{Value: r.Float64(), Valid: true, exact: r}
}

// Ratio is n's exact value: the fraction it was computed from or, for a Num
// made by Some, the decimal its float reads as. Not a number when n is missing.
func (n Num) Ratio() num.Ratio {
	switch {
	case !n.Valid:
		return num.Ratio{}
	case n.exact.OK():
		return n.exact
	}
	return num.Decimal(n.Value)
}

// Cmp compares two Nums exactly (see Ratio); a missing Num sorts first.
func (n Num) Cmp(o Num) int {
	a, b := n.Ratio(), o.Ratio()
	if n.Valid && o.Valid && (!a.OK() || !b.OK()) {
		return cmp.Compare(n.Value, o.Value) // beyond what a Ratio holds
	}
	return a.Cmp(b)
}

// String renders the value for people with two decimals (num.Score), or
// num.Missing when missing.
func (n Num) String() string { return n.StringIn(num.English) }

// StringIn is String in a language's conventions (num.Locale.Score: "0,13").
func (n Num) StringIn(l num.Locale) string {
	if !n.Valid {
		return num.Missing
	}
	return l.Score(n.Value)
}

// Signed renders a difference for people with its sign (num.Signed: "+0.13",
// "−0.05", "0.00"), or num.Missing when missing.
func (n Num) Signed() string { return n.SignedIn(num.English) }

// SignedIn is Signed in a language's conventions ("+0,13").
func (n Num) SignedIn(l num.Locale) string {
	if !n.Valid {
		return num.Missing
	}
	return l.Signed(n.Value)
}

// Format renders the value for people with the given number of decimals, or ""
// when missing.
func (n Num) Format(decimals int) string { return n.FormatIn(num.English, decimals) }

// FormatIn is Format in a language's conventions.
func (n Num) FormatIn(l num.Locale, decimals int) string {
	if !n.Valid {
		return ""
	}
	return l.People(n.Value, decimals)
}

// PercentIn renders a share as a whole percentage in a language's conventions
// (num.Locale.Percent: "53 %", "53%"), or num.Missing when missing or not finite.
func (n Num) PercentIn(l num.Locale) string {
	if !n.Valid || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return num.Missing
	}
	return l.Percent(n.Value)
}

// MarshalJSON writes null or the value at num.MachineDecimals (num.MachineText).
func (n Num) MarshalJSON() ([]byte, error) {
	if !n.Valid || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		return []byte("null"), nil
	}
	return []byte(num.MachineText(n.Value)), nil
}

// UnmarshalJSON reads null or a number.
func (n *Num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Num{}
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = Some(v)
	return nil
}

// Sub returns a-b, missing when either is; exact when both are.
func Sub(a, b Num) Num {
	if !a.Valid || !b.Valid {
		return Num{}
	}
	if a.exact.OK() && b.exact.OK() {
		if d := a.exact.Sub(b.exact); d.OK() {
			return Exact(d)
		}
	}
	return Some(a.Value - b.Value)
}

// LargeGap reports whether a gap is flagged as large: positive and at least the
// framework's gap_threshold, compared exactly (framework.LargeGap).
func (r *Result) LargeGap(gap Num) bool {
	return framework.LargeGap(gap.Ratio(), r.GapThreshold)
}

// Result is everything Compute derives from a repository.
type Result struct {
	Programme    framework.Programme `json:"programme"`
	GapThreshold float64             `json:"gap_threshold"`
	Tasks        []TaskInfo          `json:"tasks"`
	Domains      []DomainInfo        `json:"domains"`
	Countries    []Country           `json:"countries"`
	// Illustrative lists the codes of countries whose data status is illustrative.
	Illustrative   []string       `json:"illustrative"`
	Clusters       []Cluster      `json:"clusters"`
	CrossCountry   CrossCountry   `json:"cross_country"`
	CrossCluster   CrossCluster   `json:"cross_cluster"`
	Twinning       []Twinning     `json:"twinning"`
	Actions        ActionSummary  `json:"actions"`
	Sustainability Sustainability `json:"sustainability"`
	// Findings are the facts the as-is report leads with.
	Findings Findings `json:"findings"`

	fw *framework.Framework
	// byCode indexes Countries by code (the first of a code), so that Country is
	// not a scan: the cross-cluster statistics, actions and sustainability look up
	// every country, which made them quadratic in the number of countries.
	byCode map[string]int
}

// Framework returns the framework the result was computed with.
func (r *Result) Framework() *framework.Framework { return r.fw }

// TaskInfo names a task and its items, in framework order.
type TaskInfo struct {
	ID     string     `json:"id"`
	Number int        `json:"number"`
	Title  string     `json:"title"`
	Short  string     `json:"short"`
	Items  []ItemInfo `json:"items"`
}

// ItemInfo names an item and its scale.
type ItemInfo struct {
	Key   string `json:"key"` // task.item
	ID    string `json:"id"`
	Title string `json:"title"`
	Scale string `json:"scale"`
	Min   int    `json:"min"`
	Max   int    `json:"max"`
}

// DomainInfo names a sustainability domain.
type DomainInfo struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Country is one country's scores, in framework order.
type Country struct {
	Code    string `json:"code"`
	EUCode  string `json:"eu_code"`
	Name    string `json:"name"`
	Cluster string `json:"cluster"`
	Status  string `json:"status"`
	// Completeness is the share of all framework items that carry an as-is score.
	Completeness Num         `json:"completeness"`
	Assessed     int         `json:"assessed"`
	ItemCount    int         `json:"item_count"`
	Tasks        []TaskScore `json:"tasks"`
	Items        []ItemScore `json:"items"`
}

// Task returns the country's score for a task, or false.
func (c *Country) Task(id string) (TaskScore, bool) {
	for _, t := range c.Tasks {
		if t.Task == id {
			return t, true
		}
	}
	return TaskScore{}, false
}

// Item returns the country's score for an item ("task.item"), or false.
func (c *Country) Item(key string) (ItemScore, bool) {
	for _, it := range c.Items {
		if it.Key == key {
			return it, true
		}
	}
	return ItemScore{}, false
}

// TaskScore is a country's score on one task. AsIs and ToBe are means of the
// normalised item scores over the assessed items, so Gap = ToBe - AsIs is also the
// mean item gap. All three are missing when no item of the task is assessed.
type TaskScore struct {
	Task         string `json:"task"`
	AsIs         Num    `json:"as_is"`
	ToBe         Num    `json:"to_be"`
	Gap          Num    `json:"gap"`
	Assessed     int    `json:"assessed"`
	ItemCount    int    `json:"item_count"`
	Completeness Num    `json:"completeness"`
}

// ItemScore is a country's score on one item: raw scores on the item's scale and
// their normalised values. ToBe is the target when one is set, else the as-is score.
type ItemScore struct {
	Key       string `json:"key"`
	Task      string `json:"task"`
	Item      string `json:"item"`
	Score     *int   `json:"score"`  // raw as-is score; nil when not assessed
	Target    *int   `json:"target"` // raw target; nil when none is set
	AsIs      Num    `json:"as_is"`
	ToBe      Num    `json:"to_be"`
	Gap       Num    `json:"gap"`
	Assessed  bool   `json:"assessed"`
	Targeted  bool   `json:"targeted"`
	TargetYr  int    `json:"target_year,omitempty"`
	NotReason string `json:"not_assessed,omitempty"`
}

// Compute derives every comparison from a loaded repository. Countries whose
// country.yaml did not load are left out; a missing as-is, to-be, to-do or action
// plan only leaves the numbers that depend on it missing.
func Compute(repo *model.Repo) (*Result, error) {
	if repo == nil || repo.Framework == nil {
		return nil, errors.New("failed to compare: no repository or framework loaded")
	}
	fw := repo.Framework
	r := &Result{Programme: fw.Programme, GapThreshold: fw.GapThreshold, fw: fw,
		Illustrative: []string{}}
	for _, t := range fw.Tasks {
		ti := TaskInfo{ID: t.ID, Number: t.Number, Title: t.Title, Short: t.Short}
		for _, it := range t.Items {
			s := fw.ItemScale(&it)
			ti.Items = append(ti.Items, ItemInfo{Key: it.Key(), ID: it.ID, Title: it.Title, Scale: s.ID, Min: s.Min, Max: s.Max})
		}
		r.Tasks = append(r.Tasks, ti)
	}
	for _, d := range fw.Sustainability.Domains {
		r.Domains = append(r.Domains, DomainInfo{ID: d.ID, Title: d.Title})
	}
	var loaded []*model.Country
	for _, c := range repo.Countries {
		if c != nil && c.Country != nil {
			loaded = append(loaded, c)
		}
	}
	slices.SortFunc(loaded, func(a, b *model.Country) int { return cmp.Compare(a.Code, b.Code) })
	for _, c := range loaded {
		cs, err := countryScores(fw, c)
		if err != nil {
			return nil, err
		}
		r.Countries = append(r.Countries, cs)
		if cs.Status == string(plan.StatusIllustrative) {
			r.Illustrative = append(r.Illustrative, cs.Code)
		}
	}
	r.byCode = make(map[string]int, len(r.Countries))
	for i, c := range r.Countries {
		if _, dup := r.byCode[c.Code]; !dup {
			r.byCode[c.Code] = i
		}
	}
	r.Clusters = clusters(repo, r.Countries)
	r.CrossCountry = crossCountry(r)
	r.CrossCluster = crossCluster(r)
	r.Twinning = twinning(r)
	r.Actions = actions(fw, loaded, r)
	r.Sustainability = sustainability(fw, loaded, r)
	r.Findings = findings(r)
	return r, nil
}

func countryScores(fw *framework.Framework, c *model.Country) (Country, error) {
	return Scores(fw, c), nil
}

// Scores computes one country's item and task scores (as-is, to-be, gap,
// completeness) on the 0-1 scale. It is the single place the scoring rule lives;
// history uses it for scores over time. A missing country.yaml leaves the
// descriptive fields empty (the name falls back to the code).
func Scores(fw *framework.Framework, c *model.Country) Country {
	out := Country{Code: c.Code}
	if c.Country != nil {
		out.EUCode, out.Name, out.Cluster, out.Status = c.Country.EUCode, c.Country.Name, c.Country.Cluster, string(c.Country.Status)
	}
	if out.Name == "" {
		out.Name = c.Code
	}
	for _, t := range fw.Tasks {
		ts := TaskScore{Task: t.ID, ItemCount: len(t.Items)}
		var asis, tobe []Num
		for _, fit := range t.Items {
			it := itemScore(fw, c, t.ID, &fit)
			out.Items = append(out.Items, it)
			if it.Assessed {
				ts.Assessed++
				asis = append(asis, it.AsIs)
				tobe = append(tobe, it.ToBe)
			}
		}
		ts.AsIs, ts.ToBe = mean(asis), mean(tobe)
		ts.Gap = Sub(ts.ToBe, ts.AsIs)
		ts.Completeness = share(ts.Assessed, ts.ItemCount)
		out.Assessed += ts.Assessed
		out.ItemCount += ts.ItemCount
		out.Tasks = append(out.Tasks, ts)
	}
	out.Completeness = share(out.Assessed, out.ItemCount)
	return out
}

// itemScore scores one item; a score outside the item's scale counts as not
// assessed (validate reports it), so it cannot push a mean outside 0-1.
func itemScore(fw *framework.Framework, c *model.Country, task string, fit *framework.Item) ItemScore {
	s := fw.ItemScale(fit)
	it := ItemScore{Key: fit.Key(), Task: task, Item: fit.ID}
	if c.AsIs != nil {
		if ta, ok := c.AsIs.Tasks[task]; ok {
			if ia, ok := ta.Items[fit.ID]; ok {
				it.NotReason = ia.NotAssessed
				if ia.Score != nil && s.Contains(*ia.Score) {
					v := *ia.Score
					it.Score = &v
					it.Assessed = true
					it.AsIs = Exact(s.Normalised(v))
				}
			}
		}
	}
	if c.ToBe != nil {
		if tt, ok := c.ToBe.Targets[task]; ok {
			if tg, ok := tt[fit.ID]; ok && s.Contains(tg.Score) {
				v := tg.Score
				it.Target = &v
				it.Targeted = true
				it.TargetYr = tg.Year
			}
		}
	}
	switch {
	case it.Target != nil:
		it.ToBe = Exact(s.Normalised(*it.Target))
	case it.Assessed:
		it.ToBe = it.AsIs
	}
	it.Gap = Sub(it.ToBe, it.AsIs)
	return it
}

// share returns n/total, missing when total is 0.
func share(n, total int) Num {
	if total == 0 {
		return Num{}
	}
	return Exact(num.Frac(int64(n), int64(total)))
}

// mean is the mean of the valid values, missing when there are none; exact when
// every value is.
func mean(xs []Num) Num {
	sum, exact := num.Frac(0, 1), true
	var s float64
	n := 0
	for _, x := range xs {
		if !x.Valid {
			continue
		}
		n++
		s += x.Value
		if exact {
			sum = sum.Add(x.exact)
			exact = sum.OK()
		}
	}
	if n == 0 {
		return Num{}
	}
	if m := sum.Div(int64(n)); exact && m.OK() {
		return Exact(m)
	}
	return Some(s / float64(n))
}

// Country returns the scores of the country with the given code, or nil.
func (r *Result) Country(code string) *Country {
	if i, ok := r.byCode[code]; ok && i < len(r.Countries) && r.Countries[i].Code == code {
		return &r.Countries[i]
	}
	// Not indexed (a Result not made by Compute, or changed since): scan.
	for i := range r.Countries {
		if r.Countries[i].Code == code {
			return &r.Countries[i]
		}
	}
	return nil
}

// Task returns the task info with the given id, or an error naming the known ids.
func (r *Result) Task(id string) (TaskInfo, error) {
	ids := make([]string, len(r.Tasks))
	for i, t := range r.Tasks {
		if t.ID == id {
			return t, nil
		}
		ids[i] = t.ID
	}
	return TaskInfo{}, fmt.Errorf("unknown task %q; the framework has: %s", id, strings.Join(ids, ", "))
}
