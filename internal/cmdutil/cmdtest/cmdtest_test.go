package cmdtest

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/spf13/cobra"
)

type options struct{ Name string }

func newCmd(f *cmdutil.Factory, runF func(*options) error) *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{
		Use:  "x",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runF(o) },
	}
	cmd.Flags().StringVar(&o.Name, "name", "", "a name")
	return cmd
}

func TestParse(t *testing.T) {
	got, err := Parse(nil, newCmd, []string{"--name", "HU"})
	if err != nil || got == nil || got.Name != "HU" {
		t.Fatalf("Parse = %+v, %v", got, err)
	}
	// No args is no arguments, not the test binary's own.
	if got, err := Parse(nil, newCmd, nil); err != nil || got == nil || got.Name != "" {
		t.Fatalf("Parse(nil) = %+v, %v", got, err)
	}
	if got, err := Parse(nil, newCmd, []string{"--nope"}); err == nil || got != nil {
		t.Fatalf("an unknown flag must fail before the run function: %+v, %v", got, err)
	}
}
