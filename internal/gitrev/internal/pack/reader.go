package pack

import (
	"bytes"
	"compress/zlib"
	"container/list"
	"fmt"
	"io"

	"github.com/go-git/go-git/v5/plumbing"
)

// Object is a resolved object: its type and content. The content may be shared
// with a cache and must not be modified.
type Object struct {
	Type plumbing.ObjectType
	Data []byte
}

// Fallback reads an object the packs in memory do not hold.
type Fallback func(t plumbing.ObjectType, h plumbing.Hash) (Object, error)

// Reader reads objects from packs in memory, with a cache of resolved objects keyed
// by pack offset: a file's revisions are stored as chains of deltas against each
// other, and walking history resolves each link once instead of once per chain it
// sits in. Objects the packs do not hold are read through the fallback. A Reader is
// not safe for concurrent use; Worker gives other goroutines their own.
type Reader struct {
	packs    []*Pack
	fallback Fallback
	cache    cache
	zr       io.ReadCloser // a reusable zlib reader
	zsrc     bytes.Reader
	workers  []*Reader // for ReadBlobs
}

// CacheBytes bounds the resolved objects a Reader keeps: enough for the delta chains
// of the trees a history walk reads, small next to a history's total size.
const CacheBytes = 16 << 20

// workerCacheBytes bounds each ReadBlobs worker's cache: ReadBlobs resolves a batch
// depth first without it, the cache only spares some of the work of the next batch.
const workerCacheBytes = 8 << 20

// MaxDeltaDepth stops a corrupt pack whose deltas form a loop.
const MaxDeltaDepth = 10_000

// NewReader reads objects from packs, then through fallback (nil for none), keeping
// up to cacheBytes of resolved objects.
func NewReader(packs []*Pack, fallback Fallback, cacheBytes int) *Reader {
	return &Reader{packs: packs, fallback: fallback, cache: newCache(cacheBytes)}
}

// Packs is the number of packs the Reader reads.
func (o *Reader) Packs() int { return len(o.packs) }

// Worker returns the i-th Reader of the same packs with a cache of its own, for
// another goroutine. It cannot read objects outside the packs.
func (o *Reader) Worker(i int) *Reader {
	for len(o.workers) <= i {
		o.workers = append(o.workers, NewReader(o.packs, nil, workerCacheBytes))
	}
	return o.workers[i]
}

// Get returns an object of type t (or any type for plumbing.AnyObject). The content
// is shared: callers must not modify it.
func (o *Reader) Get(t plumbing.ObjectType, h plumbing.Hash) (Object, error) {
	return o.get(t, h, 0)
}

func (o *Reader) get(t plumbing.ObjectType, h plumbing.Hash, depth int) (Object, error) {
	for i, p := range o.packs {
		off, ok := p.Find(h)
		if !ok {
			continue
		}
		obj, err := o.at(i, off, depth)
		if err != nil {
			if depth > 0 {
				return Object{}, err // named once, by the outermost read
			}
			return Object{}, fmt.Errorf("object %s: %w", h.String()[:7], err)
		}
		if t != plumbing.AnyObject && obj.Type != t {
			return Object{}, plumbing.ErrObjectNotFound
		}
		return obj, nil
	}
	if o.fallback == nil {
		return Object{}, plumbing.ErrObjectNotFound
	}
	return o.fallback(t, h)
}

// at resolves the object at an offset of pack i; depth counts the deltas above it.
func (o *Reader) at(i int, off int64, depth int) (Object, error) {
	key := cacheKey{i, off}
	if obj, ok := o.cache.get(key); ok {
		return obj, nil
	}
	if depth > MaxDeltaDepth {
		return Object{}, fmt.Errorf("%w: delta chain deeper than %d", ErrBadPack, MaxDeltaDepth)
	}
	p := o.packs[i]
	e, err := p.Header(off)
	if err != nil {
		return Object{}, err
	}
	var base Object
	switch e.Type {
	case plumbing.OFSDeltaObject:
		if base, err = o.at(i, e.BaseOff, depth+1); err != nil {
			return Object{}, err
		}
	case plumbing.REFDeltaObject:
		// A base by name may sit in another pack, or loop back: depth goes on.
		if base, err = o.get(plumbing.AnyObject, e.BaseRef, depth+1); err != nil {
			return Object{}, err
		}
	}
	obj, err := o.resolve(p, e, base)
	if err != nil {
		return Object{}, err
	}
	o.cache.put(key, obj)
	return obj, nil
}

// resolve inflates an entry and, for a delta, applies it to base.
func (o *Reader) resolve(p *Pack, e Entry, base Object) (Object, error) {
	raw, err := o.inflate(p.data[e.data:], int(e.Size))
	if err != nil {
		return Object{}, err
	}
	if !e.Delta() {
		return Object{Type: e.Type, Data: raw}, nil
	}
	out, err := PatchDelta(base.Data, raw)
	if err != nil {
		return Object{}, err
	}
	return Object{Type: base.Type, Data: out}, nil
}

// inflate decompresses a zlib stream that must give exactly size bytes.
func (o *Reader) inflate(src []byte, size int) ([]byte, error) {
	o.zsrc.Reset(src)
	if o.zr == nil {
		zr, err := zlib.NewReader(&o.zsrc)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadPack, err)
		}
		o.zr = zr
	} else if err := o.zr.(zlib.Resetter).Reset(&o.zsrc, nil); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadPack, err)
	}
	out := make([]byte, size)
	if _, err := io.ReadFull(o.zr, out); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadPack, err)
	}
	// The stream must end here, with a good checksum, as git requires: a cut or
	// corrupt stream otherwise passes for an object.
	var more [1]byte
	for range 3 {
		n, err := o.zr.Read(more[:])
		if n > 0 {
			return nil, fmt.Errorf("%w: object longer than its header says", ErrBadPack)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadPack, err)
		}
	}
	return nil, fmt.Errorf("%w: compressed stream does not end", ErrBadPack)
}

type cacheKey struct {
	pack int
	off  int64
}

// cache keeps the most recently used resolved objects up to max bytes.
type cache struct {
	max, used int
	lru       list.List // of *cacheEntry, most recent first
	entries   map[cacheKey]*list.Element
}

type cacheEntry struct {
	key cacheKey
	obj Object
}

func newCache(max int) cache {
	return cache{max: max, entries: map[cacheKey]*list.Element{}}
}

func (c *cache) get(k cacheKey) (Object, bool) {
	e, ok := c.entries[k]
	if !ok {
		return Object{}, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cacheEntry).obj, true
}

// put keeps obj, evicting the least recently used objects beyond max bytes. An
// object over a quarter of max is not kept, so one read cannot empty the cache.
func (c *cache) put(k cacheKey, obj Object) {
	n := len(obj.Data)
	if n > c.max/4 {
		return
	}
	if e, ok := c.entries[k]; ok {
		c.lru.MoveToFront(e)
		return
	}
	c.entries[k] = c.lru.PushFront(&cacheEntry{key: k, obj: obj})
	c.used += n
	for c.used > c.max {
		e := c.lru.Back()
		ce := e.Value.(*cacheEntry)
		c.lru.Remove(e)
		delete(c.entries, ce.key)
		c.used -= len(ce.obj.Data)
	}
}
