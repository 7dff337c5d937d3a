package report

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// TestBoardChapter: the sustainability report's Policy Board section (in the
// programme chapter) comes from programme/policy-board.yaml: members in name
// order, placeholders and sources said as such, meetings with their decisions;
// without the file it says so.
func TestBoardChapter(t *testing.T) {
	repo, res := loadFixture(t)
	repo.Programme = &model.Programme{PolicyBoard: &plan.PolicyBoard{
		Status: "illustrative",
		Members: []plan.BoardMember{
			{Country: "PT", Authority: "ACSS", Source: "https://example.org/pt"},
			{Country: "HU", Authority: "OKFŐ"},
			{Country: "IT", Authority: "To be confirmed", Placeholder: true},
		},
		Meetings: []plan.BoardMeeting{{ID: "PB1", Date: "2025-11-17", Title: "First meeting", Summary: "Continuity discussed.",
			Decisions: []plan.Decision{{ID: "d1", Text: "Keep the data group", Actions: []string{"HU-A1"}}}}},
	}}
	files, err := Build(repo, res, "sustainability", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["sustainability.md"])
	chapter := md[strings.Index(md, "Policy Board on Sustainability\n"):]
	chapter = chapter[:strings.Index(chapter, `<a id="factors">`)]
	for _, want := range []string{
		"Its members are recorded for 3 countries (Table ",
		"1 authority is named with a published source; for 1 country the authority is not known yet.",
		"The file is marked illustrative",
		"| Hungary | OKFŐ | illustrative |",
		"| Italy | not known yet | none |",
		"| ACSS | https://example.org/pt |",
		"**17 November 2025: First meeting.** Continuity discussed. Decisions: Keep the data group (HU-A1).",
	} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter lacks %q:\n%s", want, chapter)
		}
	}
	if h, i, p := strings.Index(chapter, "| Hungary"), strings.Index(chapter, "| Italy"), strings.Index(chapter, "| Portugal"); !(h < i && i < p) {
		t.Errorf("members not in name order:\n%s", chapter)
	}
	if problems := checkCitations(md); len(problems) > 0 {
		t.Errorf("citations: %v", problems)
	}

	repo.Programme = &model.Programme{}
	files, err = Build(repo, res, "sustainability", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["sustainability.md"]), "No Policy Board data is recorded") {
		t.Error("without programme/policy-board.yaml the chapter must say that no data is recorded")
	}
}
