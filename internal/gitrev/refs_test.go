package gitrev_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

func TestRefNames(t *testing.T) {
	r := gittest.New(t)
	r.Write(map[string]string{"countries/HU/country.yaml": "code: HU\n"})
	r.Commit("first")
	r.Git("branch", "feature/hu")
	r.Git("tag", "v1.0")
	r.Git("tag", "-a", "-m", "annotated", "v1.1")
	// A remote-tracking branch and its HEAD alias, as a clone has them.
	r.Git("update-ref", "refs/remotes/origin/main", "HEAD")
	r.Git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
	r.Git("pack-refs", "--all") // packed refs are read too
	r.Git("branch", "loose")
	r.Write(map[string]string{"countries/HU/as-is.yaml": "x: 1\n"})
	r.Commit("second")

	// From a folder inside the work tree, as with --root plans.
	got, err := gitrev.RefNames(filepath.Join(r.Dir, "countries"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"HEAD", "feature/hu", "loose", "main", "origin/main", "v1.0", "v1.1"}
	if !slices.Equal(got, want) {
		t.Errorf("RefNames = %q, want %q", got, want)
	}
}

func TestRefNamesOutsideGit(t *testing.T) {
	if _, err := gitrev.RefNames(t.TempDir()); err == nil {
		t.Error("RefNames outside a repository: no error")
	}
}

func TestRefNamesLinkedWorktree(t *testing.T) {
	r := gittest.New(t)
	r.Write(map[string]string{"a": "a\n"})
	r.Commit("first")
	wt := filepath.Join(t.TempDir(), "wt")
	r.Git("worktree", "add", "-q", "-b", "side", wt)
	got, err := gitrev.RefNames(wt)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"HEAD", "main", "side"}; !slices.Equal(got, want) {
		t.Errorf("RefNames in a linked worktree = %q, want %q", got, want)
	}
}
