// Package validate implements `hwfplan validate`.
package validate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/diagfmt"
	"github.com/hwfplan/hwfplan/internal/governance"
	"github.com/hwfplan/hwfplan/internal/iso3166"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/validate"
	"github.com/spf13/cobra"
)

// Options are the flags and arguments of `hwfplan validate`.
type Options struct {
	Factory *cmdutil.Factory
	Paths   []string
	Format  string
	Strict  bool
	// ChangedSince names a revision: report which countries the change since it
	// touches, and warn when it touches several.
	ChangedSince string

	// Now gives today's date for the rules that compare with it (tests fix it).
	Now func() time.Time
	// Getenv reads GITHUB_STEP_SUMMARY (tests replace it).
	Getenv func(string) string
}

// NewCmdValidate builds `hwfplan validate`.
func NewCmdValidate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, Now: time.Now, Getenv: os.Getenv}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check the plan files against their schema and the rules across files",
		Long: `Check every plan file — country.yaml, as-is.yaml, to-be.yaml, to-do.yaml,
action-plan.yaml and the cluster files — against its JSON Schema and the rules that
span files, and report every problem at once with file:line:col.

With PATH arguments (files or folders), only problems in those paths are reported;
the whole repository is still read, because rules span files.

Formats: text (default; colour on a terminal unless NO_COLOR is set, see --color),
json (see docs/validate-json.md), github (workflow annotations; with
GITHUB_STEP_SUMMARY set, the markdown report is appended to the job summary too),
sarif (2.1.0) and markdown.

With --changed-since REV (in CI: the pull request's base branch), it also names the
countries whose folders the change touches (committed since REV, staged, unstaged
and untracked), and warns when one change touches several countries' folders:
each country team approves only its own folder.

Exit codes: 0 valid (warnings allowed unless --strict), 1 invalid, 2 usage error.`,
		Example: "  hwfplan validate\n  hwfplan validate countries/HU\n  hwfplan validate --format github --strict\n  hwfplan validate --changed-since origin/main",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmdutil.ChoiceFlag(cmd, &opts.Format, "format", "f", "text", diagfmt.Formats, "output `format`")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat warnings as errors (exit 1)")
	cmd.Flags().StringVar(&opts.ChangedSince, "changed-since", "", "also report the countries changed since `REV` (e.g. origin/main)")
	_ = cmd.RegisterFlagCompletionFunc("changed-since", f.CompleteRevision(0))
	cmd.ValidArgsFunction = f.CompletePlanPath
	return cmd
}

// Run validates and writes the diagnostics.
func Run(opts *Options) error {
	io := opts.Factory.IOStreams
	wopts := diagfmt.Options{Out: io.Out, Status: io.ErrOut, Color: io.ColorEnabled(), Strict: opts.Strict,
		Rules: validate.Rules(), ToolVersion: opts.Factory.Version}
	if _, err := diagfmt.New(opts.Format, wopts); err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	root, repo, loadDiags, err := opts.Factory.LoadRepo()
	if err != nil {
		return err
	}
	ds, err := validate.Validate(repo, loadDiags, validate.Options{Today: opts.Now().Format(time.DateOnly)})
	if err != nil {
		return fmt.Errorf("failed to validate: %w", err)
	}
	wopts.PathPrefix = cmdutil.RepoPrefix(root)
	ds, err = filterPaths(root, ds, opts.Paths)
	if err != nil {
		return err
	}
	if opts.ChangedSince != "" {
		change, cds, err := governance.ChangedCountries(context.Background(), root, opts.ChangedSince)
		if err != nil {
			return err // governance names the revision and what to do
		}
		ds = append(ds, cds...)
		diag.Sort(ds)
		if len(change.Countries) > 0 {
			fmt.Fprintf(io.ErrOut, "changed countries: %s\n", strings.Join(change.Countries, ", "))
		} else {
			fmt.Fprintf(io.ErrOut, "changed countries: none (%d changed files outside countries/)\n", len(change.Shared))
		}
	}
	if opts.Format == "github" {
		if p := opts.Getenv("GITHUB_STEP_SUMMARY"); p != "" {
			sf, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
			if err != nil {
				return fmt.Errorf("failed to open the job summary %s: %w", p, err)
			}
			defer sf.Close()
			wopts.Summary = sf
		}
	}
	w, err := diagfmt.New(opts.Format, wopts)
	if err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	if err := diagfmt.WriteAll(w, ds); err != nil {
		return fmt.Errorf("failed to write the report: %w", err)
	}
	if !diagfmt.Valid(ds, opts.Strict) {
		return cmdutil.ErrSilent
	}
	return nil
}

// countryHint suggests the country folder for a path that is a bare country code
// (validate HU for validate countries/HU).
func countryHint(root, p string) string {
	if !codeRe.MatchString(strings.ToUpper(p)) {
		return ""
	}
	code := strings.ToUpper(p)
	dir := model.CountriesDir + "/" + code
	if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(dir))); err == nil && fi.IsDir() {
		return "; to validate a country, name its folder: hwfplan validate " + dir
	}
	entries, _ := os.ReadDir(filepath.Join(root, model.CountriesDir))
	var codes []string
	for _, e := range entries {
		if e.IsDir() {
			codes = append(codes, e.Name())
		}
	}
	if close := iso3166.Close(code, codes); len(close) > 0 {
		return "; to validate a country, name its folder, such as " + model.CountriesDir + "/" + close[0] + " (there is no " + dir + ")"
	}
	if len(codes) > 0 {
		return "; to validate a country, name its folder, such as " + model.CountriesDir + "/" + codes[0] + " (there is no " + dir + ")"
	}
	return ""
}

var codeRe = regexp.MustCompile(`^[A-Z]{2}$`)

// filterPaths keeps the diagnostics of files under the given paths.
func filterPaths(root string, ds []diag.Diagnostic, paths []string) ([]diag.Diagnostic, error) {
	if len(paths) == 0 {
		return ds, nil
	}
	var prefixes []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("failed to resolve %s: %w", p, err)
		}
		// With --root elsewhere, a relative path may name a place in the repository.
		if _, err := os.Stat(abs); err != nil && !filepath.IsAbs(p) {
			if _, err := os.Stat(filepath.Join(root, p)); err == nil {
				abs = filepath.Join(root, p)
			}
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, cmdutil.FlagErrorf("%s is outside the plans repository %s", p, root)
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, cmdutil.FlagErrorf("%s does not exist%s", p, countryHint(root, p))
		}
		prefixes = append(prefixes, filepath.ToSlash(rel))
	}
	var out []diag.Diagnostic
	for _, d := range ds {
		for _, p := range prefixes {
			if p == "." || d.File == p || strings.HasPrefix(d.File, p+"/") {
				out = append(out, d)
				break
			}
		}
	}
	return out, nil
}
