// Package version implements `hwfplan version`.
package version

import (
	"fmt"
	"runtime"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdVersion prints the version of the build.
func NewCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of hwfplan",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(f.IOStreams.Out, "hwfplan %s (%s, %s/%s)\n", f.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
