// Package cmdutil is what every hwfplan command shares: the Factory (streams and
// the repository root), and the error types that decide how an error is shown and
// which exit code it gives.
package cmdutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitInvalid = 1 // data invalid, or changes found with --exit-code
	ExitUsage   = 2 // usage or internal error
)

// Factory gives commands their streams and finds the repository.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// RootFlag is the value of the global --root flag ("" means: find it).
	RootFlag *string
	// Version is the build's version string.
	Version string
	// Getwd returns the working directory (tests replace it).
	Getwd func() (string, error)
}

// New returns a Factory on the process's streams.
func New(version string) *Factory {
	root := ""
	return &Factory{IOStreams: iostreams.System(), RootFlag: &root, Version: version, Getwd: os.Getwd}
}

// Root returns the plans repository root: --root if given, otherwise the enclosing
// git work tree, otherwise (a copy outside git, such as an unpacked archive) the
// nearest enclosing folder that holds countries/, otherwise the working directory.
func (f *Factory) Root() (string, error) {
	if f.RootFlag != nil && *f.RootFlag != "" {
		abs, err := filepath.Abs(*f.RootFlag)
		if err != nil {
			return "", fmt.Errorf("failed to resolve --root %s: %w", *f.RootFlag, err)
		}
		fi, err := os.Stat(abs)
		if err != nil {
			return "", fmt.Errorf("--root %s: %w", *f.RootFlag, err)
		}
		if !fi.IsDir() {
			return "", fmt.Errorf("--root %s is not a folder", *f.RootFlag)
		}
		return abs, nil
	}
	wd, err := f.Getwd()
	if err != nil {
		return "", fmt.Errorf("failed to find the working directory: %w", err)
	}
	plans := "" // the nearest folder with a countries/ folder in it
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		if fi, err := os.Stat(filepath.Join(dir, "countries")); plans == "" && err == nil && fi.IsDir() {
			plans = dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if top, err := gitrev.TopLevel(wd); err == nil {
		return top, nil
	}
	if plans != "" {
		return plans, nil
	}
	return wd, nil
}

// RepoPrefix returns where root sits inside its git work tree, as a slash path
// with a trailing slash ("plans/"), or "" when root is the work tree's top or is
// not in git. Machine output (annotations, code scanning) names files relative to
// the git repository, which is what GitHub matches against a pull request's files.
func RepoPrefix(root string) string {
	for dir := root; ; {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			rel, err := filepath.Rel(dir, root)
			if err != nil || rel == "." {
				return ""
			}
			return filepath.ToSlash(rel) + "/"
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	// No .git on the way up (GIT_DIR, an unusual layout): ask git, as Root does.
	prefix, err := gitrev.Prefix(root)
	if err != nil {
		return ""
	}
	return prefix
}

// NotPlansError says that the folder hwfplan would read is not a plans
// repository. It is a usage error (exit 2).
type NotPlansError struct{ Root string }

func (e *NotPlansError) Error() string {
	return fmt.Sprintf("%s is not a plans repository (it has no %s/ or %s/ folder and no %s); run hwfplan inside a clone of the plans repository, or name one with --root DIR",
		e.Root, model.CountriesDir, model.ClustersDir, framework.DefaultPath)
}

// PlansRoot returns Root, or a NotPlansError when that folder holds neither
// countries/ nor clusters/ nor the framework (hwfplan was run outside a plans
// repository).
func (f *Factory) PlansRoot() (string, error) {
	root, err := f.Root()
	if err != nil {
		return "", err
	}
	for _, d := range []string{model.CountriesDir, model.ClustersDir} {
		if fi, err := os.Stat(filepath.Join(root, d)); err == nil && fi.IsDir() {
			return root, nil
		}
	}
	if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(framework.DefaultPath))); err == nil && fi.Mode().IsRegular() {
		return root, nil
	}
	return "", &NotPlansError{Root: root}
}

// LoadRepo opens the plans repository (see PlansRoot) and loads every plan in it.
func (f *Factory) LoadRepo() (string, *model.Repo, []diag.Diagnostic, error) {
	root, err := f.PlansRoot()
	if err != nil {
		return "", nil, nil, err
	}
	fsys, err := load.DirFS(root)
	if err != nil {
		return "", nil, nil, err
	}
	repo, ds := load.Load(fsys, load.Options{})
	return root, repo, ds, nil
}

// RootFS opens the repository root as a safe fs.FS.
func (f *Factory) RootFS() (string, fs.FS, error) {
	root, err := f.Root()
	if err != nil {
		return "", nil, err
	}
	fsys, err := load.DirFS(root)
	return root, fsys, err
}

// FlagError is a usage mistake: it is shown with the command's usage, exit 2.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ExitError sets the exit code without printing anything more (the command has
// already said what is wrong).
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// ErrSilent exits 1 without a message.
var ErrSilent = &ExitError{Code: ExitInvalid}

// IsSilent reports whether err only carries an exit code.
func IsSilent(err error) (int, bool) {
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code, true
	}
	return 0, false
}
