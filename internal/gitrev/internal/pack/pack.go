// Package pack reads git objects straight from pack files held in memory: a pack
// and its version 2 index, entry headers, zlib streams and deltas, with a cache of
// resolved objects. It is the fast path of package gitrev; whatever it cannot read
// (loose objects, packs over the memory budget) gitrev reads through go-git.
//
// Every input is treated as untrusted: a malformed pack or index gives an error,
// never a panic, a loop or an allocation far beyond the input's size.
package pack

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/go-git/go-git/v5/plumbing"
)

// ErrTooBig is returned by Load for a pack larger than the memory budget.
var ErrTooBig = errors.New("pack is larger than the memory budget")

// ErrBadIndex is wrapped by Parse and Load for an index they cannot use.
var ErrBadIndex = errors.New("malformed or unsupported pack index")

// ErrBadPack is wrapped by every error caused by malformed pack data.
var ErrBadPack = errors.New("malformed pack entry")

// Pack is one pack file in memory with its index (version 2).
type Pack struct {
	data   []byte
	fanout [256]uint32
	names  []byte // sorted 20-byte object names
	off32  []byte
	off64  []byte
}

// Load reads a pack and its index into memory. When the two together are larger
// than budget bytes, the pack is not read at all (ErrTooBig): the caller reads its
// objects another way.
func Load(idxName, packName string, budget int64) (*Pack, error) {
	data, err := readAtMost(packName, budget)
	if err != nil {
		return nil, err
	}
	idx, err := readAtMost(idxName, budget-int64(len(data)))
	if err != nil {
		return nil, err
	}
	return Parse(idx, data)
}

// readAtMost reads a whole file that is at most budget bytes long.
func readAtMost(name string, budget int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > budget {
		return nil, fmt.Errorf("%s: %w (%d > %d bytes)", name, ErrTooBig, fi.Size(), budget)
	}
	// One allocation of the size Stat gave (growing a buffer would touch twice the
	// memory); a file that changed size since is refused.
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if n, _ := f.Read(make([]byte, 1)); n > 0 {
		return nil, fmt.Errorf("%s: the file grew while it was read", name)
	}
	return data, nil
}

// Parse checks an index (version 2) and its pack and returns them as a Pack that
// shares data. The pack's trailing checksum must be the one the index names.
func Parse(idx, data []byte) (*Pack, error) {
	if len(idx) < 8+256*4+40 || string(idx[:4]) != "\xfftOc" || binary.BigEndian.Uint32(idx[4:]) != 2 {
		return nil, fmt.Errorf("%w: not a version 2 index", ErrBadIndex)
	}
	p := &Pack{}
	for i := range p.fanout {
		p.fanout[i] = binary.BigEndian.Uint32(idx[8+4*i:])
		if i > 0 && p.fanout[i] < p.fanout[i-1] {
			return nil, fmt.Errorf("%w: fan-out table not sorted", ErrBadIndex)
		}
	}
	n := uint64(p.fanout[255])
	rest := idx[8+256*4:]
	if uint64(len(rest)) < n*(20+4+4)+40 {
		return nil, fmt.Errorf("%w: index truncated", ErrBadIndex)
	}
	p.names, rest = rest[:n*20], rest[n*20:]
	rest = rest[n*4:] // CRC32s
	p.off32, rest = rest[:n*4], rest[n*4:]
	p.off64 = rest[:len(rest)-40]
	if len(p.off64)%8 != 0 {
		return nil, fmt.Errorf("%w: 64-bit offset table truncated", ErrBadIndex)
	}
	packSum := rest[len(rest)-40 : len(rest)-20]
	if len(data) < 12+20 || string(data[:4]) != "PACK" || !bytes.Equal(data[len(data)-20:], packSum) {
		return nil, fmt.Errorf("%w: pack does not match its index", ErrBadIndex)
	}
	p.data = data
	return p, nil
}

// Data is the pack file's content.
func (p *Pack) Data() []byte { return p.data }

// Len is the number of objects the index names.
func (p *Pack) Len() int { return len(p.names) / 20 }

// Name is the i-th object name of the index, in sorted order.
func (p *Pack) Name(i int) plumbing.Hash {
	var h plumbing.Hash
	copy(h[:], p.names[i*20:])
	return h
}

// Find returns the offset of an object in the pack.
func (p *Pack) Find(h plumbing.Hash) (int64, bool) {
	lo, hi := uint32(0), p.fanout[h[0]]
	if h[0] > 0 {
		lo = p.fanout[h[0]-1]
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		switch bytes.Compare(h[:], p.names[mid*20:mid*20+20]) {
		case 0:
			return p.offset(mid)
		case -1:
			hi = mid
		default:
			lo = mid + 1
		}
	}
	return 0, false
}

// offset reads the i-th entry of the offset tables: a 31-bit offset, or with the
// high bit set the position of a 64-bit offset (for packs over 2 GiB).
func (p *Pack) offset(i uint32) (int64, bool) {
	off := binary.BigEndian.Uint32(p.off32[i*4:])
	if off&0x80000000 == 0 {
		return int64(off), true
	}
	j := uint64(off & 0x7fffffff)
	if 8*j+8 > uint64(len(p.off64)) {
		return 0, false
	}
	off64 := binary.BigEndian.Uint64(p.off64[8*j:])
	if off64 > 1<<62 {
		return 0, false
	}
	return int64(off64), true
}

// Entry is the header of a pack entry.
type Entry struct {
	Type    plumbing.ObjectType // a delta type for deltas
	Size    uint64              // inflated size of the data (the delta for deltas)
	BaseOff int64               // OFS_DELTA: offset of the base
	BaseRef plumbing.Hash       // REF_DELTA: name of the base
	data    int64               // offset of the zlib stream
}

// Delta reports whether the entry is a delta against another object.
func (e Entry) Delta() bool {
	return e.Type == plumbing.OFSDeltaObject || e.Type == plumbing.REFDeltaObject
}

// Header parses the entry header at off.
func (p *Pack) Header(off int64) (Entry, error) {
	data := p.data
	if off < 12 || off >= int64(len(data))-20 {
		return Entry{}, ErrBadPack
	}
	pos := off
	c := data[pos]
	pos++
	e := Entry{Type: plumbing.ObjectType((c >> 4) & 7), Size: uint64(c & 15)}
	for shift := 4; c&0x80 != 0; shift += 7 {
		if pos >= int64(len(data)) || shift > 56 {
			return Entry{}, ErrBadPack
		}
		c = data[pos]
		pos++
		e.Size |= uint64(c&0x7f) << shift
	}
	switch e.Type {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
	case plumbing.OFSDeltaObject:
		if pos >= int64(len(data)) {
			return Entry{}, ErrBadPack
		}
		c = data[pos]
		pos++
		rel := int64(c & 0x7f)
		for c&0x80 != 0 {
			if pos >= int64(len(data)) || rel > 1<<48 {
				return Entry{}, ErrBadPack
			}
			c = data[pos]
			pos++
			rel = (rel+1)<<7 | int64(c&0x7f)
		}
		if rel <= 0 || rel > off {
			return Entry{}, ErrBadPack
		}
		e.BaseOff = off - rel
	case plumbing.REFDeltaObject:
		if pos+20 > int64(len(data)) {
			return Entry{}, ErrBadPack
		}
		copy(e.BaseRef[:], data[pos:pos+20])
		pos += 20
	default:
		return Entry{}, ErrBadPack
	}
	if e.Size > uint64(len(data))*1032+1<<20 { // deflate expands at most ~1032:1
		return Entry{}, ErrBadPack
	}
	e.data = pos
	return e, nil
}
