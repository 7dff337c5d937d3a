package gitrev

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// commitInfo is what the history walk needs of a commit.
type commitInfo struct {
	tree    plumbing.Hash
	parents []plumbing.Hash
	when    time.Time
}

// graph answers commit and tree questions fast: from the commit-graph file when the
// repository has one, else by decoding objects; every answer is cached.
type graph struct {
	objects storer.EncodedObjectStorer
	index   commitgraph.Index // nil without a commit-graph
	commits map[plumbing.Hash]*commitInfo
	trees   map[plumbing.Hash][]treeEntry
}

type treeEntry struct {
	name string
	hash plumbing.Hash
	dir  bool
	mode string
}

func newGraph(r *Repo) *graph {
	g := &graph{
		objects: r.git.Storer,
		commits: map[plumbing.Hash]*commitInfo{},
		trees:   map[plumbing.Hash][]treeEntry{},
	}
	if r.storage != nil {
		if idx, err := commitgraph.OpenChainOrFileIndex(r.storage.Filesystem()); err == nil {
			g.index = idx
		}
	}
	return g
}

func (g *graph) close() error {
	if g.index != nil {
		return g.index.Close()
	}
	return nil
}

// commit returns the tree, parents and commit time of h.
func (g *graph) commit(h plumbing.Hash) (*commitInfo, error) {
	if c, ok := g.commits[h]; ok {
		return c, nil
	}
	var c *commitInfo
	if g.index != nil {
		if i, err := g.index.GetIndexByHash(h); err == nil {
			if d, err := g.index.GetCommitDataByIndex(i); err == nil {
				c = &commitInfo{tree: d.TreeHash, parents: d.ParentHashes, when: d.When}
			}
		}
	}
	if c == nil {
		obj, err := object.GetCommit(g.objects, h)
		if err != nil {
			return nil, fmt.Errorf("failed to read commit %s: %w", short(h), err)
		}
		c = &commitInfo{tree: obj.TreeHash, parents: obj.ParentHashes, when: obj.Committer.When}
	}
	g.commits[h] = c
	return c, nil
}

// entries returns the entries of a tree, parsed from the raw object and cached.
func (g *graph) entries(tree plumbing.Hash) ([]treeEntry, error) {
	if es, ok := g.trees[tree]; ok {
		return es, nil
	}
	obj, err := g.objects.EncodedObject(plumbing.TreeObject, tree)
	if err != nil {
		return nil, fmt.Errorf("failed to read tree %s: %w", short(tree), err)
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, fmt.Errorf("failed to read tree %s: %w", short(tree), err)
	}
	defer rd.Close()
	raw, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("failed to read tree %s: %w", short(tree), err)
	}
	es, err := parseTree(raw)
	if err != nil {
		return nil, fmt.Errorf("failed to parse tree %s: %w", short(tree), err)
	}
	g.trees[tree] = es
	return es, nil
}

var errBadTree = errors.New("malformed tree object")

// parseTree reads "<mode> <name>\x00<20-byte hash>" records.
func parseTree(raw []byte) ([]treeEntry, error) {
	var es []treeEntry
	for len(raw) > 0 {
		sp := bytes.IndexByte(raw, ' ')
		if sp < 0 {
			return nil, errBadTree
		}
		mode := raw[:sp]
		raw = raw[sp+1:]
		nul := bytes.IndexByte(raw, 0)
		if nul < 0 || len(raw) < nul+1+20 {
			return nil, errBadTree
		}
		var h plumbing.Hash
		copy(h[:], raw[nul+1:nul+21])
		es = append(es, treeEntry{name: string(raw[:nul]), hash: h, dir: string(mode) == "40000", mode: string(mode)})
		raw = raw[nul+21:]
	}
	return es, nil
}

// lookup returns the hash of the entry at a slash path within tree, or ZeroHash when
// the path does not exist there.
func (g *graph) lookup(tree plumbing.Hash, path string) (plumbing.Hash, error) {
	e, ok, err := g.find(tree, path)
	if err != nil || !ok {
		return plumbing.ZeroHash, err
	}
	return e.hash, nil
}

// find returns the entry at a slash path within tree; ok is false when it is absent.
func (g *graph) find(tree plumbing.Hash, path string) (e treeEntry, ok bool, err error) {
	e = treeEntry{hash: tree, dir: true}
	if path == "." || path == "" {
		return e, true, nil
	}
	for part := range strings.SplitSeq(path, "/") {
		if !e.dir {
			return treeEntry{}, false, nil
		}
		es, err := g.entries(e.hash)
		if err != nil {
			return treeEntry{}, false, err
		}
		ok = false
		for _, c := range es {
			if c.name == part {
				e, ok = c, true
				break
			}
		}
		if !ok {
			return treeEntry{}, false, nil
		}
	}
	return e, true, nil
}
