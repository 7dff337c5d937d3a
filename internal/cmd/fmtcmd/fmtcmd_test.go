package fmtcmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

func TestNewCmdFmtFlags(t *testing.T) {
	tests := []struct {
		args string
		want Options
	}{
		{"", Options{}},
		{"--check countries/HU", Options{Check: true, Paths: []string{"countries/HU"}}},
		{"--diff a.yaml b.yaml", Options{Diff: true, Paths: []string{"a.yaml", "b.yaml"}}},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdFmt, strings.Fields(tt.args))
			if err != nil {
				t.Fatal(err)
			}
			if got.Check != tt.want.Check || got.Diff != tt.want.Diff || strings.Join(got.Paths, " ") != strings.Join(tt.want.Paths, " ") {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// TestRunUTF16: a file Excel or Notepad saved as UTF-16 is listed by --check
// and converted to UTF-8 by fmt, its dates quoted on the way.
func TestRunUTF16(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "countries", "HU")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	text := "# Magyarország\nassessed_on: 2024-06-28\nassessors: [OKFŐ]\n"
	data := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(text)) {
		data = append(data, byte(u), byte(u>>8))
	}
	path := filepath.Join(dir, "as-is.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(check bool) (string, string, error) {
		ios, _, out, errOut := iostreams.Test()
		rootFlag := root
		err := Run(&Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &rootFlag, Getwd: func() (string, error) { return root, nil }}, Check: check})
		return out.String(), errOut.String(), err
	}
	out, _, err := run(true)
	if code, ok := cmdutil.IsSilent(err); !ok || code != 1 {
		t.Fatalf("--check: %v", err)
	}
	if want := "countries/HU/as-is.yaml: converted from UTF-16 (little-endian) to UTF-8; quoted 1 value that YAML 1.1 readers read as dates, true/false values or numbers\n"; out != want {
		t.Errorf("--check printed %q, want %q", out, want)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("--check changed the file")
	}
	if _, errOut, err := run(false); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	got, _ := os.ReadFile(path)
	if want := strings.Replace(text, "2024-06-28", `"2024-06-28"`, 1); string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, _, err := run(true); err != nil {
		t.Errorf("a second --check: %v", err)
	}
}
