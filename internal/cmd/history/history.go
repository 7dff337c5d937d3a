// Package history implements `hwfplan history CODE`: the revisions that touched a
// country, what each changed in domain terms, and its task scores over time.
package history

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/iso3166"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/planhistory"
	"github.com/spf13/cobra"
)

// Options are the arguments and flags of `hwfplan history`.
type Options struct {
	IO   *iostreams.IOStreams
	Root func() (string, error)

	Code   string
	Rev    string
	Limit  int
	Format string
}

var codeRe = regexp.MustCompile(`^[A-Z]{2}$`)

// Formats are the output formats of history.
var Formats = []string{"text", "json"}

// NewCmdHistory builds `hwfplan history`.
func NewCmdHistory(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Root: f.Root}
	cmd := &cobra.Command{
		Use:   "history CODE|programme",
		Short: "List the revisions that changed a country's plans, with its scores over time",
		Long: `List the commits that changed countries/CODE, newest first: commit, author, date,
message and a one-line account of what changed in domain terms, then the country's
as-is and to-be task scores (0-1) after each revision. Renames of the folder are
followed. A shallow clone has no history: check out with fetch-depth: 0 in CI, or
run git fetch --unshallow.

hwfplan history programme lists the commits that changed programme/ (the EU
action plan, the policy dialogues, the Policy Board, the sustainability plan,
twinning and the knowledge repository) the same way, without scores.

The text output keeps each revision's summary in the user's cache folder
(hwfplan/history there, never in the repository), so the next run only walks the
history; HWFPLAN_CACHE=off turns that off. The JSON output is computed in full.`,
		Example: "  hwfplan history HU\n  hwfplan history HU --limit 10\n  hwfplan history HU --format json\n  hwfplan history programme",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = strings.ToUpper(args[0])
			if strings.EqualFold(args[0], plan.ProgrammeDir) {
				opts.Code = plan.ProgrammeDir
			} else if !codeRe.MatchString(opts.Code) {
				return cmdutil.FlagErrorf("%q is not a two-letter ISO country code like HU", args[0])
			}
			if opts.Limit < 0 {
				return cmdutil.FlagErrorf("--limit must be 0 (all) or more")
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Rev, "rev", "HEAD", "walk back from this `REVISION`")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 0, "show at most `N` revisions (0: all)")
	cmdutil.ChoiceFlag(cmd, &opts.Format, "format", "f", "text", Formats, "output `FORMAT`")
	cmd.ValidArgsFunction = f.CompleteCountry
	_ = cmd.RegisterFlagCompletionFunc("rev", f.CompleteRevision(0))
	return cmd
}

// Run walks the country's history and writes its revisions in the chosen format.
func Run(opts *Options) error {
	root, err := opts.Root()
	if err != nil {
		return err
	}
	repo, err := gitrev.Open(root)
	if err != nil {
		return err
	}
	defer repo.Close()
	start, err := repo.Resolve(opts.Rev)
	if err != nil {
		return err
	}
	popts := planhistory.Options{Limit: opts.Limit}
	if opts.Code == plan.ProgrammeDir {
		h, err := planhistory.Programme(repo, start, popts)
		if err != nil {
			return err
		}
		if opts.Format == "json" {
			return planhistory.WriteProgrammeJSON(opts.IO.Out, h)
		}
		if len(h.Entries) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "no revision of %s changed %s/\n", opts.Rev, plan.ProgrammeDir)
			return nil
		}
		return planhistory.WriteProgrammeText(opts.IO.Out, h)
	}
	if opts.Format != "json" {
		// The text shows no Changes, so summaries kept from earlier runs serve.
		popts.Store = planhistory.OpenStore()
	}
	h, err := planhistory.Country(repo, start, opts.Code, popts)
	if err != nil {
		return err
	}
	if len(h.Entries) == 0 {
		if err := knownCountry(repo, start, opts.Code, opts.Rev); err != nil {
			return err
		}
	}
	if opts.Format == "json" {
		return planhistory.WriteJSON(opts.IO.Out, h)
	}
	if len(h.Entries) == 0 {
		fmt.Fprintf(opts.IO.ErrOut, "no revision of %s changed countries/%s\n", opts.Rev, opts.Code)
		return nil
	}
	return planhistory.WriteText(opts.IO.Out, h)
}

// knownCountry returns a usage error when no revision has countries/CODE and the
// start revision has no such folder: the code is mistyped or unknown. It suggests
// the close codes of the countries there, else lists them all.
func knownCountry(repo *gitrev.Repo, start gitrev.Hash, code, rev string) error {
	h, _, err := repo.Tree(start, model.CountriesDir+"/"+code)
	if err != nil || !h.IsZero() {
		return err
	}
	_, entries, err := repo.Tree(start, model.CountriesDir)
	if err != nil {
		return err
	}
	var codes []string
	for _, e := range entries {
		if e.Mode.IsDir() {
			codes = append(codes, e.Name)
		}
	}
	msg := fmt.Sprintf("there is no country %s: %s has no folder %s/%s and no earlier revision had one", code, rev, model.CountriesDir, code)
	if close := iso3166.Close(code, codes); len(close) > 0 {
		return cmdutil.FlagErrorf("%s; did you mean %s?", msg, strings.Join(close, " or "))
	}
	if len(codes) > 0 {
		return cmdutil.FlagErrorf("%s; the countries are %s", msg, strings.Join(codes, ", "))
	}
	return cmdutil.FlagErrorf("%s; %s has no countries", msg, rev)
}
