package pack

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// chain is a blob and four deltas on it, each against the one before: two by
// offset, then one by name, then one by offset again.
func chain() ([]testEntry, [][]byte) {
	base := []byte(strings.Repeat("line of the base object\n", 40))
	want := [][]byte{base}
	es := []testEntry{{name: name(0), typ: plumbing.BlobObject, data: base}}
	for i := 1; i <= 4; i++ {
		prev := want[i-1]
		tail := []byte(fmt.Sprintf("revision %d\n", i))
		next := append(bytes.Clone(prev[:len(prev)-3]), tail...)
		e := testEntry{name: name(i), data: deltaOf(prev, len(prev)-3, tail)}
		if i == 3 {
			e.typ, e.baseRef = plumbing.REFDeltaObject, name(i-1)
		} else {
			e.typ, e.base = plumbing.OFSDeltaObject, i-1
		}
		es = append(es, e)
		want = append(want, next)
	}
	return es, want
}

func mustParse(t *testing.T, es []testEntry, off64 int64) *Pack {
	t.Helper()
	p, err := Parse(buildPack(es, off64))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadChain(t *testing.T) {
	es, want := chain()
	for _, off64 := range []int64{-1, 13, 0} {
		t.Run(fmt.Sprintf("off64=%d", off64), func(t *testing.T) {
			p := mustParse(t, es, off64)
			r := NewReader([]*Pack{p}, nil, CacheBytes)
			for i, w := range want {
				obj, err := r.Get(plumbing.BlobObject, name(i))
				if err != nil {
					t.Fatalf("object %d: %v", i, err)
				}
				if !bytes.Equal(obj.Data, w) || obj.Type != plumbing.BlobObject {
					t.Errorf("object %d: %s %q", i, obj.Type, obj.Data)
				}
			}
			if _, err := r.Get(plumbing.TreeObject, name(1)); !errors.Is(err, plumbing.ErrObjectNotFound) {
				t.Errorf("a blob read as a tree: %v", err)
			}
			if _, err := r.Get(plumbing.AnyObject, name(99)); !errors.Is(err, plumbing.ErrObjectNotFound) {
				t.Errorf("a missing object: %v", err)
			}
		})
	}
}

// Offsets from the 64-bit table: every entry but the first there, and an index whose
// 64-bit position points past the table.
func TestOffset64(t *testing.T) {
	es, _ := chain()
	idx, data := buildPack(es, 13)
	p, err := Parse(idx, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.off64) != 8*(len(es)-1) {
		t.Fatalf("64-bit table of %d bytes", len(p.off64))
	}
	idx32, _ := buildPack(es, -1)
	p32, err := Parse(idx32, data)
	if err != nil {
		t.Fatal(err)
	}
	for i := range es {
		a, ok := p.Find(name(i))
		b, ok32 := p32.Find(name(i))
		if !ok || !ok32 || a != b {
			t.Errorf("object %d: offset %d %v, 32-bit %d %v", i, a, ok, b, ok32)
		}
	}
	// Point the first 64-bit entry past the table.
	bad := bytes.Clone(idx)
	n := len(es)
	off32 := 8 + 256*4 + n*20 + n*4
	for i := range n {
		if bad[off32+4*i]&0x80 != 0 {
			bad[off32+4*i+3] = byte(n + 5)
			break
		}
	}
	pb, err := Parse(bad, data)
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader([]*Pack{pb}, nil, CacheBytes)
	found := 0
	for i := range es {
		if _, ok := pb.Find(name(i)); ok {
			found++
		}
		r.Get(plumbing.AnyObject, name(i)) // must not panic
	}
	if found != n-1 {
		t.Errorf("%d of %d objects found with one offset out of the table", found, n)
	}
	// A 64-bit table of a length that is not a multiple of 8.
	if _, err := Parse(append(bytes.Clone(idx[:len(idx)-40]), append([]byte{1, 2, 3}, idx[len(idx)-40:]...)...), data); !errors.Is(err, ErrBadIndex) {
		t.Errorf("ragged 64-bit table: %v", err)
	}
}

// Deltas by name that loop, and offsets outside the pack, give errors.
func TestBadChains(t *testing.T) {
	blob := testEntry{name: name(0), typ: plumbing.BlobObject, data: []byte("base\n")}
	d := deltaOf([]byte("base\n"), 5, []byte("x"))
	cases := map[string][]testEntry{
		"by-name loop": {blob,
			{name: name(1), typ: plumbing.REFDeltaObject, baseRef: name(2), data: d},
			{name: name(2), typ: plumbing.REFDeltaObject, baseRef: name(1), data: d}},
		"by-name self":           {blob, {name: name(1), typ: plumbing.REFDeltaObject, baseRef: name(1), data: d}},
		"by-name missing":        {blob, {name: name(1), typ: plumbing.REFDeltaObject, baseRef: name(7), data: d}},
		"offset before the pack": {blob, {name: name(1), typ: plumbing.OFSDeltaObject, rel: 1 << 20, data: d}},
		"offset into a header":   {blob, {name: name(1), typ: plumbing.OFSDeltaObject, rel: 1, data: d}},
		"delta of the wrong base": {blob, {name: name(1), typ: plumbing.OFSDeltaObject, base: 0,
			data: deltaOf([]byte("other base\n"), 3, []byte("x"))}},
		"size larger than the data": {blob, {name: name(1), typ: plumbing.BlobObject, data: []byte("abc"), size: 4}},
		"size beyond any inflation": {blob, {name: name(1), typ: plumbing.BlobObject, data: []byte("abc"), size: 1 << 40}},
	}
	for what, es := range cases {
		t.Run(what, func(t *testing.T) {
			p := mustParse(t, es, -1)
			r := NewReader([]*Pack{p}, nil, CacheBytes)
			if _, err := r.Get(plumbing.AnyObject, name(1)); err == nil {
				t.Fatal("no error")
			}
			var errs []error
			r.ReadBlobs([]plumbing.Hash{name(0), name(1)}, 2, func(h plumbing.Hash, data []byte, err error) {
				if h == name(1) {
					errs = append(errs, err)
				}
			})
			if len(errs) != 1 || errs[0] == nil {
				t.Errorf("ReadBlobs: %v", errs)
			}
			if obj, err := r.Get(plumbing.AnyObject, name(0)); err != nil || string(obj.Data) != "base\n" {
				t.Errorf("the good object: %q %v", obj.Data, err)
			}
		})
	}
}

// Indexes and packs cut short anywhere, or with an unsorted fan-out table, are
// refused or read with errors, never with a panic.
func TestTruncated(t *testing.T) {
	es, want := chain()
	idx, data := buildPack(es, 13)
	for n := range len(idx) {
		if _, err := Parse(idx[:n], data); err == nil {
			t.Fatalf("index cut at %d accepted", n)
		}
	}
	for n := range len(data) {
		cut := append(bytes.Clone(data[:n]), data[len(data)-20:]...) // keep the trailer that the index names
		p, err := Parse(idx, cut)
		if err != nil {
			continue
		}
		r := NewReader([]*Pack{p}, nil, CacheBytes)
		for i := range es {
			if obj, err := r.Get(plumbing.AnyObject, name(i)); err == nil && !bytes.Equal(obj.Data, want[i]) {
				t.Errorf("pack cut at %d: object %d read wrong", n, i)
			}
		}
	}
	unsorted := bytes.Clone(idx)
	unsorted[8+4*10+3] = 0xff // fanout[10] above fanout[11]
	if _, err := Parse(unsorted, data); !errors.Is(err, ErrBadIndex) {
		t.Errorf("unsorted fan-out: %v", err)
	}
}

func TestLoadBudget(t *testing.T) {
	es, _ := chain()
	idx, data := buildPack(es, -1)
	dir := t.TempDir()
	idxName, packName := filepath.Join(dir, "p.idx"), filepath.Join(dir, "p.pack")
	if err := os.WriteFile(idxName, idx, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(packName, data, 0o644); err != nil {
		t.Fatal(err)
	}
	size := int64(len(data) + len(idx))
	if _, err := Load(idxName, packName, int64(len(data))-1); !errors.Is(err, ErrTooBig) {
		t.Errorf("a pack over the budget: %v", err)
	}
	if _, err := Load(idxName, packName, size-1); !errors.Is(err, ErrTooBig) {
		t.Errorf("a pack and index one byte over the budget: %v", err)
	}
	if p, err := Load(idxName, packName, size); err != nil || p.Len() != len(es) {
		t.Errorf("a pack and index of the budget's size: %v", err)
	}
}

func TestCacheEviction(t *testing.T) {
	c := newCache(100)
	obj := func(n int) Object { return Object{Type: plumbing.BlobObject, Data: make([]byte, n)} }
	check := func() {
		t.Helper()
		sum := 0
		for e := c.lru.Front(); e != nil; e = e.Next() {
			sum += len(e.Value.(*cacheEntry).obj.Data)
		}
		if sum != c.used || c.used > c.max || len(c.entries) != c.lru.Len() {
			t.Fatalf("cache holds %d bytes in %d objects, counts %d bytes and %d keys", sum, c.lru.Len(), c.used, len(c.entries))
		}
	}
	for i := range 5 {
		c.put(cacheKey{0, int64(i)}, obj(20))
		check()
	}
	c.put(cacheKey{0, 0}, obj(20)) // again: neither counted twice nor evicted
	check()
	if c.used != 100 {
		t.Fatalf("used %d", c.used)
	}
	c.get(cacheKey{0, 1}) // now the most recent
	c.put(cacheKey{0, 5}, obj(25))
	check()
	for k, want := range map[int64]bool{0: true, 1: true, 2: false, 3: false, 4: true, 5: true} {
		if _, ok := c.get(cacheKey{0, k}); ok != want {
			t.Errorf("key %d kept: %v", k, ok)
		}
	}
	c.put(cacheKey{0, 9}, obj(26)) // over a quarter of the cache: not kept
	check()
	if _, ok := c.get(cacheKey{0, 9}); ok {
		t.Error("a large object was kept")
	}

	// Reading through a cache too small for the chain still gives every object.
	es, want := chain()
	p := mustParse(t, es, -1)
	r := NewReader([]*Pack{p}, nil, 4*len(want[0]))
	for round := range 3 {
		for i := len(want) - 1; i >= 0; i-- {
			got, err := r.Get(plumbing.BlobObject, name(i))
			if err != nil || !bytes.Equal(got.Data, want[i]) {
				t.Fatalf("round %d object %d: %v", round, i, err)
			}
		}
		if r.cache.used > r.cache.max || r.cache.lru.Len() == 0 {
			t.Fatalf("cache %d of %d bytes, %d objects", r.cache.used, r.cache.max, r.cache.lru.Len())
		}
	}
	var mu sync.Mutex
	got := 0
	r.ReadBlobs([]plumbing.Hash{name(4), name(2), name(0)}, 2, func(h plumbing.Hash, data []byte, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err == nil {
			got++
		}
	})
	if got != 3 {
		t.Errorf("ReadBlobs read %d of 3", got)
	}
}
