package publish

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
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

// ReleaseTrees lets go of the plan files' trees of the countries without a
// translation, keeps those of the others (plantext decodes them afresh), and
// changes nothing the site is made of: every download and report page is the
// same as from plans that keep their trees.
func TestReleaseTreesChangesNothing(t *testing.T) {
	load := func() *Plans {
		p, err := Load(filepath.Join("..", ".."), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	kept, released := load(), load()
	released.ReleaseTrees()
	var without, with int
	for _, c := range released.Repo.Countries {
		for name, f := range c.Files {
			switch {
			case len(c.Translations) == 0 && (f.Node != nil || f.Value != nil):
				t.Errorf("%s/%s: trees kept", c.Code, name)
			case len(c.Translations) > 0 && f.Node == nil:
				t.Errorf("%s/%s: the tree of a translated country's plan was let go", c.Code, name)
			}
		}
		if len(c.Translations) == 0 {
			without++
		} else {
			with++
		}
	}
	if without == 0 || with == 0 {
		t.Fatalf("the shipped plans should have countries with (%d) and without (%d) translations", with, without)
	}
	a, err := kept.Site(context.Background(), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := released.Site(context.Background(), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Downloads) != len(b.Downloads) {
		t.Fatalf("%d downloads, want %d", len(b.Downloads), len(a.Downloads))
	}
	for name, data := range a.Downloads {
		if !bytes.Equal(data, b.Downloads[name]) {
			t.Errorf("%s differs once the trees are let go", name)
		}
	}
	if !reflect.DeepEqual(a.Reports, b.Reports) {
		t.Errorf("the report pages differ once the trees are let go")
	}
}
