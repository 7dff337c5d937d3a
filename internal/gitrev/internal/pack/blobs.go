package pack

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// ReadBlobs reads many blobs at once and calls fn once for each distinct hash, with
// its content or the error that kept it from being read (see gitrev.Repo.ReadBlobs).
// It resolves each object on the delta chains once, depth first from the base of
// each chain, spreading the chains over workers goroutines, each with a cache of
// its own that lasts across calls.
func (o *Reader) ReadBlobs(hashes []plumbing.Hash, workers int, fn func(h plumbing.Hash, data []byte, err error)) {
	workers = max(workers, 1)
	type node struct {
		pack     int
		e        Entry
		off      int64
		children []*node
		want     []plumbing.Hash
		weight   int
		head     bool
	}
	nodes := map[cacheKey]*node{}
	var roots []*node
	var single []plumbing.Hash // read one by one: not in an in-memory pack, or a REF_DELTA across packs
	seen := map[plumbing.Hash]bool{}
	for _, h := range hashes {
		if seen[h] {
			continue
		}
		seen[h] = true
		pack, off := -1, int64(0)
		for i, p := range o.packs {
			if x, ok := p.Find(h); ok {
				pack, off = i, x
				break
			}
		}
		if pack < 0 {
			single = append(single, h)
			continue
		}
		if n := nodes[cacheKey{pack, off}]; n != nil {
			n.want = append(n.want, h)
			continue
		}
		// Walk down the chain to a base already in the forest or a full object.
		p := o.packs[pack]
		var chain []*node
		var join *node
		ok := true
		for cur := off; ; {
			if n := nodes[cacheKey{pack, cur}]; n != nil {
				join = n
				break
			}
			e, err := p.Header(cur)
			if err != nil || len(chain) > MaxDeltaDepth {
				ok = false
				break
			}
			chain = append(chain, &node{pack: pack, e: e, off: cur})
			if e.Type == plumbing.REFDeltaObject {
				base, found := p.Find(e.BaseRef)
				if !found || slices.ContainsFunc(chain, func(n *node) bool { return n.off == base }) {
					ok = false // across packs (read one by one), or a loop
					break
				}
				cur = base
				continue
			}
			if e.Type != plumbing.OFSDeltaObject {
				break
			}
			cur = e.BaseOff
		}
		if !ok {
			single = append(single, h)
			continue
		}
		chain[0].want = []plumbing.Hash{h}
		for i, n := range chain {
			nodes[cacheKey{pack, n.off}] = n
			if i > 0 {
				n.children = append(n.children, chain[i-1])
			}
		}
		last := chain[len(chain)-1]
		if join != nil {
			join.children = append(join.children, last)
		} else {
			roots = append(roots, last)
		}
	}

	for _, h := range single {
		obj, err := o.Get(plumbing.BlobObject, h)
		if err != nil {
			fn(h, nil, fmt.Errorf("failed to read blob %s: %w", h.String()[:7], err))
			continue
		}
		fn(h, obj.Data, nil)
	}
	if len(roots) == 0 {
		return
	}

	// Units of work: each root's tree of deltas, split into its branches while a
	// tree is much more than a fair share (a branch's worker then resolves the
	// chain above it again, at most MaxDeltaDepth objects).
	var weigh func(n *node) int
	weigh = func(n *node) int {
		n.weight = 1
		for _, c := range n.children {
			n.weight += weigh(c)
		}
		return n.weight
	}
	total := 0
	for _, n := range roots {
		total += weigh(n)
	}
	limit := max(total/(workers*8), 64)
	var units []*node
	var split func(n *node)
	split = func(n *node) {
		n.head = true
		units = append(units, n)
		if n.weight <= limit || workers == 1 {
			return
		}
		for _, c := range n.children {
			split(c)
		}
	}
	for _, n := range roots {
		split(n)
	}
	slices.SortStableFunc(units, func(a, b *node) int { return cmp.Compare(b.weight, a.weight) })

	var failAll func(n *node, err error)
	failAll = func(n *node, err error) {
		for _, h := range n.want {
			fn(h, nil, fmt.Errorf("failed to read blob %s: %w", h.String()[:7], err))
		}
		for _, c := range n.children {
			if !c.head {
				failAll(c, err)
			}
		}
	}
	emit := func(n *node, obj Object) {
		for _, h := range n.want {
			if obj.Type != plumbing.BlobObject {
				fn(h, nil, fmt.Errorf("failed to read blob %s: %w", h.String()[:7], plumbing.ErrObjectNotFound))
				continue
			}
			fn(h, obj.Data, nil)
		}
	}
	work := func(w *Reader, n *node) {
		obj, err := w.at(n.pack, n.off, 0)
		if err != nil {
			failAll(n, err)
			return
		}
		var dfs func(n *node, obj Object)
		dfs = func(n *node, obj Object) {
			emit(n, obj)
			for _, c := range n.children {
				if c.head {
					continue
				}
				cobj, err := w.resolve(w.packs[c.pack], c.e, obj)
				if err != nil {
					failAll(c, err)
					continue
				}
				w.cache.put(cacheKey{c.pack, c.off}, cobj) // for the chains of the next batch
				dfs(c, cobj)
			}
		}
		dfs(n, obj)
	}
	if workers == 1 || len(units) == 1 {
		w := o.Worker(0)
		for _, n := range units {
			work(w, n)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan *node)
	for i := range min(workers, len(units)) {
		w := o.Worker(i)
		wg.Go(func() {
			for n := range next {
				work(w, n)
			}
		})
	}
	for _, n := range units {
		next <- n
	}
	close(next)
	wg.Wait()
}
