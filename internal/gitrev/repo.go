// Package gitrev is hwfplan's one git boundary: the only package that imports go-git
// and the only one that runs the git CLI (a test checks both). It opens a plans
// repository, resolves revision names, finds merge bases, exposes any revision as an
// fs.FS (no checkout) and walks the history of one path the way git log does; it
// asks the git CLI what only the work tree knows (top folder, prefix, dirty files,
// changes since a revision). Objects are read by its own pack reader (the internal
// pack package) from packs held in memory within a budget, else through go-git.
// It never prints; errors name the revision or say how to fix a shallow clone.
package gitrev

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// ShallowFix is what a user must do when history is cut off by a shallow clone.
const ShallowFix = "fetch the full history: set `fetch-depth: 0` on actions/checkout in the workflow, or run `git fetch --unshallow`"

// ErrShallow is wrapped by every error caused by a shallow clone.
var ErrShallow = errors.New("the repository is a shallow clone")

// ErrNotRepository is wrapped by Open when the folder is not inside a git work tree
// (a site built from a release archive, say); callers may then go without history.
var ErrNotRepository = errors.New("not inside a git repository")

// ErrUnknownRevision is wrapped by Resolve when a name matches no commit.
var ErrUnknownRevision = errors.New("unknown revision")

// Repo is an open plans repository.
type Repo struct {
	git     *git.Repository
	storage *filesystem.Storage // nil when opened through a linked worktree
	top     string              // the git work tree
	root    string              // the plans root: top or a folder inside it
	prefix  string              // root relative to top, slash-separated; "" when they are the same
	graph   *graph
	files   *memFiles // files read into memory; nil with go-git reads only
}

// Open opens the git repository whose work tree is root or contains it. Paths given to
// and returned by the Repo are relative to root, so a plans repository may live in a
// folder of a larger repository. Pack files are kept open, and read into memory while
// they fit in the memory budget, for speed; call Close when done. EnvReader set to
// "go-git" makes every read go through go-git.
func Open(root string) (*Repo, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("failed to open repository %s: %w", root, err)
	}
	top, dotgit, err := findDotGit(abs)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil {
		return nil, fmt.Errorf("failed to open repository %s: %w", root, err)
	}
	r := &Repo{top: top, root: abs}
	if rel != "." {
		r.prefix = filepath.ToSlash(rel)
	}
	goGit, err := goGitOnly()
	if err != nil {
		return nil, fmt.Errorf("failed to open repository %s: %w", root, err)
	}
	var files *memFiles
	if dotgit != "" {
		var dotfs billy.Filesystem = osfs.New(dotgit)
		if !goGit {
			mfs := newMemPackFS(dotfs, memoryBudget)
			files, dotfs = mfs.files, mfs
		}
		r.storage = filesystem.NewStorageWithOptions(dotfs, cache.NewObjectLRUDefault(),
			filesystem.Options{KeepDescriptors: true})
		r.git, err = git.Open(r.storage, osfs.New(top))
	} else {
		// .git is a file (linked worktree or submodule): let go-git follow it.
		r.git, err = git.PlainOpenWithOptions(top, &git.PlainOpenOptions{EnableDotGitCommonDir: true})
	}
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("failed to open repository %s: %w", top, err)
	}
	r.files = files
	r.graph = newGraph(r, dotgit, files)
	return r, nil
}

// findDotGit walks up from dir to the folder holding .git. dotgit is "" when .git is a file.
func findDotGit(dir string) (top, dotgit string, err error) {
	for d := dir; ; {
		fi, err := os.Stat(filepath.Join(d, ".git"))
		if err == nil {
			if fi.IsDir() {
				return d, filepath.Join(d, ".git"), nil
			}
			return d, "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", "", fmt.Errorf("failed to open repository: %s is %w", dir, ErrNotRepository)
		}
		d = parent
	}
}

// Close releases the open pack files and the commit-graph.
func (r *Repo) Close() error {
	var errs []error
	if r.graph != nil {
		errs = append(errs, r.graph.close())
	}
	if r.storage != nil {
		errs = append(errs, r.storage.Close())
	}
	return errors.Join(errs...)
}

// Root is the plans root the repository was opened at.
func (r *Repo) Root() string { return r.root }

// Top is the root of the git work tree.
func (r *Repo) Top() string { return r.top }

// full turns a root-relative path into a path from the top of the git tree.
func (r *Repo) full(p string) string {
	if r.prefix == "" {
		return p
	}
	return path.Join(r.prefix, p)
}

// rel turns a path from the top of the git tree into a root-relative one.
func (r *Repo) rel(p string) string {
	if r.prefix == "" || p == "" {
		return p
	}
	return strings.TrimPrefix(p, r.prefix+"/")
}

// Shallow reports whether the repository is a shallow clone.
func (r *Repo) Shallow() (bool, error) {
	s, err := r.git.Storer.Shallow()
	if err != nil {
		return false, fmt.Errorf("failed to read shallow commits: %w", err)
	}
	return len(s) > 0, nil
}

func (r *Repo) shallowHint(err error) error {
	if ok, _ := r.Shallow(); ok {
		return fmt.Errorf("%w; %w: %s", err, ErrShallow, ShallowFix)
	}
	return err
}

// Resolve turns a revision name (branch, tag, remote branch, hash, HEAD~2, ...) into a
// commit hash. A plain branch name that only exists as origin/<name> resolves to it, as
// in a CI checkout.
func (r *Repo) Resolve(rev string) (plumbing.Hash, error) {
	if rev == "" {
		return plumbing.ZeroHash, fmt.Errorf("%w: empty revision name", ErrUnknownRevision)
	}
	candidates := []string{rev}
	if !strings.ContainsAny(rev, "~^@:") && !strings.HasPrefix(rev, "origin/") {
		candidates = append(candidates, "origin/"+rev)
	}
	for _, c := range candidates {
		h, err := r.git.ResolveRevision(plumbing.Revision(c))
		if err != nil {
			continue
		}
		if _, err := r.graph.commit(*h); err != nil {
			// A tag may point at a tag object: peel it.
			if t, terr := r.git.TagObject(*h); terr == nil {
				if c, cerr := t.Commit(); cerr == nil {
					return c.Hash, nil
				}
			}
			continue
		}
		return *h, nil
	}
	return plumbing.ZeroHash, r.shallowHint(fmt.Errorf("%w %q: no branch, tag or commit has that name", ErrUnknownRevision, rev))
}

// MergeBase returns the best common ancestor of a and b.
func (r *Repo) MergeBase(a, b plumbing.Hash) (plumbing.Hash, error) {
	ca, err := r.git.CommitObject(a)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("failed to read commit %s: %w", a, err)
	}
	cb, err := r.git.CommitObject(b)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("failed to read commit %s: %w", b, err)
	}
	bases, err := ca.MergeBase(cb)
	if err != nil {
		return plumbing.ZeroHash, r.shallowHint(fmt.Errorf("failed to find the merge base of %s and %s: %w", short(a), short(b), err))
	}
	if len(bases) == 0 {
		return plumbing.ZeroHash, r.shallowHint(fmt.Errorf("failed to find the merge base of %s and %s: no common ancestor", short(a), short(b)))
	}
	return bases[0].Hash, nil
}

// Commit returns what a commit says: author, committer, message, parents.
func (r *Repo) Commit(h Hash) (*Commit, error) {
	c, err := r.commitObject(h)
	if err != nil {
		return nil, err
	}
	sig := func(s object.Signature) Signature { return Signature{Name: s.Name, Email: s.Email, When: s.When} }
	return &Commit{Hash: c.Hash, Author: sig(c.Author), Committer: sig(c.Committer), Message: c.Message, Parents: c.ParentHashes}, nil
}

func (r *Repo) commitObject(h plumbing.Hash) (*object.Commit, error) {
	if raw, err := r.graph.raw(plumbing.CommitObject, h); err == nil {
		obj := &plumbing.MemoryObject{}
		obj.SetType(plumbing.CommitObject)
		if _, err := obj.Write(raw); err == nil {
			if c, err := object.DecodeCommit(r.git.Storer, obj); err == nil {
				return c, nil
			}
		}
	}
	c, err := r.git.CommitObject(h)
	if err != nil {
		return nil, fmt.Errorf("failed to read commit %s: %w", short(h), err)
	}
	return c, nil
}

func short(h plumbing.Hash) string { return h.String()[:7] }
