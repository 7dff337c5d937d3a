// Package workflowlint checks the repository's GitHub Actions workflows: every
// check of actionlint (syntax, expressions, contexts, permissions, action inputs,
// and shell scripts when shellcheck is installed) plus this project's hardening
// policy (see Policy). It returns findings; it never prints.
package workflowlint

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/rhysd/actionlint"
)

// Dir is where the workflows live, relative to the repository root.
const Dir = ".github/workflows"

// Options tune linting.
type Options struct {
	// Shellcheck is the shellcheck executable ("" skips the shell script checks).
	Shellcheck string
}

// Files lists the workflow files of the repository at root, sorted.
func Files(root string) ([]string, error) {
	var files []string
	for _, pattern := range []string{"*.yml", "*.yaml"} {
		m, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(Dir), pattern))
		if err != nil {
			return nil, fmt.Errorf("failed to list workflows: %w", err)
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	return files, nil
}

// Lint checks every workflow of the repository at root. Finding paths are
// relative to root.
func Lint(root string, opts Options) ([]*actionlint.Error, error) {
	files, err := Files(root)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("failed to lint workflows: no workflow files in %s", filepath.Join(root, filepath.FromSlash(Dir)))
	}
	project, err := actionlint.NewProject(root)
	if err != nil {
		return nil, fmt.Errorf("failed to open %s for actionlint: %w", root, err)
	}
	var all []*actionlint.Error
	for _, f := range files {
		content, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("failed to read workflow: %w", err)
		}
		l, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{
			Shellcheck: opts.Shellcheck,
			WorkingDir: root,
			OnRulesCreated: func(rules []actionlint.Rule) []actionlint.Rule {
				return append(rules, NewPolicy(content))
			},
		})
		if err != nil {
			return nil, fmt.Errorf("failed to set up actionlint: %w", err)
		}
		errs, err := l.Lint(f, content, project)
		if err != nil {
			return nil, fmt.Errorf("failed to lint %s: %w", f, err)
		}
		for _, e := range errs {
			if rel, err := filepath.Rel(root, e.Filepath); err == nil {
				e.Filepath = filepath.ToSlash(rel)
			}
		}
		all = append(all, errs...)
	}
	return all, nil
}
