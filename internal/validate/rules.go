package validate

import (
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
)

// semantic runs the rules that span files. Files in broken (failed to load or
// failed their schema) are skipped, so one mistake is not reported twice.
func semantic(fw *framework.Framework, repo *load.Repo, broken map[string]bool, opts Options) []diag.Diagnostic {
	return nil
}
