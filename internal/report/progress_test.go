package report

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/progress/progresstest"
)

// buildProgress builds the progress report of the two-round fixture
// (internal/progress/progresstest) as of its test date, 2026-06-30.
func buildProgress(t *testing.T) map[string][]byte {
	t.Helper()
	repo := progresstest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Build(repo, res, ProgressReport, Options{Source: fixtureSource,
		Progress: progress.Compute(repo, progresstest.AsOf), AsOfFrom: progress.FromFlag})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestProgressGolden(t *testing.T) {
	files := buildProgress(t)
	golden.Check(t, "testdata/golden/progress-rounds.md", files["progress.md"])
	golden.Check(t, "testdata/golden/progress-rounds.html", files["progress.html"])
}

// TestProgressNumbers checks the report's numbers against the hand-worked
// counts of internal/progress/schedule_test.go (TestCounts): in total 4 of 8
// actions on schedule (1 done, 4 behind, 1 cancelled), 3 of 7 milestones met
// (1 overdue, 1 due), 4 of 5 budgets secured, 3 of 4 observed KPIs on track
// (2 reached, 1 off track, 2 without observation), 1 of 6 targets reached.
func TestProgressNumbers(t *testing.T) {
	md := string(buildProgress(t)["progress.md"])
	for _, want := range []string{
		"**as of 30 June 2026**",
		"**4 of 8 actions are on schedule (50\u00a0%)**, 1 of them done; 4 are behind schedule and 1 cancelled (not counted)",
		"**3 of 7 milestones are met (43\u00a0%)**; 1 is overdue and 1 due this month",
		"**4 of 5 actions with a budget have their funding secured (80\u00a0%)**",
		"**3 of 4 observed KPIs are on track (75\u00a0%)**, 2 have reached their target; 1 is off track. 2 of the 6 KPIs in the action plans have no observation yet",
		"**1 of 6 to-be targets are reached in the latest assessment round (17\u00a0%)**; 2 items score above their baseline",
		"Aland has a round after the baseline; for 2 countries the baseline is the only round",
		// AA's row: 4 actions, 3 on schedule, 1 done, 1 behind; 6 milestones, 2 met, 1 overdue; budgets 2 of 3.
		"| [Aland](#country-aa) | 4 | 3 (75\u00a0%) | 1 | 1 | 6 | 2 (33\u00a0%) | 1 | 2 of 3 (67\u00a0%) |",
		"| **All** | **8** | **4 (50\u00a0%)** | **1** | **4** | **7** | **3 (43\u00a0%)** | **1** | **4 of 5 (80\u00a0%)** |",
		// AA-A2 k1: 2 of 0→4 is 50 % of the way after 13 of 31 months (42 %).
		"| Aland | AA-A2 k1: Committee meetings per year | 0 meetings to 4 meetings by 2027 | 2 meetings (2026‑06) | 50\u00a0% | 42\u00a0% | on track |",
		// AA-A2 k2: 15 of 60 is 25 % after 10 of 19 months (53 %); the 2026-09 value is later than the report date.
		"| Aland | AA-A2 k2: Share of regions reporting | 20 % to 80 % by 2026 | 35 % (2026‑03) | 25\u00a0% | 53\u00a0% | off track |",
		// AA-A5 k1: falling 100→50 days; 40 is 120 % of the way.
		"| 40 days (2026‑02) | 120\u00a0% | 58\u00a0% | target reached |",
		"- Aland: AA-A3 k1 Professions with demand data (0 professions to 5 professions by 2027)",
		"| [Aland](#country-aa) | 2 | 2026-review (15 May 2026) | 3 | 1 (33\u00a0%) | 2 | 2 |",
		"| [Bravia](#country-bb) | 1 | baseline (1 June 2024) | 1 | 0 (0\u00a0%) | 0 | 0 |",
		"Aland: linkage (from 1 to 2, target 2, round 2026-review)",
		"Bravia has one assessment round so far, the baseline of 1 June 2024: no later round shows how its scores have moved.",
		"| Aland | AA-A5 Faster register | 2025‑01 | 2026‑03 | In\u00a0progress | not done though its end month has passed |",
		// The EU action plan (TestEU in internal/progress): 2 of 4 on schedule,
		// EU-A1 past its end, EU-A3 not started; kept out of the totals above.
		"- **The EU action plan: 2 of 4 actions are on schedule (50\u00a0%)**; 2 are behind schedule, and 1 of 1 observed KPI is on track",
		"As of 30 June 2026, 2 of 4 actions are on schedule, 1 of them done; 2 are behind schedule; 1 of 2 budgets are secured; 1 of 2 KPIs are observed, 1 of them on track",
		"| EU-A1 Common register specification | 2025‑10 | 2026‑01 | In\u00a0progress | behind schedule (not done though its end month has passed) | secured | none |",
		"| EU-A3 Peer learning on timeliness | 2026‑03 | 2026‑11 | Planned | behind schedule (not started though its start month has passed) | none | 0 of 1 observed, 0 on track |",
		"| **All** | | | | **2 of 4 on schedule (50\u00a0%)** | **1 of 2 secured** | **1 of 1 observed on track** |",
		// EU-A2 k1: 6 of 0→12 is 50 % of the way after 4 of 12 months (33 %); the 2026-08 value is later.
		"| EU-A2 k1: Countries using the toolkit | 0 countries to 12 countries by 2026 | 6 countries (2026‑04) | 50\u00a0% | 33\u00a0% | on track |",
		"- EU-A3 k1 Peer visits held (0 visits to 3 visits by 2026)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("progress.md lacks %q", want)
		}
	}
}

// The as-is report scores the baseline only, and says which countries have a
// later round it leaves out (Aland, in the two-round fixture).
func TestAsIsNamesReassessed(t *testing.T) {
	repo := progresstest.Repo(t)
	res, err := compare.Compute(repo)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Build(repo, res, "as-is", Options{Source: fixtureSource})
	if err != nil {
		t.Fatal(err)
	}
	md := string(files["as-is.md"])
	if want := "- **Baseline only.** The scores are each country's baseline, the assessment at the top of its as-is.yaml. Aland has been re-assessed since, in a later round that these scores leave out;"; !strings.Contains(md, want) {
		t.Errorf("as-is.md lacks %q", want)
	}
}
