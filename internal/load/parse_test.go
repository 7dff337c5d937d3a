package load

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/rogpeppe/go-internal/txtar"
)

func render(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintln(&b, d.String())
	}
	return b.String()
}

// TestParseGolden parses the in.yaml of every testdata/parse case and compares
// the diagnostics (message and file:line:col) with its want section.
func TestParseGolden(t *testing.T) {
	cases, _ := filepath.Glob("testdata/parse/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var in []byte
			for _, f := range ar.Files {
				if f.Name == "in.yaml" {
					in = f.Data
				}
			}
			_, ds := Parse("in.yaml", in)
			golden.CheckSection(t, path, "want", []byte(render(ds)))
		})
	}
}

// TestParseGenerated covers inputs too big or too repetitive to keep as files.
// Each must give its diagnostic at its position quickly.
func TestParseGenerated(t *testing.T) {
	billionLaughs := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		billionLaughs += fmt.Sprintf("%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", n, n, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = n
	}
	tests := []struct {
		name  string
		input string
		want  string // first diagnostic
		count int    // number of diagnostics; 0 means do not check
	}{
		{"billion laughs", billionLaughs,
			"in.yaml:1:4: error: anchors (&a) are not supported in plan files; write the value out in full [yaml-alias]", 0},
		{"a flood of aliases", "a: &a [x]\nb: [" + strings.Repeat("*a,", 100000) + "*a]\n",
			"in.yaml:1:4: error: anchors (&a) are not supported in plan files; write the value out in full [yaml-alias]", 1 + MaxPerRule},
		{"deep flow nesting", "a: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n",
			"in.yaml:1:68: error: the data is nested more than 64 levels deep [nesting]", 1},
		{"deep block nesting", deepBlock(80),
			"in.yaml:66:131: error: the data is nested more than 64 levels deep [nesting]", 1},
		{"indentation broken in a file too large to locate it in", "a: 1\nb:\n  c: 1\n  d:\n" + strings.Repeat("   - {id: a, n: 1}\n", 20000) + "  - id: b\n",
			"in.yaml:3:3: error: the YAML cannot be read: this line is not indented like the keys next to it, or a text in quotes on it contains its own quote mark (YAML says: did not find expected key) [yaml-syntax]", 1},
		{"very deep nesting", "a: " + strings.Repeat("[", 100000) + "\n",
			"in.yaml:1:1: error: the YAML cannot be read: exceeded max depth of 10000 (check indentation, colons and quotes on this line or the one before) [yaml-syntax]", 1},
		{"long line", "name: " + strings.Repeat("x", 200000) + "\n", "", 0},
		{"indentation broken deep in a large file", strings.Repeat("- {id: a, n: 1}\n", 4000) + " - id: b\n" + strings.Repeat("- {id: c}\n", 4000),
			"in.yaml:4001:2: error: the YAML cannot be read: a list entry is not indented like the entries next to it (YAML says: did not find expected '-' indicator) [yaml-syntax]", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, ds := Parse("in.yaml", []byte(tt.input))
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if tt.want == "" {
				if len(ds) != 0 {
					t.Errorf("want no diagnostics, got\n%s", render(ds))
				}
				return
			}
			if len(ds) == 0 || ds[0].String() != tt.want {
				t.Fatalf("first diagnostic:\n got %s\nwant %s", render(ds), tt.want)
			}
			if tt.count > 0 && len(ds) != tt.count {
				t.Errorf("got %d diagnostics, want %d:\n%s", len(ds), tt.count, render(ds))
			}
		})
	}
}

// deepBlock nests mappings n levels deep, one key per line.
func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", 2*i), i)
	}
	fmt.Fprintf(&b, "%sleaf: 1\n", strings.Repeat(" ", 2*n))
	return b.String()
}

// TestParseHiddenCount: past MaxPerRule diagnostics of one rule, the rest are
// counted in one message at the first one left out.
func TestParseHiddenCount(t *testing.T) {
	in := "a: &a [x]\nb: [" + strings.Repeat("*a, ", 30) + "*a]\n"
	_, ds := Parse("in.yaml", []byte(in))
	if len(ds) != MaxPerRule+1 {
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(ds), MaxPerRule+1, render(ds))
	}
	want := "in.yaml:2:41: error: 22 more problems like the ones above from here on in this file (not listed one by one) [yaml-alias]"
	if got := ds[len(ds)-1].String(); got != want {
		t.Errorf("last diagnostic:\n got %s\nwant %s", got, want)
	}
}
