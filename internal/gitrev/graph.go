package gitrev

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"

	"github.com/hwfplan/hwfplan/internal/gitrev/internal/pack"
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
	objects *pack.Reader
	index   commitgraph.Index // nil without a commit-graph
	commits map[plumbing.Hash]*commitInfo
	trees   map[plumbing.Hash][]treeEntry
	paths   map[pathKey]plumbing.Hash
	// parsed trees for pathHashParsed, oldest first in parsedOrder
	parsed      map[plumbing.Hash]*indexedTree
	parsedOrder []plumbing.Hash
}

type treeEntry struct {
	name string
	hash plumbing.Hash
	dir  bool
	mode string
}

func newGraph(r *Repo, dotgit string, files *memFiles) *graph {
	g := &graph{
		objects: newObjects(dotgit, r.git.Storer, files),
		commits: map[plumbing.Hash]*commitInfo{},
		trees:   map[plumbing.Hash][]treeEntry{},
		paths:   map[pathKey]plumbing.Hash{},
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
		raw, err := g.raw(plumbing.CommitObject, h)
		if err != nil {
			return nil, fmt.Errorf("failed to read commit %s: %w", short(h), err)
		}
		if c, err = parseCommit(raw); err != nil {
			return nil, fmt.Errorf("failed to parse commit %s: %w", short(h), err)
		}
	}
	g.commits[h] = c
	return c, nil
}

// entries returns the entries of a tree, parsed from the raw object and cached.
func (g *graph) entries(tree plumbing.Hash) ([]treeEntry, error) {
	if es, ok := g.trees[tree]; ok {
		return es, nil
	}
	raw, err := g.raw(plumbing.TreeObject, tree)
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

// raw returns an object's content, shared with the object cache: do not modify it.
func (g *graph) raw(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	obj, err := g.objects.Get(t, h)
	if err != nil {
		return nil, err
	}
	return obj.Data, nil
}

// parseCommit reads the tree, parents and committer time from a raw commit.
func parseCommit(raw []byte) (*commitInfo, error) {
	c := &commitInfo{}
	for len(raw) > 0 {
		line := raw
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			line, raw = raw[:i], raw[i+1:]
		} else {
			raw = nil
		}
		if len(line) == 0 {
			break // the message follows
		}
		key, val, _ := bytes.Cut(line, []byte{' '})
		switch string(key) {
		case "tree", "parent":
			var h plumbing.Hash
			if _, err := hex.Decode(h[:], val); err != nil || len(val) != 40 {
				return nil, errBadCommit
			}
			if key[0] == 't' {
				c.tree = h
			} else {
				c.parents = append(c.parents, h)
			}
		case "committer":
			// "Name <email> 1700000000 +0100"
			f := bytes.Fields(val[bytes.LastIndexByte(val, '>')+1:])
			if len(f) >= 1 {
				sec, err := strconv.ParseInt(string(f[0]), 10, 64)
				if err != nil {
					return nil, errBadCommit
				}
				c.when = time.Unix(sec, 0)
			}
		}
	}
	if c.tree.IsZero() {
		return nil, errBadCommit
	}
	return c, nil
}

// scanTree finds one entry of a raw tree without building the entry list.
func scanTree(raw []byte, name string) (treeEntry, bool, error) {
	for len(raw) > 0 {
		sp := bytes.IndexByte(raw, ' ')
		if sp < 0 {
			return treeEntry{}, false, errBadTree
		}
		mode := raw[:sp]
		rest := raw[sp+1:]
		nul := bytes.IndexByte(rest, 0)
		if nul < 0 || len(rest) < nul+21 {
			return treeEntry{}, false, errBadTree
		}
		if string(rest[:nul]) == name {
			var h plumbing.Hash
			copy(h[:], rest[nul+1:nul+21])
			return treeEntry{name: name, hash: h, dir: string(mode) == "40000", mode: string(mode)}, true, nil
		}
		raw = rest[nul+21:]
	}
	return treeEntry{}, false, nil
}

// pathHash is lookup for the history walk: it reads trees without caching their
// entries (every commit has its own root tree) and remembers each commit's answer.
func (g *graph) pathHash(commit plumbing.Hash, c *commitInfo, path string) (plumbing.Hash, error) {
	key := pathKey{commit, path}
	if h, ok := g.paths[key]; ok {
		return h, nil
	}
	h := c.tree
	parts := strings.Split(path, "/")
	for i, part := range parts {
		raw, err := g.raw(plumbing.TreeObject, h)
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("failed to read tree %s: %w", short(h), err)
		}
		e, ok, err := scanTree(raw, part)
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("failed to parse tree %s: %w", short(h), err)
		}
		if !ok || (!e.dir && i < len(parts)-1) {
			h = plumbing.ZeroHash
			break
		}
		h = e.hash
	}
	g.paths[key] = h
	return h, nil
}

type pathKey struct {
	commit plumbing.Hash
	path   string
}

var errBadCommit = errors.New("malformed commit object")

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

// pathHashParsed is pathHash for many walks at once (HistoryMany): it looks names up
// in parsed trees kept in a small cache, since many walks ask about the same trees
// while they are recent, and it keeps no answer per commit (there would be one per
// commit and path).
func (g *graph) pathHashParsed(_ plumbing.Hash, c *commitInfo, path string) (plumbing.Hash, error) {
	e, ok, err := g.findParsed(c.tree, path)
	if err != nil || !ok {
		return plumbing.ZeroHash, err
	}
	return e.hash, nil
}

// findParsed is find through the cache of parsed trees (find keeps every tree it
// parses).
func (g *graph) findParsed(tree plumbing.Hash, path string) (treeEntry, bool, error) {
	e := treeEntry{hash: tree, dir: true}
	if path == "." || path == "" {
		return e, true, nil
	}
	for part := range strings.SplitSeq(path, "/") {
		if !e.dir {
			return treeEntry{}, false, nil
		}
		t, err := g.parsedTree(e.hash)
		if err != nil {
			return treeEntry{}, false, err
		}
		i, ok := t.index[part]
		if !ok {
			return treeEntry{}, false, nil
		}
		e = t.entries[i]
	}
	return e, true, nil
}

// indexedTree is a parsed tree with its entries by name.
type indexedTree struct {
	entries []treeEntry
	index   map[string]int
}

// parsedTreeCache is how many parsed trees pathHashParsed keeps.
const parsedTreeCache = 1024

func (g *graph) parsedTree(h plumbing.Hash) (*indexedTree, error) {
	if t, ok := g.parsed[h]; ok {
		return t, nil
	}
	raw, err := g.raw(plumbing.TreeObject, h)
	if err != nil {
		return nil, fmt.Errorf("failed to read tree %s: %w", short(h), err)
	}
	es, err := parseTree(raw)
	if err != nil {
		return nil, fmt.Errorf("failed to parse tree %s: %w", short(h), err)
	}
	t := &indexedTree{entries: es, index: make(map[string]int, len(es))}
	for i, e := range es {
		t.index[e.name] = i
	}
	if g.parsed == nil {
		g.parsed = map[plumbing.Hash]*indexedTree{}
	}
	if len(g.parsedOrder) >= parsedTreeCache {
		delete(g.parsed, g.parsedOrder[0])
		g.parsedOrder = g.parsedOrder[1:]
	}
	g.parsed[h] = t
	g.parsedOrder = append(g.parsedOrder, h)
	return t, nil
}
