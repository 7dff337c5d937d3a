package export

import (
	"slices"

	"github.com/hwfplan/hwfplan/internal/model"
)

// dataSourcesTable is the data source inventories, a row per source, with the
// minimum data set elements it declares (group.element, "; "-separated).
func dataSourcesTable(cs []countryPair) Table {
	t := Table{Name: "data_sources", Columns: []Column{
		{"country", Text}, {"id", Text}, {"name", Text}, {"kind", Text}, {"owner", Text},
		{"professions", Text}, {"update_frequency", Text}, {"minimum_data_set", Text},
	}}
	for _, c := range cs {
		if c.plan == nil || c.plan.AsIs == nil {
			continue
		}
		for _, s := range c.plan.AsIs.DataSources {
			t.Rows = append(t.Rows, []any{c.res.Code, s.ID, s.Name, str(s.Kind), str(s.Owner),
				join(s.Professions), str(s.UpdateFrequency), join(s.MinimumDataSet)})
		}
	}
	return t
}

// dataCoverageTable counts, per country and element of the framework's minimum
// data set, the sources that declare it; declared says whether any source of
// the country declares its coverage (when none does, 0 means unknown, not
// none). No rows when the framework has no data set.
func dataCoverageTable(repo *model.Repo, cs []countryPair) Table {
	t := Table{Name: "data_coverage", Columns: []Column{
		{"country", Text}, {"group", Text}, {"element", Text}, {"sources", Integer}, {"declared", Bool},
	}}
	if repo.Framework == nil || repo.Framework.MinimumDataSet == nil {
		return t
	}
	for _, c := range cs {
		var sources [][]string
		declared := false
		if c.plan != nil && c.plan.AsIs != nil {
			for _, s := range c.plan.AsIs.DataSources {
				sources = append(sources, s.MinimumDataSet)
				declared = declared || len(s.MinimumDataSet) > 0
			}
		}
		for _, g := range repo.Framework.MinimumDataSet.Groups {
			for _, e := range g.Elements {
				n := 0
				for _, list := range sources {
					if slices.Contains(list, e.Key()) {
						n++
					}
				}
				t.Rows = append(t.Rows, []any{c.res.Code, g.ID, e.Key(), n, declared})
			}
		}
	}
	return t
}
