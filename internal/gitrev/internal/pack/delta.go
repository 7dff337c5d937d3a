package pack

import (
	"errors"
)

// ErrBadDelta is returned for a delta that does not fit its base.
var ErrBadDelta = errors.New("malformed delta")

// PatchDelta applies a git delta to src. It allocates the result once, at the size
// the delta announces, after checking that the delta can produce that many bytes
// (go-git's PatchDelta grows a buffer).
func PatchDelta(src, delta []byte) ([]byte, error) {
	srcSize, delta, ok := leb128(delta)
	if !ok || srcSize != uint64(len(src)) {
		return nil, ErrBadDelta
	}
	dstSize, delta, ok := leb128(delta)
	// Each command byte copies at most len(src) bytes or inserts fewer bytes than
	// it takes.
	if !ok || dstSize > uint64(len(delta))*uint64(max(len(src), 1)) {
		return nil, ErrBadDelta
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
						return nil, ErrBadDelta
					}
					off |= uint64(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			for i := range 3 {
				if cmd&(0x10<<i) != 0 {
					if len(delta) == 0 {
						return nil, ErrBadDelta
					}
					n |= uint64(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			if n == 0 {
				n = 0x10000
			}
			if off+n > uint64(len(src)) || uint64(len(dst))+n > dstSize {
				return nil, ErrBadDelta
			}
			dst = append(dst, src[off:off+n]...)
		case cmd != 0: // insert from delta
			n := uint64(cmd)
			if n > uint64(len(delta)) || uint64(len(dst))+n > dstSize {
				return nil, ErrBadDelta
			}
			dst = append(dst, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, ErrBadDelta
		}
	}
	if uint64(len(dst)) != dstSize {
		return nil, ErrBadDelta
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
