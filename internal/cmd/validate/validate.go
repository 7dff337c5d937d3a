// Package validate implements `hwfplan validate`.
package validate

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/validate"
	"github.com/spf13/cobra"
)

// Options are the flags and arguments of `hwfplan validate`.
type Options struct {
	Factory *cmdutil.Factory
	Paths   []string
	Format  string
	Strict  bool
}

// NewCmdValidate builds `hwfplan validate`.
func NewCmdValidate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check the plan files against their schema and the rules across files",
		Long: `Check every plan file — country.yaml, as-is.yaml, to-be.yaml, to-do.yaml,
action-plan.yaml and the cluster files — against its JSON Schema and the rules that
span files, and report every problem at once with file:line:col.

With PATH arguments (files or folders), only problems in those paths are reported;
the whole repository is still read, because rules span files.

Exit codes: 0 valid (warnings allowed unless --strict), 1 invalid, 2 usage error.`,
		Example: "  hwfplan validate\n  hwfplan validate countries/HU\n  hwfplan validate --format github",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output `format`: text, json")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat warnings as errors (exit 1)")
	return cmd
}

// Run validates and writes the diagnostics.
func Run(opts *Options) error {
	root, repo, loadDiags, err := opts.Factory.LoadRepo()
	if err != nil {
		return err
	}
	ds, err := validate.Validate(repo, loadDiags, validate.Options{})
	if err != nil {
		return err
	}
	ds, err = filterPaths(root, ds, opts.Paths)
	if err != nil {
		return err
	}
	io := opts.Factory.IOStreams
	switch opts.Format {
	case "text":
		for _, d := range ds {
			fmt.Fprintln(io.Out, d.String())
		}
		e, w := diag.Count(ds)
		fmt.Fprintf(io.ErrOut, "%d %s, %d %s\n", e, plural(e, "error", "errors"), w, plural(w, "warning", "warnings"))
	default:
		return cmdutil.FlagErrorf("unknown format %q; use one of: text", opts.Format)
	}
	e, w := diag.Count(ds)
	if e > 0 || (opts.Strict && w > 0) {
		return cmdutil.ErrSilent
	}
	return nil
}

func filterPaths(root string, ds []diag.Diagnostic, paths []string) ([]diag.Diagnostic, error) {
	if len(paths) == 0 {
		return ds, nil
	}
	var prefixes []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, cmdutil.FlagErrorf("%s is outside the plans repository %s", p, root)
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
