package root

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/spf13/cobra"
)

// complete runs the shell's question, `hwfplan __complete ARGS...`, with the working
// directory wd, and returns the completions (descriptions dropped), the directive
// and what went to the error stream.
func complete(t *testing.T, wd string, args ...string) (got []string, directive string, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	root := ""
	f := &cmdutil.Factory{IOStreams: ios, RootFlag: &root, Getwd: func() (string, error) { return wd, nil }}
	cmd := NewCmdRoot(f, Renderers{})
	cmd.SetArgs(append([]string{cobra.ShellCompRequestCmd}, args...))
	if err := cmd.Execute(); err != nil {
		t.Fatalf("__complete %q: %v", args, err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	directive = lines[len(lines)-1]
	for _, l := range lines[:len(lines)-1] {
		v, _, _ := strings.Cut(l, "\t")
		got = append(got, v)
	}
	return got, directive, errOut.String()
}

// plansRepo is a git repository with two countries, two clusters, a branch and a tag.
func plansRepo(t *testing.T) string {
	r := gittest.New(t)
	r.Write(map[string]string{
		"countries/HU/country.yaml": "code: HU\n",
		"countries/SI/country.yaml": "code: SI\n",
		"countries/README.md":       "not a country\n",
		"clusters/wp6.yaml":         "id: wp6\n",
		"clusters/wp7.yaml":         "id: wp7\n",
	})
	r.Commit("first")
	r.Git("branch", "feature")
	r.Git("tag", "v1.0")
	return r.Dir
}

const (
	noFile      = ":4" // ShellCompDirectiveNoFileComp
	noFileSpace = ":6" // ... and NoSpace: a folder, to go on typing in
	files       = ":0" // the shell completes file names
	revsAll     = "HEAD HEAD~1 HEAD~2 HEAD~3 HEAD~4 HEAD~5 feature main v1.0"
	noSuch      = "(none)"
)

func TestCompletion(t *testing.T) {
	repo := plansRepo(t)
	tests := []struct {
		args      []string
		want      string // space-separated, or noSuch
		directive string
	}{
		{[]string{"history", ""}, "HU SI", noFile},
		{[]string{"history", "s"}, "SI", noFile},
		{[]string{"history", "HU", ""}, noSuch, noFile},
		{[]string{"history", "HU", "--rev", ""}, revsAll, noFile},
		{[]string{"history", "--format", ""}, "text json", noFile},
		{[]string{"diff", ""}, "WORKTREE " + revsAll, noFile},
		{[]string{"diff", "HEAD~"}, "HEAD~1 HEAD~2 HEAD~3 HEAD~4 HEAD~5", noFile},
		{[]string{"diff", "main", "f"}, "feature", noFile},
		{[]string{"diff", "main...f"}, "main...feature", noFile},
		{[]string{"diff", "v1.0..m"}, "v1.0..main", noFile},
		{[]string{"diff", "main", "HEAD", ""}, noSuch, noFile},
		{[]string{"diff", "--country", ""}, "HU SI", noFile},
		{[]string{"diff", "--country", "HU,"}, "HU,SI", noFile},
		{[]string{"diff", "-c", "SI,HU,"}, noSuch, noFile},
		{[]string{"diff", "--base", "ma"}, "main", noFile},
		{[]string{"validate", "--changed-since", "v"}, "v1.0", noFile},
		{[]string{"validate", "countries/"}, "countries/HU/ countries/SI/", noFileSpace},
		{[]string{"validate", "countries/S"}, "countries/SI/", noFileSpace},
		{[]string{"validate", "cl"}, noSuch, files},
		{[]string{"new", "country", "--cluster", ""}, "wp6 wp7", noFile},
		{[]string{"new", "country", "SI", ""}, "--cluster --maintainer", noFile}, // cobra offers the required flags
		{[]string{"--color", ""}, "auto always never", noFile},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, directive, stderr := complete(t, repo, tt.args...)
			want := strings.Fields(tt.want)
			if tt.want == noSuch {
				want = nil
			}
			if !slices.Equal(got, want) || directive != tt.directive {
				t.Errorf("got %q %s, want %q %s", got, directive, want, tt.directive)
			}
			checkQuiet(t, stderr)
		})
	}
}

// TestCompletionFromSubfolder: the repository is found from a folder inside it,
// and validate's paths are relative to the working directory.
func TestCompletionFromSubfolder(t *testing.T) {
	repo := plansRepo(t)
	got, directive, _ := complete(t, filepath.Join(repo, "countries"), "validate", "")
	if !slices.Equal(got, []string{"HU/", "SI/"}) || directive != noFileSpace {
		t.Errorf("validate in countries/: %q %s, want the country folders", got, directive)
	}
	got, _, _ = complete(t, filepath.Join(repo, "clusters"), "validate", "../countries/H")
	if !slices.Equal(got, []string{"../countries/HU/"}) {
		t.Errorf("validate ../countries/H: %q", got)
	}
	got, _, _ = complete(t, filepath.Join(repo, "clusters"), "history", "H")
	if !slices.Equal(got, []string{"HU"}) {
		t.Errorf("history H from clusters/: %q", got)
	}
}

// TestCompletionNewCountry: new country offers the ISO codes that have no folder.
func TestCompletionNewCountry(t *testing.T) {
	repo := plansRepo(t)
	got, directive, _ := complete(t, repo, "new", "country", "S")
	if directive != noFile || !slices.Contains(got, "SE") || !slices.Contains(got, "SK") || slices.Contains(got, "SI") {
		t.Errorf("new country S: %q %s, want SE and SK but not the existing SI", got, directive)
	}
	for _, c := range got {
		if !strings.HasPrefix(c, "S") {
			t.Errorf("new country S offers %q", c)
		}
	}
}

// TestCompletionOutsideRepository: outside a plans repository (and outside git)
// every completion offers nothing and says nothing.
func TestCompletionOutsideRepository(t *testing.T) {
	bare := t.TempDir()
	for _, args := range [][]string{
		{"history", ""}, {"history", "HU", "--rev", ""}, {"diff", ""}, {"diff", "--country", ""},
		{"diff", "--base", ""}, {"validate", ""}, {"validate", "countries/"}, {"validate", "--changed-since", ""},
		{"new", "country", ""}, {"new", "country", "--cluster", ""}, {"compare", "--task", ""},
	} {
		got, directive, stderr := complete(t, bare, args...)
		// cobra itself offers the required flags of new country.
		got = slices.DeleteFunc(got, func(s string) bool { return strings.HasPrefix(s, "--") })
		if len(got) > 0 || directive != noFile {
			t.Errorf("%q outside a repository: %q %s, want nothing", args, got, directive)
		}
		checkQuiet(t, stderr)
	}
}

// TestCompletionPlansWithoutGit: a plans folder outside git (an unpacked archive)
// completes countries but no revisions.
func TestCompletionPlansWithoutGit(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "countries", "HU"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := complete(t, dir, "history", ""); !slices.Equal(got, []string{"HU"}) {
		t.Errorf("history: %q", got)
	}
	got, directive, stderr := complete(t, dir, "diff", "")
	if got != nil || directive != noFile {
		t.Errorf("diff outside git: %q %s, want nothing", got, directive)
	}
	checkQuiet(t, stderr)
}

// checkQuiet: the only thing on the error stream is cobra's own note, which the
// completion scripts discard.
func checkQuiet(t *testing.T, stderr string) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(l, "Completion ended with directive:") {
			t.Errorf("completion wrote %q to the error stream", l)
		}
	}
}

// TestCompletionTasks: compare --task offers the framework's tasks (here the
// built-in one) without loading the plans.
func TestCompletionTasks(t *testing.T) {
	repo := plansRepo(t)
	// A plan file that cannot be read would stop a full load from being quick
	// and clean; the framework alone is read.
	if err := os.WriteFile(filepath.Join(repo, "countries", "HU", "as-is.yaml"), []byte("\t:"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, directive, stderr := complete(t, repo, "compare", "--task", "")
	if directive != noFile || !slices.Contains(got, "data") || !slices.Contains(got, "skills") {
		t.Errorf("compare --task: %q %s", got, directive)
	}
	checkQuiet(t, stderr)
}
