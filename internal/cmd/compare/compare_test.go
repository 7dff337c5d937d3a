package compare

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

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
		{"bad by", []string{"--by", "region"}, Options{}, `unknown --by "region"`},
		{"bad format", []string{"--format", "xml"}, Options{}, `unknown --format "xml"`},
		{"no args", []string{"extra"}, Options{}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios}
			var got *Options
			cmd := NewCmdCompare(f, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(append([]string{}, tt.args...))
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
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
			// The mini fixture is partial on purpose (a cluster names a country
			// without a folder, a file misses a key): the figures come with a warning.
			if want := "warning: the plans have 2 error(s), so these figures may leave out or misread what is wrong; run `hwfplan validate`\n"; errOut != want {
				t.Errorf("stderr:\n got %q\nwant %q", errOut, want)
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (run with -update to accept):\n%s", path, out)
			}
		})
	}
}

func TestRunJSONIsVersionedAndValid(t *testing.T) {
	out, _, err := run(t, Options{By: "country", Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var doc Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != 1 || len(doc.Countries) != 3 || doc.Countries[0].Tasks[0].AsIs.Value != 0.4167 {
		t.Errorf("document %+v", doc)
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

func TestMarkdownEscapesPlanText(t *testing.T) {
	var b bytes.Buffer
	err := writeMarkdown(&b, []table{{title: "t", header: []string{"h"}, rows: [][]string{{"a|b <script>\n*x*"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `| a\|b &lt;script&gt; \*x\* |`; !strings.Contains(b.String(), want) {
		t.Errorf("got %s, want %s", b.String(), want)
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
