package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// stakeholdersFixture is the report fixture (each country maps a ministry of
// power 5 and willingness 4, a chamber 3/3 and universities 3/4; each
// dialogue names the ministry by part of its name, the authority by acronym, a
// university not in the map and the chamber by its name; PT adds a forum) with
// IT's universities raised to power 5, and the programme's dialogues: an
// EU-level one naming HU's chamber and DG SANTE, and HU's record D3.
func stakeholdersFixture(t *testing.T) (*model.Repo, *compare.Result) {
	t.Helper()
	repo, res := loadFixture(t)
	repo.Country("IT").AsIs.Stakeholders[2].Power = 5
	repo.Programme.Dialogues = &plan.Dialogues{Dialogues: []plan.Dialogue{
		{ID: "D1", Level: "eu", Title: "EU dialogue", Participants: []string{"hungarian  medical chamber", "DG SANTE"}, Themes: []string{"t"}},
		{ID: "D3", Level: "national", Country: "HU", Themes: []string{"Committees"}},
	}}
	return repo, res
}

func TestStakeholdersView(t *testing.T) {
	repo, res := stakeholdersFixture(t)
	v := newData("stakeholders", repo, res, fixtureSource).Stakeholders()
	if v.Total != 9 || len(v.Mapped) != 3 || len(v.Countries) != 3 {
		t.Fatalf("total %d mapped %v", v.Total, v.Mapped)
	}
	want := map[string]int{"ministry": 3, "professional_body": 3, "education": 3}
	for _, ty := range v.Types {
		if ty.Stakeholders != want[ty.Code] {
			t.Errorf("type %s: %d stakeholders, want %d", ty.Code, ty.Stakeholders, want[ty.Code])
		}
	}
	var common []string
	for _, ty := range v.MostCommonTypes() {
		common = append(common, ty.Code)
	}
	if !slices.Equal(common, []string{"ministry", "professional_body", "education"}) || len(v.UnusedTypes()) != 9 {
		t.Errorf("most common %v, unused %v", common, v.UnusedTypes())
	}
	edu := v.Types[slices.IndexFunc(v.Types, func(r StakeholderTypeRow) bool { return r.Code == "education" })]
	if edu.Power.Format(1) != "3.7" || edu.Willingness.Format(1) != "4.0" || edu.InDialogue != 0 {
		t.Errorf("education: power %v willingness %v in dialogue %d; want 3.7, 4.0, 0", edu.Power, edu.Willingness, edu.InDialogue)
	}
	if len(v.NoAlly) != 0 || len(v.Resisting) != 0 {
		t.Errorf("no ally %v, resisting %v", v.NoAlly, v.Resisting)
	}
	if got := v.CommitteeAt(false); !slices.Equal(got, []string{"HU", "IT", "PT"}) || len(v.CommitteeAt(true)) != 0 || len(v.CommitteeRaising) != 3 {
		t.Errorf("committee none %v, raising %v", got, v.CommitteeRaising)
	}
	if len(v.CommitteeActions) != 6 || v.CommitteeActions[0].ID != "HU-A4" {
		t.Errorf("committee actions %d", len(v.CommitteeActions))
	}
	// 4 + 4 + 5 participants; in each country the ministry (words), the
	// authority (acronym) and the chamber (name) match.
	if v.Participants != 13 || v.Matched != 9 || v.Unmatched() != 4 || v.HowCount(MatchName) != 3 || v.HowCount(MatchWords) != 3 || v.HowCount(MatchAuthority) != 3 {
		t.Errorf("participants %d matched %d by %v", v.Participants, v.Matched, v.ByHow)
	}
	hu := v.National[0]
	if hu.ID != "D3" || hu.Country.Code != "HU" || hu.Matches[0].Stakeholder != "Ministry of Interior, State Secretariat for Health" || hu.Matches[1].How != MatchAuthority || hu.Matches[2].How != "" {
		t.Errorf("HU dialogue %+v", hu)
	}
	if v.InDialogue() != 6 || !slices.Equal(v.Countries[0].InDialogue, []bool{true, true, false}) {
		t.Errorf("in dialogue %d, HU %v", v.InDialogue(), v.Countries[0].InDialogue)
	}
	if len(v.Absent) != 1 || v.Absent[0].Country.Code != "IT" || v.Absent[0].Name != "Medical universities" || v.Absent[0].Power != 5 {
		t.Errorf("absent %+v", v.Absent)
	}
	if len(v.EU) != 1 || v.EUParticipants != 2 || v.EUMatched != 1 || v.EU[0].Matches[0].Country != "HU" {
		t.Errorf("EU %d dialogues, %d of %d matched: %+v", len(v.EU), v.EUMatched, v.EUParticipants, v.EU)
	}
}

func TestMatchParticipant(t *testing.T) {
	list := []plan.Stakeholder{{Name: "Medical and dental chambers"}, {Name: "University and health colleges"},
		{Name: "Health sector unions"}, {Name: "Nurses' unions"}}
	c := &CountryView{Plan: &model.Country{Country: &plan.Country{CompetentAuthority: plan.Organisation{Name: "Agency X", Acronym: "AX"}}}}
	for _, tc := range []struct{ p, how, to string }{
		{"Medical and Dental Chambers.", MatchName, "Medical and dental chambers"},
		{"Chambers", MatchWords, "Medical and dental chambers"},
		{"Universities", MatchWords, "University and health colleges"},
		{"Unions", "", ""}, // two stakeholders hold the word: neither
		{"ax", MatchAuthority, "Agency X"},
		{"Insurers", "", ""},
		{"of the", "", ""},
	} {
		m := matchParticipant(tc.p, c, list)
		if m.How != tc.how || m.Stakeholder != tc.to {
			t.Errorf("%q: matched %q by %q, want %q by %q", tc.p, m.Stakeholder, m.How, tc.to, tc.how)
		}
	}
}

// TestStakeholdersReportText reads the findings and methods the fixture gives.
func TestStakeholdersReportText(t *testing.T) {
	repo, res := stakeholdersFixture(t)
	files, err := Build(repo, res, "stakeholders", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["stakeholders.md"])
	for _, want := range []string{
		"**3 of 3 countries map their stakeholders, 9 stakeholders in all** (Table 1, Table 2). The type mapped most often is the ministry, professional body and education and training (3 stakeholders each).",
		"**Every country with a map has an ally**",
		"**No country has a planning committee that fully works**; 3 countries have none (Table 3). 3 countries aim higher, and 6 actions in the action plans address the committee.",
		"**9 of the 13 participants in 3 national policy dialogues are found in their country's stakeholder map** (Table 5); 4 participants are not. 1 stakeholder of high power took no part in its country's dialogue (Table 6).",
		"**1 EU-level dialogue is recorded** with 2 participants; 1 of them is in a national map (Table 7).",
		"Of 13 participants, 3 matched by the same name, 3 by the words of the name and 3 as the competent authority; 4 matched no stakeholder (Table 5).",
		"| Education and training | 3 | 3 | 3.7 | 4.0 | 0 |",
		"| [Hungary](#country-hu) | D3, 14 May 2025 | Ministry of Interior | Ministry of Interior, State Secretariat for Health | words of the name |",
		"|  |  | OKFŐ | National Directorate General for Hospitals | competent authority |",
		"| D1 EU dialogue | hungarian medical chamber | Hungarian Medical Chamber (Hungary) |",
		"| [Italy](#country-it) | Medical universities | 5 |",
		"| 3 | Medical universities | Education and training | Train doctors, dentists and pharmacists | 5 | 4 | 4 | no |",
		"| [Italy](#country-it) | 3 | 2 | 0 | Not at all | 3 of 4 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("stakeholders.md lacks %q", want)
		}
	}
	if _, ok := files["stakeholders-figures/fig-scatter-stakeholders-hu.svg"]; !ok {
		t.Error("no power × willingness map for HU")
	}
	for _, msg := range checkCitations(md) {
		t.Error(msg)
	}
}
