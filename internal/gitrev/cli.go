package gitrev

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
)

// The git CLI answers a few questions about the work tree far faster than go-git
// (status hashes every file) or that go-git cannot answer (GIT_DIR, worktrees,
// ignore rules). Every git command hwfplan runs is here.

// runGit runs git in dir and returns its standard output. Messages are kept in
// English, paths unquoted, and no pager, editor or external diff runs; optional
// locks are off so a read never writes the index.
func runGit(ctx context.Context, dir string, args ...string) (string, error) {
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

// TopLevel returns the top folder of the git work tree around dir, as git reports
// it; an error when dir is not in a work tree or git is missing.
func TopLevel(dir string) (string, error) {
	out, err := runGit(context.Background(), dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// Prefix returns where dir sits inside its git work tree, as a slash path with a
// trailing slash ("plans/"), or "" at the top; an error when dir is not in a work
// tree or git is missing.
func Prefix(dir string) (string, error) {
	out, err := runGit(context.Background(), dir, "rev-parse", "--show-prefix")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// Dirty reports whether tracked files under the given paths of the work tree at
// root (all of it without paths) differ from HEAD, staged or not. Untracked files
// do not count. Outside git, or when git fails, it reports false.
func Dirty(root string, paths ...string) bool {
	out, err := runGit(context.Background(), root, append([]string{"status", "--porcelain", "--untracked-files=no", "--"}, paths...)...)
	return err == nil && strings.TrimSpace(out) != ""
}

// FirstTracked returns one file under dir that git tracks, as a path under dir
// (slash-separated), or "" when git tracks none there or dir is not in a work tree.
func FirstTracked(dir string) string {
	out, err := runGit(context.Background(), dir, "ls-files", "-z", "--", ".")
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(out, "\x00")
	return first
}

// ErrBadRevisionName is wrapped by ChangedSince for a revision name that is empty or
// looks like an option.
var ErrBadRevisionName = errors.New("is not a revision")

// ChangedSince lists the paths of the repository at dir that differ from rev: the
// commits since the merge base of rev and HEAD (git diff rev...HEAD, as a pull
// request shows them), plus staged, unstaged and untracked files in the work tree.
// Renames count as both paths. Paths are relative to dir, which may be a folder
// inside a larger git work tree; changes outside dir are left out.
func ChangedSince(ctx context.Context, dir, rev string) ([]string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("failed to list changes: %q %w", rev, ErrBadRevisionName)
	}
	prefix, err := runGit(ctx, dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, fmt.Errorf("failed to list changes since %s: %s is not inside a git work tree: %w", rev, dir, err)
	}
	if _, err := runGit(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("failed to list changes since %s: %w (in CI, fetch the history with fetch-depth: 0)", rev, ErrUnknownRevision)
	}
	committed, err := runGit(ctx, dir, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--end-of-options", rev+"...HEAD", "--")
	if err != nil {
		return nil, fmt.Errorf("failed to list changes since %s: %w", rev, err)
	}
	worktree, err := runGit(ctx, dir, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "HEAD", "--")
	if err != nil {
		return nil, fmt.Errorf("failed to list uncommitted changes: %w", err)
	}
	untracked, err := runGit(ctx, dir, "ls-files", "-z", "--others", "--exclude-standard", "--full-name")
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
