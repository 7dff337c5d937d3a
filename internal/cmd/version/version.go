// Package version implements `hwfplan version` and `hwfplan --version`, which
// print the same line (internal/buildinfo).
package version

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/spf13/cobra"
)

// Line is what `hwfplan version` and `hwfplan --version` print: the build's
// version (f.Version), the commit it was built from, the Go release and the
// platform.
func Line(f *cmdutil.Factory) string {
	in := buildinfo.Get()
	in.Version = f.Version
	return in.Line("hwfplan")
}

// SetFlag gives the root command a --version flag that prints Line.
func SetFlag(root *cobra.Command, f *cmdutil.Factory) {
	root.Version = Line(f)
	root.SetVersionTemplate("{{.Version}}\n")
}

// NewCmdVersion prints the version of the build.
func NewCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of hwfplan",
		Long: `Print the version of hwfplan (a release such as v1.2.3, or dev- and the commit for a
build from a clone), the commit it was built from, the Go release and the platform.
hwfplan --version prints the same line.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(f.IOStreams.Out, Line(f))
			return err
		},
	}
}
