package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	buildcmd "github.com/hwfplan/hwfplan/internal/cmd/build"
	"github.com/hwfplan/hwfplan/internal/cmd/root"
	"github.com/hwfplan/hwfplan/internal/cmd/serve"
)

const (
	// SiteProgram is the companion program that renders the site.
	SiteProgram = "hwfplan-site"
	// SiteEnv names the companion program's path explicitly (packagers, tests).
	SiteEnv = "HWFPLAN_SITE"
	// CallerVersionEnv carries hwfplan's version to hwfplan-site, which warns when
	// the two differ, and marks a process that hwfplan has already handed over.
	CallerVersionEnv = "HWFPLAN_CALLER_VERSION"
)

// A Locator finds hwfplan-site and hands a command over to it. SystemLocator
// gives the process's own; tests give their own.
type Locator struct {
	Args       []string // the command line after the program name
	Getenv     func(string) string
	Environ    func() []string
	Executable func() (string, error)
	LookPath   func(string) (string, error)
	Stat       func(string) (fs.FileInfo, error)
	// Exec replaces the process with the program (or, where a process cannot be
	// replaced, runs it and returns its exit as a *cmdutil.ExitError).
	Exec func(path string, args, env []string) error
}

// SystemLocator returns the Locator of this process.
func SystemLocator() Locator {
	return Locator{Args: os.Args[1:], Getenv: os.Getenv, Environ: os.Environ, Executable: os.Executable,
		LookPath: exec.LookPath, Stat: os.Stat, Exec: execProgram}
}

// Delegate returns renderers that hand build and serve over to hwfplan-site with
// the same command line.
func Delegate(l Locator) root.Renderers {
	return root.Renderers{
		Build: func(*buildcmd.Options) error { return l.handOver("build") },
		Serve: func(*serve.Options) error { return l.handOver("serve") },
	}
}

func (l Locator) handOver(command string) error {
	if l.Getenv(CallerVersionEnv) != "" {
		// hwfplan-site would have run the command itself: what was found under
		// that name is hwfplan, and handing over again would loop.
		return fmt.Errorf("%s: the program run as %s handed the command back; %s or the PATH names hwfplan instead of hwfplan-site", command, SiteProgram, SiteEnv)
	}
	path, err := l.Find()
	if errors.Is(err, errNotFound) {
		return fmt.Errorf(`%s: the site is rendered by %s, the companion program of hwfplan, but %w.
Install both programs from the same version:
    go install github.com/hwfplan/hwfplan/cmd/...@latest
or, in a checkout of the hwfplan repository:
    go build -o bin/ ./cmd/... && bin/hwfplan %s`, command, SiteProgram, err, command)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", command, err)
	}
	env := append(l.Environ(), CallerVersionEnv+"="+Version())
	if err := l.Exec(path, l.Args, env); err != nil {
		return fmt.Errorf("%s: failed to run %s: %w", command, path, err)
	}
	return nil
}

// errNotFound is wrapped by Find when hwfplan-site is nowhere to be found.
var errNotFound = errors.New("not found")

// Find returns the path of hwfplan-site: $HWFPLAN_SITE if set, otherwise the
// program next to this one (the folder go install and release archives put both
// in), otherwise the first on the PATH.
func (l Locator) Find() (string, error) {
	name := SiteProgram
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if p := l.Getenv(SiteEnv); p != "" {
		fi, err := l.Stat(p)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", SiteEnv, p, err)
		}
		if !fi.Mode().IsRegular() {
			return "", fmt.Errorf("%s=%s is not a program file", SiteEnv, p)
		}
		return p, nil
	}
	dir := ""
	if exe, err := l.Executable(); err == nil {
		dir = filepath.Dir(exe)
		p := filepath.Join(dir, name)
		if fi, err := l.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
	}
	if p, err := l.LookPath(name); err == nil {
		return p, nil
	}
	where := "on the PATH"
	if dir != "" {
		where = "next to hwfplan (in " + dir + ") or on the PATH"
	}
	return "", fmt.Errorf("%s is %w %s", name, errNotFound, where)
}
