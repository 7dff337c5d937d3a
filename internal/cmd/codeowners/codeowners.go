// Package codeowners implements `hwfplan codeowners`: write .github/CODEOWNERS from
// the coordinators file and each country's maintainers, or check it is current.
package codeowners

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/governance"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/safewrite"
	"github.com/hwfplan/hwfplan/internal/words"
	"github.com/spf13/cobra"
)

// Options are the flags of `hwfplan codeowners`.
type Options struct {
	Factory *cmdutil.Factory
	Check   bool
}

// NewCmdCodeowners builds `hwfplan codeowners`.
func NewCmdCodeowners(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "codeowners",
		Short: "Write .github/CODEOWNERS from the coordinators and each country's maintainers",
		Long: `Write .github/CODEOWNERS so that GitHub asks the right people to approve a pull
request: each countries/<ISO>/ folder is owned by the maintainers listed in its
country.yaml; everything else (clusters/, schema/, templates/, site/, cmd/,
internal/, .github/ and governance.yaml itself) by the coordinators listed in
governance.yaml. Handles are written without @ in both files.

Run it after changing a maintainers or coordinators list, and commit the result;
CI runs it with --check, which writes nothing and exits 1 when the committed file
differs from what it would write.`,
		Example: "  hwfplan codeowners\n  hwfplan codeowners --check",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "do not write; exit 1 when the committed "+governance.CodeownersPath+" is missing or out of date")
	return cmd
}

// Run writes or checks .github/CODEOWNERS.
func Run(opts *Options) error {
	root, err := opts.Factory.PlansRoot()
	if err != nil {
		return err
	}
	fsys, err := load.DirFS(root)
	if err != nil {
		return err
	}
	io := opts.Factory.IOStreams
	g, ds := governance.Load(fsys)
	if g != nil {
		repo, _ := load.Load(fsys, load.Options{})
		var data []byte
		data, ds = governance.Generate(g, repo)
		if data != nil {
			if opts.Check {
				return check(opts, fsys, data)
			}
			return write(opts, root, data)
		}
	}
	for _, d := range ds {
		fmt.Fprintln(io.ErrOut, escape.Line(d.String()))
	}
	e, _ := diag.Count(ds)
	fmt.Fprintf(io.ErrOut, "%s not written: fix the %d %s above first\n", governance.CodeownersPath, e, words.Plural(e, "error", "errors"))
	return cmdutil.ErrSilent
}

func write(opts *Options, root string, data []byte) error {
	path := filepath.Join(root, filepath.FromSlash(governance.CodeownersPath))
	if err := insideRoot(root, filepath.Dir(path)); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("failed to create %s: %w", filepath.Dir(path), err)
	}
	if err := safewrite.WriteFile(path, data); err != nil {
		return err
	}
	fmt.Fprintf(opts.Factory.IOStreams.ErrOut, "wrote %s\n", governance.CodeownersPath)
	return nil
}

// insideRoot refuses to write into dir when a symbolic link takes it outside the
// repository root: CODEOWNERS is written only inside the repository.
func insideRoot(root, dir string) error {
	rel := filepath.ToSlash(strings.TrimPrefix(dir, root+string(filepath.Separator)))
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // MkdirAll makes a real folder
	}
	if err != nil {
		return fmt.Errorf("failed to check %s: %w", rel, err)
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("failed to resolve %s: %w", root, err)
	}
	target, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("%s is a symbolic link whose target cannot be read (%w); hwfplan writes %s only inside the repository: replace the link with a folder", rel, err, governance.CodeownersPath)
	}
	if r, err := filepath.Rel(realRoot, target); err != nil || !filepath.IsLocal(r) {
		return fmt.Errorf("%s is a symbolic link to %s, outside the repository; hwfplan writes %s only inside the repository: replace the link with a folder", rel, target, governance.CodeownersPath)
	}
	return nil
}

func check(opts *Options, fsys fs.FS, want []byte) error {
	errOut := opts.Factory.IOStreams.ErrOut
	have, err := fs.ReadFile(fsys, governance.CodeownersPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(errOut, "%s is missing.\n", governance.CodeownersPath)
	case err != nil:
		return fmt.Errorf("failed to read %s: %w", governance.CodeownersPath, err)
	case bytes.Equal(have, want):
		fmt.Fprintf(errOut, "%s is up to date\n", governance.CodeownersPath)
		return nil
	default:
		d := lineDiff(have, want)
		if len(d) == 0 {
			fmt.Fprintf(errOut, "%s is out of date: only line endings or the final newline differ.\n", governance.CodeownersPath)
			break
		}
		fmt.Fprintf(errOut, "%s is out of date (- committed, + expected):\n", governance.CodeownersPath)
		for _, l := range d {
			fmt.Fprintln(errOut, escape.Line(l))
		}
	}
	fmt.Fprintf(errOut, "Run 'hwfplan codeowners' and commit %s.\n", governance.CodeownersPath)
	return cmdutil.ErrSilent
}
