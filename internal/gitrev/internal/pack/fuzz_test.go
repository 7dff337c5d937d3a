package pack

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

// readAll reads every object an index names, one by one and with ReadBlobs, through
// a small cache so that eviction runs too. It checks only that reading ends without
// a panic and that both ways agree.
func readAll(t *testing.T, p *Pack) {
	r := NewReader([]*Pack{p}, nil, 256)
	n := min(p.Len(), 64)
	got := map[plumbing.Hash][]byte{}
	var hashes []plumbing.Hash
	for i := range n {
		h := p.Name(i)
		hashes = append(hashes, h)
		if obj, err := r.Get(plumbing.AnyObject, h); err == nil && obj.Type == plumbing.BlobObject {
			got[h] = obj.Data
		}
	}
	r.ReadBlobs(hashes, 2, func(h plumbing.Hash, data []byte, err error) {
		if err == nil && !bytes.Equal(data, got[h]) {
			t.Errorf("ReadBlobs and Get differ on %s", h)
		}
	})
}

// gitPacks makes a small repository with the git CLI, packs it with deltas and
// returns its index and pack, plus the index rewritten with 64-bit offsets.
func gitPacks(f *testing.F) [][2][]byte {
	g := gittest.New(f)
	for i := range 6 {
		g.Write(map[string]string{
			"a.yaml": strings.Repeat("shared line of text\n", 20) + strings.Repeat("x", i) + "\n",
			"b.yaml": strings.Repeat("other line\n", 10+i),
		})
		g.Commit("c")
	}
	g.Git("repack", "-adfq", "--depth=10", "--window=10")
	packs, _ := filepath.Glob(filepath.Join(g.Dir, ".git", "objects", "pack", "*.pack"))
	if len(packs) != 1 {
		f.Fatalf("packs: %v", packs)
	}
	idxName := strings.TrimSuffix(packs[0], ".pack") + ".idx"
	read := func(name string) []byte {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	out := [][2][]byte{{read(idxName), read(packs[0])}}
	os.Remove(idxName)
	g.Git("index-pack", "--index-version=2,12", packs[0])
	return append(out, [2][]byte{read(idxName), read(packs[0])})
}

// FuzzParse reads mutated indexes and packs: truncated, with bad offsets and 64-bit
// tables, bad headers, zlib streams and deltas. Seeds are packs made by git.
func FuzzParse(f *testing.F) {
	for _, s := range gitPacks(f) {
		f.Add(s[0], s[1])
	}
	es, _ := chain()
	for _, off64 := range []int64{-1, 13} {
		idx, data := buildPack(es, off64)
		f.Add(idx, data)
	}
	f.Fuzz(func(t *testing.T, idx, data []byte) {
		p, err := Parse(idx, data)
		if err != nil {
			return
		}
		readAll(t, p)
	})
}

// FuzzChains builds well-framed packs from a compact description, so the fuzzer
// explores chains of deltas (by offset and by name, looping, pointing out of range
// or at the wrong type) rather than checksums. Each entry takes 4 bytes: kind,
// base, payload length and a flag byte; payloads follow.
func FuzzChains(f *testing.F) {
	f.Add([]byte{0, 0, 8, 0, 1, 0, 6, 0, 2, 1, 6, 1, 3, 2, 6, 0}, []byte("base text\x09\x0c\x91\x00\x08\x01!\x0c\x0d\x91\x00\x0c\x01?"))
	f.Add([]byte{0, 0, 4, 0, 2, 2, 5, 0, 2, 1, 5, 1}, []byte("abcd\x04\x05\x91\x00\x04\x01z"))
	f.Add([]byte{3, 9, 2, 0, 1, 7, 2, 2}, []byte{0x80, 0x00, 0xff})
	f.Fuzz(func(t *testing.T, spec, payload []byte) {
		if len(spec) > 4*64 {
			return
		}
		var es []testEntry
		for i := 0; i+4 <= len(spec); i += 4 {
			kind, base, n, flags := spec[i], int(spec[i+1]), int(spec[i+2]), spec[i+3]
			n = min(n, len(payload))
			e := testEntry{name: name(i / 4), data: payload[:n]}
			payload = payload[n:]
			switch kind % 5 {
			case 0:
				e.typ = plumbing.BlobObject
			case 1:
				e.typ = plumbing.TreeObject
			case 2:
				e.typ = plumbing.OFSDeltaObject
				if base < len(es) {
					e.base = base
				} else {
					e.rel = int64(base) * 7 // anywhere, even before the pack
				}
			case 3:
				e.typ, e.baseRef = plumbing.REFDeltaObject, name(base) // maybe itself, later, or missing
			case 4:
				e.typ = plumbing.ObjectType(flags % 8) // invalid types too
			}
			if flags&0x80 != 0 {
				e.size = int64(binary.BigEndian.Uint16([]byte{flags & 0x7f, spec[i+1]}))
			}
			es = append(es, e)
		}
		if len(es) == 0 {
			return
		}
		off64 := int64(-1)
		if spec[3]&1 != 0 {
			off64 = 13
		}
		idx, data := buildPack(es, off64)
		p, err := Parse(idx, data)
		if err != nil {
			t.Fatalf("a pack written by buildPack refused: %v", err)
		}
		readAll(t, p)
	})
}

// FuzzPatchDelta applies arbitrary deltas: an error or a result of the announced
// size, never a panic or a huge allocation.
func FuzzPatchDelta(f *testing.F) {
	src := []byte(strings.Repeat("0123456789", 20))
	f.Add(src, deltaOf(src, 150, []byte("tail")))
	f.Add([]byte{}, []byte{0, 3, 3, 'a', 'b', 'c'})
	f.Add(src, []byte{200, 1, 0xff, 0xff, 0x7f, 0x80})
	f.Fuzz(func(t *testing.T, src, delta []byte) {
		out, err := PatchDelta(src, delta)
		if err != nil {
			return
		}
		_, rest, _ := leb128(delta)
		dst, _, _ := leb128(rest)
		if uint64(len(out)) != dst {
			t.Fatalf("result of %d bytes, delta announces %d", len(out), dst)
		}
	})
}
