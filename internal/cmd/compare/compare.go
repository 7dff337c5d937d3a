// Package compare implements `hwfplan compare`: the country × task and cluster ×
// task tables of the as-is comparison, as aligned text, Markdown, CSV or JSON.
// The numbers come from internal/compare; this package only lays them out.
package compare

import (
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/comparefmt"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/spf13/cobra"
)

// Formats and groupings the command accepts.
var (
	Formats = comparefmt.Formats
	Bys     = []string{"country", "cluster"}
)

// Options are the flags of `hwfplan compare`.
type Options struct {
	Factory *cmdutil.Factory
	By      string
	Task    string
	Format  string
	// AllowInvalid compares invalid plans, with a notice.
	AllowInvalid bool
}

// NewCmdCompare builds `hwfplan compare`.
func NewCmdCompare(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Compare countries or clusters task by task",
		Long: `Compare the countries (or the learning clusters) task by task on the 0-1
normalised scale: each item's score becomes (score-min)/(max-min), a task's score is
the mean over its assessed items, and the gap is the to-be score minus the as-is score.

--by country shows the as-is and gap matrices and the distribution per task;
--by cluster shows each cluster's statistics, its difference from all countries and
the clusters that differ most. --task narrows everything to one task and, by
country, adds the ranking and the item scores.

Formats: text (aligned columns), markdown, csv (one tidy table), json (stable,
versioned; see docs/compare-json.md).

Invalid plans are refused (exit 1), unless --allow-invalid is given: then the output
starts with a notice listing the problems (in JSON, the "invalid" field; in CSV,
lines starting with #).`,
		Example: "  hwfplan compare\n  hwfplan compare --by cluster\n  hwfplan compare --task data --format markdown\n  hwfplan compare --format json > compare.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmdutil.ChoiceFlag(cmd, &opts.By, "by", "", "country", Bys, "compare by `WHAT`")
	cmd.Flags().StringVar(&opts.Task, "task", "", "only this task `ID` (from the framework)")
	cmdutil.ChoiceFlag(cmd, &opts.Format, "format", "f", "text", Formats, "output `format`")
	cmd.Flags().BoolVar(&opts.AllowInvalid, cmdutil.AllowInvalidFlag, false, cmdutil.AllowInvalidUsage)
	_ = cmd.RegisterFlagCompletionFunc("task", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return taskIDs(f), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// taskIDs lists the framework's task ids for completion; nothing when the
// repository cannot be read.
func taskIDs(f *cmdutil.Factory) []string {
	root, err := f.PlansRoot()
	if err != nil {
		return nil
	}
	fsys, err := load.DirFS(root)
	if err != nil {
		return nil
	}
	// Only the framework: completion must answer at once, whatever the plans.
	repo, _ := load.Load(fsys, load.Options{Skip: func(p string) bool { return p != framework.DefaultPath }})
	if repo == nil || repo.Framework == nil {
		return nil
	}
	var ids []string
	for _, t := range repo.Framework.Tasks {
		ids = append(ids, t.ID)
	}
	return ids
}

// Run computes the comparison and writes it to Out. Invalid plans are refused
// unless opts.AllowInvalid, when the output starts with a notice of the problems.
func Run(opts *Options) error {
	root, err := opts.Factory.PlansRoot()
	if err != nil {
		return err
	}
	plans, err := publish.Load(root, publish.Options{AllowInvalid: opts.AllowInvalid})
	if err != nil {
		return err
	}
	res, err := plans.Compare()
	if err != nil {
		return err
	}
	if opts.Task != "" {
		if _, err := res.Task(opts.Task); err != nil {
			return cmdutil.FlagErrorf("%v", err)
		}
	}
	problems, err := opts.Factory.Problems(plans.Diagnostics, opts.AllowInvalid)
	if err != nil {
		return err
	}
	return comparefmt.Write(opts.Factory.IOStreams.Out, res, comparefmt.Options{Format: opts.Format, By: opts.By, Task: opts.Task, Problems: problems})
}
