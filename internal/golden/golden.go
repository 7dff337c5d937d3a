// Package golden compares test output with what a test expects, kept in a file:
// a whole golden file (Check) or one section of a txtar archive that also holds
// the test's input (CheckSection, e.g. its "want" section). `go test -update`
// rewrites the files instead, to be reviewed in the diff. It defines the -update
// flag, so a test package that imports it does not define its own.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files and want sections instead of comparing with them")

// Check compares got with the file at path, or with -update writes got there
// (creating its folder).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, Diff(got, want))
	}
}

// CheckSection compares got with the section name of the txtar archive at path,
// or with -update writes got into that section (appended if the archive has none)
// and rewrites the archive, its comment and other files unchanged.
func CheckSection(t testing.TB, path, name string, got []byte) {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	idx := -1
	for i, f := range ar.Files {
		if f.Name == name {
			idx = i
			break
		}
	}
	if *update {
		if idx < 0 {
			ar.Files = append(ar.Files, txtar.File{Name: name})
			idx = len(ar.Files) - 1
		}
		ar.Files[idx].Data = got
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if idx < 0 {
		t.Fatalf("%s has no %q section (run go test -update to add it)", path, name)
	}
	if want := ar.Files[idx].Data; !bytes.Equal(got, want) {
		t.Errorf("%s: section %q differs (run go test -update and review the diff):\n%s", path, name, Diff(got, want))
	}
}

// longOutput is the size above which Diff shows the first differing line only.
const longOutput = 2000

// Diff describes how got differs from want: both in full when they are short,
// else the first line that differs.
func Diff(got, want []byte) string {
	if len(got) <= longOutput && len(want) <= longOutput {
		return fmt.Sprintf("--- got\n%s--- want\n%s", got, want)
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("first difference at line %d:\n got: %s\nwant: %s", i+1, clip(gl), clip(wl))
		}
	}
	return ""
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// Sections returns the section name of every txtar archive that matches pattern
// (as filepath.Glob does), in the order of the archives' paths, leaving out
// archives without it: the inputs of golden cases, e.g. to seed a fuzz target.
// It fails the test when no archive matches or one cannot be read.
func Sections(t testing.TB, pattern, name string) [][]byte {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no archives match %s (%v)", pattern, err)
	}
	var out [][]byte
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == name {
				out = append(out, f.Data)
			}
		}
	}
	return out
}
