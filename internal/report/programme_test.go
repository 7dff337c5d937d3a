package report

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/model"
)

// TestProgrammeChapter: chapter 2 of the sustainability report is the programme
// level, ahead of the national chapters, from testdata/repo/programme: the EU
// action plan with the budget and "after the programme" cells of the national
// tables and its totals, the sustainability plan's versions with what changed,
// its measures, and the Policy Board; a key finding sums it up.
func TestProgrammeChapter(t *testing.T) {
	md := string(build(t, "sustainability")["sustainability.md"])
	start, end := strings.Index(md, "## 2. The programme level\n"), strings.Index(md, "## 3. Sustainability factors\n")
	if start < 0 || end < start {
		t.Fatalf("no chapter 2 \"The programme level\" before chapter 3:\n%s", md)
	}
	chapter := md[start:end]
	order := []string{"### 2.1 Policy Board on Sustainability", "### 2.2 The sustainability plan", "### 2.3 The EU action plan"}
	last := -1
	for _, h := range order {
		i := strings.Index(chapter, h)
		if i <= last {
			t.Errorf("section %q missing or out of order", h)
		}
		last = i
	}
	for _, want := range []string{
		// EU-A1 ends with the programme, EU-A2 runs across it; the same cells as the national tables.
		"| EU-A1 Common register specification (Data and sources); implements HU-S1, IT-S1 | HEROES coordination, with OKFŐ; Hungary and Italy | 2025‑10 to 2026‑01 | In\u00a0progress | EUR\u00a0120,000, EU funds, secured | Ends by January 2026 |",
		"| EUR\u00a0400,000, EU funds, not secured; EUR\u00a0340,000 after January 2026 | Continues, funding not secured; not anchored; costs EUR\u00a025,000 a year. Depends on a follow-up action. |",
		// 120,000 + 400,000; 120,000 of 520,000 secured is 23 %.
		"| **All EU actions budgeted in EUR** | | | 2 actions | EUR\u00a0520,000, 23\u00a0% secured; EUR\u00a0340,000 after January 2026 | EUR\u00a025,000 a year |",
		"The plan holds 3 actions (Table 4): 1 action ends after January 2026 and 1 action is stated to continue.",
		// The EU-level dialogue it grew out of; the national one is not listed here.
		"- **First EU-level policy dialogue**, organised by A European observatory. Themes: Planning for transformation; Sustaining \\*results\\* &lt;i&gt;now&lt;/i&gt;. Led to EU-A2. Source: https://example.org/d1\n\nThe plan holds",
		"1 action has no budget yet.",
		"> **Illustrative data.** The EU action plan (`programme/eu-action-plan.yaml`) is sample content",
		// The hostile title stays text.
		"Peer learning &lt;script&gt;alert(1)&lt;/script&gt; \\| on \\*safe\\* staffing",
		"| 1.0 | 30 June 2024 | First plan. | First version, with 3 measures: m1, m2, m4. |",
		"| Added m3. Removed m4 (A yearly joint seminar). Changed m1: carried by HU-A2 (was none); m2: reworded, domain now Governance (was Enabling environment). |",
		"The current version, 2.0 of 15 December 2025, holds 3 measures (Table 3).",
		"| m3 A shared library of forecasting models | Data and models | EU-A2 | 2.0 |",
		"| m2 Keep the community of practice meeting twice a year | Governance | no action yet | 1.0 |",
	} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter lacks %q:\n%s", want, chapter)
		}
	}
	if want := "- **Programme level.** The EU action plan holds 3 actions, budgeted at EUR\u00a0520,000, of which EUR\u00a0340,000 falls after January 2026 (Table 4); the sustainability plan is at version 2.0 of 15 December 2025, with 3 measures (Table 3); the Policy Board has members for 3 countries (Table 1)."; !strings.Contains(md, want) {
		t.Errorf("key findings lack %q", want)
	}
	if problems := checkCitations(md); len(problems) > 0 {
		t.Errorf("citations: %v", problems)
	}
}

// TestProgrammeChapterWithoutFiles: without programme/ the chapter says, for
// each part, that nothing is recorded, and the key finding says so too.
func TestProgrammeChapterWithoutFiles(t *testing.T) {
	repo, res := loadFixture(t)
	repo.Programme = nil
	files, err := Build(repo, res, "sustainability", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["sustainability.md"])
	for _, want := range []string{
		"- **Programme level.** No EU action plan is recorded; no sustainability plan is recorded; no Policy Board is recorded.",
		"No EU action plan is recorded in the plans repository (`programme/eu-action-plan.yaml`).",
		"No sustainability plan is recorded in the plans repository (`programme/sustainability-plan.yaml`).",
		"No Policy Board data is recorded in the plans repository (programme/policy-board.yaml)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	repo.Programme = &model.Programme{}
	if _, err := Build(repo, res, "sustainability", Options{Source: fixtureSource}); err != nil {
		t.Fatalf("an empty programme: %v", err)
	}
}
