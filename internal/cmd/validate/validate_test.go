package validate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

func TestNewCmdValidateFlags(t *testing.T) {
	tests := []struct {
		args string
		want Options
	}{
		{"", Options{Format: "text"}},
		{"--strict", Options{Format: "text", Strict: true}},
		{"-f json countries/HU", Options{Format: "json", Paths: []string{"countries/HU"}}},
		{"--format=github --strict a b", Options{Format: "github", Strict: true, Paths: []string{"a", "b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdValidate, strings.Fields(tt.args))
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != tt.want.Format || got.Strict != tt.want.Strict || strings.Join(got.Paths, " ") != strings.Join(tt.want.Paths, " ") {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestFormatCompletion(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	cmd := NewCmdValidate(&cmdutil.Factory{IOStreams: ios}, nil)
	comps, _ := cmd.GetFlagCompletionFunc("format")
	if comps == nil {
		t.Fatal("no completion for --format")
	}
	got, _ := comps(cmd, nil, "")
	if strings.Join(got, " ") != "text json github sarif markdown" {
		t.Errorf("got %v", got)
	}
}

func runIn(t *testing.T, root string, opts Options, env map[string]string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.Factory = &cmdutil.Factory{IOStreams: ios, RootFlag: &root}
	opts.Now = func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }
	opts.Getenv = func(k string) string { return env[k] }
	if opts.Format == "" {
		opts.Format = "text"
	}
	err := Run(&opts)
	return out.String(), errOut.String(), err
}

func exitCode(err error) int {
	if err == nil {
		return cmdutil.ExitOK
	}
	if code, ok := cmdutil.IsSilent(err); ok {
		return code
	}
	return cmdutil.ExitUsage
}

func TestRun(t *testing.T) {
	valid := gittest.TxtarTree(t, "../../validate/testdata/base.txtar")
	warn := gittest.TxtarTree(t, "../../validate/testdata/base.txtar")
	p := filepath.Join(warn, "countries/HU/to-be.yaml")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(data, []byte("timeliness: {score: 3, year: 2027}"), []byte("timeliness: {score: 1, year: 2027}"), 1), 0o644)
	invalid := gittest.TxtarTree(t, "../../validate/testdata/base.txtar")
	os.Remove(filepath.Join(invalid, "countries/HU/to-do.yaml"))

	tests := []struct {
		name      string
		root      string
		opts      Options
		wantCode  int
		wantOut   string
		wantErr   string
		wantFlagE bool
	}{
		{name: "valid", root: valid, wantCode: 0, wantOut: "", wantErr: "0 errors, 0 warnings\n"},
		{name: "warning", root: warn, wantCode: 0,
			wantOut: "countries/HU/to-be.yaml:13:25: warning: target 1 of item data.timeliness is below its current score 2 (as-is.yaml); a target should be at least the current level [target-below-as-is]\n",
			wantErr: "0 errors, 1 warning\n"},
		{name: "warning strict", root: warn, opts: Options{Strict: true}, wantCode: 1,
			wantOut: "countries/HU/to-be.yaml:13:25: warning: target 1 of item data.timeliness is below its current score 2 (as-is.yaml); a target should be at least the current level [target-below-as-is]\n",
			wantErr: "0 errors, 1 warning\n"},
		{name: "invalid", root: invalid, wantCode: 1,
			wantOut: "countries/HU/to-do.yaml: error: the file is missing [missing-file]\n", wantErr: "1 error, 0 warnings\n"},
		{name: "invalid json", root: invalid, opts: Options{Format: "json"}, wantCode: 1},
		{name: "paths filter", root: invalid, opts: Options{Paths: []string{filepath.Join(invalid, "clusters")}}, wantCode: 0, wantErr: "0 errors, 0 warnings\n"},
		{name: "unknown format", root: valid, opts: Options{Format: "xml"}, wantCode: 2, wantFlagE: true},
		{name: "path outside", root: valid, opts: Options{Paths: []string{t.TempDir()}}, wantCode: 2, wantFlagE: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runIn(t, tt.root, tt.opts, nil)
			if code := exitCode(err); code != tt.wantCode {
				t.Fatalf("exit code %d, want %d (err %v)", code, tt.wantCode, err)
			}
			var fe *cmdutil.FlagError
			if tt.wantFlagE != errors.As(err, &fe) {
				t.Errorf("flag error: got %v", err)
			}
			if tt.wantCode == 2 {
				return
			}
			if tt.opts.Format == "json" {
				if !strings.HasPrefix(out, "{\n  \"valid\": false,\n  \"errors\": 1,") {
					t.Errorf("json: %s", out)
				}
				return
			}
			if out != tt.wantOut || errOut != tt.wantErr {
				t.Errorf("out %q, errOut %q\nwant %q, %q", out, errOut, tt.wantOut, tt.wantErr)
			}
		})
	}
}

func TestRunGitHubStepSummary(t *testing.T) {
	root := gittest.TxtarTree(t, "../../validate/testdata/base.txtar")
	os.Remove(filepath.Join(root, "countries/HU/to-do.yaml"))
	summary := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(summary, []byte("earlier step\n"), 0o644)
	out, _, err := runIn(t, root, Options{Format: "github"}, map[string]string{"GITHUB_STEP_SUMMARY": summary})
	if exitCode(err) != 1 {
		t.Fatalf("err %v", err)
	}
	if out != "::error file=countries/HU/to-do.yaml,title=missing-file::the file is missing\n" {
		t.Errorf("out %q", out)
	}
	got, _ := os.ReadFile(summary)
	if !strings.HasPrefix(string(got), "earlier step\n## hwfplan validate\n") || !strings.Contains(string(got), "the file is missing") {
		t.Errorf("summary not appended:\n%s", got)
	}
}

func TestRunColourOnlyOnTerminal(t *testing.T) {
	root := gittest.TxtarTree(t, "../../validate/testdata/base.txtar")
	os.Remove(filepath.Join(root, "countries/HU/to-do.yaml"))
	for _, tty := range []bool{false, true} {
		ios, _, out, _ := iostreams.Test()
		ios.SetTTY(tty, tty)
		opts := &Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, Format: "text",
			Now: time.Now, Getenv: func(string) string { return "" }}
		if err := Run(opts); exitCode(err) != 1 {
			t.Fatalf("err %v", err)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != tty {
			t.Errorf("tty %v: colour %v in %q", tty, got, out.String())
		}
	}
}
