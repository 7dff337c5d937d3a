// Package fmtcmd implements `hwfplan fmt`: fix, byte by byte, what is safe to fix
// in plan files (see package yamlfix), or with --check list the files it would
// change.
package fmtcmd

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/safewrite"
	"github.com/hwfplan/hwfplan/internal/words"
	"github.com/hwfplan/hwfplan/internal/yamlfix"
	"github.com/spf13/cobra"
)

// Options are the flags and arguments of `hwfplan fmt`.
type Options struct {
	Factory *cmdutil.Factory
	Paths   []string
	Check   bool
	Diff    bool
}

// NewCmdFmt builds `hwfplan fmt`.
func NewCmdFmt(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Fix what is safe to fix in plan files: tabs, non-breaking spaces, encoding, unquoted dates",
		Long: `Fix, in place, the problems in plan files that have one safe fix, the ones text
pasted from Word or Excel brings and the ones other YAML readers trip on:

  - a file saved as UTF-16 or UTF-32 is converted to UTF-8; a byte order mark is removed
  - tabs and non-breaking (or other space-like) characters in indentation become spaces
  - unquoted values that YAML 1.1 readers (PyYAML, js-yaml, many editors) read as
    something other than text, such as the date 2024-06-28 or the code NO, are put
    in double quotes; hwfplan reads the same text before and after

Everything else stays byte for byte: comments, key order, blank lines, line ends and
the quoting of other values. Files are replaced atomically; symbolic links that lead
out of the repository are not followed.

Without PATH, fmt fixes the plan files: countries/, clusters/, governance.yaml,
publication.yaml and schema/framework.yaml. A PATH is a file or a folder (every .yaml and .yml file in it).
What fmt cannot fix (a YAML syntax error, say) it reports, and exits 1.

--check writes nothing, lists the files it would change and exits 1 if there is one;
--diff writes nothing and prints the changes as a patch.`,
		Example: "  hwfplan fmt\n  hwfplan fmt countries/HU\n  hwfplan fmt --check\n  hwfplan fmt --diff countries/HU/as-is.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "write nothing; list the files fmt would change and exit 1 if there is one")
	cmd.Flags().BoolVar(&opts.Diff, "diff", false, "write nothing; print the changes as a patch")
	return cmd
}

// defaultPaths are the plan files fmt fixes without PATH, relative to the root.
var defaultPaths = []string{model.CountriesDir, model.ClustersDir, "governance.yaml", plan.PublicationFile, "schema/framework.yaml"}

// target is one file to fix.
type target struct {
	show string // slash path relative to the repository root, for messages
	real string // the file's real path (symbolic links resolved)
}

// Run fixes, checks or diffs the files.
func Run(opts *Options) error {
	io := opts.Factory.IOStreams
	root, err := opts.Factory.PlansRoot()
	if err != nil {
		return err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("failed to resolve %s: %w", root, err)
	}
	var targets []target
	var skipped []string
	if len(opts.Paths) == 0 {
		for _, p := range defaultPaths {
			abs := filepath.Join(root, filepath.FromSlash(p))
			if _, err := os.Lstat(abs); err != nil {
				continue
			}
			ts, sk, err := collect(realRoot, abs, p)
			if err != nil {
				return err
			}
			targets, skipped = append(targets, ts...), append(skipped, sk...)
		}
	} else {
		for _, p := range opts.Paths {
			abs, err := resolveArg(opts.Factory, root, realRoot, p)
			if err != nil {
				return err
			}
			ts, sk, err := collect(realRoot, abs, p)
			if err != nil {
				return err
			}
			targets, skipped = append(targets, ts...), append(skipped, sk...)
		}
	}
	targets = dedupe(targets)
	for _, s := range skipped {
		fmt.Fprintln(io.ErrOut, s)
	}

	changed, unfixed := 0, 0
	for _, t := range targets {
		data, err := load.ReadLimited(os.DirFS(filepath.Dir(t.real)), filepath.Base(t.real), load.MaxFileSize)
		if err != nil {
			fmt.Fprintf(io.ErrOut, "%s: %v\n", t.show, err)
			unfixed++
			continue
		}
		r := yamlfix.Fix(t.show, data)
		for _, d := range r.Remaining {
			fmt.Fprintln(io.ErrOut, sanitize(d.String()))
		}
		if len(r.Remaining) > 0 {
			unfixed++
		}
		if !r.Changed() {
			continue
		}
		changed++
		switch {
		case opts.Diff:
			writeDiff(io.Out, t.show, data, r)
		case opts.Check:
			fmt.Fprintf(io.Out, "%s: %s\n", t.show, strings.Join(r.Changes, "; "))
		default:
			if err := safewrite.WriteFile(t.real, r.Data); err != nil {
				return err
			}
			fmt.Fprintf(io.ErrOut, "fixed %s: %s\n", t.show, strings.Join(r.Changes, "; "))
		}
	}

	files := words.Plural(len(targets), "file", "files")
	switch {
	case changed == 0:
		fmt.Fprintf(io.ErrOut, "%d %s checked, nothing to fix\n", len(targets), files)
	case opts.Check || opts.Diff:
		fmt.Fprintf(io.ErrOut, "%d of %d %s would change; run hwfplan fmt to fix %s\n", changed, len(targets), files, words.Plural(changed, "it", "them"))
	default:
		fmt.Fprintf(io.ErrOut, "fixed %d of %d %s\n", changed, len(targets), files)
	}
	if unfixed > 0 || len(skipped) > 0 {
		if unfixed > 0 {
			fmt.Fprintf(io.ErrOut, "%d %s still %s problems fmt cannot fix (listed above)\n", unfixed, words.Plural(unfixed, "file", "files"), words.Plural(unfixed, "has", "have"))
		}
		return cmdutil.ErrSilent
	}
	if opts.Check && changed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// resolveArg turns a PATH argument into an absolute path in the repository: it is
// relative to the working directory, or, when nothing is there, to the root.
func resolveArg(f *cmdutil.Factory, root, realRoot, p string) (string, error) {
	abs := p
	if !filepath.IsAbs(p) {
		wd, err := f.Getwd()
		if err != nil {
			return "", fmt.Errorf("failed to find the working directory: %w", err)
		}
		abs = filepath.Join(wd, p)
		if _, err := os.Lstat(abs); err != nil {
			if _, err := os.Lstat(filepath.Join(root, p)); err == nil {
				abs = filepath.Join(root, p)
			}
		}
	}
	if _, err := os.Lstat(abs); err != nil {
		return "", cmdutil.FlagErrorf("%s does not exist", p)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", cmdutil.FlagErrorf("%s: %v", p, err)
	}
	if !inside(realRoot, real) {
		return "", cmdutil.FlagErrorf("%s is outside the plans repository %s; fmt changes files in it only (use --root to name another)", p, root)
	}
	return abs, nil
}

// collect lists the YAML files at abs (a file, or a folder walked without
// following links into other folders). A symbolic link to a file in the
// repository is fixed at its target; one that leads out is skipped with a note.
func collect(realRoot, abs, arg string) ([]target, []string, error) {
	var out []target
	var skipped []string
	add := func(p string) {
		real, err := filepath.EvalSymlinks(p)
		switch {
		case err != nil:
			skipped = append(skipped, fmt.Sprintf("skipped %s: %v", p, err))
		case !inside(realRoot, real):
			skipped = append(skipped, fmt.Sprintf("skipped %s: a symbolic link that leads out of the repository; fmt does not follow it", show(realRoot, p)))
		default:
			if fi, err := os.Stat(real); err == nil && fi.Mode().IsRegular() {
				out = append(out, target{show: show(realRoot, real), real: real})
			} else {
				skipped = append(skipped, fmt.Sprintf("skipped %s: not a regular file", show(realRoot, p)))
			}
		}
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, nil, cmdutil.FlagErrorf("%s: %v", arg, err)
	}
	if !fi.IsDir() {
		if !isYAML(abs) {
			return nil, nil, cmdutil.FlagErrorf("%s is not a YAML file; fmt fixes .yaml and .yml files only", arg)
		}
		add(abs)
		return out, skipped, nil
	}
	// Walk the folder itself when abs is a link to it (inside the repository,
	// as resolveArg checked); links met on the way are not followed.
	dir, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, nil, cmdutil.FlagErrorf("%s: %v", arg, err)
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 && !isYAML(d.Name()) {
			if real, err := filepath.EvalSymlinks(p); err == nil && !inside(realRoot, real) {
				skipped = append(skipped, fmt.Sprintf("skipped %s: a symbolic link that leads out of the repository; fmt does not follow it", show(realRoot, p)))
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if isYAML(d.Name()) {
			add(p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("failed to list %s: %w", arg, err)
	}
	return out, skipped, nil
}

func isYAML(name string) bool {
	ext := filepath.Ext(name)
	return ext == ".yaml" || ext == ".yml"
}

// inside reports whether path is root or under it (both real paths).
func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// show returns p relative to the repository root, with slashes.
func show(realRoot, p string) string {
	if real, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(real, filepath.Base(p))
	}
	if rel, err := filepath.Rel(realRoot, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}

func dedupe(ts []target) []target {
	sort.Slice(ts, func(i, j int) bool { return ts[i].show < ts[j].show })
	out := ts[:0]
	for i, t := range ts {
		if i > 0 && t.real == ts[i-1].real {
			continue
		}
		out = append(out, t)
	}
	return out
}
