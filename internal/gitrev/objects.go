package gitrev

import (
	"bytes"
	"compress/zlib"
	"container/list"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// objects reads git objects for the history walk and the tree file system. Objects in
// pack files that fit in memory are read straight from the pack bytes, with a cache of
// resolved objects keyed by pack offset: a file's revisions are stored as chains of
// deltas against each other, and walking history resolves each link once instead of
// once per chain it sits in (go-git resolves the whole chain for every object and,
// for objects above 16 KiB, re-opens the pack file each time). Loose objects and packs
// too big for memory are read through go-git. Not safe for concurrent use.
type objects struct {
	packs   []*memPack
	git     storer.EncodedObjectStorer
	cache   objectCache
	zr      io.ReadCloser // a reusable zlib reader
	zsrc    bytes.Reader
	workers []*objects // for ReadBlobs
}

// rawObject is a resolved object: its type and content. The content is shared with
// the cache and must not be modified.
type rawObject struct {
	typ  plumbing.ObjectType
	data []byte
}

// cacheBytes bounds the resolved objects kept: enough for the delta chains of the
// trees a history walk reads, small next to a history's total size.
const cacheBytes = 16 << 20

// workerCacheBytes bounds each ReadBlobs worker's cache: ReadBlobs resolves a batch
// depth first without it, the cache only spares some of the work of the next batch.
const workerCacheBytes = 8 << 20

// newObjects reads the pack files of dotgit into memory ("" for none) and shares
// their bytes with go-git's reads through files.
func newObjects(dotgit string, git storer.EncodedObjectStorer, files *memFiles) *objects {
	o := &objects{git: git}
	if dotgit == "" {
		o.init()
		return o
	}
	names, err := filepath.Glob(filepath.Join(dotgit, "objects", "pack", "pack-*.idx"))
	if err != nil {
		o.init()
		return o
	}
	for _, idxName := range names {
		packName := strings.TrimSuffix(idxName, ".idx") + ".pack"
		p := loadPack(idxName, packName)
		if p == nil {
			continue
		}
		o.packs = append(o.packs, p)
		if files != nil {
			files.mu.Lock()
			files.bytes[path.Join("objects", "pack", filepath.Base(packName))] = p.data
			files.mu.Unlock()
		}
	}
	o.init()
	return o
}

func (o *objects) init() {
	o.cache = objectCache{max: cacheBytes, entries: map[cacheKey]*list.Element{}}
}

// worker returns the i-th objects reading the same packs with a cache of its own,
// for another goroutine. It cannot read objects outside the in-memory packs.
func (o *objects) worker(i int) *objects {
	for len(o.workers) <= i {
		w := &objects{packs: o.packs}
		w.init()
		w.cache.max = workerCacheBytes
		o.workers = append(o.workers, w)
	}
	return o.workers[i]
}

// memPack is one pack file in memory with its index (version 2).
type memPack struct {
	data   []byte
	fanout [256]uint32
	names  []byte // sorted 20-byte object names
	off32  []byte
	off64  []byte
}

// find returns the offset of an object in the pack.
func (p *memPack) find(h plumbing.Hash) (int64, bool) {
	lo, hi := uint32(0), p.fanout[h[0]]
	if h[0] > 0 {
		lo = p.fanout[h[0]-1]
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		switch bytes.Compare(h[:], p.names[mid*20:mid*20+20]) {
		case 0:
			off := binary.BigEndian.Uint32(p.off32[mid*4:])
			if off&0x80000000 == 0 {
				return int64(off), true
			}
			i := int(off & 0x7fffffff)
			if 8*i+8 > len(p.off64) {
				return 0, false
			}
			return int64(binary.BigEndian.Uint64(p.off64[8*i:])), true
		case -1:
			hi = mid
		default:
			lo = mid + 1
		}
	}
	return 0, false
}

// loadPack reads a pack and its index into memory, or returns nil (go-git then reads
// the pack's objects) when either is missing, too big, unreadable or of an index
// version other than 2.
func loadPack(idxName, packName string) *memPack {
	fi, err := os.Stat(packName)
	if err != nil || fi.Size() > maxMemPack {
		return nil
	}
	idx, err := os.ReadFile(idxName)
	if err != nil || len(idx) < 8+256*4+40 || string(idx[:4]) != "\xfftOc" || binary.BigEndian.Uint32(idx[4:]) != 2 {
		return nil
	}
	p := &memPack{}
	for i := range p.fanout {
		p.fanout[i] = binary.BigEndian.Uint32(idx[8+4*i:])
	}
	n := int(p.fanout[255])
	rest := idx[8+256*4:]
	if len(rest) < n*(20+4+4)+40 {
		return nil
	}
	p.names, rest = rest[:n*20], rest[n*20:]
	rest = rest[n*4:] // CRC32s
	p.off32, rest = rest[:n*4], rest[n*4:]
	p.off64 = rest[:len(rest)-40]
	packSum := rest[len(rest)-40 : len(rest)-20]
	data, err := os.ReadFile(packName)
	if err != nil || len(data) < 12+20 || string(data[:4]) != "PACK" || !bytes.Equal(data[len(data)-20:], packSum) {
		return nil
	}
	p.data = data
	return p
}

// get returns an object of type t (or any type for plumbing.AnyObject). The content
// is shared: callers must not modify it.
func (o *objects) get(t plumbing.ObjectType, h plumbing.Hash) (rawObject, error) {
	for i, p := range o.packs {
		off, ok := p.find(h)
		if !ok {
			continue
		}
		obj, err := o.at(i, off, 0)
		if err != nil {
			return rawObject{}, fmt.Errorf("object %s: %w", short(h), err)
		}
		if t != plumbing.AnyObject && obj.typ != t {
			return rawObject{}, plumbing.ErrObjectNotFound
		}
		return obj, nil
	}
	return o.fromGit(t, h)
}

// fromGit reads an object through go-git (loose objects, packs not in memory).
func (o *objects) fromGit(t plumbing.ObjectType, h plumbing.Hash) (rawObject, error) {
	if o.git == nil {
		return rawObject{}, plumbing.ErrObjectNotFound
	}
	enc, err := o.git.EncodedObject(t, h)
	if err != nil {
		return rawObject{}, err
	}
	rd, err := enc.Reader()
	if err != nil {
		return rawObject{}, err
	}
	defer rd.Close()
	buf := make([]byte, enc.Size())
	if _, err := io.ReadFull(rd, buf); err != nil {
		return rawObject{}, err
	}
	return rawObject{typ: enc.Type(), data: buf}, nil
}

// maxDeltaDepth stops a corrupt pack whose deltas form a loop.
const maxDeltaDepth = 10_000

var errBadPack = errors.New("malformed pack entry")

// entry is the header of a pack entry.
type entry struct {
	typ     plumbing.ObjectType // a delta type for deltas
	size    uint64              // inflated size of the data (the delta for deltas)
	baseOff int64               // OFS_DELTA: offset of the base
	baseRef plumbing.Hash       // REF_DELTA: name of the base
	data    int64               // offset of the zlib stream
}

// header parses the entry header at off.
func (p *memPack) header(off int64) (entry, error) {
	data := p.data
	if off < 12 || off >= int64(len(data))-20 {
		return entry{}, errBadPack
	}
	pos := off
	c := data[pos]
	pos++
	e := entry{typ: plumbing.ObjectType((c >> 4) & 7), size: uint64(c & 15)}
	for shift := 4; c&0x80 != 0; shift += 7 {
		if pos >= int64(len(data)) || shift > 56 {
			return entry{}, errBadPack
		}
		c = data[pos]
		pos++
		e.size |= uint64(c&0x7f) << shift
	}
	switch e.typ {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
	case plumbing.OFSDeltaObject:
		if pos >= int64(len(data)) {
			return entry{}, errBadPack
		}
		c = data[pos]
		pos++
		rel := int64(c & 0x7f)
		for c&0x80 != 0 {
			if pos >= int64(len(data)) || rel > 1<<48 {
				return entry{}, errBadPack
			}
			c = data[pos]
			pos++
			rel = (rel+1)<<7 | int64(c&0x7f)
		}
		if rel <= 0 || rel > off {
			return entry{}, errBadPack
		}
		e.baseOff = off - rel
	case plumbing.REFDeltaObject:
		if pos+20 > int64(len(data)) {
			return entry{}, errBadPack
		}
		copy(e.baseRef[:], data[pos:pos+20])
		pos += 20
	default:
		return entry{}, errBadPack
	}
	if e.size > uint64(len(data))*1032+1<<20 { // deflate expands at most ~1032:1
		return entry{}, errBadPack
	}
	e.data = pos
	return e, nil
}

func (e entry) delta() bool {
	return e.typ == plumbing.OFSDeltaObject || e.typ == plumbing.REFDeltaObject
}

// at resolves the object at an offset of pack i.
func (o *objects) at(i int, off int64, depth int) (rawObject, error) {
	key := cacheKey{i, off}
	if obj, ok := o.cache.get(key); ok {
		return obj, nil
	}
	if depth > maxDeltaDepth {
		return rawObject{}, errBadPack
	}
	p := o.packs[i]
	e, err := p.header(off)
	if err != nil {
		return rawObject{}, err
	}
	var base rawObject
	switch e.typ {
	case plumbing.OFSDeltaObject:
		if base, err = o.at(i, e.baseOff, depth+1); err != nil {
			return rawObject{}, err
		}
	case plumbing.REFDeltaObject:
		if base, err = o.get(plumbing.AnyObject, e.baseRef); err != nil {
			return rawObject{}, err
		}
	}
	obj, err := o.resolve(p, e, base)
	if err != nil {
		return rawObject{}, err
	}
	o.cache.put(key, obj)
	return obj, nil
}

// resolve inflates an entry and, for a delta, applies it to base.
func (o *objects) resolve(p *memPack, e entry, base rawObject) (rawObject, error) {
	raw, err := o.inflate(p.data[e.data:], int(e.size))
	if err != nil {
		return rawObject{}, err
	}
	if !e.delta() {
		return rawObject{typ: e.typ, data: raw}, nil
	}
	out, err := patchDelta(base.data, raw)
	if err != nil {
		return rawObject{}, err
	}
	return rawObject{typ: base.typ, data: out}, nil
}

// inflate decompresses a zlib stream that must give exactly size bytes.
func (o *objects) inflate(src []byte, size int) ([]byte, error) {
	o.zsrc.Reset(src)
	if o.zr == nil {
		zr, err := zlib.NewReader(&o.zsrc)
		if err != nil {
			return nil, err
		}
		o.zr = zr
	} else if err := o.zr.(zlib.Resetter).Reset(&o.zsrc, nil); err != nil {
		return nil, err
	}
	out := make([]byte, size)
	if _, err := io.ReadFull(o.zr, out); err != nil {
		return nil, fmt.Errorf("%w: %w", errBadPack, err)
	}
	return out, nil
}

type cacheKey struct {
	pack int
	off  int64
}

// objectCache keeps the most recently used resolved objects up to max bytes.
type objectCache struct {
	max, used int
	lru       list.List // of *cacheEntry, most recent first
	entries   map[cacheKey]*list.Element
}

type cacheEntry struct {
	key cacheKey
	obj rawObject
}

func (c *objectCache) get(k cacheKey) (rawObject, bool) {
	e, ok := c.entries[k]
	if !ok {
		return rawObject{}, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cacheEntry).obj, true
}

func (c *objectCache) put(k cacheKey, obj rawObject) {
	n := len(obj.data)
	if n > c.max/4 {
		return
	}
	c.entries[k] = c.lru.PushFront(&cacheEntry{key: k, obj: obj})
	c.used += n
	for c.used > c.max {
		e := c.lru.Back()
		ce := e.Value.(*cacheEntry)
		c.lru.Remove(e)
		delete(c.entries, ce.key)
		c.used -= len(ce.obj.data)
	}
}

var errBadDelta = errors.New("malformed delta")

// patchDelta applies a git delta to src. It allocates the result once, at the size the
// delta announces (go-git's PatchDelta grows a buffer).
func patchDelta(src, delta []byte) ([]byte, error) {
	srcSize, delta, ok := leb128(delta)
	if !ok || srcSize != uint64(len(src)) {
		return nil, errBadDelta
	}
	dstSize, delta, ok := leb128(delta)
	if !ok || dstSize > uint64(len(delta))*(0x10000+1)+uint64(len(src)) {
		return nil, errBadDelta
	}
	dst := make([]byte, 0, dstSize)
	for len(delta) > 0 {
		cmd := delta[0]
		delta = delta[1:]
		switch {
		case cmd&0x80 != 0: // copy from src
			var off, n uint64
			for i := range 4 {
				if cmd&(1<<i) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					off |= uint64(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			for i := range 3 {
				if cmd&(0x10<<i) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					n |= uint64(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			if n == 0 {
				n = 0x10000
			}
			if off+n > uint64(len(src)) || uint64(len(dst))+n > dstSize {
				return nil, errBadDelta
			}
			dst = append(dst, src[off:off+n]...)
		case cmd != 0: // insert from delta
			n := uint64(cmd)
			if n > uint64(len(delta)) || uint64(len(dst))+n > dstSize {
				return nil, errBadDelta
			}
			dst = append(dst, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, errBadDelta
		}
	}
	if uint64(len(dst)) != dstSize {
		return nil, errBadDelta
	}
	return dst, nil
}

// leb128 reads a delta header size: 7 bits a byte, least significant first.
func leb128(b []byte) (uint64, []byte, bool) {
	var v uint64
	for i, c := range b {
		if i > 9 {
			break
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			return v, b[i+1:], true
		}
	}
	return 0, nil, false
}
