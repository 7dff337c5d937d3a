package gitrev

import (
	"container/heap"
	"fmt"
	"path"

	"github.com/go-git/go-git/v5/plumbing"
)

// Revision is one commit that changed the path a history was asked for.
type Revision struct {
	Hash    plumbing.Hash
	Parents []plumbing.Hash
	// Path is the path at this commit; it differs from the path asked for in commits
	// older than a rename.
	Path string
	// RenamedFrom is the old path when this commit renamed the path, else "".
	RenamedFrom string
}

// HistoryOptions tunes History.
type HistoryOptions struct {
	// Limit stops after so many revisions; 0 means all.
	Limit int
	// Follow, when set, is the rule that says whether a commit renamed the path:
	// the walk goes on under the old path it returns. Without it, no rename is
	// followed, like `git log` without --follow.
	Follow RenameRule
}

// RenameRule is asked about a commit that has path p (relative to the plans
// root) while its parent does not: it returns the path in parent that p was
// renamed from, or "" when p is new.
type RenameRule func(commit, parent plumbing.Hash, p string) (string, error)

// History lists the commits reachable from start that changed path (a file or a folder
// such as countries/HU), newest first, like `git log -- path`. It decides as git does:
// a commit is shown when the tree entry of path differs from every parent's; when it
// equals one parent's, only that parent is followed (so merges that brought no change
// to the path are skipped with their side branch). When a commit adds the path and
// opts.Follow says it was renamed from another, the walk goes on under the old name.
// A shallow clone makes the history incomplete: History then fails with an error
// wrapping ErrShallow.
func (r *Repo) History(start plumbing.Hash, p string, opts HistoryOptions) ([]Revision, error) {
	cut, err := r.shallowCommits()
	if err != nil {
		return nil, err
	}
	w, err := r.newWalker(start, p, opts, cut, r.graph.pathHash)
	if err != nil {
		return nil, err
	}
	for !w.done {
		if err := w.step(); err != nil {
			return nil, err
		}
	}
	return w.result(), nil
}

// HistoryMany is History for several paths at once: out[i] is History(start,
// paths[i], opts). The walks advance together, newest commit first, so the trees
// they all read are read once while they are fresh in the cache, and folders are
// looked up in the parsed trees: for the newest revisions of hundreds of countries,
// the walks cost about one walk of the history, not one each. An error of one walk
// is a *PathError naming its path.
func (r *Repo) HistoryMany(start plumbing.Hash, paths []string, opts HistoryOptions) ([][]Revision, error) {
	cut, err := r.shallowCommits()
	if err != nil {
		return nil, err
	}
	ws := &walkerQueue{}
	all := make([]*walker, len(paths))
	for i, p := range paths {
		w, err := r.newWalker(start, p, opts, cut, r.graph.pathHashParsed)
		if err != nil {
			return nil, &PathError{Index: i, Path: p, Err: err}
		}
		w.index = i
		all[i] = w
		if !w.done {
			heap.Push(ws, w)
		}
	}
	for ws.Len() > 0 {
		w := ws.items[0]
		if err := w.step(); err != nil {
			return nil, &PathError{Index: w.index, Path: paths[w.index], Err: err}
		}
		if w.done {
			heap.Pop(ws)
		} else {
			heap.Fix(ws, 0)
		}
	}
	out := make([][]Revision, len(paths))
	for i, w := range all {
		out[i] = w.result()
	}
	return out, nil
}

// PathError is the error of one path's walk in HistoryMany.
type PathError struct {
	Index int // in the paths asked for
	Path  string
	Err   error
}

func (e *PathError) Error() string { return e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

func (r *Repo) shallowCommits() (map[plumbing.Hash]bool, error) {
	shallow, err := r.git.Storer.Shallow()
	if err != nil {
		return nil, fmt.Errorf("failed to read shallow commits: %w", err)
	}
	cut := make(map[plumbing.Hash]bool, len(shallow))
	for _, h := range shallow {
		cut[h] = true
	}
	return cut, nil
}

// walker is the history walk of one path, a commit at a time.
type walker struct {
	r        *Repo
	asked, p string
	opts     HistoryOptions
	cut      map[plumbing.Hash]bool
	pathHash func(commit plumbing.Hash, c *commitInfo, path string) (plumbing.Hash, error)
	q        walkQueue
	seen     map[plumbing.Hash]bool
	out      []Revision
	done     bool
	index    int // in HistoryMany's paths
}

func (r *Repo) newWalker(start plumbing.Hash, p string, opts HistoryOptions, cut map[plumbing.Hash]bool,
	pathHash func(plumbing.Hash, *commitInfo, string) (plumbing.Hash, error)) (*walker, error) {
	asked := path.Clean(p)
	w := &walker{r: r, asked: asked, p: r.full(asked), opts: opts, cut: cut, pathHash: pathHash, seen: map[plumbing.Hash]bool{}}
	if err := w.push(start, w.p); err != nil {
		return nil, r.shallowHint(err)
	}
	w.done = w.q.Len() == 0
	return w, nil
}

func (w *walker) push(h plumbing.Hash, p string) error {
	if w.seen[h] {
		return nil
	}
	w.seen[h] = true
	c, err := w.r.graph.commit(h)
	if err != nil {
		return err
	}
	w.q.seq++
	heap.Push(&w.q, walkItem{hash: h, path: p, info: c, seq: w.q.seq})
	return nil
}

// step handles the newest commit in the queue.
func (w *walker) step() error {
	r, g := w.r, w.r.graph
	it := heap.Pop(&w.q).(walkItem)
	c := it.info
	here, err := w.pathHash(it.hash, c, it.path)
	if err != nil {
		return err
	}
	if w.cut[it.hash] {
		return fmt.Errorf("failed to read the history of %s: commit %s has no parents here; %w: %s",
			w.asked, short(it.hash), ErrShallow, ShallowFix)
	}
	if len(c.parents) == 0 {
		if !here.IsZero() {
			w.out = append(w.out, Revision{Hash: it.hash, Path: it.path})
		}
	} else {
		same := -1
		parentPaths := make([]string, len(c.parents))
		renamedFrom := ""
		for i, ph := range c.parents {
			pc, err := g.commit(ph)
			if err != nil {
				return r.shallowHint(err)
			}
			parentPaths[i] = it.path
			there, err := w.pathHash(ph, pc, it.path)
			if err != nil {
				return err
			}
			if there == here {
				same = i
				break
			}
			if there.IsZero() && !here.IsZero() && w.opts.Follow != nil {
				old, err := w.opts.Follow(it.hash, ph, r.rel(it.path))
				if err != nil {
					return err
				}
				if old != "" {
					parentPaths[i] = r.full(path.Clean(old))
					renamedFrom = parentPaths[i]
				}
			}
		}
		if same >= 0 {
			if err := w.push(c.parents[same], it.path); err != nil {
				return r.shallowHint(err)
			}
		} else {
			w.out = append(w.out, Revision{Hash: it.hash, Parents: c.parents, Path: it.path, RenamedFrom: renamedFrom})
			for i, ph := range c.parents {
				if err := w.push(ph, parentPaths[i]); err != nil {
					return r.shallowHint(err)
				}
			}
		}
	}
	if w.q.Len() == 0 || w.opts.Limit > 0 && len(w.out) >= w.opts.Limit {
		w.done = true
	}
	return nil
}

func (w *walker) result() []Revision {
	for i := range w.out {
		w.out[i].Path, w.out[i].RenamedFrom = w.r.rel(w.out[i].Path), w.r.rel(w.out[i].RenamedFrom)
	}
	return w.out
}

// walkerQueue orders walks by their next commit, newest first.
type walkerQueue struct{ items []*walker }

func (q *walkerQueue) Len() int { return len(q.items) }
func (q *walkerQueue) Less(i, j int) bool {
	a, b := q.items[i].q.items[0].info.when, q.items[j].q.items[0].info.when
	if !a.Equal(b) {
		return a.After(b)
	}
	return q.items[i].index < q.items[j].index
}
func (q *walkerQueue) Swap(i, j int) { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *walkerQueue) Push(x any)    { q.items = append(q.items, x.(*walker)) }
func (q *walkerQueue) Pop() any {
	w := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	return w
}

type walkItem struct {
	hash plumbing.Hash
	path string
	info *commitInfo
	seq  int
}

// walkQueue pops the newest commit first (by commit time, then by discovery order),
// which is the order git log prints in.
type walkQueue struct {
	items []walkItem
	seq   int
}

func (q *walkQueue) Len() int { return len(q.items) }
func (q *walkQueue) Less(i, j int) bool {
	a, b := q.items[i], q.items[j]
	if !a.info.when.Equal(b.info.when) {
		return a.info.when.After(b.info.when)
	}
	return a.seq < b.seq
}
func (q *walkQueue) Swap(i, j int) { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *walkQueue) Push(x any)    { q.items = append(q.items, x.(walkItem)) }
func (q *walkQueue) Pop() any {
	it := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	return it
}

// PathHash returns the object hash of the tree entry at path in a commit (a blob or a
// tree), or ZeroHash when the commit does not have it. Equal hashes mean equal content.
func (r *Repo) PathHash(commit plumbing.Hash, p string) (plumbing.Hash, error) {
	c, err := r.graph.commit(commit)
	if err != nil {
		return plumbing.ZeroHash, r.shallowHint(err)
	}
	return r.graph.pathHashParsed(commit, c, r.full(path.Clean(p)))
}

// FirstParents returns the commits on the first-parent chain from start (start
// included): the main line of a branch, without the commits merged into it.
func (r *Repo) FirstParents(start plumbing.Hash) (map[plumbing.Hash]bool, error) {
	out := map[plumbing.Hash]bool{}
	for h := start; !out[h]; {
		out[h] = true
		c, err := r.graph.commit(h)
		if err != nil {
			return nil, r.shallowHint(err)
		}
		if len(c.parents) == 0 {
			break
		}
		h = c.parents[0]
	}
	return out, nil
}
