package testkit_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m, nil) }

// TestScripts checks the shared environment and the exitcode command.
func TestScripts(t *testing.T) { testkit.Run(t, "testdata/script", nil) }
