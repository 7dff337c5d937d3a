package progress_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/progress/progresstest"
)

func TestActions(t *testing.T) {
	p := compute(t)
	var got []string
	for _, c := range p.Countries {
		for _, a := range c.Actions {
			got = append(got, fmt.Sprintf("%s %s %s", a.ID, a.State, a.Reason))
		}
	}
	want := []string{
		"AA-A1 done ",
		"AA-A2 on_time ",
		"AA-A3 on_time ",           // starts 2026-09
		"AA-A4 cancelled ",         //
		"AA-A5 behind past_end",    // in progress, ended 2026-03
		"BB-A1 on_time ",           // ends in the report month
		"BB-A2 behind delayed",     //
		"CC-A1 behind delayed",     //
		"CC-A2 behind not_started", // planned, should have started 2026-01
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("actions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMilestones(t *testing.T) {
	p := compute(t)
	var got []string
	for _, c := range p.Countries {
		for _, m := range c.Milestones {
			got = append(got, fmt.Sprintf("%s %s %s met=%s late=%v", m.Step, m.ID, m.State, m.Met, m.Late))
		}
	}
	want := []string{
		"AA-S1 m1 met met=2025-05-20 late=false",
		"AA-S1 m2 overdue met= late=false",
		"AA-S1 m3 due met= late=false",
		"AA-S2 m1 met met=2026-02-10 late=true",
		"AA-S2 m2 upcoming met= late=false",
		"AA-S2 m3 upcoming met= late=false", // met 2026-07-01, after the report date
		"BB-S1 m1 met met=2026-06-30 late=false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("milestones:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRoundsAndItems(t *testing.T) {
	p := compute(t)
	aa := p.Country("AA")
	var rounds []string
	for _, r := range aa.Rounds {
		rounds = append(rounds, fmt.Sprintf("%s %s %d", r.ID, r.AssessedOn, r.Scored))
	}
	// 2027-review is after the report date.
	if got, want := strings.Join(rounds, ", "), "baseline 2024-06-01 4, 2026-review 2026-05-15 2"; got != want {
		t.Errorf("AA rounds: %s, want %s", got, want)
	}
	if got := len(p.Country("BB").Rounds); got != 1 {
		t.Errorf("BB has %d rounds, want 1", got)
	}
	var items []string
	for _, c := range p.Countries {
		for _, it := range c.Items {
			items = append(items, fmt.Sprintf("%s %s %s→%s (%s) target %d reached=%v improved=%v rescored=%v", c.Code, it.Key, score(it.Baseline), score(it.Latest), it.LatestRound, it.Target, it.Reached, it.Improved, it.Rescored))
		}
	}
	want := []string{
		"AA data.timeliness 2→2 (baseline) target 4 reached=false improved=false rescored=false",
		"AA data.linkage 1→2 (2026-review) target 2 reached=true improved=true rescored=true",
		"AA gov.committee 0→1 (2026-review) target 2 reached=false improved=true rescored=true",
		"BB gov.committee 1→1 (baseline) target 2 reached=false improved=false rescored=false",
		"CC data.timeliness 3→3 (baseline) target 4 reached=false improved=false rescored=false",
		"CC gov.uptake 1→1 (baseline) target 2 reached=false improved=false rescored=false",
	}
	if strings.Join(items, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(items, "\n"), strings.Join(want, "\n"))
	}
}

func score(s *int) string {
	if s == nil {
		return "-"
	}
	return fmt.Sprint(*s)
}

// counts writes a Counts in a fixed order: actions (all, on time, done, behind,
// cancelled), milestones (all, met, due, overdue), budgets (all, secured), KPIs
// (all, observed, on track, off track, reached), targets (all, reached,
// improved, rescored).
func counts(c progress.Counts) string {
	return fmt.Sprintf("A %d %d %d %d %d M %d %d %d %d B %d %d K %d %d %d %d %d T %d %d %d %d",
		c.Actions, c.ActionsOnTime, c.ActionsDone, c.ActionsBehind, c.ActionsCancelled,
		c.Milestones, c.MilestonesMet, c.MilestonesDue, c.MilestonesLate,
		c.Budgets, c.BudgetsSecured,
		c.KPIs, c.KPIsObserved, c.KPIsOnTrack, c.KPIsOffTrack, c.KPIsReached,
		c.Targets, c.TargetsReached, c.TargetsImproved, c.TargetsRescored)
}

func TestCounts(t *testing.T) {
	p := compute(t)
	for _, c := range []struct {
		name string
		got  progress.Counts
		want string
	}{
		{"AA", p.Country("AA").Counts, "A 4 3 1 1 1 M 6 2 1 1 B 3 2 K 4 3 2 1 1 T 3 1 2 2"},
		{"AA data", p.Country("AA").Tasks[0].Counts, "A 3 2 1 1 0 M 3 1 1 1 B 2 2 K 2 1 1 0 1 T 2 1 1 1"},
		{"AA gov", p.Country("AA").Tasks[1].Counts, "A 1 1 0 0 1 M 3 1 0 0 B 1 0 K 2 2 1 1 0 T 1 0 1 1"},
		{"AA-A2", p.Country("AA").Action("AA-A2").Counts, "A 1 1 0 0 0 M 0 0 0 0 B 1 0 K 2 2 1 1 0 T 0 0 0 0"},
		{"BB", p.Country("BB").Counts, "A 2 1 0 1 0 M 1 1 0 0 B 1 1 K 1 1 1 0 1 T 1 0 0 0"},
		{"CC", p.Country("CC").Counts, "A 2 0 0 2 0 M 0 0 0 0 B 1 1 K 1 0 0 0 0 T 2 0 0 0"},
		{"cluster c1", p.Clusters[0].Counts, "A 6 4 1 2 1 M 7 3 1 1 B 4 3 K 5 4 3 1 2 T 4 1 2 2"},
		{"cluster c2", p.Clusters[1].Counts, "A 2 0 0 2 0 M 0 0 0 0 B 1 1 K 1 0 0 0 0 T 2 0 0 0"},
		{"task data", p.Tasks[0].Counts, "A 4 2 1 2 0 M 3 1 1 1 B 3 3 K 3 1 1 0 1 T 3 1 1 1"},
		{"task gov", p.Tasks[1].Counts, "A 4 2 0 2 1 M 4 2 0 0 B 2 1 K 3 3 2 1 1 T 3 0 1 1"},
		{"total", p.Total, "A 8 4 1 4 1 M 7 3 1 1 B 5 4 K 6 4 3 1 2 T 6 1 2 2"},
	} {
		if got := counts(c.got); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
	if got := strings.Join(p.Clusters[0].Countries, " "); got != "AA BB" {
		t.Errorf("cluster c1 counts %s, want AA BB", got)
	}
}

// An earlier report date sees less: no 2026 round, fewer observations.
func TestEarlierDate(t *testing.T) {
	early := progress.Compute(progresstest.Repo(t), "2025-12-31")
	aa := early.Country("AA")
	if len(aa.Rounds) != 1 {
		t.Errorf("AA on 2025-12-31 has %d rounds, want 1", len(aa.Rounds))
	}
	// On time: AA-A1 (done), A2, A3, A5 (ends 2026-03), BB-A1, CC-A2 (starts
	// 2026-01); behind: the two delayed. Only AA-S1 m1 is met, nothing is due
	// yet; AA-A2 k1's 2025-12 value 1 is 1/4 of the way, 7/31 of the time.
	if got, want := counts(early.Total), "A 8 6 1 2 1 M 7 1 0 0 B 5 4 K 6 1 1 0 0 T 6 0 0 0"; got != want {
		t.Errorf("total on 2025-12-31:\n got %s\nwant %s", got, want)
	}
}

func TestReportDate(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return v
			}
			return ""
		}
	}
	pub := &plan.Publication{AsOf: "2026-06-30"}
	for _, c := range []struct {
		name, flag string
		pub        *plan.Publication
		epoch      string
		want, from string
		err        string
	}{
		{"flag first", "2026-03-31", pub, "0", "2026-03-31", progress.FromFlag, ""},
		{"then as_of", "", pub, "0", "2026-06-30", progress.FromPublication, ""},
		{"then the epoch", "", &plan.Publication{}, "1767139200", "2025-12-31", progress.FromEpoch, ""},
		{"no publication", "", nil, "1767225599", "2025-12-31", progress.FromEpoch, ""},
		{"bad flag", "2026-02-30", pub, "", "", "", `--as-of "2026-02-30" is not a date`},
		{"bad epoch", "", nil, "yesterday", "", "", `SOURCE_DATE_EPOCH "yesterday" is not a whole number`},
		{"nothing", "", nil, "", "", "", "no report date: give --as-of"},
	} {
		d, from, err := progress.ReportDate(c.flag, c.pub, env(c.epoch))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || string(d) != c.want || from != c.from {
			t.Errorf("%s: %s from %s (%v), want %s from %s", c.name, d, from, err, c.want, c.from)
		}
	}
}

// The EU action plan is measured as the countries' actions are, in a group of
// its own: the countries' and clusters' counts and the Total above leave it out.
func TestEU(t *testing.T) {
	p := compute(t)
	if p.EU == nil {
		t.Fatal("no EU action plan measured")
	}
	var got []string
	for _, a := range p.EU.Actions {
		got = append(got, fmt.Sprintf("%s %s %s", a.ID, a.State, a.Reason))
	}
	want := []string{
		"EU-A1 behind past_end",    // in progress, ended 2026-01
		"EU-A2 on_time ",           // runs to 2026-12
		"EU-A3 behind not_started", // planned, should have started 2026-03
		"EU-A4 done ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("EU actions:\n got %q\nwant %q", got, want)
	}
	// 4 actions: 2 on time (1 done), 2 behind; budgets EU-A1 (secured) and
	// EU-A2. KPIs: EU-A2 k1 observed and on track, EU-A3 k1 not observed.
	if got, want := counts(p.EU.Counts), "A 4 2 1 2 0 M 0 0 0 0 B 2 1 K 2 1 1 0 0 T 0 0 0 0"; got != want {
		t.Errorf("EU counts:\n got %s\nwant %s", got, want)
	}
	// 2026-01 to end of 2026: 12 months; 2026-04 is 4 gone. 6 of 0→12 is 1/2.
	// The 2026-08 observation is after the report date: left out.
	k := p.EU.Action("EU-A2").KPI("k1")
	if k.State != progress.KPIOnTrack || k.Latest == nil || k.Latest.Date != "2026-04" || len(k.Observations) != 1 || k.Share != 0.5 || k.Expected != 4.0/12 {
		t.Errorf("EU-A2 k1: %s latest %v observed %d share %v expected %v, want on_track 2026-04 1 0.5 1/3", k.State, k.Latest, len(k.Observations), k.Share, k.Expected)
	}
	if k := p.EU.Action("EU-A3").KPI("k1"); k.State != progress.KPINoData {
		t.Errorf("EU-A3 k1: %s, want %s", k.State, progress.KPINoData)
	}
	if !p.EU.Illustrative {
		t.Error("EU action plan not marked illustrative")
	}
	// Earlier, EU-A1 is still within its months and EU-A3 has not yet to start.
	early := progress.Compute(progresstest.Repo(t), "2025-12-31")
	if got, want := counts(early.EU.Counts), "A 4 4 1 0 0 M 0 0 0 0 B 2 1 K 2 0 0 0 0 T 0 0 0 0"; got != want {
		t.Errorf("EU counts on 2025-12-31:\n got %s\nwant %s", got, want)
	}
}
