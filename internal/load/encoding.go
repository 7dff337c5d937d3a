package load

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// Files saved by Excel ("Unicode text") or Notepad ("Unicode") are UTF-16; the
// loader names the encoding instead of calling the file binary, and hwfplan fmt
// converts it with ToUTF8.

// utfBOMs lists the byte order marks of the encodings other than UTF-8, longest
// first (the UTF-32LE mark starts with the UTF-16LE one).
var utfBOMs = []struct {
	bom  string
	name string
}{
	{"\xff\xfe\x00\x00", "UTF-32 (little-endian)"},
	{"\x00\x00\xfe\xff", "UTF-32 (big-endian)"},
	{"\xff\xfe", "UTF-16 (little-endian)"},
	{"\xfe\xff", "UTF-16 (big-endian)"},
}

// Encoding names the Unicode encoding other than UTF-8 that data is saved in
// ("UTF-16 (little-endian)", ...), from its byte order mark or, without one, from
// the NUL bytes an ASCII first character has in UTF-16 and UTF-32; "" for
// anything else. Plan files start with a key or a comment, so the first
// character is ASCII.
func Encoding(data []byte) string {
	for _, b := range utfBOMs {
		if bytes.HasPrefix(data, []byte(b.bom)) {
			return b.name
		}
	}
	switch {
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] == 0 && data[3] == 0:
		return "UTF-32 (little-endian)"
	case len(data) >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] != 0:
		return "UTF-32 (big-endian)"
	case len(data) >= 2 && data[0] != 0 && data[0] < 0x80 && data[1] == 0:
		return "UTF-16 (little-endian)"
	case len(data) >= 2 && data[0] == 0 && data[1] != 0 && data[1] < 0x80:
		return "UTF-16 (big-endian)"
	}
	return ""
}

// ToUTF8 converts data saved in the encoding Encoding named to UTF-8, without
// a byte order mark. It fails when the bytes are not valid in that encoding
// (a cut-off character, an unpaired surrogate) or are not text (a NUL).
func ToUTF8(data []byte, enc string) ([]byte, error) {
	for _, b := range utfBOMs {
		if b.name == enc {
			data = bytes.TrimPrefix(data, []byte(b.bom))
		}
	}
	little := enc == "UTF-32 (little-endian)" || enc == "UTF-16 (little-endian)"
	var out []byte
	switch enc {
	case "UTF-32 (little-endian)", "UTF-32 (big-endian)":
		if len(data)%4 != 0 {
			return nil, fmt.Errorf("the file ends inside a character (%d bytes is not a multiple of 4)", len(data))
		}
		for i := 0; i < len(data); i += 4 {
			var r uint32
			if little {
				r = uint32(data[i]) | uint32(data[i+1])<<8 | uint32(data[i+2])<<16 | uint32(data[i+3])<<24
			} else {
				r = uint32(data[i+3]) | uint32(data[i+2])<<8 | uint32(data[i+1])<<16 | uint32(data[i])<<24
			}
			if r > utf8.MaxRune || !utf8.ValidRune(rune(r)) {
				return nil, fmt.Errorf("byte %d holds no Unicode character (0x%X)", i, r)
			}
			out = utf8.AppendRune(out, rune(r))
		}
	case "UTF-16 (little-endian)", "UTF-16 (big-endian)":
		if len(data)%2 != 0 {
			return nil, fmt.Errorf("the file ends inside a character (%d bytes is an odd number)", len(data))
		}
		units := make([]uint16, len(data)/2)
		for i := range units {
			if little {
				units[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
			} else {
				units[i] = uint16(data[2*i+1]) | uint16(data[2*i])<<8
			}
		}
		for i := 0; i < len(units); i++ {
			u := units[i]
			switch {
			case utf16.IsSurrogate(rune(u)):
				if i+1 >= len(units) {
					return nil, fmt.Errorf("byte %d starts a character that is cut off", 2*i)
				}
				r := utf16.DecodeRune(rune(u), rune(units[i+1]))
				if r == utf8.RuneError {
					return nil, fmt.Errorf("byte %d holds half a character (an unpaired surrogate)", 2*i)
				}
				out = utf8.AppendRune(out, r)
				i++
			default:
				out = utf8.AppendRune(out, rune(u))
			}
		}
	default:
		return nil, fmt.Errorf("unknown encoding %q", enc)
	}
	if i := bytes.IndexByte(out, 0); i >= 0 {
		return nil, fmt.Errorf("it holds a NUL character, which no text holds")
	}
	return bytes.TrimPrefix(out, []byte("\ufeff")), nil
}
