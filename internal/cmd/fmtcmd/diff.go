package fmtcmd

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/yamlfix"
)

// writeDiff prints what fmt changes in one file as a patch without context lines,
// after a line that says what changed. The patch is for reading: the characters fmt
// replaces (tabs, non-breaking and other invisible spaces) are shown as escapes
// such as \t and \u00a0, so a line that held one reads differently from the
// file. fmt's fixes keep every line where it is, so the old and new lines pair up
// one to one.
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

// sanitize makes a line safe to print on a terminal (see escape.Line) and shows
// what fmt replaces: a tab as \t, an invisible space as \u00a0 and the like, so
// the - and + lines of a fix never look the same. A line end's carriage return
// is dropped.
func sanitize(s string) string {
	s = escape.Line(strings.TrimSuffix(s, "\r"))
	if !strings.ContainsFunc(s, invisibleSpace) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if invisibleSpace(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// invisibleSpace reports whether r is a space a reader cannot tell from U+0020
// or cannot see at all: the no-break and typographic spaces (Unicode's Zs other
// than the space), zero-width spaces and joiners, the word joiner and the byte
// order mark.
func invisibleSpace(r rune) bool {
	switch {
	case r == ' ':
		return false
	case unicode.Is(unicode.Zs, r):
		return true
	case r >= '\u200b' && r <= '\u200d', r == '\u2060', r == '\ufeff':
		return true
	}
	return false
}
