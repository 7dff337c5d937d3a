package report

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// CollectionView is what the data collection report is made from: the data
// sources the countries' as-is files list (as-is.yaml, data_sources), by kind,
// profession and update frequency, and the elements of the framework's minimum
// planning data set each source says it covers (minimum_data_set). Country lists
// are sorted by country name.
type CollectionView struct {
	// Countries holds every country, sorted by name, with its sources.
	Countries []*CountrySources
	// With and Without are the codes of the countries that list at least one data
	// source and those that list none.
	With, Without []string
	// Total counts the sources of all countries; Regular those updated at least
	// once a year (in real time, monthly, quarterly or annually).
	Total, Regular int
	// NoRegular lists the countries with sources, none of them updated at least
	// once a year.
	NoRegular []string
	// Kinds has one row per source kind, Frequencies one per update frequency,
	// both in the order of the schema.
	Kinds, Frequencies []SourceCodeRow
	// Professions has one row per framework profession, in framework order.
	Professions []SourceProfessionRow
	// Groups are the groups of the minimum data set, in framework order; nil when
	// the framework declares none.
	Groups []framework.DataGroup
	// Elements has one row per element of the data set, in framework order.
	Elements []ElementRow
	// Declaring lists the countries where at least one source declares the
	// elements it covers; Undeclared those with sources, none declaring.
	Declaring, Undeclared []string
	// GroupGaps has one row per group: the declaring countries that cover none of
	// its elements.
	GroupGaps []GroupGapRow
	// Clusters holds the coverage of each cluster, in cluster order.
	Clusters []*ClusterCoverage
}

// CountrySources is one country's data sources and what they cover.
type CountrySources struct {
	*CountryView
	Sources []plan.DataSource
	// Declared counts the sources that list the elements they cover.
	Declared int
	// Counts holds, per element of the data set (framework order), how many of
	// the country's sources cover it; Covered counts the elements with at least
	// one source, GroupCovered the same per group (framework order).
	Counts       []int
	Covered      int
	GroupCovered []int
	// Missing lists the elements (group.element) and MissingGroups the groups no
	// source covers; both empty when no source declares its coverage.
	Missing, MissingGroups []string
}

// Declares reports whether at least one of the country's sources lists the
// elements it covers.
func (c *CountrySources) Declares() bool { return c.Declared > 0 }

// Share is the part of the data set's elements the country's sources cover.
func (c *CountrySources) Share() compare.Num {
	if len(c.Counts) == 0 {
		return compare.Num{}
	}
	return compare.Exact(num.Frac(int64(c.Covered), int64(len(c.Counts))))
}

// GroupShares is, per group of the data set (framework order), the part of its
// elements the country's sources cover, exactly.
func (c *CountrySources) GroupShares(groups []framework.DataGroup) []compare.Num {
	out := make([]compare.Num, len(groups))
	for i, g := range groups {
		if i < len(c.GroupCovered) && len(g.Elements) > 0 {
			out[i] = compare.Exact(num.Frac(int64(c.GroupCovered[i]), int64(len(g.Elements))))
		}
	}
	return out
}

// KindCounts lists the kinds of the country's sources in schema order, each
// with its number of sources; FrequencyCounts the same for update frequencies.
func (c *CountrySources) KindCounts() []SourceCodeRow {
	return present(plan.SourceKinds, c.Sources, func(s plan.DataSource) string { return s.Kind })
}

// FrequencyCounts: see KindCounts.
func (c *CountrySources) FrequencyCounts() []SourceCodeRow {
	return present(plan.UpdateFrequencies, c.Sources, func(s plan.DataSource) string { return s.UpdateFrequency })
}

func present(choices []plan.Choice, sources []plan.DataSource, code func(plan.DataSource) string) []SourceCodeRow {
	var out []SourceCodeRow
	for _, row := range codeRows(choices) {
		for _, s := range sources {
			if code(s) == row.Code {
				row.Sources++
			}
		}
		if row.Sources > 0 {
			out = append(out, row)
		}
	}
	return out
}

// SourceCodeRow is one coded value (a kind, an update frequency): how many
// sources have it and the countries with one.
type SourceCodeRow struct {
	Code      string
	Sources   int
	Countries []string
}

// SourceProfessionRow is one profession: the sources that cover it, the
// countries with one and those without.
type SourceProfessionRow struct {
	ID, Title          string
	Sources            int
	Covered, Uncovered []string
}

// ElementRow is one element of the data set and the declaring countries whose
// sources cover it.
type ElementRow struct {
	framework.DataElement
	GroupTitle string
	Countries  []string
}

// GroupGapRow is one group of the data set and the declaring countries that
// cover none of its elements.
type GroupGapRow struct {
	framework.DataGroup
	Countries []string
}

// ClusterCoverage is one cluster's coverage of the data set: its members in
// name order, those that declare coverage (in code order, as the matrix's
// columns), and per element how many of those cover it.
type ClusterCoverage struct {
	*ClusterView
	Members   []*CountrySources
	Declaring []*CountrySources
	Counts    []int
	// Share is the part of the (declaring country, element) pairs covered:
	// the mean of the declaring members' shares.
	Share compare.Num
}

// regularFrequencies are the update frequencies of at least once a year.
var regularFrequencies = []string{"real_time", "monthly", "quarterly", "annual"}

// Collection gathers the data collection report's view of the plans.
func (d *Data) Collection() *CollectionView {
	v := &CollectionView{}
	fw := d.Framework
	keys := fw.DataElementKeys()
	if fw.MinimumDataSet != nil {
		v.Groups = fw.MinimumDataSet.Groups
	}
	for _, g := range v.Groups {
		for _, e := range g.Elements {
			v.Elements = append(v.Elements, ElementRow{DataElement: e, GroupTitle: g.Title})
		}
	}
	byName := slices.Clone(d.Countries)
	slices.SortStableFunc(byName, func(a, b *CountryView) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code))
	})
	v.Kinds = codeRows(plan.SourceKinds)
	v.Frequencies = codeRows(plan.UpdateFrequencies)
	profs := d.Framework.Professions
	v.Professions = make([]SourceProfessionRow, len(profs))
	for i, p := range profs {
		v.Professions[i] = SourceProfessionRow{ID: p.ID, Title: p.Title}
	}
	byCode := map[string]*CountrySources{}
	for _, c := range byName {
		cs := &CountrySources{CountryView: c, Counts: make([]int, len(keys)), GroupCovered: make([]int, len(v.Groups))}
		byCode[c.Code] = cs
		if c.Plan != nil && c.Plan.AsIs != nil {
			cs.Sources = c.Plan.AsIs.DataSources
		}
		regular := false
		for _, s := range cs.Sources {
			v.Total++
			countCode(v.Kinds, s.Kind, c.Code)
			countCode(v.Frequencies, s.UpdateFrequency, c.Code)
			if slices.Contains(regularFrequencies, s.UpdateFrequency) {
				v.Regular++
				regular = true
			}
			for i, p := range profs {
				if coversProfession(s.Professions, p.ID) {
					v.Professions[i].Sources++
					if !slices.Contains(v.Professions[i].Covered, c.Code) {
						v.Professions[i].Covered = append(v.Professions[i].Covered, c.Code)
					}
				}
			}
			if len(s.MinimumDataSet) > 0 {
				cs.Declared++
			}
			for i, k := range keys {
				if slices.Contains(s.MinimumDataSet, k) {
					cs.Counts[i]++
				}
			}
		}
		switch {
		case len(cs.Sources) == 0:
			v.Without = append(v.Without, c.Code)
		default:
			v.With = append(v.With, c.Code)
			if !regular {
				v.NoRegular = append(v.NoRegular, c.Code)
			}
			if cs.Declares() {
				v.Declaring = append(v.Declaring, c.Code)
			} else {
				v.Undeclared = append(v.Undeclared, c.Code)
			}
		}
		i := 0
		for gi, g := range v.Groups {
			for range g.Elements {
				if cs.Counts[i] > 0 {
					cs.Covered++
					cs.GroupCovered[gi]++
					v.Elements[i].Countries = append(v.Elements[i].Countries, c.Code)
				} else if cs.Declares() {
					cs.Missing = append(cs.Missing, keys[i])
				}
				i++
			}
			if cs.GroupCovered[gi] == 0 && cs.Declares() {
				cs.MissingGroups = append(cs.MissingGroups, g.ID)
			}
		}
		v.Countries = append(v.Countries, cs)
	}
	for i := range v.Professions {
		for _, cs := range v.Countries {
			if !slices.Contains(v.Professions[i].Covered, cs.Code) {
				v.Professions[i].Uncovered = append(v.Professions[i].Uncovered, cs.Code)
			}
		}
	}
	for _, g := range v.Groups {
		row := GroupGapRow{DataGroup: g}
		for _, cs := range v.Countries {
			if slices.Contains(cs.MissingGroups, g.ID) {
				row.Countries = append(row.Countries, cs.Code)
			}
		}
		v.GroupGaps = append(v.GroupGaps, row)
	}
	for _, cl := range d.Clusters {
		cc := &ClusterCoverage{ClusterView: cl, Counts: make([]int, len(keys))}
		for _, cs := range v.Countries { // name order
			if !slices.ContainsFunc(cl.Members, func(m *CountryView) bool { return m.Code == cs.Code }) {
				continue
			}
			cc.Members = append(cc.Members, cs)
			if !cs.Declares() {
				continue
			}
			cc.Declaring = append(cc.Declaring, cs)
			for i, n := range cs.Counts {
				if n > 0 {
					cc.Counts[i]++
				}
			}
		}
		// The matrix heads its columns with the country codes: in code order.
		slices.SortFunc(cc.Declaring, func(a, b *CountrySources) int { return strings.Compare(a.Code, b.Code) })
		if len(cc.Declaring) > 0 && len(keys) > 0 {
			covered := 0
			for _, n := range cc.Counts {
				covered += n
			}
			cc.Share = compare.Exact(num.Frac(int64(covered), int64(len(cc.Declaring)*len(keys))))
		}
		v.Clusters = append(v.Clusters, cc)
	}
	return v
}

func codeRows(choices []plan.Choice) []SourceCodeRow {
	rows := make([]SourceCodeRow, len(choices))
	for i, c := range choices {
		rows[i] = SourceCodeRow{Code: c.Code}
	}
	return rows
}

// countCode counts one source under its code, and its country once.
func countCode(rows []SourceCodeRow, code, country string) {
	i := slices.IndexFunc(rows, func(r SourceCodeRow) bool { return r.Code == code })
	if i < 0 {
		return
	}
	rows[i].Sources++
	if !slices.Contains(rows[i].Countries, country) {
		rows[i].Countries = append(rows[i].Countries, country)
	}
}

// MostUsedKind returns the source kind with the most sources (the first in
// schema order among equals), or nil when no country lists a source.
func (v *CollectionView) MostUsedKind() *SourceCodeRow {
	var best *SourceCodeRow
	for i := range v.Kinds {
		if k := &v.Kinds[i]; k.Sources > 0 && (best == nil || k.Sources > best.Sources) {
			best = k
		}
	}
	return best
}

// UnusedKinds lists the source kinds no country uses, other than "other".
func (v *CollectionView) UnusedKinds() []string {
	var out []string
	for _, k := range v.Kinds {
		if k.Sources == 0 && k.Code != "other" {
			out = append(out, k.Code)
		}
	}
	return out
}

// MostCovered returns the professions a source covers in the most countries;
// LeastCovered those covered in the fewest. Both are in framework order.
func (v *CollectionView) MostCovered() ProfessionTie { return v.professionTie(more) }

// LeastCovered: see MostCovered.
func (v *CollectionView) LeastCovered() ProfessionTie { return v.professionTie(cmp.Compare[int]) }

// more orders counts from the largest.
func more(a, b int) int { return cmp.Compare(b, a) }

func (v *CollectionView) professionTie(order func(a, b int) int) ProfessionTie {
	ids, counts := make([]string, len(v.Professions)), make([]int, len(v.Professions))
	for i, p := range v.Professions {
		ids[i], counts[i] = p.ID, len(p.Covered)
	}
	keys, n := firstBy(ids, counts, order)
	return ProfessionTie{IDs: keys, Countries: n}
}

// CoverageTie is the countries that share the most (or fewest) elements
// covered, and that number.
type CoverageTie struct {
	Countries []string
	Elements  int
}

// MostComplete returns the declaring countries covering the most elements;
// LeastComplete those covering the fewest.
func (v *CollectionView) MostComplete() CoverageTie { return v.coverageTie(more) }

// LeastComplete: see MostComplete.
func (v *CollectionView) LeastComplete() CoverageTie { return v.coverageTie(cmp.Compare[int]) }

func (v *CollectionView) coverageTie(order func(a, b int) int) CoverageTie {
	var codes []string
	var counts []int
	for _, cs := range v.Countries {
		if cs.Declares() {
			codes, counts = append(codes, cs.Code), append(counts, cs.Covered)
		}
	}
	keys, n := firstBy(codes, counts, order)
	return CoverageTie{Countries: keys, Elements: n}
}

// ElementTie is the elements covered in the most (or fewest) declaring
// countries, and that number of countries.
type ElementTie struct {
	Keys      []string
	Countries int
}

// BestElements returns the elements covered in the most declaring countries;
// WorstElements those covered in the fewest. Both in framework order.
func (v *CollectionView) BestElements() ElementTie { return v.elementTie(more) }

// WorstElements: see BestElements.
func (v *CollectionView) WorstElements() ElementTie { return v.elementTie(cmp.Compare[int]) }

func (v *CollectionView) elementTie(order func(a, b int) int) ElementTie {
	keys, counts := make([]string, len(v.Elements)), make([]int, len(v.Elements))
	for i, e := range v.Elements {
		keys[i], counts[i] = e.Key(), len(e.Countries)
	}
	k, n := firstBy(keys, counts, order)
	return ElementTie{Keys: k, Countries: n}
}

// WidestGaps returns the group rows with the most declaring countries covering
// none of their elements (none when no group has a gap).
func (v *CollectionView) WidestGaps() []GroupGapRow {
	var out []GroupGapRow
	for _, g := range v.GroupGaps {
		switch {
		case len(g.Countries) == 0:
		case len(out) == 0 || len(g.Countries) > len(out[0].Countries):
			out = []GroupGapRow{g}
		case len(g.Countries) == len(out[0].Countries):
			out = append(out, g)
		}
	}
	return out
}

// GapCountries lists the declaring countries with at least one group of which
// they cover nothing.
func (v *CollectionView) GapCountries() []*CountrySources {
	var out []*CountrySources
	for _, cs := range v.Countries {
		if len(cs.MissingGroups) > 0 {
			out = append(out, cs)
		}
	}
	return out
}

// ClusterSpread is the cluster with the highest and the one with the lowest
// share of the data set covered.
type ClusterSpread struct{ Hi, Lo *ClusterCoverage }

// ClusterRange returns the clusters with the highest and the lowest share of
// the data set covered (the first in cluster order among equals); both nil
// when no cluster has a declaring member.
func (v *CollectionView) ClusterRange() ClusterSpread {
	var r ClusterSpread
	for _, cl := range v.Clusters {
		if !cl.Share.Valid {
			continue
		}
		if r.Hi == nil || cl.Share.Value > r.Hi.Share.Value {
			r.Hi = cl
		}
		if r.Lo == nil || cl.Share.Value < r.Lo.Share.Value {
			r.Lo = cl
		}
	}
	return r
}

// Undeclared lists the cluster's members that declare no coverage.
func (cc *ClusterCoverage) Undeclared() []*CountrySources {
	var out []*CountrySources
	for _, m := range cc.Members {
		if !m.Declares() {
			out = append(out, m)
		}
	}
	return out
}

// elementWords names data set elements by their titles in lower case, joined as
// a sentence reads; an unknown key is written as it is.
func elementWords(m *messages, fw *framework.Framework, keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		t := k
		if e, ok := fw.DataElement(k); ok {
			t = m.lowerFirst(e.Title)
		}
		out[i] = escapeMarkdown(t)
	}
	return m.joinAnd(out)
}

// elementList names data set elements by their titles in lower case,
// separated by semicolons: titles hold "and" themselves.
func elementList(m *messages, fw *framework.Framework, keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		t := k
		if e, ok := fw.DataElement(k); ok {
			t = m.lowerFirst(e.Title)
		}
		out[i] = escapeMarkdown(t)
	}
	return strings.Join(out, "; ")
}

// groupWords names data set groups by their titles in lower case.
func groupWords(m *messages, fw *framework.Framework, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		t := id
		if fw.MinimumDataSet != nil {
			for _, g := range fw.MinimumDataSet.Groups {
				if g.ID == id {
					t = m.lowerFirst(g.Title)
				}
			}
		}
		out[i] = escapeMarkdown(t)
	}
	return m.joinAnd(out)
}

// lowerFirst lower-cases the first letter of a title, as it reads inside a
// sentence ("Full-time equivalents" → "full-time equivalents").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
