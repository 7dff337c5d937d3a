package pack

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/binary"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
)

// testEntry is one entry of a pack written by buildPack.
type testEntry struct {
	name    plumbing.Hash       // the name the index gives it (not checked against the content)
	typ     plumbing.ObjectType // a delta type for deltas
	base    int                 // OFS_DELTA: the entry it is a delta of
	rel     int64               // OFS_DELTA: a raw distance instead of base, when not 0
	baseRef plumbing.Hash       // REF_DELTA: the base's name
	data    []byte              // content, or the delta
	size    int64               // the size the header announces, when not 0
}

// buildPack writes a pack and its version 2 index. Entries at or above off64 (in
// pack offsets) go to the 64-bit offset table, as `git index-pack
// --index-version=2,<off64>` does; off64 < 0 keeps every offset 32-bit.
func buildPack(es []testEntry, off64 int64) (idx, data []byte) {
	var pk bytes.Buffer
	pk.WriteString("PACK")
	binary.Write(&pk, binary.BigEndian, uint32(2))
	binary.Write(&pk, binary.BigEndian, uint32(len(es)))
	offs := make([]int64, len(es))
	for i, e := range es {
		offs[i] = int64(pk.Len())
		size := uint64(len(e.data))
		if e.size != 0 {
			size = uint64(e.size)
		}
		c := byte(e.typ)<<4 | byte(size&15)
		size >>= 4
		for size > 0 {
			pk.WriteByte(c | 0x80)
			c = byte(size & 0x7f)
			size >>= 7
		}
		pk.WriteByte(c)
		switch e.typ {
		case plumbing.OFSDeltaObject:
			rel := e.rel
			if rel == 0 {
				rel = offs[i] - offs[e.base]
			}
			pk.Write(ofsBytes(rel))
		case plumbing.REFDeltaObject:
			pk.Write(e.baseRef[:])
		}
		zw := zlib.NewWriter(&pk)
		zw.Write(e.data)
		zw.Close()
	}
	sum := sha1.Sum(pk.Bytes())
	pk.Write(sum[:])

	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return bytes.Compare(es[a].name[:], es[b].name[:]) })
	var ix bytes.Buffer
	ix.WriteString("\xfftOc")
	binary.Write(&ix, binary.BigEndian, uint32(2))
	for b := range 256 {
		n := 0
		for _, e := range es {
			if int(e.name[0]) <= b {
				n++
			}
		}
		binary.Write(&ix, binary.BigEndian, uint32(n))
	}
	for _, i := range order {
		ix.Write(es[i].name[:])
	}
	for range order {
		binary.Write(&ix, binary.BigEndian, uint32(0)) // CRC32, unchecked
	}
	var big []int64
	for _, i := range order {
		if off64 >= 0 && offs[i] >= off64 {
			binary.Write(&ix, binary.BigEndian, uint32(0x80000000|len(big)))
			big = append(big, offs[i])
			continue
		}
		binary.Write(&ix, binary.BigEndian, uint32(offs[i]))
	}
	for _, o := range big {
		binary.Write(&ix, binary.BigEndian, uint64(o))
	}
	ix.Write(sum[:])
	isum := sha1.Sum(ix.Bytes())
	ix.Write(isum[:])
	return ix.Bytes(), pk.Bytes()
}

// ofsBytes encodes an OFS_DELTA distance the way git does.
func ofsBytes(rel int64) []byte {
	b := []byte{byte(rel & 0x7f)}
	for rel >>= 7; rel > 0; rel >>= 7 {
		rel--
		b = append([]byte{0x80 | byte(rel&0x7f)}, b...)
	}
	return b
}

// name makes an object name from a number.
func name(i int) plumbing.Hash {
	var h plumbing.Hash
	binary.BigEndian.PutUint32(h[:], uint32(i)*2654435761)
	h[19] = byte(i)
	return h
}

// deltaOf is a delta that turns src into dst: a copy of src's first keep bytes, then
// dst's bytes after them inserted.
func deltaOf(src []byte, keep int, tail []byte) []byte {
	var d []byte
	d = binary.AppendUvarint(d, uint64(len(src)))
	d = binary.AppendUvarint(d, uint64(keep+len(tail)))
	if keep > 0 {
		d = append(d, 0x80|0x01|0x02|0x10|0x20, 0, 0, byte(keep), byte(keep>>8)) // copy from offset 0
	}
	for len(tail) > 0 {
		n := min(len(tail), 127)
		d = append(d, byte(n))
		d = append(d, tail[:n]...)
		tail = tail[n:]
	}
	return d
}
