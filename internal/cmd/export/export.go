// Package export implements `hwfplan export`: the plans as tidy tables for
// analysts, as CSV, JSON or an XLSX workbook.
package export

import (
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/export"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/spf13/cobra"
)

// Options are the flags of `hwfplan export`.
type Options struct {
	Factory *cmdutil.Factory
	Format  string
	Out     string
	// AllowInvalid writes the tables from invalid plans, with a notice.
	AllowInvalid bool
}

// NewCmdExport builds `hwfplan export`.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "export --format csv|json|xlsx --out DIR",
		Short: "Export the plans as tidy tables for Excel, R or Python",
		Long: `Write the plans as tidy tables, one row per observation:

  countries       one row per country
  items           one row per country × framework item (raw and 0-1 scores, gap)
  actions         one row per action of the policy action plans
  kpis            one row per KPI of an action
  sustainability  one row per country × sustainability domain
  steps           one row per road-map step

csv and json write one file per table (<table>.csv, <table>.json); xlsx writes one
workbook, hwfplan.xlsx, with a sheet per table. CSV cells that start with = + - @
(other than plain numbers) get a leading ' so a spreadsheet does not run them as
formulas. See docs/export.md for every column.

DIR follows the rule of every --out (see README): it must be missing, empty, or a
folder hwfplan export made before. The new files are written into a folder next to
it, which then replaces it as a whole; files of another format are kept, so one DIR
can hold the CSV and the workbook.

Invalid plans are refused (exit 1), unless --allow-invalid is given: then every
export carries a notice listing the problems: a "notice" table (notice.csv,
notice.json, or the first sheet of the workbook).`,
		Example: "  hwfplan export --format xlsx --out export\n  hwfplan export --format csv --out export/csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format == "" {
				return cmdutil.FlagErrorf("--format is required: use one of %s", strings.Join(export.Formats, ", "))
			}
			if opts.Out == "" {
				return cmdutil.FlagErrorf("--out DIR is required")
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmdutil.ChoiceFlag(cmd, &opts.Format, "format", "f", "", export.Formats, "output `format`")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "output `DIR` (required)")
	cmd.Flags().BoolVar(&opts.AllowInvalid, cmdutil.AllowInvalidFlag, false, cmdutil.AllowInvalidUsage)
	return cmd
}

// Command is the command whose output folder an export folder is (see package outdir).
const Command = export.Command

// Run builds the tables and writes them.
func Run(opts *Options) error {
	root, err := opts.Factory.PlansRoot()
	if err != nil {
		return err
	}
	dir, err := outdir.Check(opts.Out, outdir.Options{Command: Command, Root: root})
	if err != nil {
		return err
	}
	plans, err := publish.Load(root, publish.Options{AllowInvalid: opts.AllowInvalid})
	if err != nil {
		return err
	}
	if _, err := opts.Factory.Problems(plans.Diagnostics, opts.AllowInvalid); err != nil {
		return err
	}
	tables, err := plans.Tables()
	if err != nil {
		return err
	}
	files, err := export.Files(tables, opts.Format)
	if err != nil {
		return err
	}
	if err := export.WriteDir(dir, files); err != nil {
		return err
	}
	rows := 0
	for _, t := range tables {
		rows += len(t.Rows)
	}
	fmt.Fprintf(opts.Factory.IOStreams.ErrOut, "wrote %d %s file(s), %d tables, %d rows to %s\n", len(files), opts.Format, len(tables), rows, opts.Out)
	return nil
}
