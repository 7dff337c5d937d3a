package fmtcmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/yamlfix"
)

// writeDiff prints what fmt changes in one file as a patch without context lines
// (git apply --unidiff-zero applies it), after a line that says what changed. fmt's fixes keep every line where it
// is, so the old and new lines pair up one to one.
func writeDiff(w io.Writer, path string, old []byte, r yamlfix.Result) {
	if enc := load.Encoding(old); enc != "" {
		if utf, err := load.ToUTF8(old, enc); err == nil {
			old = utf
		}
	}
	a, b := strings.Split(string(old), "\n"), strings.Split(string(r.Data), "\n")
	fmt.Fprintf(w, "%s: %s\n", sanitize(path), sanitize(strings.Join(r.Changes, "; ")))
	fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", sanitize(path), sanitize(path))
	if len(a) != len(b) {
		fmt.Fprintf(w, "@@ -1,%d +1,%d @@\n", len(a), len(b))
		for _, l := range a {
			fmt.Fprintf(w, "-%s\n", sanitize(l))
		}
		for _, l := range b {
			fmt.Fprintf(w, "+%s\n", sanitize(l))
		}
		return
	}
	for i := 0; i < len(a); {
		if a[i] == b[i] {
			i++
			continue
		}
		j := i
		for j < len(a) && a[j] != b[j] {
			j++
		}
		fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@\n", i+1, j-i, i+1, j-i)
		for k := i; k < j; k++ {
			fmt.Fprintf(w, "-%s\n", sanitize(a[k]))
		}
		for k := i; k < j; k++ {
			fmt.Fprintf(w, "+%s\n", sanitize(b[k]))
		}
		i = j
	}
}

// sanitize makes a line safe to print on a terminal (see escape.Line); a tab,
// what fmt often replaces, shows as \t. A line end's carriage return is dropped.
func sanitize(s string) string {
	return escape.Line(strings.TrimSuffix(s, "\r"))
}
