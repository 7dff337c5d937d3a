// Package planrev names the two sides of a plan diff: a commit read straight from
// git objects, or the working tree with its uncommitted edits. It resolves the
// revision arguments of `hwfplan diff` (default: the merge base with the main branch
// against the working tree) and loads both sides.
package planrev

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
)

// WorkTree is the name that stands for the working tree in revision arguments.
const WorkTree = "WORKTREE"

// Revision is one side of a comparison.
type Revision struct {
	Label string      // for people: "main (merge base) 1a2b3c4", "working tree"
	Hash  gitrev.Hash // ZeroHash for the working tree
	FS    fs.FS

	dir string // the working tree's folder; "" for a commit
}

// Sides resolves the arguments of `hwfplan diff [REV_A [REV_B]]`:
//
//	no argument   merge base of base and HEAD → working tree
//	A             A → working tree
//	A B           A → B
//	A...B         merge base of A and B → B
//	A..B          A → B
//
// WORKTREE names the working tree in any position.
func Sides(r *gitrev.Repo, root string, args []string, base string) (old, new Revision, err error) {
	if len(args) == 1 {
		if a, b, ok := strings.Cut(args[0], "..."); ok {
			return threeDot(r, root, cmpOr(a, "HEAD"), cmpOr(b, "HEAD"))
		}
		if a, b, ok := strings.Cut(args[0], ".."); ok {
			args = []string{cmpOr(a, "HEAD"), cmpOr(b, "HEAD")}
		}
	}
	switch len(args) {
	case 0:
		old, err = mergeBase(r, base, "HEAD")
		if err != nil {
			return old, new, err
		}
		new, err = worktree(root)
		return old, new, err
	case 1:
		if old, err = At(r, root, args[0]); err != nil {
			return old, new, err
		}
		new, err = worktree(root)
		return old, new, err
	case 2:
		if old, err = At(r, root, args[0]); err != nil {
			return old, new, err
		}
		new, err = At(r, root, args[1])
		return old, new, err
	}
	return old, new, fmt.Errorf("expected at most two revisions, got %d", len(args))
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func threeDot(r *gitrev.Repo, root, a, b string) (old, new Revision, err error) {
	if old, err = mergeBase(r, a, b); err != nil {
		return old, new, err
	}
	new, err = At(r, root, b)
	return old, new, err
}

func mergeBase(r *gitrev.Repo, a, b string) (Revision, error) {
	ha, err := r.Resolve(a)
	if err != nil {
		return Revision{}, fmt.Errorf("failed to find the main branch to compare with (use --base or name a revision): %w", err)
	}
	hb, err := r.Resolve(b)
	if err != nil {
		return Revision{}, err
	}
	mb, err := r.MergeBase(ha, hb)
	if err != nil {
		return Revision{}, err
	}
	fsys, err := r.FS(mb)
	if err != nil {
		return Revision{}, err
	}
	return Revision{Label: fmt.Sprintf("%s (merge base) %s", a, mb.String()[:7]), Hash: mb, FS: fsys}, nil
}

// At returns a named revision, or the working tree for WORKTREE.
func At(r *gitrev.Repo, root, rev string) (Revision, error) {
	if rev == WorkTree {
		return worktree(root)
	}
	h, err := r.Resolve(rev)
	if err != nil {
		return Revision{}, err
	}
	fsys, err := r.FS(h)
	if err != nil {
		return Revision{}, err
	}
	label := rev
	if !strings.HasPrefix(h.String(), rev) {
		label += " " + h.String()[:7]
	}
	return Revision{Label: label, Hash: h, FS: fsys}, nil
}

func worktree(root string) (Revision, error) {
	fsys, err := load.DirFS(root)
	if err != nil {
		return Revision{}, err
	}
	return Revision{Label: "working tree", FS: fsys, dir: root}, nil
}

// Load loads the plans of a revision.
func (rv Revision) Load() (*model.Repo, []diag.Diagnostic) {
	return load.Load(rv.FS, load.Options{})
}
