package codeowners

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/governance"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

func TestNewCmdCodeownersFlags(t *testing.T) {
	tests := []struct {
		args    string
		want    Options
		wantErr string
	}{
		{args: "", want: Options{}},
		{args: "--check", want: Options{Check: true}},
		{args: "countries/HU", wantErr: `unknown command "countries/HU" for "codeowners"`},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdCodeowners, strings.Fields(tt.args))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Check != tt.want.Check {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func run(t *testing.T, dir string, check bool) (stderr string, code int) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, RootFlag: &dir}
	err := Run(&Options{Factory: f, Check: check})
	if out.Len() > 0 {
		t.Errorf("wrote to stdout: %q", out)
	}
	if err == nil {
		return errOut.String(), 0
	}
	var ee *cmdutil.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("Run() = %v, want an exit code", err)
	}
	return errOut.String(), ee.Code
}

var base = map[string]string{
	"governance.yaml":           "coordinators: [heroes/coordinators]\n",
	"countries/HU/country.yaml": "code: HU\nmaintainers: [hu-team]\n",
	"countries/SK/country.yaml": "code: SK\nmaintainers: [sk-team]\n",
	"clusters/wp6.yaml":         "id: wp6\n",
	"countries/HU/as-is.yaml":   "assessed_on: 2024-01-01\n",
}

func TestRunWriteThenCheck(t *testing.T) {
	dir := gittest.Tree(t, base)

	stderr, code := run(t, dir, true)
	if code != 1 || stderr != ".github/CODEOWNERS is missing.\nRun 'hwfplan codeowners' and commit .github/CODEOWNERS.\n" {
		t.Errorf("--check on a repository without CODEOWNERS: exit %d, stderr:\n%s", code, stderr)
	}

	stderr, code = run(t, dir, false)
	if code != 0 || stderr != "wrote .github/CODEOWNERS\n" {
		t.Fatalf("write: exit %d, stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".github", "CODEOWNERS"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{governance.Header + "\n", "\n/countries/HU/   @hu-team\n", "\n/countries/SK/   @sk-team\n", "\n/clusters/       @heroes/coordinators\n"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("CODEOWNERS lacks %q:\n%s", want, data)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, ".github")); len(entries) != 1 {
		t.Errorf(".github holds %d entries, want only CODEOWNERS (no temporary file left)", len(entries))
	}

	stderr, code = run(t, dir, true)
	if code != 0 || stderr != ".github/CODEOWNERS is up to date\n" {
		t.Errorf("--check after writing: exit %d, stderr:\n%s", code, stderr)
	}
}

func TestRunCheckDrift(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]string // files rewritten after CODEOWNERS was generated
		want   string            // stderr of --check
	}{
		{
			name:   "maintainer added",
			change: map[string]string{"countries/HU/country.yaml": "code: HU\nmaintainers: [hu-team, anna]\n"},
			want: ".github/CODEOWNERS is out of date (- committed, + expected):\n" +
				"- /countries/HU/   @hu-team\n" +
				"+ /countries/HU/   @anna @hu-team\n" +
				"Run 'hwfplan codeowners' and commit .github/CODEOWNERS.\n",
		},
		{
			name:   "country added",
			change: map[string]string{"countries/EE/country.yaml": "code: EE\nmaintainers: [ee-team]\n"},
			want: ".github/CODEOWNERS is out of date (- committed, + expected):\n" +
				"+ /countries/EE/   @ee-team\n" +
				"Run 'hwfplan codeowners' and commit .github/CODEOWNERS.\n",
		},
		{
			name:   "hand edit",
			change: map[string]string{".github/CODEOWNERS": "# mine\n* @someone\n"},
			want:   "- # mine\n- * @someone\n+ " + governance.Header + "\n",
		},
		{
			name:   "final newline removed",
			change: map[string]string{".github/CODEOWNERS": "TRIM"},
			want:   ".github/CODEOWNERS is out of date: only line endings or the final newline differ.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := gittest.Tree(t, base)
			if _, code := run(t, dir, false); code != 0 {
				t.Fatal("write failed")
			}
			for name, data := range tt.change {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if data == "TRIM" {
					old, _ := os.ReadFile(p)
					data = strings.TrimSuffix(string(old), "\n")
				}
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			stderr, code := run(t, dir, true)
			if code != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("--check: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, tt.want)
			}
		})
	}
}

func TestRunRefusesBadOwners(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{
			name:  "no governance file",
			files: map[string]string{"countries/HU/country.yaml": "code: HU\nmaintainers: [hu]\n"},
			want:  "governance.yaml: error: the coordinators file is missing",
		},
		{
			name:  "bad maintainer",
			files: map[string]string{"governance.yaml": "coordinators: [c]\n", "countries/HU/country.yaml": "code: HU\nmaintainers: [\"hu team\"]\n"},
			want:  "countries/HU/country.yaml:2:15: error: maintainers: \"hu team\" is not a GitHub handle",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := gittest.Tree(t, tt.files)
			for _, check := range []bool{false, true} {
				stderr, code := run(t, dir, check)
				if code != 1 || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, ".github/CODEOWNERS not written: fix the 1 error above first\n") {
					t.Errorf("check=%v: exit %d, stderr:\n%s\nwant exit 1 and %q", check, code, stderr, tt.want)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, ".github", "CODEOWNERS")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("CODEOWNERS was written despite errors (stat: %v)", err)
			}
		})
	}
}

func TestLineDiff(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"x\ny\n", "x\ny\n", ""},
		{"x\ny\n", "x\nz\ny\n", "+ z"},
		{"x\nz\ny\n", "x\ny\n", "- z"},
		{"a\nb\n", "c\n", "- a|- b|+ c"},
		{"", "a\n", "+ a"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"→"+tt.b, func(t *testing.T) {
			if got := strings.Join(lineDiff([]byte(tt.a), []byte(tt.b)), "|"); got != tt.want {
				t.Errorf("lineDiff = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRunRefusesGithubLinkedOutside: a .github that is a symbolic link to a
// folder outside the repository is not written through; inside, it is.
func TestRunRefusesGithubLinkedOutside(t *testing.T) {
	for _, tt := range []struct {
		name    string
		target  func(dir string) string
		wantErr string
	}{
		{"outside", func(string) string { return t.TempDir() }, "is a symbolic link to "},
		{"dangling", func(dir string) string { return filepath.Join(t.TempDir(), "gone") }, "is a symbolic link whose target cannot be read"},
		{"inside", func(dir string) string { return filepath.Join(dir, "meta") }, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := gittest.Tree(t, base)
			target := tt.target(dir)
			if tt.name != "dangling" {
				if err := os.MkdirAll(target, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Symlink(target, filepath.Join(dir, ".github")); err != nil {
				t.Fatal(err)
			}
			ios, _, _, _ := iostreams.Test()
			err := Run(&Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &dir}})
			_, statErr := os.Stat(filepath.Join(target, "CODEOWNERS"))
			if tt.wantErr == "" {
				if err != nil || statErr != nil {
					t.Fatalf("Run() = %v; CODEOWNERS: %v", err, statErr)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), ".github "+tt.wantErr) || !strings.Contains(err.Error(), "replace the link with a folder") {
				t.Errorf("Run() = %v, want %q", err, tt.wantErr)
			}
			if statErr == nil {
				t.Error("CODEOWNERS was written outside the repository")
			}
		})
	}
}
