package cli

import (
	"os/exec"
	"strings"
	"testing"
)

// TestHwfplanLeavesHugoOut keeps the site renderer's dependencies out of hwfplan:
// Go initialises every linked package at start, and Hugo's (inflection tables,
// syntax highlighters, ...) cost about 50 ms on every command, validate included.
// They belong in hwfplan-site.
func TestHwfplanLeavesHugoOut(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/hwfplan/hwfplan/cmd/hwfplan").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	banned := []string{"github.com/gohugoio", "github.com/gobuffalo/flect", "github.com/alecthomas/chroma",
		"github.com/hwfplan/hwfplan/internal/site", "github.com/hwfplan/hwfplan/internal/sitecli"}
	for _, pkg := range strings.Fields(string(out)) {
		for _, b := range banned {
			if pkg == b || strings.HasPrefix(pkg, b+"/") {
				t.Errorf("hwfplan links %s; only hwfplan-site may", pkg)
			}
		}
	}
}
