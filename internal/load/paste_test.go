package load

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xfe, 0xff)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func utf32(s string, little, bom bool) []byte {
	var b []byte
	rs := []rune(s)
	if bom {
		rs = append([]rune{'\ufeff'}, rs...)
	}
	for _, r := range rs {
		if little {
			b = append(b, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		} else {
			b = append(b, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		}
	}
	return b
}

// TestEncodings: a file saved as UTF-16 or UTF-32 (Excel's "Unicode text",
// Notepad's "Unicode") is named as such, not called binary, and converts back to
// the UTF-8 text it holds.
func TestEncodings(t *testing.T) {
	const text = "# Magyarország 𝄞\nname: OKFŐ\n"
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf-16le with bom", utf16le(text, true), "UTF-16 (little-endian)"},
		{"utf-16le without bom", utf16le(text, false), "UTF-16 (little-endian)"},
		{"utf-16be with bom", utf16be(text, true), "UTF-16 (big-endian)"},
		{"utf-16be without bom", utf16be(text, false), "UTF-16 (big-endian)"},
		{"utf-32le with bom", utf32(text, true, true), "UTF-32 (little-endian)"},
		{"utf-32be with bom", utf32(text, false, true), "UTF-32 (big-endian)"},
		{"utf-32le without bom", utf32(text, true, false), "UTF-32 (little-endian)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Encoding(tt.data); got != tt.enc {
				t.Fatalf("Encoding = %q, want %q", got, tt.enc)
			}
			got, err := ToUTF8(tt.data, tt.enc)
			if err != nil || string(got) != text {
				t.Fatalf("ToUTF8 = %q, %v; want %q", got, err, text)
			}
			_, ds := Parse("in.yaml", tt.data)
			want := "in.yaml:1:1: error: the file is saved as " + tt.enc + "; plan files must be UTF-8: run hwfplan fmt on it, or save it as UTF-8 in your editor [encoding]"
			if len(ds) != 1 || ds[0].String() != want {
				t.Errorf("Parse:\n got %s\nwant %s", render(ds), want)
			}
		})
	}
	for _, plain := range []string{"name: x\n", "\ufeffname: x\n", "", "a"} {
		if enc := Encoding([]byte(plain)); enc != "" {
			t.Errorf("Encoding(%q) = %q, want none", plain, enc)
		}
	}
	if _, err := ToUTF8([]byte{0xff, 0xfe, 'a'}, "UTF-16 (little-endian)"); err == nil {
		t.Error("an odd number of UTF-16 bytes converted without error")
	}
	if _, err := ToUTF8(utf16le("a", true)[:2:2], "UTF-16 (little-endian)"); err != nil {
		t.Errorf("an empty UTF-16 file: %v", err)
	}
	if _, err := ToUTF8([]byte{0xff, 0xfe, 0x00, 0xd8, 'a', 0}, "UTF-16 (little-endian)"); err == nil {
		t.Error("an unpaired surrogate converted without error")
	}
}

// TestFixIndentation: the fix turns tabs and space-like characters in
// indentation into spaces, choosing the tab width with which the file reads, and
// leaves every other byte (comments, text blocks, tabs after a colon) alone.
func TestFixIndentation(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"tab below spaces", "a:\n  b: 1 # note\n\tc: 2\n", "a:\n  b: 1 # note\n  c: 2\n"},
		{"tabs everywhere, step 4", "a:\n    b: 1\n\tc:\n\t\td: 2\n", "a:\n    b: 1\n    c:\n        d: 2\n"},
		{"non-breaking spaces", "a:\n\u00a0\u00a0b: 1\n  c: 2\n", "a:\n  b: 1\n  c: 2\n"},
		{"a key that reads with a non-breaking space in its name", "a:\n  b: 1\n\u00a0 c: 2\n", "a:\n  b: 1\n  c: 2\n"},
		{"block text indented with tabs", "e: |\n\tone\n\t\ttwo\nn: x\n", "e: |\n  one\n  \ttwo\nn: x\n"},
		{"text in a block indented with spaces", "e: |\n  \u00a0one\n  \ttwo\nn: x\n", "e: |\n  \u00a0one\n  \ttwo\nn: x\n"},
		{"a tab YAML accepts", "a:\tb\n", "a:\tb\n"},
		{"a tab on a blank line", "a: 1\n\t\nb: 2\n", "a: 1\n  \nb: 2\n"},
		{"windows line ends", "a:\r\n\tb: 1\r\n", "a:\r\n  b: 1\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := FixIndentation([]byte(tt.in))
			if string(got) != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if (len(probs) > 0) != (tt.in != tt.want) {
				t.Errorf("problems %v for a change %v", probs, tt.in != tt.want)
			}
			if _, ds := Parse("in.yaml", got); len(ds) > 0 {
				t.Errorf("the fixed file does not read:\n%s", render(ds))
			}
		})
	}
}

// TestCharName names the characters pasted text brings.
func TestCharName(t *testing.T) {
	for r, want := range map[rune]string{
		'\t':     "a tab",
		'\u00a0': "a non-breaking space (U+00A0)",
		'\u201c': "a curly quote “ (U+201C)",
		'\u2019': "a curly quote ’ (U+2019)",
	} {
		if got := CharName(r); got != want {
			t.Errorf("CharName(%U) = %q, want %q", r, got, want)
		}
	}
	if !strings.Contains(CharName('x'), "U+0078") {
		t.Error(CharName('x'))
	}
}
