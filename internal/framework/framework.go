// Package framework loads the assessment vocabulary (schema/framework.yaml): the tasks,
// their items, the scales items are scored on, the sustainability domains and the
// professions. Every other package asks the framework instead of hard-coding ids, so
// another programme can bring its own framework without code changes.
package framework

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/num"
	"go.yaml.in/yaml/v3"
)

// DefaultPath is where the framework lives in a plans repository.
const DefaultPath = "schema/framework.yaml"

// Framework is the whole vocabulary.
type Framework struct {
	ID             string         `yaml:"id"`
	Title          string         `yaml:"title"`
	Programme      Programme      `yaml:"programme"`
	GapThreshold   float64        `yaml:"gap_threshold"`
	Scales         []Scale        `yaml:"scales"`
	Tasks          []Task         `yaml:"tasks"`
	Sustainability Sustainability `yaml:"sustainability"`
	Professions    []Profession   `yaml:"professions"`
	// ExchangeRates, when declared, turn amounts in other currencies into
	// equivalents in one currency (EUR for HEROES); nil when the file has none.
	ExchangeRates *ExchangeRates `yaml:"exchange_rates"`
	// MinimumDataSet, when declared, is the data a country needs for planning,
	// in groups of elements; data sources list the elements they cover. Nil when
	// the file has none.
	MinimumDataSet *DataSet `yaml:"minimum_data_set"`

	scales   map[string]*Scale
	items    map[string]*Item
	tasks    map[string]*Task
	elements map[string]*DataElement
}

// DataSet is a minimum planning data set: groups of data elements (the JA
// 2013-16 Minimum Planning Data Requirements for HEROES).
type DataSet struct {
	Title  string      `yaml:"title"`
	Source string      `yaml:"source"`
	URL    string      `yaml:"url"`
	Groups []DataGroup `yaml:"groups"`
}

// DataGroup is one group of the data set (stock, exits, training, ...).
type DataGroup struct {
	ID          string        `yaml:"id"`
	Title       string        `yaml:"title"`
	Description string        `yaml:"description"`
	Elements    []DataElement `yaml:"elements"`
}

// DataElement is one element of the data set.
type DataElement struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`

	// Group is the id of the group the element belongs to (filled on load).
	Group string `yaml:"-"`
}

// Key is the element's qualified id, "group.element", as data sources list it.
func (e DataElement) Key() string { return e.Group + "." + e.ID }

// Programme describes the programme the plans belong to.
type Programme struct {
	Name     string `yaml:"name"`
	FullName string `yaml:"full_name"`
	Start    string `yaml:"start"` // YYYY-MM
	End      string `yaml:"end"`   // YYYY-MM; actions ending later must state their sustainability
	URL      string `yaml:"url"`
}

// ExchangeRates are reference rates of one date and source: each rate is how many
// units of a currency one unit of Base buys, as the ECB quotes its euro reference
// rates (1 EUR = 24.326 CZK). Reports show amounts in their own currency and add
// the Base equivalent; they never convert silently.
type ExchangeRates struct {
	Base   string `yaml:"base"`
	Date   string `yaml:"date"` // YYYY-MM-DD
	Source string `yaml:"source"`
	URL    string `yaml:"url"`
	Rates  []Rate `yaml:"rates"`

	line int
}

// Rate is one currency's rate against the base.
type Rate struct {
	Currency string  `yaml:"currency"`
	Rate     float64 `yaml:"rate"`

	line, column int
}

// UnmarshalYAML keeps the rate's position for messages.
func (r *Rate) UnmarshalYAML(n *yaml.Node) error {
	type plain Rate
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = Rate(p)
	r.line, r.column = n.Line, n.Column
	return nil
}

// UnmarshalYAML keeps the block's position for messages.
func (x *ExchangeRates) UnmarshalYAML(n *yaml.Node) error {
	type plain ExchangeRates
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*x = ExchangeRates(p)
	x.line = n.Line
	return nil
}

// Rate returns the rate of a currency against the base (1 for the base itself).
func (x *ExchangeRates) Rate(currency string) (float64, bool) {
	if x == nil {
		return 0, false
	}
	if currency == x.Base {
		return 1, true
	}
	for _, r := range x.Rates {
		if r.Currency == currency {
			return r.Rate, true
		}
	}
	return 0, false
}

// Convert returns an amount in the base currency; ok is false when no rate for
// the currency is declared.
func (x *ExchangeRates) Convert(amount float64, currency string) (float64, bool) {
	r, ok := x.Rate(currency)
	if !ok {
		return 0, false
	}
	return amount / r, true
}

// PositionError is a problem in the framework file at a line and column.
type PositionError struct {
	Line, Column int
	Err          error
}

func (e *PositionError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *PositionError) Unwrap() error { return e.Err }

// Scale is an ordinal scale with labelled values.
type Scale struct {
	ID     string  `yaml:"id"`
	Title  string  `yaml:"title"`
	Min    int     `yaml:"min"`
	Max    int     `yaml:"max"`
	Labels []Label `yaml:"labels"`
}

// Label names one value of a scale.
type Label struct {
	Value int    `yaml:"value"`
	Label string `yaml:"label"`
}

// Task is one of the assessed tasks (data, models, skills, stakeholders).
type Task struct {
	ID          string `yaml:"id"`
	Number      int    `yaml:"number"`
	Title       string `yaml:"title"`
	Short       string `yaml:"short"`
	Description string `yaml:"description"`
	Items       []Item `yaml:"items"`
}

// Item is one scored question within a task.
type Item struct {
	ID          string  `yaml:"id"`
	Title       string  `yaml:"title"`
	Scale       string  `yaml:"scale"`
	Source      string  `yaml:"source"`
	Description string  `yaml:"description"`
	Levels      []Label `yaml:"levels"` // item-specific labels; fall back to the scale's

	// Task is the id of the task the item belongs to (filled on load).
	Task string `yaml:"-"`
}

// Key is the item's qualified id, "task.item", as plans refer to it.
func (it Item) Key() string { return it.Task + "." + it.ID }

// Sustainability is the HEROES Sustainability Framework.
type Sustainability struct {
	Scale   string   `yaml:"scale"`
	Domains []Domain `yaml:"domains"`
}

// Domain is one sustainability domain.
type Domain struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
}

// Profession is one profession id plans may name.
type Profession struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
var monthPattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)
var currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)

// Parse decodes and checks a framework file.
func Parse(data []byte) (*Framework, error) {
	var f Framework
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("failed to read framework: %w", err)
	}
	if err := f.index(); err != nil {
		return nil, fmt.Errorf("failed to check framework: %w", err)
	}
	return &f, nil
}

func (f *Framework) index() error {
	var errs []error
	f.scales = map[string]*Scale{}
	f.items = map[string]*Item{}
	f.tasks = map[string]*Task{}
	if !monthPattern.MatchString(f.Programme.End) {
		errs = append(errs, fmt.Errorf("programme.end %q is not a year-month like 2026-01", f.Programme.End))
	}
	if f.Programme.Start != "" && !monthPattern.MatchString(f.Programme.Start) {
		errs = append(errs, fmt.Errorf("programme.start %q is not a year-month like 2023-02", f.Programme.Start))
	}
	if f.GapThreshold < 0 || f.GapThreshold > 1 {
		errs = append(errs, fmt.Errorf("gap_threshold %v must be between 0 and 1", f.GapThreshold))
	} else if !num.Decimal(f.GapThreshold).OK() {
		errs = append(errs, fmt.Errorf("gap_threshold %v has too many digits to compare exactly; write it as a short decimal like 0.25", f.GapThreshold))
	}
	for i := range f.Scales {
		s := &f.Scales[i]
		if !idPattern.MatchString(s.ID) {
			errs = append(errs, fmt.Errorf("scale id %q must be lower-case letters, digits and _", s.ID))
		}
		if s.Max <= s.Min {
			errs = append(errs, fmt.Errorf("scale %s: max %d must be above min %d", s.ID, s.Max, s.Min))
		}
		if f.scales[s.ID] != nil {
			errs = append(errs, fmt.Errorf("scale %s is defined twice", s.ID))
		}
		f.scales[s.ID] = s
	}
	if len(f.Tasks) == 0 {
		errs = append(errs, errors.New("no tasks"))
	}
	for ti := range f.Tasks {
		t := &f.Tasks[ti]
		if !idPattern.MatchString(t.ID) {
			errs = append(errs, fmt.Errorf("task id %q must be lower-case letters, digits and _", t.ID))
		}
		if f.tasks[t.ID] != nil {
			errs = append(errs, fmt.Errorf("task %s is defined twice", t.ID))
		}
		f.tasks[t.ID] = t
		if len(t.Items) == 0 {
			errs = append(errs, fmt.Errorf("task %s has no items", t.ID))
		}
		for ii := range t.Items {
			it := &t.Items[ii]
			it.Task = t.ID
			if !idPattern.MatchString(it.ID) {
				errs = append(errs, fmt.Errorf("item id %q in task %s must be lower-case letters, digits and _", it.ID, t.ID))
			}
			if f.items[it.Key()] != nil {
				errs = append(errs, fmt.Errorf("item %s is defined twice", it.Key()))
			}
			f.items[it.Key()] = it
			if f.scales[it.Scale] == nil {
				errs = append(errs, fmt.Errorf("item %s uses unknown scale %q", it.Key(), it.Scale))
			}
		}
	}
	if len(f.Sustainability.Domains) > 0 && f.scales[f.Sustainability.Scale] == nil {
		errs = append(errs, fmt.Errorf("sustainability uses unknown scale %q", f.Sustainability.Scale))
	}
	if x := f.ExchangeRates; x != nil {
		errs = append(errs, x.check()...)
	}
	f.elements = map[string]*DataElement{}
	if ds := f.MinimumDataSet; ds != nil {
		errs = append(errs, ds.index(f.elements)...)
	}
	return errors.Join(errs...)
}

// Task returns the task with the given id.
func (f *Framework) Task(id string) (*Task, bool) { t, ok := f.tasks[id]; return t, ok }

// Item returns the item with the qualified id "task.item".
func (f *Framework) Item(key string) (*Item, bool) { it, ok := f.items[key]; return it, ok }

// Scale returns the scale with the given id.
func (f *Framework) Scale(id string) (*Scale, bool) { s, ok := f.scales[id]; return s, ok }

// ItemScale returns the scale of an item; the framework guarantees it exists.
func (f *Framework) ItemScale(it *Item) *Scale { return f.scales[it.Scale] }

// DataElement returns the element of the minimum data set with the qualified id
// "group.element"; ok is false when there is none (or no data set).
func (f *Framework) DataElement(key string) (*DataElement, bool) {
	e, ok := f.elements[key]
	return e, ok
}

// DataElementKeys lists every qualified element id ("group.element") of the
// minimum data set in framework order; nil when the framework declares none.
func (f *Framework) DataElementKeys() []string {
	if f.MinimumDataSet == nil {
		return nil
	}
	var keys []string
	for _, g := range f.MinimumDataSet.Groups {
		for _, e := range g.Elements {
			keys = append(keys, e.Key())
		}
	}
	return keys
}

// SustainabilityScale returns the scale sustainability factors are scored on.
func (f *Framework) SustainabilityScale() *Scale { return f.scales[f.Sustainability.Scale] }

// TaskIDs lists task ids in framework order.
func (f *Framework) TaskIDs() []string {
	ids := make([]string, len(f.Tasks))
	for i, t := range f.Tasks {
		ids[i] = t.ID
	}
	return ids
}

// ItemKeys lists every qualified item id ("task.item") in framework order.
func (f *Framework) ItemKeys() []string {
	var keys []string
	for _, t := range f.Tasks {
		for _, it := range t.Items {
			keys = append(keys, it.Key())
		}
	}
	return keys
}

// DomainIDs lists the sustainability domain ids.
func (f *Framework) DomainIDs() []string {
	ids := make([]string, len(f.Sustainability.Domains))
	for i, d := range f.Sustainability.Domains {
		ids[i] = d.ID
	}
	return ids
}

// ProfessionIDs lists profession ids.
func (f *Framework) ProfessionIDs() []string {
	ids := make([]string, len(f.Professions))
	for i, p := range f.Professions {
		ids[i] = p.ID
	}
	return ids
}

// Normalised is a score on the scale mapped to 0-1, (score-min)/(max-min), as an
// exact fraction, so that means and gaps of scores stay exact.
func (s *Scale) Normalised(score int) num.Ratio {
	return num.Frac(int64(score-s.Min), int64(s.Max-s.Min))
}

// LargeGap reports whether a gap on the 0-1 scale is flagged as large: it is
// positive and at least the framework's gap_threshold, compared exactly.
func (f *Framework) LargeGap(gap num.Ratio) bool { return LargeGap(gap, f.GapThreshold) }

// LargeGap is the one rule for a large gap, for callers that hold the threshold
// but not the framework: gap > 0 and gap ≥ threshold, both exact (the threshold
// as the decimal the framework writes, 0.25 = 1/4). A gap that is not a number
// is never large.
func LargeGap(gap num.Ratio, threshold float64) bool {
	return gap.OK() && gap.Sign() > 0 && gap.Cmp(num.Decimal(threshold)) >= 0
}

// LabelFor returns the label of a value, preferring the item's own levels.
func (f *Framework) LabelFor(it *Item, value int) string {
	for _, l := range it.Levels {
		if l.Value == value {
			return l.Label
		}
	}
	if s := f.scales[it.Scale]; s != nil {
		for _, l := range s.Labels {
			if l.Value == value {
				return l.Label
			}
		}
	}
	return ""
}

// Contains reports whether v is within the scale.
func (s *Scale) Contains(v int) bool { return v >= s.Min && v <= s.Max }

// HasDomain reports whether id is a sustainability domain.
func (f *Framework) HasDomain(id string) bool {
	return slices.ContainsFunc(f.Sustainability.Domains, func(d Domain) bool { return d.ID == id })
}

// check reports what makes the rates unusable, each at its line.
func (x *ExchangeRates) check() []error {
	var errs []error
	at := func(line, col int, format string, args ...any) {
		errs = append(errs, &PositionError{Line: line, Column: col, Err: fmt.Errorf(format, args...)})
	}
	if !currencyPattern.MatchString(x.Base) {
		at(x.line, 1, "exchange_rates.base %q is not a currency code like EUR", x.Base)
	}
	if _, err := time.Parse(time.DateOnly, x.Date); err != nil {
		at(x.line, 1, "exchange_rates.date %q is not a date like 2025-10-09: say which day the rates are of", x.Date)
	}
	if strings.TrimSpace(x.Source) == "" {
		at(x.line, 1, "exchange_rates.source is missing: say who published the rates")
	}
	if len(x.Rates) == 0 {
		at(x.line, 1, "exchange_rates.rates is empty")
	}
	seen := map[string]bool{}
	for _, r := range x.Rates {
		switch {
		case !currencyPattern.MatchString(r.Currency):
			at(r.line, r.column, "exchange rate currency %q is not a currency code like CZK", r.Currency)
		case r.Currency == x.Base:
			at(r.line, r.column, "exchange rate for %s, the base currency, is always 1; leave it out", r.Currency)
		case seen[r.Currency]:
			at(r.line, r.column, "exchange rate for %s is given twice", r.Currency)
		}
		seen[r.Currency] = true
		if !(r.Rate > 0) || math.IsInf(r.Rate, 0) {
			at(r.line, r.column, "exchange rate for %s must be a number above 0 (units of %s per 1 %s), not %v", r.Currency, r.Currency, x.Base, r.Rate)
		}
	}
	return errs
}

// index fills the groups' elements' Group, adds every element to byKey, and
// reports ids that are malformed or given twice.
func (ds *DataSet) index(byKey map[string]*DataElement) []error {
	var errs []error
	if len(ds.Groups) == 0 {
		errs = append(errs, errors.New("minimum_data_set has no groups"))
	}
	groups := map[string]bool{}
	for gi := range ds.Groups {
		g := &ds.Groups[gi]
		if !idPattern.MatchString(g.ID) {
			errs = append(errs, fmt.Errorf("minimum_data_set group id %q must be lower-case letters, digits and _", g.ID))
		}
		if groups[g.ID] {
			errs = append(errs, fmt.Errorf("minimum_data_set group %s is defined twice", g.ID))
		}
		groups[g.ID] = true
		if len(g.Elements) == 0 {
			errs = append(errs, fmt.Errorf("minimum_data_set group %s has no elements", g.ID))
		}
		for ei := range g.Elements {
			e := &g.Elements[ei]
			e.Group = g.ID
			if !idPattern.MatchString(e.ID) {
				errs = append(errs, fmt.Errorf("minimum_data_set element id %q in group %s must be lower-case letters, digits and _", e.ID, g.ID))
			}
			if byKey[e.Key()] != nil {
				errs = append(errs, fmt.Errorf("minimum_data_set element %s is defined twice", e.Key()))
			}
			byKey[e.Key()] = e
		}
	}
	return errs
}

// DataElementName returns the title of the element "group.element" and the
// title of its group; for a key the data set does not declare, the key itself
// and no group.
func (f *Framework) DataElementName(key string) (title, group string) {
	e, ok := f.DataElement(key)
	if !ok {
		return key, ""
	}
	for _, g := range f.MinimumDataSet.Groups {
		if g.ID == e.Group {
			return e.Title, g.Title
		}
	}
	return e.Title, ""
}

// CoverageWords names data set elements grouped by their group, in the order
// the keys come, a group's elements together: "Headcount, Stock by sex (stock);
// Population (demand drivers)". name gives an element's title and its group's
// title (see DataElementName); an element without a group stands alone.
func CoverageWords(keys []string, name func(key string) (title, group string)) string {
	var groups []string
	titles := map[string][]string{}
	var parts []string
	for _, k := range keys {
		t, g := name(k)
		if g == "" {
			groups = append(groups, "\x00"+t)
			continue
		}
		if _, seen := titles[g]; !seen {
			groups = append(groups, g)
		}
		titles[g] = append(titles[g], t)
	}
	for _, g := range groups {
		if t, ok := strings.CutPrefix(g, "\x00"); ok {
			parts = append(parts, t)
			continue
		}
		parts = append(parts, strings.Join(titles[g], ", ")+" ("+strings.ToLower(g)+")")
	}
	return strings.Join(parts, "; ")
}
