// Package provenance says which commit generated output comes from: its hash and its
// commit time. Reports and the site print these instead of the wall clock, so the
// same commit always builds byte-identical output.
package provenance

import (
	"fmt"
	"os"
	"time"

	"github.com/hwfplan/hwfplan/internal/gitrev"
)

// Info identifies the source of a build.
type Info struct {
	Commit string    // full hash; "" when the plans are not in a git repository
	Time   time.Time // commit time (UTC); the zero time when there is no commit
	Dirty  bool      // the working tree has uncommitted changes to plan files
}

// Short returns the abbreviated commit (its first 12 characters), or "" when the
// commit is unknown.
func (i Info) Short() string {
	return i.Commit[:min(12, len(i.Commit))]
}

// Date returns the commit date as "24 November 2026", or "" without a date.
func (i Info) Date() string {
	if i.Time.IsZero() {
		return ""
	}
	return i.Time.UTC().Format("2 January 2006")
}

// Label says in words where output comes from; it is the one wording of the
// provenance, on the site and in every report. hash formats the abbreviated
// commit (a Markdown code span, or nil for plain text):
//
//	commit 0123456789ab of 24 November 2026
//	commit 0123456789ab of 24 November 2026, with uncommitted changes
//	commit unknown, dated 24 November 2026   (outside git, with SOURCE_DATE_EPOCH)
//	commit unknown
func (i Info) Label(hash func(string) string) string {
	if hash == nil {
		hash = func(s string) string { return s }
	}
	date := i.Date()
	if i.Commit == "" {
		if date == "" {
			return "commit unknown"
		}
		return "commit unknown, dated " + date
	}
	s := "commit " + hash(i.Short())
	if date != "" {
		s += " of " + date
	}
	if i.Dirty {
		s += ", with uncommitted changes"
	}
	return s
}

// EnvCommit and EnvTime override what git says (for builds from an exported tree);
// SOURCE_DATE_EPOCH is honoured as the reproducible-builds convention.
const (
	EnvCommit = "HWFPLAN_SOURCE_COMMIT"
	EnvEpoch  = "SOURCE_DATE_EPOCH"
)

// Describe returns the HEAD commit of the repository at root. Outside a git
// repository it returns an Info with no commit and no error.
func Describe(root string) (Info, error) {
	var info Info
	r, err := gitrev.Open(root)
	if err == nil {
		defer r.Close()
		h, err := r.Resolve("HEAD")
		if err == nil {
			c, err := r.Commit(h)
			if err != nil {
				return info, fmt.Errorf("failed to read the HEAD commit: %w", err)
			}
			info.Commit = h.String()
			info.Time = c.Committer.When.UTC()
			info.Dirty = gitrev.Dirty(root, planInputs...)
		}
	}
	if v := os.Getenv(EnvCommit); v != "" {
		info.Commit = v
	}
	if v := os.Getenv(EnvEpoch); v != "" {
		var sec int64
		if _, err := fmt.Sscan(v, &sec); err != nil {
			return info, fmt.Errorf("failed to read %s=%q: %w", EnvEpoch, v, err)
		}
		info.Time = time.Unix(sec, 0).UTC()
	}
	return info, nil
}

// planInputs are the folders whose uncommitted changes make a build dirty.
var planInputs = []string{"countries", "clusters", "schema", "templates", "site"}
