package hwfcmd_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hwfplan/hwfplan/internal/hwfcmd"
	"github.com/hwfplan/hwfplan/internal/sitecmd"
	"github.com/rogpeppe/go-internal/testscript"
)

// The scripts run both programs as separate processes, as installed: hwfplan
// (without Hugo) hands build and serve over to hwfplan-site, found on the PATH.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hwfplan":      func() { os.Exit(hwfcmd.Main()) },
		"hwfplan-site": func() { os.Exit(sitecmd.Main()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real command
// line, its output streams and its exit codes, on small repositories. $PLANS is
// this repository's root, for the scripts that need the shipped plans.
func TestScripts(t *testing.T) {
	plans, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("PLANS", plans)
			return nil
		},
	})
}
