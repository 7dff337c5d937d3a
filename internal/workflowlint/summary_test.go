package workflowlint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Dir is where the workflows live, relative to the repository root.
const Dir = ".github/workflows"

// TestValidateSummaryOnce: hwfplan validate --format github already appends its
// Markdown report to GITHUB_STEP_SUMMARY, so a workflow that also appends
// --format markdown shows the report twice in the job summary.
func TestValidateSummaryOnce(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", filepath.FromSlash(Dir), "*.y*ml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if strings.Contains(s, "validate --format github") && strings.Contains(s, "validate --format markdown") {
			t.Errorf("%s: runs validate --format github, which writes the job summary, and validate --format markdown too", filepath.Base(f))
		}
	}
}
