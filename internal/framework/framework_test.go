package framework_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/num"
)

func TestDefaultFramework(t *testing.T) {
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(fw.TaskIDs(), ","), "data,models,skills,stakeholders"; got != want {
		t.Errorf("tasks = %s, want %s", got, want)
	}
	if n := len(fw.ItemKeys()); n != 26 {
		t.Errorf("items = %d, want 26 (8 data, 3 models, 9 skills, 6 stakeholders)", n)
	}
	it, ok := fw.Item("data.timeliness")
	if !ok {
		t.Fatal("data.timeliness missing")
	}
	if s := fw.ItemScale(it); s.Min != 1 || s.Max != 4 {
		t.Errorf("timeliness scale = %d-%d, want 1-4", s.Min, s.Max)
	}
	if got := fw.LabelFor(it, 4); got != "Integrated information system" {
		t.Errorf("item level label = %q", got)
	}
	link, _ := fw.Item("data.linkage")
	if got := fw.LabelFor(link, 1); got != "Somehow" {
		t.Errorf("scale label = %q, want Somehow", got)
	}
	// Two items share the id "communication" in different tasks.
	if _, ok := fw.Item("skills.communication"); !ok {
		t.Error("skills.communication missing")
	}
	if _, ok := fw.Item("stakeholders.communication"); !ok {
		t.Error("stakeholders.communication missing")
	}
	if got := strings.Join(fw.DomainIDs(), ","); got != "data_models,planners,governance,environment" {
		t.Errorf("domains = %s", got)
	}
	if fw.Programme.End != "2026-01" {
		t.Errorf("programme end = %s", fw.Programme.End)
	}
}

func TestNormalised(t *testing.T) {
	tests := []struct {
		min, max, score int
		want            num.Ratio
	}{
		{0, 2, 0, num.Frac(0, 1)}, {0, 2, 1, num.Frac(1, 2)}, {0, 2, 2, num.Frac(1, 1)},
		{1, 4, 1, num.Frac(0, 1)}, {1, 4, 2, num.Frac(1, 3)}, {1, 4, 4, num.Frac(1, 1)},
	}
	for _, tt := range tests {
		s := framework.Scale{Min: tt.min, Max: tt.max}
		if got := s.Normalised(tt.score); got != tt.want {
			t.Errorf("Normalised(%d) on %d-%d = %s, want %s", tt.score, tt.min, tt.max, got, tt.want)
		}
	}
}

// TestLargeGap: a gap is large when it is positive and at least the threshold,
// compared exactly; 0.25 on the threshold 0.25 is large, however it was reached.
func TestLargeGap(t *testing.T) {
	fw := &framework.Framework{GapThreshold: 0.25}
	for _, c := range []struct {
		gap  num.Ratio
		want bool
	}{
		{num.Frac(1, 4), true},
		{num.Frac(8, 12).Sub(num.Frac(5, 12)), true}, // Hungary's stakeholders task
		{num.Frac(1, 3), true},
		{num.Frac(1, 8), false},
		{num.Frac(24999, 100000), false},
		{num.Frac(0, 1), false},
		{num.Frac(-1, 2), false},
		{num.Ratio{}, false},
	} {
		if got := fw.LargeGap(c.gap); got != c.want {
			t.Errorf("LargeGap(%s) = %v, want %v", c.gap, got, c.want)
		}
	}
	if framework.LargeGap(num.Frac(0, 1), 0) || !framework.LargeGap(num.Frac(1, 100), 0) {
		t.Error("with threshold 0 every positive gap is large and no zero gap is")
	}
}

func TestParseErrors(t *testing.T) {
	base := `
id: x
title: X
programme: {name: X, end: 2026-01}
gap_threshold: 0.25
scales:
  - {id: s, title: S, min: 0, max: 2}
tasks:
  - id: t
    number: 1
    title: T
    items:
      - {id: a, title: A, scale: s}
`
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown scale", "scale: s}", "scale: nope}", `item t.a uses unknown scale "nope"`},
		{"bad range", "min: 0, max: 2", "min: 2, max: 2", "max 2 must be above min 2"},
		{"duplicate item", "      - {id: a, title: A, scale: s}", "      - {id: a, title: A, scale: s}\n      - {id: a, title: B, scale: s}", "item t.a is defined twice"},
		{"bad end", "end: 2026-01", "end: soon", `programme.end "soon" is not a year-month`},
		{"threshold", "gap_threshold: 0.25", "gap_threshold: 2", "gap_threshold 2 must be between 0 and 1"},
		{"unknown key", "title: X\n", "title: X\ncolour: red\n", "field colour not found"},
		{"bad id", "id: t\n", "id: Task One\n", `task id "Task One"`},
	}
	if _, err := framework.Parse([]byte(base)); err != nil {
		t.Fatalf("base framework: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, tt.old, tt.new, 1)
			_, err := framework.Parse([]byte(src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestExchangeRates(t *testing.T) {
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	x := fw.ExchangeRates
	if x == nil || x.Base != "EUR" || x.Date == "" || x.Source == "" {
		t.Fatalf("the shipped framework declares no usable rates: %+v", x)
	}
	if v, ok := x.Convert(24326, "CZK"); !ok || v < 999.99 || v > 1000.01 {
		t.Errorf("CZK 24,326 = EUR %v, %v; want 1000", v, ok)
	}
	if v, ok := x.Convert(500, "EUR"); !ok || v != 500 {
		t.Errorf("EUR 500 = %v, %v", v, ok)
	}
	if _, ok := x.Convert(1, "JPY"); ok {
		t.Error("JPY converted without a declared rate")
	}
	var none *framework.ExchangeRates
	if _, ok := none.Convert(1, "EUR"); ok {
		t.Error("converted without any rates")
	}
}

func TestExchangeRatesChecked(t *testing.T) {
	base := string(hwfplan.DefaultFramework)
	i := strings.Index(base, "exchange_rates:")
	j := strings.Index(base, "\n# The five EU sectoral")
	if i < 0 || j < i {
		t.Fatal("the shipped framework has no exchange_rates block")
	}
	for _, tc := range []struct{ name, block, want string }{
		{"zero rate", "exchange_rates:\n  base: EUR\n  date: \"2025-10-09\"\n  source: ECB\n  rates:\n    - {currency: CZK, rate: 0}\n", "line 6: exchange rate for CZK must be a number above 0"},
		{"bad date", "exchange_rates:\n  base: EUR\n  date: October\n  source: ECB\n  rates:\n    - {currency: CZK, rate: 24}\n", "exchange_rates.date \"October\" is not a date"},
		{"no source", "exchange_rates:\n  base: EUR\n  date: \"2025-10-09\"\n  rates:\n    - {currency: CZK, rate: 24}\n", "exchange_rates.source is missing"},
		{"twice", "exchange_rates:\n  base: EUR\n  date: \"2025-10-09\"\n  source: ECB\n  rates:\n    - {currency: CZK, rate: 24}\n    - {currency: CZK, rate: 25}\n", "line 7: exchange rate for CZK is given twice"},
		{"base listed", "exchange_rates:\n  base: EUR\n  date: \"2025-10-09\"\n  source: ECB\n  rates:\n    - {currency: EUR, rate: 1}\n", "the base currency, is always 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := base[:i] + tc.block + base[j:]
			_, err := framework.Parse([]byte(src))
			if err == nil {
				t.Fatal("accepted")
			}
			// Lines count from the block's start in the test input.
			msg := err.Error()
			want := tc.want
			if l, rest, ok := strings.Cut(want, ": "); ok && strings.HasPrefix(l, "line ") {
				var n int
				fmt.Sscanf(l, "line %d", &n)
				want = fmt.Sprintf("line %d: %s", n+strings.Count(base[:i], "\n"), rest)
			}
			if !strings.Contains(msg, want) {
				t.Errorf("error %q does not say %q", msg, want)
			}
		})
	}
}

// TestMinimumDataSet: the shipped framework holds the JA 2013-16 minimum planning
// data set as DOMAIN.md lists it, 5 groups and 19 elements, keyed group.element.
func TestMinimumDataSet(t *testing.T) {
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	ds := fw.MinimumDataSet
	if ds == nil {
		t.Fatal("the shipped framework declares no minimum_data_set")
	}
	var groups []string
	for _, g := range ds.Groups {
		groups = append(groups, fmt.Sprintf("%s:%d", g.ID, len(g.Elements)))
	}
	if got, want := strings.Join(groups, ","), "stock:7,exits:2,training:6,mobility:2,demand:2"; got != want {
		t.Errorf("groups = %s, want %s", got, want)
	}
	keys := fw.DataElementKeys()
	if len(keys) != 19 || keys[0] != "stock.headcount" || keys[18] != "demand.utilisation" {
		t.Errorf("element keys = %v", keys)
	}
	if e, ok := fw.DataElement("mobility.immigrants"); !ok || e.Group != "mobility" || e.Title != "Immigrants" {
		t.Errorf("DataElement(mobility.immigrants) = %+v, %v", e, ok)
	}
	if _, ok := fw.DataElement("immigrants"); ok {
		t.Error("an unqualified element id was found")
	}
	// A framework without a data set has no elements.
	var none framework.Framework
	if none.DataElementKeys() != nil {
		t.Error("keys without a data set")
	}
}

func TestMinimumDataSetChecked(t *testing.T) {
	base := "id: x\ntitle: X\nprogramme: {name: X, end: 2026-01}\nscales:\n  - {id: s, title: S, min: 0, max: 2}\ntasks:\n  - {id: t, number: 1, title: T, items: [{id: a, title: A, scale: s}]}\n"
	for _, tc := range []struct{ name, block, want string }{
		{"no groups", "minimum_data_set: {title: M, groups: []}\n", "minimum_data_set has no groups"},
		{"empty group", "minimum_data_set: {title: M, groups: [{id: stock, title: Stock, elements: []}]}\n", "group stock has no elements"},
		{"twice", "minimum_data_set: {title: M, groups: [{id: stock, title: Stock, elements: [{id: fte, title: F}, {id: fte, title: G}]}]}\n", "element stock.fte is defined twice"},
		{"bad id", "minimum_data_set: {title: M, groups: [{id: stock, title: Stock, elements: [{id: By Age, title: F}]}]}\n", `element id "By Age" in group stock`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := framework.Parse([]byte(base + tc.block))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := framework.Parse([]byte(base)); err != nil {
		t.Errorf("a framework without a data set: %v", err)
	}
}
