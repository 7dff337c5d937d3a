package testkit_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m, nil) }

// TestScripts checks the shared environment and the exitcode command.
func TestScripts(t *testing.T) { testkit.Run(t, "testdata/script", nil) }

// TestOneKit keeps the test kit single: scripts run through testkit, -update is
// golden's flag, flag tests parse with cmdtest, test repositories are made by
// gittest (gitrev's own tests and benchgen read with git too), and the English
// helpers live in words. It reads every Go file of the module (tools/ is a
// module of its own); a rule's home is a folder and the folders below it.
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
		{`exec.Command("git"`, "internal/gitrev", "gittest.New or gittest.NewAt"},
		{`exec.Command("git"`, "internal/benchgen", "gittest.New or gittest.NewAt"},
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
		homes := map[string][]string{} // rule text → its homes
		for _, r := range rules {
			homes[r.text] = append(homes[r.text], r.home)
		}
		for _, r := range rules {
			if !strings.Contains(string(data), r.text) || slices.ContainsFunc(homes[r.text], func(h string) bool { return strings.HasPrefix(rel, h+"/") }) {
				continue
			}
			if homes[r.text][0] == r.home { // one error per text
				t.Errorf("%s: %s belongs in %s; use %s", rel, r.text, strings.Join(homes[r.text], " or "), r.use)
			}
		}
	}
	if files < 100 {
		t.Fatalf("only %d Go files checked", files)
	}
}
