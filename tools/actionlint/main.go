// Command actionlint checks the repository's GitHub Actions workflows with
// actionlint and hwfplan's workflow policy, printing file:line:col findings and
// exiting 1 when there are any. It is a module of its own, so that actionlint is
// not a requirement of hwfplan; CI runs it from the repository root as
// `go run -C tools/actionlint .` (the repository is the nearest folder above with
// .github/workflows, or -root). shellcheck is used when it is on PATH.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/hwfplan/hwfplan/tools/actionlint/workflowlint"
)

func main() {
	os.Exit(run())
}

func run() int {
	root := flag.String("root", "", "repository `DIR` (default: the nearest folder with "+workflowlint.Dir+")")
	noShellcheck := flag.Bool("no-shellcheck", false, "skip the shell script checks even when shellcheck is installed")
	flag.Parse()
	if *root == "" {
		r, err := findRoot()
		if err != nil {
			fmt.Fprintf(os.Stderr, "actionlint: %v\n", err)
			return 2
		}
		*root = r
	}
	var opts workflowlint.Options
	if sc, err := exec.LookPath("shellcheck"); err == nil && !*noShellcheck {
		opts.Shellcheck = sc
	} else if !*noShellcheck {
		fmt.Fprintln(os.Stderr, "actionlint: shellcheck is not installed; run: scripts are not checked")
	}
	errs, err := workflowlint.Lint(*root, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "actionlint: %v\n", err)
		return 2
	}
	for _, e := range errs {
		fmt.Println(e.Error())
	}
	files, _ := workflowlint.Files(*root)
	if len(errs) > 0 {
		fmt.Fprintf(os.Stderr, "actionlint: %d %s in %d workflow files\n", len(errs), plural(len(errs)), len(files))
		return 1
	}
	fmt.Fprintf(os.Stderr, "actionlint: %d workflow files, no findings\n", len(files))
	return 0
}

// findRoot returns the nearest folder, from the working directory up, that holds
// the workflows.
func findRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(workflowlint.Dir))); err == nil && fi.IsDir() {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("no %s in %s or above it; name the repository with -root DIR", workflowlint.Dir, wd)
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return "finding"
	}
	return "findings"
}
