package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// ModelsView is what the models and tools report is made from: the planning models
// the countries' as-is files list (as-is.yaml, models), by type, profession,
// horizon and owner. Country lists are sorted by country name.
type ModelsView struct {
	// Countries holds every country, sorted by name, with its models.
	Countries []*CountryModels
	// With and Without are the codes of the countries that list at least one model
	// and those that list none.
	With, Without []string
	// Total counts the models of all countries.
	Total int
	// Types has one row per model type, in the order of the schema.
	Types []ModelTypeRow
	// Professions has one row per framework profession, in framework order.
	Professions []ModelProfessionRow
	// Horizons summarises the models' horizons; Owners lists who owns models.
	Horizons ModelHorizons
	Owners   []ModelOwnerRow
	// AuthorityOwned lists the countries where the competent authority owns at
	// least one model.
	AuthorityOwned []string
}

// CountryModels is one country's models and the professions they cover.
type CountryModels struct {
	*CountryView
	Models []plan.Model
	// Counts holds, per framework profession (in framework order), how many of
	// the country's models cover it.
	Counts []int
	// Missing lists the framework professions no model of the country covers.
	Missing []string
}

// ModelTypeRow is one model type: its code, how many models of that type there
// are, and the countries using one.
type ModelTypeRow struct {
	Code      string
	Models    int
	Countries []string
}

// ModelProfessionRow is one profession: the countries with a model covering it
// and those without one.
type ModelProfessionRow struct {
	ID, Title          string
	Covered, Uncovered []string
}

// ModelHorizons summarises the models' projection horizons in years.
type ModelHorizons struct {
	Count    int
	Min, Max int
	Median   compare.Num
	Shortest []string // countries with a model of the shortest horizon
	Longest  []string // countries with a model of the longest horizon
}

// ModelOwnerRow is one owner of models, as written in the plans.
type ModelOwnerRow struct {
	Owner     string
	Models    int
	Countries []string
}

// Models gathers the models and tools report's view of the plans.
func (d *Data) Models() *ModelsView {
	v := &ModelsView{}
	byName := slices.Clone(d.Countries)
	slices.SortStableFunc(byName, func(a, b *CountryView) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code))
	})
	profs := d.Framework.Professions
	types := map[string]*ModelTypeRow{}
	for _, c := range plan.ModelTypes {
		v.Types = append(v.Types, ModelTypeRow{Code: c.Code})
	}
	for i := range v.Types {
		types[v.Types[i].Code] = &v.Types[i]
	}
	owners := map[string]*ModelOwnerRow{}
	var horizons []int
	horizonCountries := map[int][]string{}
	for _, c := range byName {
		cm := &CountryModels{CountryView: c, Counts: make([]int, len(profs))}
		if c.Plan != nil && c.Plan.AsIs != nil {
			cm.Models = c.Plan.AsIs.Models
		}
		authority := false
		for _, m := range cm.Models {
			v.Total++
			if t := types[m.Type]; t != nil {
				t.Models++
				if !slices.Contains(t.Countries, c.Code) {
					t.Countries = append(t.Countries, c.Code)
				}
			}
			for i, p := range profs {
				if coversProfession(m.Professions, p.ID) {
					cm.Counts[i]++
				}
			}
			horizons = append(horizons, m.HorizonYears)
			if !slices.Contains(horizonCountries[m.HorizonYears], c.Code) {
				horizonCountries[m.HorizonYears] = append(horizonCountries[m.HorizonYears], c.Code)
			}
			o := owners[m.Owner]
			if o == nil {
				o = &ModelOwnerRow{Owner: m.Owner}
				owners[m.Owner] = o
			}
			o.Models++
			if !slices.Contains(o.Countries, c.Code) {
				o.Countries = append(o.Countries, c.Code)
			}
			if ownedByAuthority(c, m.Owner) {
				authority = true
			}
		}
		if authority {
			v.AuthorityOwned = append(v.AuthorityOwned, c.Code)
		}
		if len(cm.Models) > 0 {
			v.With = append(v.With, c.Code)
		} else {
			v.Without = append(v.Without, c.Code)
		}
		for i, p := range profs {
			if cm.Counts[i] == 0 {
				cm.Missing = append(cm.Missing, p.ID)
			}
		}
		v.Countries = append(v.Countries, cm)
	}
	for i, p := range profs {
		row := ModelProfessionRow{ID: p.ID, Title: p.Title}
		for _, cm := range v.Countries {
			if cm.Counts[i] > 0 {
				row.Covered = append(row.Covered, cm.Code)
			} else {
				row.Uncovered = append(row.Uncovered, cm.Code)
			}
		}
		v.Professions = append(v.Professions, row)
	}
	if len(horizons) > 0 {
		slices.Sort(horizons)
		n := len(horizons)
		h := &v.Horizons
		h.Count, h.Min, h.Max = n, horizons[0], horizons[n-1]
		if n%2 == 1 {
			h.Median = compare.Exact(num.Frac(int64(horizons[n/2]), 1))
		} else {
			h.Median = compare.Exact(num.Frac(int64(horizons[n/2-1]+horizons[n/2]), 2))
		}
		h.Shortest, h.Longest = horizonCountries[h.Min], horizonCountries[h.Max]
	}
	for _, o := range owners {
		v.Owners = append(v.Owners, *o)
	}
	slices.SortFunc(v.Owners, func(a, b ModelOwnerRow) int {
		return cmp.Or(cmp.Compare(b.Models, a.Models), strings.Compare(a.Owner, b.Owner))
	})
	return v
}

// MostUsedType returns the model type with the most models (the first in schema
// order among equals), or nil when no country lists a model.
func (v *ModelsView) MostUsedType() *ModelTypeRow {
	var best *ModelTypeRow
	for i := range v.Types {
		if t := &v.Types[i]; t.Models > 0 && (best == nil || t.Models > best.Models) {
			best = t
		}
	}
	return best
}

// UnusedTypes lists the codes of the model types no country uses.
func (v *ModelsView) UnusedTypes() []string {
	var out []string
	for _, t := range v.Types {
		if t.Models == 0 {
			out = append(out, t.Code)
		}
	}
	return out
}

// ProfessionTie is the professions that share the most (or fewest) countries
// with a model covering them, and that number of countries.
type ProfessionTie struct {
	IDs       []string
	Countries int
}

// MostCovered returns the professions a model covers in the most countries;
// LeastCovered those covered in the fewest. Both are in framework order.
func (v *ModelsView) MostCovered() ProfessionTie {
	return v.tie(func(a, b int) int { return cmp.Compare(b, a) })
}

// LeastCovered: see MostCovered.
func (v *ModelsView) LeastCovered() ProfessionTie {
	return v.tie(func(a, b int) int { return cmp.Compare(a, b) })
}

// tie returns the professions ranked first by order on their country counts.
func (v *ModelsView) tie(order func(a, b int) int) ProfessionTie {
	ids, counts := make([]string, len(v.Professions)), make([]int, len(v.Professions))
	for i, p := range v.Professions {
		ids[i], counts[i] = p.ID, len(p.Covered)
	}
	keys, n := firstBy(ids, counts, order)
	return ProfessionTie{IDs: keys, Countries: n}
}

// firstBy returns the keys whose counts rank first by order (all of them when
// they tie, in the keys' order) and that count; nil and 0 for no keys.
func firstBy(keys []string, counts []int, order func(a, b int) int) ([]string, int) {
	var out []string
	best := 0
	for i, k := range keys {
		switch c := order(counts[i], best); {
		case i == 0 || c < 0:
			out, best = []string{k}, counts[i]
		case c == 0:
			out = append(out, k)
		}
	}
	return out, best
}

// Gaps lists the countries that have models but no model for some profession.
func (v *ModelsView) Gaps() []*CountryModels {
	var out []*CountryModels
	for _, c := range v.Countries {
		if len(c.Models) > 0 && len(c.Missing) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// professionWords names framework professions by their titles in lower case,
// joined as a sentence reads: "nurses, midwives and dentists".
func professionWords(d *Data, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		t := strings.ReplaceAll(id, "_", " ")
		for _, p := range d.Framework.Professions {
			if p.ID == id {
				t = p.Title
			}
		}
		out[i] = escapeMarkdown(d.msgs.lower(t))
	}
	return d.msgs.joinAnd(out)
}

// coversProfession reports whether a list of professions ("nurses",
// "nurses/midwifery") covers the framework profession id.
func coversProfession(list []string, id string) bool {
	for _, p := range list {
		if base, _, _ := strings.Cut(p, "/"); base == id {
			return true
		}
	}
	return false
}

// ownedByAuthority reports whether owner names the country's competent authority,
// by its name or its acronym.
func ownedByAuthority(c *CountryView, owner string) bool {
	if c.Plan == nil || c.Plan.Country == nil {
		return false
	}
	a := c.Plan.Country.CompetentAuthority
	o := strings.TrimSpace(owner)
	return o != "" && (strings.EqualFold(o, a.Name) || a.Acronym != "" && strings.EqualFold(o, a.Acronym))
}
