// Package cli runs the hwfplan command line: it builds the command tree, runs it,
// and turns errors into messages and exit codes in one place.
//
// hwfplan does not link the site renderer: `build` and `serve` are handed over to
// hwfplan-site (see Delegate), which runs the same command tree with Hugo.
package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/cmd/root"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/escape"
)

// Main runs hwfplan with the process's arguments and returns the exit code.
func Main() int {
	return Run(Delegate(SystemLocator()))
}

// Run runs the command tree with the process's arguments and the given renderers,
// and returns the exit code.
func Run(r root.Renderers) int {
	f := cmdutil.New(Version())
	cmd := root.NewCmdRoot(f, r)
	failed, err := cmd.ExecuteC()
	if err == nil {
		return cmdutil.ExitOK
	}
	if code, ok := cmdutil.IsSilent(err); ok {
		return code
	}
	var fe *cmdutil.FlagError
	// cobra's unknown-command error has no type of its own.
	if errors.As(err, &fe) || strings.HasPrefix(err.Error(), "unknown command ") {
		fmt.Fprintf(f.IOStreams.ErrOut, "hwfplan: %s\n", escape.Lines(err.Error()))
		// Point at the help of the command that was mistyped, not the whole tool's.
		fmt.Fprintf(f.IOStreams.ErrOut, "Run '%s --help' for usage.\n", failed.CommandPath())
		return cmdutil.ExitUsage
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "hwfplan: %s\n", escape.Lines(err.Error()))
	return cmdutil.ExitUsage
}

// Version is the build's version (internal/buildinfo): the release, or dev- and
// the commit for a build from a clone.
func Version() string { return buildinfo.Version() }
