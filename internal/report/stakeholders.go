package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// StakeholdersTask is the framework task of stakeholder involvement; its item
// CommitteeItem scores a standing planning committee.
const (
	StakeholdersTask = "stakeholders"
	CommitteeItem    = "planning_committee"
)

// How a dialogue participant was matched to a stakeholder map (compare.Match).
const (
	MatchName      = compare.MatchName
	MatchWords     = compare.MatchWords
	MatchAuthority = compare.MatchAuthority
)

// StakeholdersView is what the stakeholders report is made from: the countries'
// stakeholder maps (as-is.yaml, stakeholders) by type and by power and
// willingness, their planning committees (the planning_committee item and the
// actions for it), and who took part in the policy dialogues, matched to the
// maps. Countries are in name order.
type StakeholdersView struct {
	Countries []*CountryStakeholders
	// Types has one row per stakeholder type, in plan.StakeholderTypes order.
	Types []StakeholderTypeRow
	// Total counts the stakeholders mapped; Mapped lists the countries with a map.
	Total  int
	Mapped []string
	// NoAlly lists the countries whose map has no stakeholder of high power and
	// high willingness; Resisting those with one of high power and low willingness.
	NoAlly, Resisting []string
	// Committee counts the countries at each level of the planning committee
	// item, lowest first; Raising lists those whose target is higher.
	Committee        []SkillLevel
	CommitteeRaising []string
	// CommitteeActions lists the actions that address the planning committee.
	CommitteeActions []TrainingAction
	// National holds the countries' dialogues; EU the EU-level dialogues.
	National []*Dialogue
	EU       []*Dialogue
	// Participants counts the national dialogues' participants; Matched those
	// matched to a stakeholder (ByHow per kind of match); Absent lists the
	// high-power stakeholders that took no part in their country's dialogue.
	Participants, Matched int
	ByHow                 map[string]int
	Absent                []AbsentStakeholder
	// EUMatched counts the EU-level participants found in some national map.
	EUParticipants, EUMatched int
}

// StakeholderTypeRow is one stakeholder type across the countries.
type StakeholderTypeRow struct {
	Code         string
	Stakeholders int
	Countries    []string
	// Power and Willingness are the mean scores (1-5) of its stakeholders.
	Power, Willingness compare.Num
	// InDialogue counts its stakeholders that took part in their dialogue.
	InDialogue int
}

// CountryStakeholders is one country's stakeholder map, committee and dialogue.
type CountryStakeholders struct {
	*CountryView
	Stakeholders []plan.Stakeholder
	Grid         *Grid
	// InDialogue[i] reports whether Stakeholders[i] took part in the dialogue.
	InDialogue []bool
	// Committee is the planning committee item's score and target.
	Committee compare.ItemScore
	// CommitteeEvidence is what the country wrote behind the score.
	CommitteeEvidence string
	Dialogue          *Dialogue
}

// Dialogue is one policy dialogue with its participants matched to the maps.
type Dialogue struct {
	ID, Title string // from programme/policy-dialogues.yaml, when it has a record
	Country   *CountryView
	Date      plan.Date
	Themes    []string
	Outcome   string
	Matches   []ParticipantMatch
}

// ParticipantMatch is one participant and the stakeholder it was matched to.
type ParticipantMatch struct {
	Participant string
	How         string // MatchName, MatchWords, MatchAuthority, or "" for none
	Stakeholder string // the stakeholder's name, or the authority's
	Country     string // the country whose map holds it (EU-level dialogues)
}

// AbsentStakeholder is a stakeholder of high power missing from its dialogue.
type AbsentStakeholder struct {
	Country *CountryView
	Name    string
	Power   int
}

// Stakeholders gathers the stakeholders report's view of the plans.
func (d *Data) Stakeholders() *StakeholdersView {
	v := &StakeholdersView{ByHow: map[string]int{}}
	types := map[string]*StakeholderTypeRow{}
	for _, c := range plan.StakeholderTypes {
		v.Types = append(v.Types, StakeholderTypeRow{Code: c.Code})
	}
	for i := range v.Types {
		types[v.Types[i].Code] = &v.Types[i]
	}
	power, will := map[string][]compare.Num{}, map[string][]compare.Num{}
	records := map[string]plan.Dialogue{}
	var eu []plan.Dialogue
	if d.programme != nil && d.programme.Dialogues != nil {
		for _, r := range d.programme.Dialogues.Dialogues {
			switch {
			case r.Level == "eu":
				eu = append(eu, r)
			case r.Country != "":
				if _, ok := records[r.Country]; !ok {
					records[r.Country] = r
				}
			}
		}
	}
	key := CommitteeKey()
	var levels []SkillLevel
	if it, ok := d.Framework.Item(key); ok {
		if sc := d.Framework.ItemScale(it); sc != nil {
			for val := sc.Min; val <= sc.Max; val++ {
				levels = append(levels, SkillLevel{Value: val, Label: d.Framework.LabelFor(it, val)})
			}
		}
	}
	v.Committee = levels
	for _, c := range d.Countries {
		cs := &CountryStakeholders{CountryView: c, Grid: c.StakeholderGrid()}
		if a := c.AsIs(); a != nil {
			cs.Stakeholders = a.Stakeholders
			cs.CommitteeEvidence = a.Tasks[StakeholdersTask].Items[CommitteeItem].Evidence
		}
		cs.InDialogue = make([]bool, len(cs.Stakeholders))
		cs.Committee, _ = c.Country.Item(key)
		if s := cs.Committee.Score; s != nil {
			for i := range v.Committee {
				if v.Committee[i].Value == *s {
					v.Committee[i].Countries = append(v.Committee[i].Countries, c.Code)
				}
			}
		}
		if cs.Committee.Assessed && cs.Committee.Gap.Valid && cs.Committee.Gap.Value > 0 {
			v.CommitteeRaising = append(v.CommitteeRaising, c.Code)
		}
		if len(cs.Stakeholders) > 0 {
			v.Mapped = append(v.Mapped, c.Code)
			if len(cs.Grid.Drivers) == 0 {
				v.NoAlly = append(v.NoAlly, c.Code)
			}
			if len(cs.Grid.Resisters) > 0 {
				v.Resisting = append(v.Resisting, c.Code)
			}
		}
		if c.Plan != nil && c.Plan.ActionPlan != nil {
			steps := map[string][]string{}
			if c.Plan.ToDo != nil {
				for _, s := range c.Plan.ToDo.Steps {
					steps[s.ID] = s.Items
				}
			}
			for _, a := range c.Plan.ActionPlan.Actions {
				if a.Task == StakeholdersTask && slices.ContainsFunc(a.Implements, func(s string) bool { return slices.Contains(steps[s], key) }) {
					v.CommitteeActions = append(v.CommitteeActions, TrainingAction{Country: c, Action: a})
				}
			}
			if pd := c.Plan.ActionPlan.PolicyDialogue; len(pd.Participants) > 0 {
				dl := &Dialogue{Country: c, Date: pd.Date, Outcome: pd.Outcome}
				if r, ok := records[c.Code]; ok {
					dl.ID, dl.Title, dl.Themes = r.ID, r.Title, r.Themes
				}
				for _, p := range pd.Participants {
					m := matchParticipant(p, c, cs.Stakeholders)
					if m.How != "" {
						v.Matched++
						v.ByHow[m.How]++
						for i, s := range cs.Stakeholders {
							if m.How != MatchAuthority && s.Name == m.Stakeholder {
								cs.InDialogue[i] = true
							}
						}
					}
					dl.Matches = append(dl.Matches, m)
				}
				v.Participants += len(pd.Participants)
				cs.Dialogue = dl
				v.National = append(v.National, dl)
			}
		}
		for i, s := range cs.Stakeholders {
			v.Total++
			t := types[s.Type]
			if t == nil {
				continue
			}
			t.Stakeholders++
			if !slices.Contains(t.Countries, c.Code) {
				t.Countries = append(t.Countries, c.Code)
			}
			power[s.Type] = append(power[s.Type], compare.Exact(num.Frac(int64(s.Power), 1)))
			will[s.Type] = append(will[s.Type], compare.Exact(num.Frac(int64(s.Willingness), 1)))
			if cs.InDialogue[i] {
				t.InDialogue++
			}
			if cs.Dialogue != nil && !cs.InDialogue[i] && band(s.Power) == len(bands)-1 {
				v.Absent = append(v.Absent, AbsentStakeholder{Country: c, Name: s.Name, Power: s.Power})
			}
		}
		v.Countries = append(v.Countries, cs)
	}
	for i := range v.Types {
		t := &v.Types[i]
		t.Power, t.Willingness = compare.Describe(power[t.Code]).Mean, compare.Describe(will[t.Code]).Mean
	}
	byCode := slices.Clone(v.Countries)
	slices.SortFunc(byCode, func(a, b *CountryStakeholders) int { return strings.Compare(a.Code, b.Code) })
	for _, r := range eu {
		dl := &Dialogue{ID: r.ID, Title: r.Title, Date: r.Date, Themes: r.Themes, Outcome: r.Outcome}
		for _, p := range r.Participants {
			m := ParticipantMatch{Participant: p}
			// The first map by country code that holds it, as the export's table.
			for _, cs := range byCode {
				if mm := matchParticipant(p, cs.CountryView, cs.Stakeholders); mm.How != "" {
					m, m.Country = mm, cs.Code
					break
				}
			}
			if m.How != "" {
				v.EUMatched++
			}
			v.EUParticipants++
			dl.Matches = append(dl.Matches, m)
		}
		v.EU = append(v.EU, dl)
	}
	return v
}

// CommitteeKey is the planning committee item's key, "stakeholders.planning_committee".
func CommitteeKey() string { return StakeholdersTask + "." + CommitteeItem }

// MostCommonTypes returns the stakeholder types with the most stakeholders.
func (v *StakeholdersView) MostCommonTypes() []StakeholderTypeRow {
	var out []StakeholderTypeRow
	for _, t := range v.Types {
		switch {
		case t.Stakeholders == 0:
		case len(out) == 0 || t.Stakeholders > out[0].Stakeholders:
			out = []StakeholderTypeRow{t}
		case t.Stakeholders == out[0].Stakeholders:
			out = append(out, t)
		}
	}
	return out
}

// UnusedTypes lists the codes of the types no country maps.
func (v *StakeholdersView) UnusedTypes() []string {
	var out []string
	for _, t := range v.Types {
		if t.Stakeholders == 0 {
			out = append(out, t.Code)
		}
	}
	return out
}

// Unmatched counts the national dialogues' participants found in no map.
func (v *StakeholdersView) Unmatched() int { return v.Participants - v.Matched }

// HowCount is the number of participants matched the given way.
func (v *StakeholdersView) HowCount(how string) int { return v.ByHow[how] }

// InDialogue counts the mapped stakeholders that took part in their dialogue.
func (v *StakeholdersView) InDialogue() int {
	n := 0
	for _, t := range v.Types {
		n += t.InDialogue
	}
	return n
}

// CommitteeAt lists the countries at the committee item's top level (top) or
// bottom level (!top).
func (v *StakeholdersView) CommitteeAt(top bool) []string {
	if len(v.Committee) == 0 {
		return nil
	}
	if top {
		return v.Committee[len(v.Committee)-1].Countries
	}
	return v.Committee[0].Countries
}

// typeWords names stakeholder types inside a sentence.
func typeWords(m *messages, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = escapeMarkdown(m.choiceWord("stakeholder_type", c))
	}
	return out
}

// howWords says how a participant was matched, for a table cell: "same name"
// (report.stakeholders.how.<name|words|authority|none>).
func howWords(m *messages, how string) string {
	switch how {
	case MatchName:
		return m.t("report.stakeholders.how.name")
	case MatchWords:
		return m.t("report.stakeholders.how.words")
	case MatchAuthority:
		return m.t("report.stakeholders.how.authority")
	}
	return m.t("report.stakeholders.how.none")
}

// stakeholderFigures adds each country's power × willingness map.
func stakeholderFigures(d *Data, figs map[string]figureFunc) {
	m := d.msgs
	for _, c := range d.Countries {
		a := c.AsIs()
		if a == nil || len(a.Stakeholders) == 0 {
			continue
		}
		c := c
		list := a.Stakeholders
		figs["scatter-stakeholders-"+anchorID(c.Code)] = func(title string) ([]byte, error) {
			pts := make([]chart.ScatterPoint, len(list))
			for i, s := range list {
				pts[i] = chart.ScatterPoint{Mark: fmt.Sprint(i + 1), Label: s.Name, X: s.Willingness, Y: s.Power}
			}
			return chart.Scatter{
				Meta: chart.Meta{ID: "fig-scatter-stakeholders-" + anchorID(c.Code), Title: title, Numbers: d.msgs.nums(), Words: d.msgs.chartWords(),
					Desc: m.t("report.stakeholders.chart.desc", "Country", c.Name, "Count", len(list))},
				XLabel: m.t("report.stakeholders.chart.x"), YLabel: m.t("report.stakeholders.chart.y"), Min: 1, Max: 5,
				High: bands[len(bands)-1].Lo, Low: bands[0].Hi, HighHighLabel: m.t("report.stakeholders.chart.allies"), HighLowLabel: m.t("report.stakeholders.chart.win_over"),
				Points: pts,
			}.Render()
		}
	}
}

// matchParticipant finds the stakeholder of c's map a dialogue participant
// names (compare.MatchParticipant).
func matchParticipant(p string, c *CountryView, list []plan.Stakeholder) ParticipantMatch {
	var a plan.Organisation
	if c.Plan != nil && c.Plan.Country != nil {
		a = c.Plan.Country.CompetentAuthority
	}
	how, name := compare.MatchParticipant(p, a, list)
	return ParticipantMatch{Participant: p, How: how, Stakeholder: name}
}

// Matched counts the dialogue's participants matched to a stakeholder or the
// competent authority.
func (dl *Dialogue) Matched() int {
	n := 0
	for _, m := range dl.Matches {
		if m.How != "" {
			n++
		}
	}
	return n
}
