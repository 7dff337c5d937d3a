package export_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/compare/comparetest"
	"github.com/hwfplan/hwfplan/internal/testkit"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) { testkit.Main(m, nil) }

// TestScripts runs testdata/script/*.txtar end to end on the mini fixture
// (internal/compare/comparetest), written into each script's work folder.
func TestScripts(t *testing.T) {
	testkit.Run(t, "testdata/script", func(env *testscript.Env) error {
		return comparetest.WriteTo(env.WorkDir)
	})
}
