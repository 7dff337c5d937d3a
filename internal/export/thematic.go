package export

import (
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// ReportTables returns the tables behind a thematic report, for its page's
// downloads: for "models", the models (a row per model) and the coverage (a row
// per country and framework profession with the number of models covering it);
// for "data", the data sources (a row per source) and their coverage of the
// minimum planning data set (a row per country and element); for "skills", the
// competencies (the items table's rows of the skills task), the training actions
// (the actions table's rows of that task) and the planning staff; for
// "stakeholders", the stakeholder maps (a row per stakeholder) and the policy
// dialogues' participants with the stakeholder each matches
// (compare.MatchParticipant). Reports
// without tables of their own give nil. Rows follow country code order.
func ReportTables(repo *model.Repo, res *compare.Result, report string) []Table {
	var cs []countryPair
	for i := range res.Countries {
		cs = append(cs, countryPair{res: &res.Countries[i], plan: repo.Country(res.Countries[i].Code)})
	}
	switch report {
	case "models":
		return []Table{modelsTable(cs), modelCoverageTable(repo, cs)}
	case "data":
		return []Table{dataSourcesTable(cs), dataCoverageTable(repo, cs)}
	case "skills":
		return []Table{
			rowsWhere(itemsTable(cs, res), "competencies", "task", "skills"),
			rowsWhere(actionsTable(cs, res), "training_actions", "task", "skills"),
			planningStaffTable(cs),
		}
	case "stakeholders":
		return []Table{stakeholdersTable(cs), participantsTable(repo, cs)}
	case "progress":
		return []Table{observationsTable(cs), roundScoresTable(repo.Framework, cs)}
	}
	return nil
}

// rowsWhere is t renamed, with only the rows whose column col holds value.
func rowsWhere(t Table, name, col, value string) Table {
	out := Table{Name: name, Columns: t.Columns}
	i := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Name == col })
	for _, r := range t.Rows {
		if i >= 0 && r[i] == value {
			out.Rows = append(out.Rows, r)
		}
	}
	return out
}

// planningStaffTable is a row per country that reports its planning staff.
func planningStaffTable(cs []countryPair) Table {
	t := Table{Name: "planning_staff", Columns: []Column{{"country", Text}, {"headcount", Integer}, {"fte", Number}, {"unit", Text}}}
	for _, c := range cs {
		if c.plan == nil || c.plan.AsIs == nil || c.plan.AsIs.PlanningStaff == nil {
			continue
		}
		s := c.plan.AsIs.PlanningStaff
		t.Rows = append(t.Rows, []any{c.res.Code, s.Headcount, s.FTE, str(s.Unit)})
	}
	return t
}

func modelsTable(cs []countryPair) Table {
	t := Table{Name: "models", Columns: []Column{
		{"country", Text}, {"id", Text}, {"name", Text}, {"type", Text}, {"professions", Text},
		{"horizon_years", Integer}, {"update_frequency", Text}, {"owner", Text},
	}}
	for _, c := range cs {
		if c.plan == nil || c.plan.AsIs == nil {
			continue
		}
		for _, m := range c.plan.AsIs.Models {
			t.Rows = append(t.Rows, []any{c.res.Code, m.ID, m.Name, str(m.Type), join(m.Professions),
				m.HorizonYears, str(m.UpdateFrequency), str(m.Owner)})
		}
	}
	return t
}

// modelCoverageTable counts, per country and profession, the models covering it;
// a model for a specialty ("nurses/midwifery") counts for its profession.
func modelCoverageTable(repo *model.Repo, cs []countryPair) Table {
	t := Table{Name: "model_coverage", Columns: []Column{{"country", Text}, {"profession", Text}, {"models", Integer}}}
	if repo.Framework == nil {
		return t
	}
	for _, c := range cs {
		for _, p := range repo.Framework.Professions {
			n := 0
			if c.plan != nil && c.plan.AsIs != nil {
				for _, m := range c.plan.AsIs.Models {
					if covers(m.Professions, p.ID) {
						n++
					}
				}
			}
			t.Rows = append(t.Rows, []any{c.res.Code, p.ID, n})
		}
	}
	return t
}

// covers reports whether professions ("nurses", "nurses/midwifery") cover id.
func covers(professions []string, id string) bool {
	for _, p := range professions {
		if base, _, _ := strings.Cut(p, "/"); base == id {
			return true
		}
	}
	return false
}

// stakeholdersTable is a row per stakeholder of the countries' maps.
func stakeholdersTable(cs []countryPair) Table {
	t := Table{Name: "stakeholders", Columns: []Column{
		{"country", Text}, {"id", Text}, {"name", Text}, {"type", Text}, {"role", Text},
		{"power", Integer}, {"willingness", Integer}, {"expertise", Integer},
	}}
	for _, c := range cs {
		if c.plan == nil || c.plan.AsIs == nil {
			continue
		}
		for _, s := range c.plan.AsIs.Stakeholders {
			t.Rows = append(t.Rows, []any{c.res.Code, s.ID, s.Name, str(s.Type), str(s.Role), s.Power, s.Willingness, s.Expertise})
		}
	}
	return t
}

// participantsTable is a row per participant of a national dialogue (the
// country's action plan) and of an EU-level dialogue (the programme's record),
// with the stakeholder it matches: in its country's map, or for an EU-level
// participant in the first country's map (by code) that holds it.
func participantsTable(repo *model.Repo, cs []countryPair) Table {
	t := Table{Name: "dialogue_participants", Columns: []Column{
		{"level", Text}, {"dialogue", Text}, {"country", Text}, {"participant", Text},
		{"match", Text}, {"matched_country", Text}, {"matched_name", Text},
	}}
	authority := func(c countryPair) plan.Organisation {
		if c.plan.Country == nil {
			return plan.Organisation{}
		}
		return c.plan.Country.CompetentAuthority
	}
	stakeholders := func(c countryPair) []plan.Stakeholder {
		if c.plan.AsIs == nil {
			return nil
		}
		return c.plan.AsIs.Stakeholders
	}
	ids := map[string]string{}
	var eu []plan.Dialogue
	if repo.Programme != nil && repo.Programme.Dialogues != nil {
		for _, d := range repo.Programme.Dialogues.Dialogues {
			switch {
			case d.Level == "eu":
				eu = append(eu, d)
			case d.Country != "" && ids[d.Country] == "":
				ids[d.Country] = d.ID
			}
		}
	}
	for _, c := range cs {
		if c.plan == nil || c.plan.ActionPlan == nil {
			continue
		}
		for _, p := range c.plan.ActionPlan.PolicyDialogue.Participants {
			how, name := compare.MatchParticipant(p, authority(c), stakeholders(c))
			var mc any
			if how != "" {
				mc = c.res.Code
			}
			t.Rows = append(t.Rows, []any{"national", str(ids[c.res.Code]), c.res.Code, p, str(how), mc, str(name)})
		}
	}
	for _, d := range eu {
		for _, p := range d.Participants {
			var how, name string
			var mc any
			for _, c := range cs {
				if c.plan == nil {
					continue
				}
				if how, name = compare.MatchParticipant(p, authority(c), stakeholders(c)); how != "" {
					mc = c.res.Code
					break
				}
			}
			t.Rows = append(t.Rows, []any{"eu", d.ID, nil, p, str(how), mc, str(name)})
		}
	}
	return t
}
