// Package testkit is the one testscript suite of the command packages: every
// package's end-to-end scripts (testdata/script/*.txtar) run the same hwfplan,
// with the same environment and the same extra script commands.
//
// A package with scripts has
//
//	func TestMain(m *testing.M) { testkit.Main(m, nil) }
//	func TestScripts(t *testing.T) { testkit.Run(t, "testdata/script", nil) }
//
// cli's test adds the program hwfplan-site (which links Hugo); the others do
// not, so their test binaries stay small.
package testkit

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cli"
	"github.com/rogpeppe/go-internal/testscript"
)

// Main is a test package's TestMain: the test binary turns into hwfplan (or one of
// the extra programs, by name) when a script runs it.
func Main(m *testing.M, extra map[string]func() int) {
	programs := map[string]func(){
		"hwfplan": func() { os.Exit(cli.Main()) },
	}
	for name, main := range extra {
		programs[name] = func() { os.Exit(main()) }
	}
	testscript.Main(m, programs)
}

// Run runs the scripts in dir with the shared environment (see Setup) and the
// script command exitcode; setup, if not nil, then prepares each script's work
// folder further (e.g. writes a fixture into it).
func Run(t *testing.T, dir string, setup func(*testscript.Env) error) {
	t.Helper()
	plans, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: dir,
		Setup: func(env *testscript.Env) error {
			Setup(env, plans)
			if setup != nil {
				return setup(env)
			}
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"exitcode": ExitCode, "edit": Edit},
	})
}

// Edit is the script command `edit FILE OLD NEW`: it replaces the one occurrence
// of OLD in FILE with NEW, so a script can break a copy of a plan file one way at
// a time. In OLD and NEW, \t is a tab, \n a line feed and \\ a backslash. It
// fails when OLD is not in the file exactly once (`! edit` when it is), so a
// fixture that changed does not turn the script into a test of nothing.
func Edit(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: edit file old new")
	}
	unescape := strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n").Replace
	name := ts.MkAbs(args[0])
	data, err := os.ReadFile(name)
	ts.Check(err)
	old, new := unescape(args[1]), unescape(args[2])
	n := strings.Count(string(data), old)
	switch {
	case neg && n == 1:
		ts.Fatalf("edit: %q occurs once in %s", old, args[0])
	case neg:
		return
	case n != 1:
		ts.Fatalf("edit: %q occurs %d times in %s, want once", old, n, args[0])
	}
	ts.Check(os.WriteFile(name, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
}

// Setup gives a script its environment: no colour, no GitHub step summary, $PLANS
// (this repository's root, for scripts that need the shipped plans), and git with
// a home of its own, no system configuration and a fixed author, committer and date,
// so commits a script makes are the same on every machine.
func Setup(env *testscript.Env, plans string) {
	env.Setenv("NO_COLOR", "1")
	env.Setenv("GITHUB_STEP_SUMMARY", "")
	env.Setenv("PLANS", plans)
	env.Setenv("HOME", env.WorkDir)
	env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, who := range []string{"AUTHOR", "COMMITTER"} {
		env.Setenv("GIT_"+who+"_NAME", "Ana Planner")
		env.Setenv("GIT_"+who+"_EMAIL", "ana@example.org")
		env.Setenv("GIT_"+who+"_DATE", "2025-06-01T10:00:00Z")
	}
}

// repoRoot is the folder of this module's go.mod, found upwards from the test's
// working folder (its package folder).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("testkit: no go.mod above the test's folder")
		}
		dir = parent
	}
}

// ExitCode is the script command `exitcode N PROGRAM ARGS...`: it runs the program
// like exec and fails unless it exits with status N (exec only tells zero from
// non-zero, and usage errors must exit 2, not 1).
func ExitCode(ts *testscript.TestScript, neg bool, args []string) {
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
