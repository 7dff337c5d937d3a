package fmtcmd_test

import (
	"os"
	"testing"

	"github.com/hwfplan/hwfplan/internal/hwfcmd"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"hwfplan": func() { os.Exit(hwfcmd.Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar end to end.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("GITHUB_STEP_SUMMARY", "")
			return nil
		},
	})
}
