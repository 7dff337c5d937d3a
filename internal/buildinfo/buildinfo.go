// Package buildinfo says which release and commit a program was built from, in
// one place for hwfplan and hwfplan-site.
//
// A release build sets both with the linker (see .goreleaser.yaml):
//
//	-X github.com/hwfplan/hwfplan/internal/buildinfo.version=v1.2.3
//	-X github.com/hwfplan/hwfplan/internal/buildinfo.commit=<40 hex digits>
//
// Any other build falls back to what the Go toolchain records
// (runtime/debug.ReadBuildInfo): the module version for go install …@v1.2.3,
// and the git commit for a build from a clone.
package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Where the plans repository lives on the web, for "edit this file" links and the
// rule catalogue's links: the defaults of build's and serve's --repo-url and --branch.
// They live here, not in provenance, so that the validator (which links its rules)
// does not depend on git: it runs in the browser too.
const (
	DefaultRepoURL = "https://github.com/hwfplan/hwfplan"
	DefaultBranch  = "main"
)

// Set by the release build's -ldflags -X; empty otherwise.
var (
	version string
	commit  string
)

// Info is what a build knows about itself.
type Info struct {
	// Version is the release ("v1.2.3"), or for a build from a clone "dev-"
	// and the first 12 digits of the commit, or "dev".
	Version string
	// Commit is the full commit hash, "" when unknown (go install …@v1.2.3
	// records no commit). Modified is true when the work tree had uncommitted
	// changes.
	Commit   string
	Modified bool
}

// Get returns the running program's Info.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return resolve(version, commit, bi)
}

// Version is Get().Version.
func Version() string { return Get().Version }

// resolve puts Info together from the linker values and the toolchain's record
// (nil when the program has none); linker values win.
func resolve(ldVersion, ldCommit string, bi *debug.BuildInfo) Info {
	var in Info
	var modVersion string
	if bi != nil {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			modVersion = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				in.Commit = s.Value
			case "vcs.modified":
				in.Modified = s.Value == "true"
			}
		}
	}
	if ldCommit != "" {
		in.Commit, in.Modified = ldCommit, false
	}
	switch {
	case ldVersion != "":
		in.Version = ldVersion
	case modVersion != "":
		in.Version = modVersion
	case len(in.Commit) >= 12:
		in.Version = "dev-" + in.Commit[:12]
	default:
		in.Version = "dev"
	}
	return in
}

// Line is the one line `hwfplan version` and `hwfplan --version` print:
//
//	hwfplan v1.2.3 (commit 0123…cdef, go1.26.8, linux/amd64)
func (in Info) Line(program string) string {
	c := in.Commit
	switch {
	case c == "":
		c = "unknown"
	case in.Modified:
		c += ", modified"
	}
	return fmt.Sprintf("%s %s (commit %s, %s, %s/%s)", program, in.Version, c, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
