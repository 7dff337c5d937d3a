package diff_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m, nil) }

// TestScripts runs testdata/script/*.txtar end to end: real git repositories made
// by the scripts, `hwfplan diff` and `hwfplan history`, their output and exit codes.
func TestScripts(t *testing.T) { testkit.Run(t, "testdata/script", nil) }
