package validate_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m, nil) }

// TestScripts runs testdata/script/*.txtar end to end: flags, output, exit status.
func TestScripts(t *testing.T) { testkit.Run(t, "testdata/script", nil) }
