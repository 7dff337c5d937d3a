package hwfcmd_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"exitcode": exitCode},
	})
}

// exitCode is the script command `exitcode N PROGRAM ARGS...`: it runs the program
// like exec and fails unless it exits with status N (exec only tells zero from
// non-zero, and usage errors must exit 2, not 1).
func exitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}
