package diff_test

import (
	"os"
	"os/exec"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmd/root"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/hwfcmd"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run hwfplan as a real program.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hwfplan": func() { os.Exit(hwfcmd.Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar end to end: real git repositories made
// by the scripts, `hwfplan diff` and `hwfplan history`, their output and exit codes.
func TestScripts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, name := range []string{"diff", "history"} {
		if c, _, err := root.NewCmdRoot(cmdutil.New("test"), root.Renderers{}).Find([]string{name}); err != nil || c.Name() != name {
			t.Skipf("hwfplan %s is not registered in internal/cmd/root yet", name)
		}
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			for _, who := range []string{"AUTHOR", "COMMITTER"} {
				env.Setenv("GIT_"+who+"_NAME", "Ana Planner")
				env.Setenv("GIT_"+who+"_EMAIL", "ana@example.org")
				env.Setenv("GIT_"+who+"_DATE", "2025-06-01T10:00:00Z")
			}
			return nil
		},
	})
}
