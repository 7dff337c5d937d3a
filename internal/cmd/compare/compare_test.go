package compare

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/comparefmt"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

func TestNewCmdCompareFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    Options
		wantErr string
	}{
		{"defaults", nil, Options{By: "country", Format: "text"}, ""},
		{"cluster markdown", []string{"--by", "cluster", "--format", "markdown"}, Options{By: "cluster", Format: "markdown"}, ""},
		{"task json short flag", []string{"--task", "data", "-f", "json"}, Options{By: "country", Task: "data", Format: "json"}, ""},
		{"csv", []string{"--format=csv"}, Options{By: "country", Format: "csv"}, ""},
		{"bad by", []string{"--by", "region"}, Options{}, `invalid argument "region" for "--by" flag: use one of country, cluster`},
		{"bad format", []string{"--format", "xml"}, Options{}, `invalid argument "xml" for "-f, --format" flag: use one of text, markdown, csv, json`},
		{"no args", []string{"extra"}, Options{}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdCompare, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.By != tt.want.By || got.Task != tt.want.Task || got.Format != tt.want.Format {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func run(t *testing.T, opts Options) (string, string, error) {
	t.Helper()
	root := comparetest.Dir(t)
	ios, _, out, errOut := iostreams.Test()
	opts.Factory = &cmdutil.Factory{IOStreams: ios, RootFlag: &root}
	// The mini fixture is partial on purpose (a cluster names a country without a
	// folder, an action misses its sustainability): it is invalid, so the tests
	// compare it with --allow-invalid and every output carries the notice.
	opts.AllowInvalid = true
	err := Run(&opts)
	return out.String(), errOut.String(), err
}

func TestRunGolden(t *testing.T) {
	tests := []struct {
		golden string
		opts   Options
	}{
		{"country.txt", Options{By: "country", Format: "text"}},
		{"country.md", Options{By: "country", Format: "markdown"}},
		{"country.csv", Options{By: "country", Format: "csv"}},
		{"country.json", Options{By: "country", Format: "json"}},
		{"country-gov.txt", Options{By: "country", Task: "gov", Format: "text"}},
		{"cluster.txt", Options{By: "cluster", Format: "text"}},
		{"cluster.md", Options{By: "cluster", Format: "markdown"}},
		{"cluster.csv", Options{By: "cluster", Format: "csv"}},
		{"cluster-data.json", Options{By: "cluster", Task: "data", Format: "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			out, errOut, err := run(t, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if want := "warning: the plans are invalid (2 errors); writing anyway (--allow-invalid), with a notice listing the problems in every output\n"; errOut != want {
				t.Errorf("stderr:\n got %q\nwant %q", errOut, want)
			}
			// Every format starts with the notice and names both problems.
			for _, want := range []string{"These plans are invalid (2 errors)", "clusters/c2.yaml:4:17: error: cluster c2 lists DD", "countries/CC/action-plan.yaml:23:10: error: action CC-A2 ends in 2026-12"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			golden.Check(t, filepath.Join("testdata", tt.golden), []byte(out))
		})
	}
}

// TestRunRefusesInvalidPlans: without --allow-invalid, invalid plans are refused
// like build refuses them: exit 1, the problems on stderr, nothing on stdout.
func TestRunRefusesInvalidPlans(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			root := comparetest.Dir(t)
			ios, _, out, errOut := iostreams.Test()
			err := Run(&Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, By: "country", Format: format})
			if code, ok := cmdutil.IsSilent(err); !ok || code != cmdutil.ExitInvalid {
				t.Fatalf("err = %v, want exit 1", err)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", out)
			}
			for _, want := range []string{"clusters/c2.yaml:4:17: error: cluster c2 lists DD", "the plans are invalid (2 errors); nothing was written", "--allow-invalid"} {
				if !strings.Contains(errOut.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
		})
	}
}

func TestRunJSONIsVersionedAndValid(t *testing.T) {
	out, _, err := run(t, Options{By: "country", Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var doc comparefmt.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != 1 || len(doc.Countries) != 3 || doc.Countries[0].Tasks[0].AsIs.Value != 0.4167 {
		t.Errorf("document %+v", doc)
	}
	if doc.Invalid == nil || len(doc.Invalid.Problems) != 2 || !strings.HasPrefix(doc.Invalid.Notice, "These plans are invalid") {
		t.Errorf("invalid = %+v, want the notice and 2 problems", doc.Invalid)
	}
}

func TestRunUnknownTask(t *testing.T) {
	_, _, err := run(t, Options{By: "country", Task: "nope", Format: "text"})
	if err == nil || !strings.Contains(err.Error(), `unknown task "nope"`) {
		t.Fatalf("error %v", err)
	}
	if _, ok := err.(*cmdutil.FlagError); !ok {
		t.Errorf("want a usage error, got %T", err)
	}
}

// TestFlagCompletion: --task completes the framework's task ids, --by and
// --format their fixed values.
func TestFlagCompletion(t *testing.T) {
	root := comparetest.Dir(t)
	ios, _, _, _ := iostreams.Test()
	cmd := NewCmdCompare(&cmdutil.Factory{IOStreams: ios, RootFlag: &root}, nil)
	for flag, want := range map[string]string{"task": "data gov", "by": "country cluster", "format": "text markdown csv json"} {
		fn, ok := cmd.GetFlagCompletionFunc(flag)
		if !ok {
			t.Errorf("--%s has no completion", flag)
			continue
		}
		got, _ := fn(cmd, nil, "")
		if strings.Join(got, " ") != want {
			t.Errorf("--%s completes %q, want %q", flag, got, want)
		}
	}
}
