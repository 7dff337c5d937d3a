package yamlfix

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/hwfplan/hwfplan/internal/load"
)

func TestFix(t *testing.T) {
	utf16le := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	tests := []struct {
		name, in, want string
		changes        []string
	}{
		{"nothing to do", "# c\na: \"2024-01-01\"\n\nb: [x, y] # z\n", "# c\na: \"2024-01-01\"\n\nb: [x, y] # z\n", nil},
		{"byte order mark", "\ufeffa: 1\n", "a: 1\n", []string{"removed the byte order mark"}},
		{"UTF-16 with a byte order mark", utf16le("\ufeff# Magyarország\na: OKFŐ\n"), "# Magyarország\na: OKFŐ\n", []string{"converted from UTF-16 (little-endian) to UTF-8"}},
		{"tabs, comments kept", "a:   # one\n  b: 1\n\tc: 2   # two\n\n# end\n", "a:   # one\n  b: 1\n  c: 2   # two\n\n# end\n",
			[]string{"replaced a tab in indentation with spaces"}},
		{"non-breaking spaces and a tab", "a:\n\u00a0\u00a0b: 1\n\tc: 2\n", "a:\n  b: 1\n  c: 2\n",
			[]string{"replaced 2× a non-breaking space (U+00A0) and a tab in indentation with spaces"}},
		{"dates and yes/no", "assessed_on: 2024-06-28 # when\nm: [{id: m1, date: 2025-06-01}, {date: 2025-06}]\ncode: NO\nok: yes\nt: 10:30\nq: '2024-01-01'\n",
			"assessed_on: \"2024-06-28\" # when\nm: [{id: m1, date: \"2025-06-01\"}, {date: 2025-06}]\ncode: \"NO\"\nok: \"yes\"\nt: \"10:30\"\nq: '2024-01-01'\n",
			[]string{"quoted 5 values that YAML 1.1 readers read as dates, true/false values or numbers"}},
		{"windows line ends kept", "a:\r\n\tb: 2024-01-01\r\n", "a:\r\n  b: \"2024-01-01\"\r\n",
			[]string{"replaced a tab in indentation with spaces", "quoted 1 value that YAML 1.1 readers read as dates, true/false values or numbers"}},
		{"numbers and booleans stay", "a: 1\nb: true\nc: 0.5\nd: null\n", "a: 1\nb: true\nc: 0.5\nd: null\n", nil},
		{"a number with a leading zero stays: quoting would change what hwfplan reads", "a: 0755\nb: 08\n", "a: 0755\nb: 08\n", nil},
		{"a block of text stays", "e: |\n  2024-01-01\n  NO\n", "e: |\n  2024-01-01\n  NO\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Fix("in.yaml", []byte(tt.in))
			if string(r.Data) != tt.want {
				t.Errorf("got  %q\nwant %q", r.Data, tt.want)
			}
			if !reflect.DeepEqual(r.Changes, tt.changes) {
				t.Errorf("changes %q, want %q", r.Changes, tt.changes)
			}
			if len(r.Remaining) > 0 {
				t.Errorf("remaining: %v", r.Remaining)
			}
			if again := Fix("in.yaml", r.Data); again.Changed() {
				t.Errorf("a second run changes %q", again.Changes)
			}
		})
	}
}

// TestFixLeavesWhatItCannotFix: a file with a mistake fmt does not fix keeps its
// bytes, and the mistake is returned.
func TestFixLeavesWhatItCannotFix(t *testing.T) {
	for _, in := range []string{"a: [1\n", "a: \u201cx: y\u201d\n", "a: 1\x00\n", "a: \xff\n"} {
		r := Fix("in.yaml", []byte(in))
		if r.Changed() || string(r.Data) != in || len(r.Remaining) == 0 {
			t.Errorf("%q: changed %q to %q, remaining %v", in, r.Changes, r.Data, r.Remaining)
		}
	}
}

// TestFixShippedFiles: on every shipped plan file, fmt changes nothing but
// quotes, and hwfplan reads the same values before and after.
func TestFixShippedFiles(t *testing.T) {
	files, _ := filepath.Glob("../../countries/*/*.yaml")
	more, _ := filepath.Glob("../../clusters/*.yaml")
	files = append(files, more...)
	if len(files) < 20 {
		t.Fatalf("found %d files", len(files))
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := Fix(p, data)
		if len(r.Remaining) > 0 {
			t.Errorf("%s: %v", p, r.Remaining)
		}
		if !bytes.Equal(bytes.ReplaceAll(r.Data, []byte(`"`), nil), bytes.ReplaceAll(data, []byte(`"`), nil)) {
			t.Errorf("%s: changed more than quotes", p)
		}
		before, _ := load.Parse(p, data)
		after, _ := load.Parse(p, r.Data)
		if before == nil || after == nil || !reflect.DeepEqual(before.Value, after.Value) {
			t.Errorf("%s: the values differ after fmt", p)
		}
		for _, n := range load.YAML11Scalars(after.Node) {
			t.Errorf("%s:%d:%d: %q still reads differently in YAML 1.1", p, n.Line, n.Column, n.Value)
		}
	}
}
