package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

func TestNewCmdExportFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    Options
		wantErr string
	}{
		{"xlsx", []string{"--format", "xlsx", "--out", "x"}, Options{Format: "xlsx", Out: "x"}, ""},
		{"short flags", []string{"-f", "csv", "-o", "dir/csv"}, Options{Format: "csv", Out: "dir/csv"}, ""},
		{"json", []string{"--format=json", "--out=o"}, Options{Format: "json", Out: "o"}, ""},
		{"missing format", []string{"--out", "x"}, Options{}, `--format is required: use one of csv, json, xlsx`},
		{"bad format", []string{"--format", "ods", "--out", "x"}, Options{}, `invalid argument "ods" for "-f, --format" flag: use one of csv, json, xlsx`},
		{"missing out", []string{"--format", "csv"}, Options{}, "--out DIR is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdExport, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != tt.want.Format || got.Out != tt.want.Out {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestRun(t *testing.T) {
	tests := []struct {
		format string
		files  []string
	}{
		{"csv", []string{".hwfplan-output", "actions.csv", "countries.csv", "items.csv", "kpis.csv", "notice.csv", "steps.csv", "sustainability.csv"}},
		{"json", []string{".hwfplan-output", "actions.json", "countries.json", "items.json", "kpis.json", "notice.json", "steps.json", "sustainability.json"}},
		{"xlsx", []string{".hwfplan-output", "hwfplan.xlsx"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			root := comparetest.Dir(t)
			out := filepath.Join(t.TempDir(), "export")
			ios, _, stdout, stderr := iostreams.Test()
			opts := &Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, Format: tt.format, Out: out, AllowInvalid: true}
			if err := Run(opts); err != nil {
				t.Fatal(err)
			}
			entries, err := os.ReadDir(out)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if strings.Join(got, ",") != strings.Join(tt.files, ",") {
				t.Errorf("files %v, want %v", got, tt.files)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q", stdout)
			}
			// The notice (a title and 2 problems: the fixture is invalid on purpose),
			// 3 countries + 12 items + 5 actions + 2 kpis + 6 factors + 4 steps = 35 rows.
			if !strings.Contains(stderr.String(), "7 tables, 35 rows") {
				t.Errorf("stderr %q", stderr)
			}
		})
	}
}
