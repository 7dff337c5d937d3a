// Package report implements `hwfplan report as-is|sustainability|models|skills|stakeholders|data|progress`.
package report

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/hwfplan/hwfplan/internal/provenance"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/hwfplan/hwfplan/internal/report"
	"github.com/spf13/cobra"
)

// Options are the flags and arguments of `hwfplan report`.
type Options struct {
	Factory *cmdutil.Factory
	Name    string
	OutDir  string
	PDF     bool
	// AllowInvalid writes the report from invalid plans, with a notice.
	AllowInvalid bool
	// Getenv reads CHROME_PATH (tests replace it).
	Getenv func(string) string
	// Source overrides the commit read from git (tests).
	Source *provenance.Info
	// AsOf is the report date the progress report measures at (--as-of).
	AsOf string
	// Lang is the language to write the report in (--lang); "" is English.
	Lang string
}

// Command is the command whose output folder a report folder is (see package outdir).
const Command = "report"

// NewCmdReport builds `hwfplan report`.
func NewCmdReport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, Getenv: os.Getenv}
	cmd := &cobra.Command{
		Use:       "report {" + strings.Join(report.KindNames(), "|") + "} --out DIR",
		Short:     "Build a report (as-is, sustainability, models, skills, stakeholders, data, progress) as Markdown, HTML and PDF",
		ValidArgs: report.KindNames(),
		Long: `Build one of the programme's reports from the plans:

  as-is           country level, cross-country and cross-cluster comparison
  sustainability  sustainability factors, readiness, what continues and with what budget
  models          planning models in use: types, professions covered, horizons, owners
  skills          planners' competencies as is and to be, planning staff, training actions
  stakeholders    stakeholder types, power and willingness, planning committees and who
                  took part in the policy dialogues
  data            data sources by kind, profession and update frequency; coverage of
                  the minimum planning data set by country and cluster
  progress        the plans followed up as of a report date: actions on schedule,
                  milestones met, budgets secured, KPIs on track, to-be targets
                  reached in the latest assessment round; by country, cluster, task

The progress report measures as of --as-of, else as_of in publication.yaml, else
the day of SOURCE_DATE_EPOCH, else the day of the source commit; never the clock.

DIR receives <name>.md (with its figures in <name>-figures/) and a self-contained
<name>.html (inline CSS and SVG, no network). With --pdf, <name>.pdf is printed from
the HTML with headless Chromium (CHROME_PATH, or chromium / google-chrome on the PATH).

--lang writes the report in another language: its text from the message bundle
site/i18n/<lang>.yaml (the site's), the framework's titles from
schema/framework.<lang>.yaml (English where a text is not translated), dates and
numbers in the language's conventions (0,25 in German). The first page says when
the translation is not yet reviewed by the country team, and what is still in
English (see docs/translations.md).

The reports are written from templates/<name>.md.tmpl and templates/report.css; a
file of that name in the plans repository's templates/ folder replaces the built-in
one. The title page names the source commit and its date, so the same commit always
gives the same files.

DIR follows the rule of every --out (see README): it must be missing, empty, or a
folder hwfplan report made before; it is replaced as a whole, keeping the files of
the other report. Invalid plans are refused, unless --allow-invalid is given: then
every file starts with a notice listing the problems.

Exit codes: 0 written; 1 the plans are invalid (nothing is written); 2 usage error,
an --out folder that may not be replaced, no Chromium for --pdf, or the report could
not be built (nothing is written then).`,
		Example: "  hwfplan report as-is --out public/reports\n  hwfplan report sustainability --out public/reports --pdf\n  hwfplan report as-is --lang hu --out public/reports/hu --pdf",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cmdutil.FlagErrorf("name one report: %s", strings.Join(report.KindNames(), ", "))
			}
			if !slices.Contains(report.KindNames(), args[0]) {
				return &cmdutil.FlagError{Err: report.UnknownKind(args[0])}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if opts.OutDir == "" {
				return cmdutil.FlagErrorf("--out DIR is required")
			}
			if opts.Lang != "" && !slices.Contains(report.Languages(), opts.Lang) {
				return &cmdutil.FlagError{Err: fmt.Errorf("--lang: %w", report.UnknownLanguage(opts.Lang))}
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.OutDir, "out", "o", "", "output `DIR` (created if missing)")
	cmd.Flags().BoolVar(&opts.PDF, "pdf", false, "also print <name>.pdf with headless Chromium")
	cmd.Flags().BoolVar(&opts.AllowInvalid, cmdutil.AllowInvalidFlag, false, cmdutil.AllowInvalidUsage)
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "write the report in this `language` ("+strings.Join(report.Languages(), ", ")+"; default: en)")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "measure the progress report as of this `date` (YYYY-MM-DD; default: as_of in publication.yaml)")
	return cmd
}

// Run builds the report and writes its files.
func Run(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	io := opts.Factory.IOStreams
	root, err := opts.Factory.PlansRoot()
	if err != nil {
		return err
	}
	dir, err := outdir.Check(opts.OutDir, outdir.Options{Command: Command, Root: root})
	if err != nil {
		return err
	}
	chromium := ""
	if opts.PDF {
		// Look for the browser first, so a missing one costs nothing and leaves no files.
		p, err := report.FindChromium(opts.Getenv)
		if err != nil {
			fmt.Fprintf(io.ErrOut, "error: %s\n", escape.Lines(err.Error()))
			return &cmdutil.ExitError{Code: cmdutil.ExitUsage}
		}
		chromium = p
	}
	plans, err := publish.Load(root, publish.Options{AllowInvalid: opts.AllowInvalid, AsOf: opts.AsOf, Lang: opts.Lang})
	if err != nil {
		return err
	}
	if _, err := opts.Factory.Problems(plans.Diagnostics, opts.AllowInvalid); err != nil {
		return err
	}
	if _, err := plans.Compare(); err != nil {
		return err
	}
	src, err := plans.Source()
	if err != nil {
		return err
	}
	if opts.Source != nil {
		src = *opts.Source
	}
	files, err := plans.Report(opts.Name, src)
	if err != nil {
		return err
	}
	if opts.PDF {
		fmt.Fprintf(io.ErrOut, "printing %s.pdf with %s\n", opts.Name, chromium)
		pdf, err := plans.PDF(ctx, opts.Name, files[opts.Name+".html"], chromium, src)
		if err != nil {
			return err
		}
		files[opts.Name+".pdf"] = pdf
	}
	// The other report's files in DIR are kept; this report's are replaced.
	keep := func(name string) bool {
		return !strings.HasPrefix(name, opts.Name+".") && !strings.HasPrefix(name, opts.Name+"-")
	}
	err = outdir.Replace(dir, Command, func(tmp string) error {
		for n, data := range files {
			p := filepath.Join(tmp, filepath.FromSlash(n))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return fmt.Errorf("failed to create %s: %w", filepath.Dir(p), err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return fmt.Errorf("failed to write %s: %w", p, err)
			}
		}
		return nil
	}, keep)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		if path.Dir(n) == "." {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintln(io.Out, filepath.Join(opts.OutDir, n))
	}
	return nil
}
