// Package cmdtest checks a command's flags and arguments without running it: the
// command is built with a run function that only keeps the options it is given.
package cmdtest

import (
	"io"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/spf13/cobra"
)

// Parse builds a command with newCmd (NewCmdX of a command package), executes it
// on args with its help and errors discarded, and returns the options its run
// function received (nil when it was not reached) and Execute's error. f nil
// means a Factory with test streams.
func Parse[O any](f *cmdutil.Factory, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args []string) (*O, error) {
	if f == nil {
		ios, _, _, _ := iostreams.Test()
		f = &cmdutil.Factory{IOStreams: ios}
	}
	var got *O
	cmd := newCmd(f, func(o *O) error { got = o; return nil })
	cmd.SetArgs(append([]string{}, args...)) // never nil: cobra would read os.Args
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	return got, cmd.Execute()
}
