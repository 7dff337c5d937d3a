package plandiff

import (
	"bytes"
	"cmp"
	"path"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/words"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Options tune Diff.
type Options struct {
	// Countries narrows the report to these codes (old or new code); empty means all.
	Countries []string
	// WordDiff renders a word diff of prose edits (evidence, descriptions, ...).
	WordDiff bool
}

type differ struct {
	opts           Options
	fw             *framework.Framework
	oldBad, newBad readable // files that could not be read, left out on both sides
}

// Diff compares two revisions of a plans repository. Either may be nil (no plans).
// Without the loader's diagnostics, only files that parse but do not decode are
// known to be unreadable; DiffRevisions knows them all.
func Diff(old, new *model.Repo, opts Options) *Report {
	return DiffRevisions(Revision{Repo: old}, Revision{Repo: new}, opts)
}

// DiffRevisions compares two revisions of a plans repository. A plan file that
// cannot be read on either side (Unreadable) is left out of the comparison on both
// and listed in Report.Unreadable; the loader's other errors are Report.Problems.
func DiffRevisions(oldRev, newRev Revision, opts Options) *Report {
	old, new := oldRev.Repo, newRev.Repo
	if old == nil {
		old = &model.Repo{}
	}
	if new == nil {
		new = &model.Repo{}
	}
	d := &differ{opts: opts, fw: cmp.Or(new.Framework, old.Framework)}
	r := &Report{Old: oldRev.Label, New: newRev.Label, Countries: []CountryDiff{}, Changes: []Change{}}
	var oldUn, newUn []Unreadable
	var oldProblems, newProblems []string
	oldUn, oldProblems, d.oldBad = unreadable(SideOld, oldRev)
	newUn, newProblems, d.newBad = unreadable(SideNew, newRev)
	r.Unreadable = append(oldUn, newUn...)
	r.Problems = append(oldProblems, newProblems...)

	oldC, newC := byCode(old.Countries), byCode(new.Countries)
	var removed, added []*model.Country
	var both [][2]*model.Country
	for _, code := range unionKeys(oldC, newC) {
		o, n := oldC[code], newC[code]
		switch {
		case o != nil && n != nil:
			both = append(both, [2]*model.Country{o, n})
		case o != nil:
			removed = append(removed, o)
		default:
			added = append(added, n)
		}
	}
	for _, cd := range d.countries(both) {
		if len(cd.Changes) > 0 {
			r.Countries = append(r.Countries, cd)
		}
	}
	renamed := Renames(removed, added)
	oldByCode := byCode(removed)
	for _, n := range added {
		from, ok := renamed[n.Code]
		if !ok {
			r.Countries = append(r.Countries, CountryDiff{Code: n.Code, Name: countryName(n), Kind: Added, Detail: countryDetail(n)})
			continue
		}
		cd := d.country(oldByCode[from], n)
		cd.Kind, cd.OldCode = Renamed, from
		r.Countries = append(r.Countries, cd)
		delete(oldByCode, from)
	}
	for _, o := range removed {
		if oldByCode[o.Code] != nil {
			r.Countries = append(r.Countries, CountryDiff{Code: o.Code, Name: countryName(o), Kind: Removed, Detail: countryDetail(o)})
		}
	}
	if len(opts.Countries) > 0 {
		r.Countries = slices.DeleteFunc(r.Countries, func(c CountryDiff) bool {
			return !slices.Contains(opts.Countries, c.Code) && (c.OldCode == "" || !slices.Contains(opts.Countries, c.OldCode))
		})
	}
	slices.SortStableFunc(r.Countries, func(a, b CountryDiff) int { return cmp.Compare(a.Code, b.Code) })

	if len(opts.Countries) == 0 {
		r.Changes = append(r.Changes, d.programme(old, new)...)
		r.Changes = append(r.Changes, d.clusters(old.Clusters, new.Clusters)...)
		if (old.FrameworkFile != nil || new.FrameworkFile != nil) && !d.oldBad.bad(framework.DefaultPath) && !d.newBad.bad(framework.DefaultPath) {
			if ch, ok := frameworkChange(old.FrameworkFile, new.FrameworkFile); ok {
				r.Changes = append(r.Changes, ch)
			}
		}
	}
	return r
}

// countries compares each pair of revisions of a country, on up to GOMAXPROCS
// goroutines (the countries are independent), and returns the results in order.
// A panic is raised again in the caller's goroutine.
func (d *differ) countries(pairs [][2]*model.Country) []CountryDiff {
	out := make([]CountryDiff, len(pairs))
	workers := min(runtime.GOMAXPROCS(0), len(pairs))
	if workers <= 1 {
		for i, p := range pairs {
			out[i] = d.country(p[0], p[1])
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	panics := make([]any, workers)
	for w := range workers {
		wg.Go(func() {
			defer func() { panics[w] = recover() }()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pairs) {
					return
				}
				out[i] = d.country(pairs[i][0], pairs[i][1])
			}
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	return out
}

func byCode(cs []*model.Country) map[string]*model.Country {
	m := make(map[string]*model.Country, len(cs))
	for _, c := range cs {
		m[c.Code] = c
	}
	return m
}

func unionKeys[V any](a, b map[string]V) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// Renames is the one rule that says a country folder was renamed, which diff
// reports and history follows: of the folders that disappeared (removed) and
// appeared (added) between two revisions, an appeared folder is a disappeared one
// renamed when both have an as-is assessment and their as-is and to-be assessments
// are the same. Edits to the other files (country.yaml, the road map, the action
// plan) in the same change do not matter. Each disappeared folder is paired at most
// once, in code order. It returns the old code of each renamed folder by new code.
func Renames(removed, added []*model.Country) map[string]string {
	out := map[string]string{}
	byCodeOrder := func(list []*model.Country) []*model.Country {
		return slices.SortedFunc(slices.Values(list), func(a, b *model.Country) int { return cmp.Compare(a.Code, b.Code) })
	}
	left := byCodeOrder(removed)
	for _, n := range byCodeOrder(added) {
		i := slices.IndexFunc(left, func(o *model.Country) bool { return sameAssessment(o, n) })
		if i < 0 {
			continue
		}
		out[n.Code] = left[i].Code
		left = slices.Delete(left, i, i+1)
	}
	return out
}

func sameAssessment(o, n *model.Country) bool {
	return o.AsIs != nil && n.AsIs != nil && equal(o.AsIs, n.AsIs) && equal(o.ToBe, n.ToBe)
}

func countryName(c *model.Country) string {
	if c.Country != nil {
		return c.Country.Name
	}
	return ""
}

func countryDetail(c *model.Country) string {
	var parts []string
	if c.Country != nil {
		parts = append(parts, c.Country.Name)
		if c.Country.Cluster != "" {
			parts = append(parts, "cluster "+c.Country.Cluster)
		}
		if c.Country.Status != "" {
			parts = append(parts, "status "+string(c.Country.Status))
		}
	}
	if c.AsIs != nil {
		n := 0
		for _, t := range c.AsIs.Tasks {
			for _, it := range t.Items {
				if it.Assessed() {
					n++
				}
			}
		}
		parts = append(parts, words.CountNoun(n, "item")+" assessed")
	}
	if c.ToDo != nil {
		parts = append(parts, words.CountNoun(len(c.ToDo.Steps), "step"))
	}
	if c.ActionPlan != nil {
		parts = append(parts, words.CountNoun(len(c.ActionPlan.Actions), "action"))
	}
	return joinComma(parts)
}

func frameworkChange(o, n *model.File) (Change, bool) {
	var od, nd []byte
	if o != nil {
		od = o.Data
	}
	if n != nil {
		nd = n.Data
	}
	if bytes.Equal(od, nd) {
		return Change{}, false
	}
	ch := Change{Section: SectionFramework, Entity: EntityFramework, ID: framework.DefaultPath, Kind: Changed}
	switch {
	case o == nil:
		ch.Kind = Added
	case n == nil:
		ch.Kind = Removed
	}
	if o != nil {
		ch.OldPos = &Pos{File: o.Path, Line: 1, Column: 1}
	}
	if n != nil {
		ch.NewPos = &Pos{File: n.Path, Line: 1, Column: 1}
	}
	return ch, true
}

func (d *differ) clusters(old, new []*model.Cluster) []Change {
	om, nm := map[string]*model.Cluster{}, map[string]*model.Cluster{}
	for _, c := range old {
		om[c.ID] = c
	}
	for _, c := range new {
		nm[c.ID] = c
	}
	var out []Change
	for _, id := range unionKeys(om, nm) {
		if p := path.Join(model.ClustersDir, id+".yaml"); d.oldBad.bad(p) || d.newBad.bad(p) {
			continue
		}
		var a, b side
		if c := om[id]; c != nil && c.Cluster != nil {
			a = side{c.Cluster, c.File, ""}
		}
		if c := nm[id]; c != nil && c.Cluster != nil {
			b = side{c.Cluster, c.File, ""}
		}
		if ch, ok := d.entity(SectionCluster, EntityCluster, id, "", a, b, clusterDetail); ok {
			out = append(out, ch)
		}
	}
	return out
}

func clusterDetail(v any) string {
	c := v.(*plan.Cluster)
	return joinComma([]string{c.Name, words.CountNoun(len(c.Countries), "country")})
}

// CompareCountries compares two revisions of one country whatever their folder names
// (old may be nil for a country that did not exist yet). fw orders tasks and items.
func CompareCountries(fw *framework.Framework, old, new *model.Country, opts Options) CountryDiff {
	cd, _ := CompareCountryRevisions(fw, old, new, nil, nil, opts)
	return cd
}

// CompareCountryRevisions is CompareCountries given the loader's diagnostics of each
// side's files: a file that cannot be read on either side is left out on both (never
// shown as removed or added) and returned as unreadable, the old side's first.
func CompareCountryRevisions(fw *framework.Framework, old, new *model.Country, oldDiags, newDiags []diag.Diagnostic, opts Options) (CountryDiff, []Unreadable) {
	d := &differ{opts: opts, fw: fw}
	var oldUn, newUn []Unreadable
	if old != nil {
		oldUn, _, d.oldBad = unreadable(SideOld, Revision{Repo: &model.Repo{Countries: []*model.Country{old}}, Diags: oldDiags})
	}
	if new != nil {
		newUn, _, d.newBad = unreadable(SideNew, Revision{Repo: &model.Repo{Countries: []*model.Country{new}}, Diags: newDiags})
	}
	return d.compareCountry(old, new), append(oldUn, newUn...)
}

func (d *differ) compareCountry(old, new *model.Country) CountryDiff {
	switch {
	case old == nil && new == nil:
		return CountryDiff{Kind: Changed, Changes: []Change{}}
	case old == nil:
		return CountryDiff{Code: new.Code, Name: countryName(new), Kind: Added, Detail: countryDetail(new), Changes: []Change{}}
	case new == nil:
		return CountryDiff{Code: old.Code, Name: countryName(old), Kind: Removed, Detail: countryDetail(old), Changes: []Change{}}
	}
	cd := d.country(old, new)
	if old.Code != new.Code {
		cd.Kind, cd.OldCode = Renamed, old.Code
	}
	return cd
}
