package cli_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/sitecli"
	"github.com/hwfplan/hwfplan/internal/testkit"
)

// The scripts run both programs as separate processes, as installed: hwfplan
// (without Hugo) hands build and serve over to hwfplan-site, found on the PATH.
func TestMain(m *testing.M) {
	testkit.Main(m, map[string]func() int{"hwfplan-site": sitecli.Main})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real command
// line, its output streams and its exit codes, on small repositories; $PLANS is
// this repository's root, for the scripts that need the shipped plans.
func TestScripts(t *testing.T) { testkit.Run(t, "testdata/script", nil) }
