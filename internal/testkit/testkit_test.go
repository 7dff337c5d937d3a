package testkit_test

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m, nil) }

// TestScripts checks the shared environment and the exitcode command.
func TestScripts(t *testing.T) { testkit.Run(t, "testdata/script", nil) }

// TestOneKit keeps the test kit single: scripts run through testkit, -update is
// golden's flag, flag tests parse with cmdtest, and the English helpers live in words. It reads every Go file of
// the module (tools/ is a module of its own).
func TestOneKit(t *testing.T) {
	root := filepath.Join("..", "..")
	rules := []struct{ text, home, use string }{
		{"testscript.Main(", "internal/testkit", "testkit.Main"},
		{"testscript.Run(", "internal/testkit", "testkit.Run"},
		{"testscript.RunMain(", "internal/testkit", "testkit.Main"},
		{`flag.Bool("update"`, "internal/golden", "golden.Check or golden.CheckSection"},
		{"func plural(", "internal/words", "words.Plural or words.Count"},
		{"func joinAnd(", "internal/words", "words.JoinAnd"},
		{"{ got = o; return nil }", "internal/cmdutil/cmdtest", "cmdtest.Parse"},
	}
	files := 0
	for _, rel := range testkit.GoFiles(t, root) {
		if strings.HasPrefix(rel, "tools/") || rel == "internal/testkit/testkit_test.go" {
			continue
		}
		files++
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rules {
			if strings.Contains(string(data), r.text) && path.Dir(rel) != r.home {
				t.Errorf("%s: %s belongs in %s; use %s", rel, r.text, r.home, r.use)
			}
		}
	}
	if files < 100 {
		t.Fatalf("only %d Go files checked", files)
	}
}
