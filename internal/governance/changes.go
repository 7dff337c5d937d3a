package governance

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
)

// RuleSeveralCountries is the warning given when one change touches the folders
// of more than one country.
const RuleSeveralCountries = "several-countries"

// Change is what a set of changed paths touches.
type Change struct {
	Paths     []string // every changed path, slash-separated, relative to the repository root, sorted
	Countries []string // folder names under countries/ that the change touches, sorted
	Shared    []string // changed paths outside the country folders (owned by the coordinators)
}

// Classify sorts changed paths into the country folders they touch and the rest.
// A path counts for a country when it lies inside countries/<folder>/.
func Classify(paths []string) Change {
	var c Change
	seen := map[string]bool{}
	countries := map[string]bool{}
	for _, p := range paths {
		p = strings.TrimPrefix(p, "./")
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		c.Paths = append(c.Paths, p)
		parts := strings.SplitN(p, "/", 3)
		if len(parts) == 3 && parts[0] == load.CountriesDir && parts[1] != "" {
			countries[parts[1]] = true
			continue
		}
		c.Shared = append(c.Shared, p)
	}
	slices.Sort(c.Paths)
	slices.Sort(c.Shared)
	for k := range countries {
		c.Countries = append(c.Countries, k)
	}
	slices.Sort(c.Countries)
	return c
}

// Diagnostics returns a warning when the change touches several countries'
// folders: each country team approves only its own folder, so such a pull request
// waits for every team. The warning is on the countries folder.
func (c Change) Diagnostics() []diag.Diagnostic {
	if len(c.Countries) < 2 {
		return nil
	}
	return []diag.Diagnostic{{
		File:     load.CountriesDir,
		Severity: diag.Warning,
		Rule:     RuleSeveralCountries,
		Message: fmt.Sprintf("this change touches %d countries' folders (%s); each country team approves only its own folder, so open one pull request per country unless the change is meant to span countries",
			len(c.Countries), strings.Join(c.Countries, ", ")),
	}}
}

// ChangedSince lists the paths of the repository at dir that differ from rev: the
// commits since the merge base of rev and HEAD (git diff rev...HEAD, as a pull
// request shows them), plus staged, unstaged and untracked files in the work tree.
// Renames count as both paths. Paths are relative to dir, which may be a folder
// inside a larger git work tree; changes outside dir are left out.
func ChangedSince(ctx context.Context, dir, rev string) ([]string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("failed to list changes: %q is not a revision", rev)
	}
	prefix, err := git(ctx, dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, fmt.Errorf("failed to list changes since %s: %s is not inside a git work tree: %w", rev, dir, err)
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("failed to list changes since %s: unknown revision (in CI, fetch the history with fetch-depth: 0)", rev)
	}
	committed, err := git(ctx, dir, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--end-of-options", rev+"...HEAD", "--")
	if err != nil {
		return nil, fmt.Errorf("failed to list changes since %s: %w", rev, err)
	}
	worktree, err := git(ctx, dir, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "HEAD", "--")
	if err != nil {
		return nil, fmt.Errorf("failed to list uncommitted changes: %w", err)
	}
	untracked, err := git(ctx, dir, "ls-files", "-z", "--others", "--exclude-standard", "--full-name")
	if err != nil {
		return nil, fmt.Errorf("failed to list untracked files: %w", err)
	}
	prefix = strings.TrimSpace(prefix)
	var out []string
	for _, list := range []string{committed, worktree, untracked} {
		for _, p := range strings.Split(list, "\x00") {
			if p == "" || !strings.HasPrefix(p, prefix) {
				continue
			}
			out = append(out, strings.TrimPrefix(p, prefix))
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// ChangedCountries is the one-call form for `hwfplan validate --changed-since`:
// what changed since rev in the repository at dir, and the warnings about it.
func ChangedCountries(ctx context.Context, dir, rev string) (Change, []diag.Diagnostic, error) {
	paths, err := ChangedSince(ctx, dir, rev)
	if err != nil {
		return Change{}, nil, err
	}
	c := Classify(paths)
	return c, c.Diagnostics(), nil
}

// git runs git in dir and returns its standard output. Messages are kept in
// English and no pager, editor or external diff runs.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotePath=false"}, args...)...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "GIT_PAGER=cat", "GIT_OPTIONAL_LOCKS=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("git %s: %s", args[0], msg)
		}
		return "", fmt.Errorf("git %s: %w", args[0], err)
	}
	return stdout.String(), nil
}
