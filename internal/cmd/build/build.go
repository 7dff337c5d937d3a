// Package build defines `hwfplan build`: its flags, help and options. The build
// itself is internal/publish (validate, compare, gather reports, downloads and
// revisions) and then internal/sitecli (render with Hugo, publish atomically),
// linked only into hwfplan-site so that hwfplan starts quickly; hwfplan passes the
// command on to hwfplan-site (see internal/cli).
package build

import (
	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/spf13/cobra"
)

// Options are the flags of `hwfplan build`.
type Options struct {
	Factory   *cmdutil.Factory
	Out       string
	BaseURL   string
	RepoURL   string
	Branch    string
	Revisions int
	PDF       bool
	AsOf      string
}

// NewCmdBuild builds `hwfplan build`.
// runF runs the build; a command tree without a renderer cannot be built.
func NewCmdBuild(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the static site from the plans",
		Long: `Validate the plans, compare the countries and clusters, and render the programme
site (Hugo, built in) into a folder: a page per country and cluster, the comparisons,
the reports, the methods and the data status, with offline search.

Invalid plans are refused with the validation output and nothing is published. The
new site replaces the old folder atomically, so a failed build leaves it untouched.
Two builds of the same commit are byte-identical.

Progress (KPIs on track, milestones due, actions on schedule) is measured as of
a report date: --as-of, else as_of in publication.yaml, else SOURCE_DATE_EPOCH,
else the date of the source commit; never today's date.

The site project is built into hwfplan; a site/ folder in the plans repository
overrides any of its files (layouts, CSS, configuration).

The rendering runs in hwfplan-site, the companion program that links Hugo and is
installed next to hwfplan (go install github.com/hwfplan/hwfplan/cmd/...): hwfplan
itself leaves Hugo out, so that validate and the other commands start quickly.`,
		Example: "  hwfplan build\n  hwfplan build --out /tmp/site --base-url https://example.org/hwf/",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runF(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "output `DIR` (default: public/ in the repository root)")
	cmd.Flags().StringVar(&opts.BaseURL, "base-url", "/", "`URL` the site is served from, e.g. https://example.org/hwf/")
	cmd.Flags().StringVar(&opts.RepoURL, "repo-url", buildinfo.DefaultRepoURL, "web `URL` of the plans repository, for \"edit this file\" links")
	cmd.Flags().StringVar(&opts.Branch, "branch", buildinfo.DefaultBranch, "`branch` the edit links open")
	cmd.Flags().IntVar(&opts.Revisions, "revisions", 10, "revisions listed per country (`N`; 0 for none)")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "measure progress as of this `date` (YYYY-MM-DD; default: as_of in publication.yaml)")
	cmd.Flags().BoolVar(&opts.PDF, "pdf", false, "also print the reports to PDF with headless Chromium (CHROME_PATH, or chromium on the PATH)")
	return cmd
}
