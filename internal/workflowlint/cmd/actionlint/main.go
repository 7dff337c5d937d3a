// Command actionlint checks the repository's GitHub Actions workflows with
// actionlint and hwfplan's workflow policy, printing file:line:col findings and
// exiting 1 when there are any. CI runs it as `go run ./internal/workflowlint/cmd/actionlint`
// from the repository root; shellcheck is used when it is on PATH.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/hwfplan/hwfplan/internal/workflowlint"
)

func main() {
	os.Exit(run())
}

func run() int {
	root := flag.String("root", ".", "repository `DIR`")
	noShellcheck := flag.Bool("no-shellcheck", false, "skip the shell script checks even when shellcheck is installed")
	flag.Parse()
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

func plural(n int) string {
	if n == 1 {
		return "finding"
	}
	return "findings"
}
