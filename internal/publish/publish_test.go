package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/provenance"
)

// Invalid plans publish nothing unless AllowInvalid says so, and the site never:
// the pipeline refuses even when a command forgets to.
func TestInvalidPlansAreRefused(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "countries", "HU"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "countries", "HU", "country.yaml"), []byte("code: [HU\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, allow := range []bool{false, true} {
		p, err := Load(root, Options{AllowInvalid: allow})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Problems()) == 0 {
			t.Fatalf("no problems in %v", p.Diagnostics)
		}
		var invalid *InvalidError
		_, err = p.Site(context.Background(), SiteOptions{})
		if !errors.As(err, &invalid) {
			t.Errorf("allow=%v: Site = %v, want an InvalidError", allow, err)
		}
		_, err = p.Tables()
		if got := errors.As(err, &invalid); got == allow {
			t.Errorf("allow=%v: Tables = %v", allow, err)
		}
		_, err = p.Report("as-is", provenance.Info{})
		if got := errors.As(err, &invalid); got == allow {
			t.Errorf("allow=%v: Report = %v", allow, err)
		}
	}
}

// The shipped plans are valid and give every table and both reports.
func TestShippedPlans(t *testing.T) {
	p, err := Load(filepath.Join("..", ".."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if problems := p.Problems(); problems != nil {
		t.Fatalf("problems: %q", problems)
	}
	tables, err := p.Tables()
	if err != nil || len(tables) == 0 || tables[0].Name == "notice" {
		t.Fatalf("tables: %v %v", len(tables), err)
	}
}

// The models report's page offers its tables as CSV, JSON and a workbook next to
// the report itself; the as-is page offers no tables of its own.
func TestReportPageTables(t *testing.T) {
	p, err := Load(filepath.Join("..", ".."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := p.Site(context.Background(), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"as-is": {"reports/as-is.html", "reports/as-is.md"},
		"models": {"reports/models.html", "reports/models.md", "reports/model_coverage.csv", "reports/model_coverage.json",
			"reports/models.csv", "reports/models.json", "reports/models.xlsx"},
		"data": {"reports/data.html", "reports/data.md", "reports/data.xlsx", "reports/data_coverage.csv", "reports/data_coverage.json",
			"reports/data_sources.csv", "reports/data_sources.json"},
		"skills": {"reports/skills.html", "reports/skills.md", "reports/competencies.csv", "reports/competencies.json",
			"reports/planning_staff.csv", "reports/planning_staff.json", "reports/skills.xlsx", "reports/training_actions.csv",
			"reports/training_actions.json"},
		"stakeholders": {"reports/stakeholders.html", "reports/stakeholders.md", "reports/dialogue_participants.csv", "reports/dialogue_participants.json",
			"reports/stakeholders.csv", "reports/stakeholders.json", "reports/stakeholders.xlsx"},
	}
	for _, r := range in.Reports {
		w, ok := want[r.ID]
		if !ok {
			continue
		}
		if !slices.Equal(r.Downloads, w) {
			t.Errorf("%s downloads %q, want %q", r.ID, r.Downloads, w)
		}
		for _, d := range r.Downloads {
			if len(in.Downloads[d]) == 0 {
				t.Errorf("%s offers %s, which the site does not hold", r.ID, d)
			}
		}
		delete(want, r.ID)
	}
	if len(want) > 0 {
		t.Errorf("no page for %v", want)
	}
	if csv := string(in.Downloads["reports/data_sources.csv"]); !strings.HasPrefix(csv, "country,id,name,kind,owner,professions,update_frequency,minimum_data_set") {
		t.Errorf("data_sources.csv starts %q", csv[:min(80, len(csv))])
	}
	// The shipped plans score 9 competencies in 19 countries.
	if rows := strings.Count(string(in.Downloads["reports/competencies.csv"]), ",skills,"); rows != 9*19 {
		t.Errorf("competencies.csv has %d rows of the skills task, want 171", rows)
	}
	if csv := string(in.Downloads["reports/models.csv"]); !strings.HasPrefix(csv, "country,id,name,type,professions,horizon_years,update_frequency,owner") {
		t.Errorf("models.csv starts %q", csv[:min(80, len(csv))])
	}
}
