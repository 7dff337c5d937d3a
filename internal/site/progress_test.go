package site

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/progress/progresstest"
	"github.com/hwfplan/hwfplan/internal/publish"
)

// The progress pages of the two-round fixture, measured at its report date.
// The numbers are worked out by hand (see internal/progress's tests for the
// KPI arithmetic): AA's data task is timeliness 2 on 1-4 (1/3) and linkage on
// 0-2, 1 at the baseline (1/2) and 2 in 2026-review (1); gov is committee 0 then
// 1 on 0-2 and uptake 2 (1).
func TestProgressPages(t *testing.T) {
	repo := progresstest.Repo(t)
	pr := progress.Compute(repo, progresstest.AsOf)
	files, err := Render(Input{Repo: repo, SourceTime: sourceTime, Progress: pr, AsOf: publish.AsOf{Date: progresstest.AsOf, From: progress.FromFlag}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, files, "countries/aa/index.html",
		`<h2 id="progress">Progress</h2>`, `As of <strong>30 June 2026</strong> (the report date, from --as-of)`,
		// Two rounds up to the report date, the 2027 round left out as not yet known.
		`<strong>Baseline</strong>: assessed on 2024-06-01 by AA Ministry; 4 items scored`,
		`<strong>2026-review</strong>: assessed on 2026-05-15 by AA Ministry, AA University; 2 items scored`, `! 2027-review`,
		`id="rounds-aa-title"`,
		// data: baseline (1/3 + 1/2)/2 = 0.42, after 2026-review (1/3 + 1)/2 = 0.67.
		`<th scope="row">Data</th><td class="num">0.42</td><td class="num">0.67</td>`,
		// gov: baseline (0 + 1)/2 = 0.50, after (1/2 + 1)/2 = 0.75.
		`<td class="num">0.50</td><td class="num">0.75</td>`,
		// KPIs: k1 1/2 of the way at 13/31 of the time; k2 1/4 at 10/19.
		"<td class=\"num\" data-label=\"Of the way\">50\u00a0%</td><td class=\"num\" data-label=\"Of the time\">42\u00a0%</td><td data-label=\"State\"><span class=\"state state-on_track\">on track</span>",
		"<td class=\"num\" data-label=\"Of the way\">25\u00a0%</td><td class=\"num\" data-label=\"Of the time\">53\u00a0%</td><td data-label=\"State\"><span class=\"state state-off_track\">off track</span>",
		"35\u00a0% (Mar 2026)", `! (Sep 2026)`, `id="kpi-aa-aa-a2-k1-title"`, `aria-label="Chart: KPI AA-A2 k1: observations and target path"`, `aria-label="Chart: KPI AA-A5 k1: observations and target path"`,
		`>Report date (30 Jun 2026)</text>`,
		`<span class="state state-met">met</span>`,
		// Actions against their months as of 30 June 2026.
		`<td data-label="Schedule"><span class="state state-behind">behind schedule: not done though its end month has passed</span></td><td data-label="Budget">secured</td><td data-label="KPIs">1 of 1 observed on track</td>`,
		`<td data-label="KPIs">1 KPI not observed yet</td>`, `<span class="state state-cancelled">cancelled</span>`, `<span class="state state-overdue">overdue</span>`,
	)
	// BB has only its baseline: a sentence, not an empty chart.
	assertFile(t, files, "countries/bb/index.html", `has one assessment round so far, the baseline of 1 June 2024; scores by round appear here after a re-assessment.`,
		`! id="rounds-bb-title"`)
	assertFile(t, files, "progress/index.html", `As of <strong>30 June 2026</strong>`, `Progress by learning cluster`, `Progress by task`, `Progress by country`,
		`How the numbers are counted`)
	// The EU action plan, measured as the countries' actions are: EU-A1 ended in
	// Jan 2026, EU-A3 should have started in Mar 2026; EU-A2 k1 is 1/2 of the
	// way at 4/12 of the time. 2 of 4 actions on schedule or done, 1 of 2
	// budgets secured, 1 of 2 KPIs observed, 1 of 1 on track.
	assertFile(t, files, "programme/eu-action-plan/index.html", `<h2 id="progress">Progress</h2>`,
		`As of <strong>30 June 2026</strong> (the report date, from --as-of): 2 of 4 actions on schedule or done and 1 of 1 observed KPI on track.`,
		`<th scope="row"><a href="#EU-A1">EU-A1</a> Common register specification</th><td data-label="Status">In progress</td><td data-label="Months">Oct 2025 to Jan 2026</td><td data-label="Schedule"><span class="state state-behind">behind schedule: not done though its end month has passed</span></td><td data-label="Budget">secured</td><td data-label="KPIs">none</td>`,
		`<span class="state state-behind">behind schedule: not started though its start month has passed</span>`,
		"<td class=\"num\" data-label=\"Of the way\">50\u00a0%</td><td class=\"num\" data-label=\"Of the time\">33\u00a0%</td><td data-label=\"State\"><span class=\"state state-on_track\">on track</span>",
		`id="kpi-eu-eu-a2-k1-title"`, `! (Aug 2026)`)
	assertFile(t, files, "progress/index.html", `<h2 id="eu-action-plan">EU action plan</h2>`,
		`<th scope="row"><a href="/programme/eu-action-plan/#progress">EU action plan</a></th><td class="num">2 of 4</td><td class="num">n/a</td><td class="num">n/a</td><td class="num">1 of 2</td><td class="num">1 of 2</td><td class="num">1 of 1</td>`,
		// The countries' total leaves the EU actions out.
		`<th scope="row">All countries</th><td class="num">4 of 8</td>`)
	// Every country row adds up to the All countries row.
	page := string(files["progress/index.html"])
	if !strings.Contains(page, `All countries`) {
		t.Error("no total row")
	}
	// The revisions never carry the plan's dates.
	if strings.Contains(string(files["countries/aa/index.html"]), "score-over-time") {
		t.Error("a commit-dated score chart is back")
	}
}

// Without a report date there is no progress section, and the progress page
// says why instead of counting against the clock.
func TestProgressWithoutDate(t *testing.T) {
	repo := progresstest.Repo(t)
	files, err := Render(Input{Repo: repo, SourceTime: sourceTime}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, files, "countries/aa/index.html", `! id="progress"`, `! href="#progress"`)
	assertFile(t, files, "progress/index.html", `Progress is not measured: nothing gives a report date`)
}
