// Package diff implements `hwfplan diff`: what a revision changed in the plans, in
// domain terms, as text, a pull-request comment (markdown) or JSON.
package diff

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/iso3166"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/planrev"
	"github.com/hwfplan/hwfplan/internal/usercache"
	"github.com/spf13/cobra"
)

// Options are the arguments and flags of `hwfplan diff`.
type Options struct {
	IO   *iostreams.IOStreams
	Root func() (string, error)

	Revisions []string
	Base      string
	Countries []string
	Format    string
	WordDiff  bool
	ExitCode  bool
}

// NewCmdDiff builds `hwfplan diff`.
func NewCmdDiff(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Root: f.Root}
	cmd := &cobra.Command{
		Use:   "diff [REV_A [REV_B]]",
		Short: "Show what a revision changed in the plans, in domain terms",
		Long: `Show what changed between two revisions of the plans, matched by declared ids:
item scores and targets, evidence edits, road map steps and actions (field by field),
dates, statuses and budgets (with the total), stakeholders and data sources, data
status, countries and clusters.

Revisions are read straight from git, without a checkout:
  no argument   the merge base with the main branch (--base) → the working tree
  REV_A         REV_A → the working tree
  REV_A REV_B   REV_A → REV_B
  A...B         the merge base of A and B → B
WORKTREE names the working tree. In CI, check out the full history (fetch-depth: 0).

A plan file that exists but cannot be read on either side (a tab, a syntax error, a
value of the wrong type) is listed as unreadable with its diagnostic and left out of
the comparison, never shown as removed; the diff then exits 1. --country takes codes
of country folders in either revision.

A diff of two commits is kept in the user's cache folder (hwfplan/diff there, never
in the repository), keyed by the commits, labels and options, so asking again answers
at once; HWFPLAN_CACHE=off turns that off. The working tree is always compared anew.`,
		Example: `  hwfplan diff
  hwfplan diff --country HU main
  hwfplan diff --format markdown origin/main...HEAD > comment.md
  hwfplan diff --format json --exit-code v1.0 v1.1`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Revisions = args
			for i, c := range opts.Countries {
				opts.Countries[i] = strings.ToUpper(strings.TrimSpace(c))
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Base, "base", "main", "main `BRANCH` whose merge base is compared when no revision is given (origin/BRANCH is tried too)")
	fl.StringSliceVarP(&opts.Countries, "country", "c", nil, "only these countries (ISO `CODE`, repeatable or comma-separated)")
	cmdutil.ChoiceFlag(cmd, &opts.Format, "format", "f", "text", plandiff.Formats, "output `FORMAT`")
	fl.BoolVar(&opts.WordDiff, "word-diff", false, "show a word diff of edited evidence and descriptions")
	fl.BoolVar(&opts.ExitCode, "exit-code", false, "exit 1 when there are changes, 0 when there are none")
	cmd.ValidArgsFunction = f.CompleteRevision(2, planrev.WorkTree)
	_ = cmd.RegisterFlagCompletionFunc("country", f.CompleteCountryList)
	_ = cmd.RegisterFlagCompletionFunc("base", f.CompleteRevision(0))
	return cmd
}

// Run compares the two revisions and writes what changed in the chosen format.
func Run(opts *Options) error {
	w, err := plandiff.NewWriter(opts.Format)
	if err != nil {
		return err
	}
	root, err := opts.Root()
	if err != nil {
		return err
	}
	repo, err := gitrev.Open(root)
	if err != nil {
		return err
	}
	defer repo.Close()
	old, new, err := planrev.Sides(repo, root, opts.Revisions, opts.Base)
	if err != nil {
		return err
	}
	if err := checkCountries(opts.Countries, planrev.CountryCodes(old, new)); err != nil {
		return err
	}
	res, err := kept(repo, old, new, opts, func() (result, error) {
		report, err := Compare(repo, old, new, plandiff.Options{Countries: opts.Countries, WordDiff: opts.WordDiff})
		if err != nil {
			return result{}, err
		}
		var b bytes.Buffer
		if err := w.Write(&b, report); err != nil {
			return result{}, fmt.Errorf("failed to write the report: %w", err)
		}
		return result{out: b.Bytes(), unreadable: len(report.Unreadable), empty: report.Empty()}, nil
	})
	if err != nil {
		return err
	}
	if _, err := opts.IO.Out.Write(res.out); err != nil {
		return fmt.Errorf("failed to write the report: %w", err)
	}
	if n := res.unreadable; n > 0 {
		// The report is incomplete: a script or CI job must not take it for the
		// whole story, with or without --exit-code.
		what := "1 plan file could not be read"
		if n > 1 {
			what = fmt.Sprintf("%d plan files could not be read", n)
		}
		fmt.Fprintf(opts.IO.ErrOut, "hwfplan: the comparison is incomplete: %s (listed in the report as unreadable)\n", what)
		return cmdutil.ErrSilent
	}
	if opts.ExitCode && !res.empty {
		return cmdutil.ErrSilent
	}
	return nil
}

// result is a diff as written, and what its exit status depends on.
type result struct {
	out        []byte
	unreadable int  // plan files that could not be read
	empty      bool // no changes
}

// kept returns the result of compute, from the user's cache folder (usercache) when
// both sides are commits and this build wrote it before. A diff of two commits
// depends only on the commits (their hashes fix the content), where the plans sit
// in the git tree, the labels and the options; together they are the key. The
// working tree is not kept: its content has no hash until it is read.
func kept(repo *gitrev.Repo, old, new planrev.Revision, opts *Options, compute func() (result, error)) (result, error) {
	if old.Hash.IsZero() || new.Hash.IsZero() {
		return compute()
	}
	dir := usercache.Open("diff")
	if dir == nil {
		return compute()
	}
	prefix, err := filepath.Rel(repo.Top(), repo.Root())
	if err != nil {
		return compute()
	}
	key := strings.Join([]string{"diff-1", filepath.ToSlash(prefix), old.Hash.String(), new.Hash.String(), old.Label, new.Label,
		opts.Format, strconv.FormatBool(opts.WordDiff), strings.Join(opts.Countries, ",")}, "\x00")
	if data, ok := dir.Read(key); ok {
		head, out, ok := bytes.Cut(data, []byte("\n"))
		var res result
		if n, err := fmt.Sscanf(string(head), "%d %t", &res.unreadable, &res.empty); ok && err == nil && n == 2 {
			res.out = out
			return res, nil
		}
	}
	res, err := compute()
	if err != nil {
		return res, err
	}
	dir.Write(key, append([]byte(fmt.Sprintf("%d %t\n", res.unreadable, res.empty)), res.out...))
	return res, nil
}

// Compare loads both revisions and diffs them. Only what differs is loaded: country
// folders identical on both sides are not read at all, and in the others only the
// files that differ (and country.yaml, which names the country); what both sides
// share (country.yaml, the framework) is parsed once. A file that cannot be read on
// either side is listed as unreadable and left out; other loader errors in what
// was loaded are carried in the report as problems.
func Compare(repo *gitrev.Repo, old, new planrev.Revision, opts plandiff.Options) (*plandiff.Report, error) {
	delta, err := planrev.Changes(repo, old, new, opts.Countries)
	if err != nil {
		return nil, err
	}
	// Each load parses on all cores; a git revision is read from one goroutine at a
	// time, so the two sides are loaded one after the other on the same handle.
	oldRepo, oldDS := old.LoadDelta(delta)
	newRepo, newDS := new.LoadDelta(delta)
	return plandiff.DiffRevisions(plandiff.Revision{Label: old.Label, Repo: oldRepo, Diags: oldDS},
		plandiff.Revision{Label: new.Label, Repo: newRepo, Diags: newDS}, opts), nil
}

// checkCountries refuses a --country that names no country folder of either
// revision (a typo would otherwise read as "no plan changes"), with the close codes
// (as history suggests them) or the list of codes.
func checkCountries(asked, codes []string) error {
	for _, c := range asked {
		if slices.Contains(codes, c) {
			continue
		}
		hint := ""
		switch close := iso3166.Close(c, codes); {
		case len(close) > 0:
			hint = fmt.Sprintf("; did you mean %s?", strings.Join(close, " or "))
		case len(codes) > 0:
			hint = "; the countries are " + strings.Join(codes, ", ")
		}
		return cmdutil.FlagErrorf("--country %q: neither revision has a folder countries/%s%s", c, c, hint)
	}
	return nil
}
