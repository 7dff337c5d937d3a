package diff

import (
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/planrev"
)

// loadBoth loads the two sides.
func loadBoth(old, new planrev.Revision, oldRepo, newRepo **load.Repo) (oldDS, newDS []diag.Diagnostic) {
	*oldRepo, oldDS = old.Load()
	*newRepo, newDS = new.Load()
	return oldDS, newDS
}
