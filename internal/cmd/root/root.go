// Package root assembles the hwfplan command tree.
package root

import (
	buildcmd "github.com/hwfplan/hwfplan/internal/cmd/build"
	"github.com/hwfplan/hwfplan/internal/cmd/codeowners"
	comparecmd "github.com/hwfplan/hwfplan/internal/cmd/compare"
	"github.com/hwfplan/hwfplan/internal/cmd/diff"
	"github.com/hwfplan/hwfplan/internal/cmd/docs"
	exportcmd "github.com/hwfplan/hwfplan/internal/cmd/export"
	"github.com/hwfplan/hwfplan/internal/cmd/fmtcmd"
	"github.com/hwfplan/hwfplan/internal/cmd/history"
	"github.com/hwfplan/hwfplan/internal/cmd/newcountry"
	reportcmd "github.com/hwfplan/hwfplan/internal/cmd/report"
	"github.com/hwfplan/hwfplan/internal/cmd/schemacmd"
	"github.com/hwfplan/hwfplan/internal/cmd/serve"
	"github.com/hwfplan/hwfplan/internal/cmd/validate"
	"github.com/hwfplan/hwfplan/internal/cmd/version"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/spf13/cobra"
)

// Renderers run the two commands that render the site with Hugo. hwfplan-site
// (internal/sitecli) runs them in process; hwfplan (internal/cli) hands them
// over to hwfplan-site, so that Hugo is not linked into hwfplan.
type Renderers struct {
	Build func(*buildcmd.Options) error
	Serve func(*serve.Options) error
}

// NewCmdRoot builds the whole command tree on a Factory.
func NewCmdRoot(f *cmdutil.Factory, r Renderers) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hwfplan",
		Short: "Keep national health workforce plans as code",
		Long: `hwfplan keeps the HEROES health workforce plans — each country's as-is assessment,
to-be targets, to-do road map and policy action plan — as schema-validated YAML in git.
It validates them, compares countries and clusters, builds the reports and the site,
and shows reviewers what a revision changed.`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	version.SetFlag(cmd, f)
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.PersistentFlags().StringVar(f.RootFlag, "root", "", "plans repository `DIR` (default: the enclosing git work tree)")
	_ = cmd.MarkPersistentFlagDirname("root")
	cmd.PersistentFlags().Var(f.IOStreams.ColorFlag(), "color", "colour the output: `WHEN` is auto (on a terminal, unless NO_COLOR is set), always or never")
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(iostreams.ColorModes, cobra.ShellCompDirectiveNoFileComp))
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &cmdutil.FlagError{Err: err} })

	cmd.AddCommand(
		validate.NewCmdValidate(f, nil),
		buildcmd.NewCmdBuild(f, r.Build),
		serve.NewCmdServe(f, r.Serve),
		comparecmd.NewCmdCompare(f, nil),
		exportcmd.NewCmdExport(f, nil),
		newcountry.NewCmdNew(f, nil),
		schemacmd.NewCmdSchema(f, nil),
		version.NewCmdVersion(f),
		docs.NewCmdDocs(f, nil),
		diff.NewCmdDiff(f, nil),
		history.NewCmdHistory(f, nil),
		codeowners.NewCmdCodeowners(f, nil),
		reportcmd.NewCmdReport(f, nil),
		fmtcmd.NewCmdFmt(f, nil),
	)
	return cmd
}
