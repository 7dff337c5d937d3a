package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// skillsFixture is the report fixture with two training actions: IT-A9 (done)
// implements IT-S4, the step for leadership and finance; HU-A9 (planned)
// implements HU-S1, a step of the data task, so it addresses no competency.
// The scores are the fixture's: leadership HU 0, IT 2, PT 0 (targets 1, 2, 1);
// finance HU 0, IT 0, PT 2 (targets 1, 1, 2); analytics and informatics 2
// everywhere; every team 3.5 FTE.
func skillsFixture(t *testing.T) (*model.Repo, *compare.Result) {
	t.Helper()
	repo, res := loadFixture(t)
	add := func(code string, a plan.Action) {
		ap := repo.Country(code).ActionPlan
		ap.Actions = append(ap.Actions, a)
	}
	add("IT", plan.Action{ID: "IT-A9", Title: "Leadership course", Task: "skills", Implements: []string{"IT-S4"}, Level: "national",
		Responsible: "AGENAS", Start: "2025-01", End: "2025-06", Status: "done"})
	add("HU", plan.Action{ID: "HU-A9", Title: "Analyst posts", Task: "skills", Implements: []string{"HU-S1"}, Level: "national",
		Responsible: "OKFŐ", Start: "2026-01", End: "2026-12", Status: "planned"})
	return repo, res
}

func TestSkillsView(t *testing.T) {
	repo, res := skillsFixture(t)
	v := newData("skills", repo, res, fixtureSource).Skills()
	if len(v.Items) != 9 || len(v.Countries) != 3 || v.Assessed() != 3 {
		t.Fatalf("%d items, %d countries, %d assessed", len(v.Items), len(v.Countries), v.Assessed())
	}
	item := func(id string) SkillItem {
		i := slices.IndexFunc(v.Items, func(it SkillItem) bool { return it.ID == id })
		if i < 0 {
			t.Fatalf("no item %s", id)
		}
		return v.Items[i]
	}
	lead := item("leadership")
	if got := []int{len(lead.Levels[0].Countries), len(lead.Levels[1].Countries), len(lead.Levels[2].Countries)}; !slices.Equal(got, []int{2, 0, 1}) {
		t.Errorf("leadership levels %v, want 2 absent, 0 partly, 1 fully", got)
	}
	if lead.AsIs.Mean.String() != "0.33" || lead.ToBe.Mean.String() != "0.67" || lead.Gap.String() != "0.33" {
		t.Errorf("leadership as is %v, to be %v, gap %v; want 0.33, 0.67, 0.33", lead.AsIs.Mean, lead.ToBe.Mean, lead.Gap)
	}
	if !slices.Equal(lead.Absent, []string{"HU", "PT"}) || !slices.Equal(lead.Raised, []string{"HU", "PT"}) || !slices.Equal(lead.Actions, []string{"IT-A9"}) {
		t.Errorf("leadership absent %v raised %v actions %v", lead.Absent, lead.Raised, lead.Actions)
	}
	if fin := item("finance"); !slices.Equal(fin.Raised, []string{"HU", "IT"}) || fin.Gap.String() != "0.33" {
		t.Errorf("finance raised %v gap %v", fin.Raised, fin.Gap)
	}
	ids := func(items []SkillItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.ID)
		}
		return out
	}
	if got := ids(v.Weakest()); !slices.Equal(got, []string{"leadership", "finance"}) {
		t.Errorf("weakest %v", got)
	}
	if got := ids(v.Strongest()); !slices.Equal(got, []string{"analytics", "informatics"}) {
		t.Errorf("strongest %v", got)
	}
	if got := ids(v.WidestGap()); !slices.Equal(got, []string{"leadership", "finance"}) {
		t.Errorf("widest gap %v", got)
	}
	if got := v.Unaddressed(); len(got) != 0 {
		t.Errorf("unaddressed %v, want none: IT-A9 addresses both", ids(got))
	}
	if len(v.Actions) != 2 || v.Actions[0].ID != "HU-A9" || len(v.Actions[0].Items) != 0 || !slices.Equal(v.Actions[1].Items, []string{"leadership", "finance"}) {
		t.Errorf("actions %+v", v.Actions)
	}
	if !slices.Equal(v.WithActions, []string{"HU", "IT"}) || !slices.Equal(v.GapNoAction, []string{"PT"}) {
		t.Errorf("with actions %v, gap without %v", v.WithActions, v.GapNoAction)
	}
	if v.StatusCount("planned") != 1 || v.StatusCount("done") != 1 || v.Open() != 1 || len(v.StatusesUsed()) != 2 {
		t.Errorf("by status %v", v.ByStatus)
	}
	// WP5 holds IT and PT: leadership 1 and 0 as is (mean 0.50), targets 2 and 1 (0.75).
	wp5 := v.Clusters[0]
	li := slices.IndexFunc(v.Items, func(it SkillItem) bool { return it.ID == "leadership" })
	if wp5.ID != "wp5" || wp5.AsIs[li].String() != "0.50" || wp5.ToBe[li].String() != "0.75" {
		t.Errorf("%s leadership %v to %v", wp5.ID, wp5.AsIs[li], wp5.ToBe[li])
	}
	if v.FTE.Count != 3 || v.FTE.Median.Format(1) != "3.5" || len(v.Smallest) != 3 || len(v.Largest) != 3 {
		t.Errorf("FTE %+v smallest %v largest %v", v.FTE, v.Smallest, v.Largest)
	}
	hu := v.Countries[0]
	if hu.Code != "HU" || len(hu.Changes) != 2 || hu.Changes[0] != (SkillChange{Title: "Leadership", From: "Absent", To: "Partly", Year: 2026}) {
		t.Errorf("HU changes %+v", hu.Changes)
	}
	if got := scoreStep(englishMessages(), hu.Items[li]); got != "0 to 1" {
		t.Errorf("HU leadership cell %q", got)
	}
}

// TestSkillsReportText reads the findings the fixture with training actions gives.
func TestSkillsReportText(t *testing.T) {
	repo, res := skillsFixture(t)
	repo.Country("IT").AsIs.PlanningStaff.FTE = 7.5
	files, err := Build(repo, res, "skills", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["skills.md"])
	for _, want := range []string{
		"**Leadership and finance are the competencies planners lack most**: a mean as-is score of 0.33 on the 0-1 scale; leadership is absent in 2 countries",
		"Analytics and informatics are the strongest, at 1.00.",
		"**2 training actions are in the action plans of 2 countries**: 1 planned and 1 done (Table 5).",
		"sets targets above its planners' present skills but has no training action.",
		"**Planning teams range from 3.5 to 7.5 full-time equivalents**, 3.5 in the median country: Hungary and Portugal",
		"Italy the largest (Table 4).",
		"| [Hungary](#country-hu) | 1 | 1 | 1 | 0 to 1 | 1 | 2 | 2 | 0 to 1 | 1 | 0.50 | 0.61 |",
		"| Leadership | 2 | 0 | 1 | 0.33 | 0.67 | 0.33 | IT-A9 |",
		"| [Italy](#country-it) | IT-A9 Leadership course | Leadership, Finance | AGENAS | 2025\u201101 | 2025\u201106 | Done |",
		"| Planned | 1 |", "| **All** | **2** |",
		"Targets: leadership from absent to partly by 2026; finance from absent to partly by 2027.",
		"Training action: IT-A9 Leadership course (done).",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("skills.md lacks %q", want)
		}
	}
	for _, msg := range checkCitations(md) {
		t.Error(msg)
	}
}
