package export_test

import (
	"os"
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/hwfcmd"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run hwfplan as a real program.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hwfplan": func() { os.Exit(hwfcmd.Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar end to end on the mini fixture
// (internal/compare/comparetest), written into each script's work folder.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			return comparetest.WriteTo(env.WorkDir)
		},
	})
}
