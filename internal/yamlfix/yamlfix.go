// Package yamlfix fixes, byte by byte, what text pasted from word processors and
// spreadsheets breaks in a YAML file and what YAML 1.1 readers read differently:
// an encoding other than UTF-8, a byte order mark, tabs and non-breaking spaces
// in indentation, and unquoted values such as dates that YAML 1.1 reads as
// something other than text. Everything else (comments, key order, blank lines,
// line ends, quoting style) stays as it was: the file is never re-marshalled.
// The problems it fixes are the ones the loader reports (package load), found by
// the same functions.
package yamlfix

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/words"
	"go.yaml.in/yaml/v3"
)

// Result is what Fix did to one file.
type Result struct {
	Data    []byte   // the fixed bytes (the input itself when nothing changed)
	Changes []string // what changed, one phrase each, in the order applied
	// Remaining are the loader's errors in the fixed file: what fmt cannot fix.
	Remaining []diag.Diagnostic
}

// Changed reports whether Fix changed anything.
func (r Result) Changed() bool { return len(r.Changes) > 0 }

// Fix fixes data, the content of the file at path (used in Remaining).
func Fix(path string, data []byte) Result {
	r := Result{Data: data}
	if enc := load.Encoding(data); enc != "" {
		utf, err := load.ToUTF8(data, enc)
		if err != nil {
			r.Remaining = []diag.Diagnostic{{File: path, Line: 1, Column: 1, Severity: diag.Error, Rule: load.RuleEncoding,
				Message: fmt.Sprintf("the file looks like %s but cannot be converted: %v; save it as UTF-8 in your editor", enc, err)}}
			return r
		}
		r.Data = utf
		r.Changes = append(r.Changes, "converted from "+enc+" to UTF-8")
	}
	if !utf8.Valid(r.Data) || bytes.IndexByte(r.Data, 0) >= 0 {
		_, r.Remaining = load.Parse(path, r.Data)
		return r
	}
	if b := bytes.TrimPrefix(r.Data, []byte("\ufeff")); len(b) < len(r.Data) {
		r.Data = b
		if len(r.Changes) == 0 {
			r.Changes = append(r.Changes, "removed the byte order mark")
		}
	}
	if fixed, probs := load.FixIndentation(r.Data); len(probs) > 0 {
		r.Data = fixed
		r.Changes = append(r.Changes, indentChange(probs))
	}
	if quoted, n := quoteYAML11(r.Data); n > 0 {
		r.Data = quoted
		r.Changes = append(r.Changes, fmt.Sprintf("quoted %d %s that YAML 1.1 readers read as dates, true/false values or numbers", n, words.Plural(n, "value", "values")))
	}
	_, ds := load.Parse(path, r.Data)
	for _, d := range ds {
		if d.Severity == diag.Error {
			r.Remaining = append(r.Remaining, d)
		}
	}
	return r
}

// indentChange describes the indentation fixes: "replaced 2 tabs and 1
// non-breaking space (U+00A0) in indentation with spaces".
func indentChange(probs []load.IndentProblem) string {
	counts := map[rune]int{}
	var order []rune
	for _, p := range probs {
		if counts[p.Char] == 0 {
			order = append(order, p.Char)
		}
		counts[p.Char]++
	}
	var parts []string
	for _, r := range order {
		name := load.CharName(r)
		if counts[r] > 1 {
			name = fmt.Sprintf("%d× %s", counts[r], name)
		}
		parts = append(parts, name)
	}
	return "replaced " + words.JoinAnd(parts) + " in indentation with spaces"
}

// quoteYAML11 puts in double quotes every unquoted value that YAML 1.1 readers
// read as something other than text (load.YAML11Scalars). It changes nothing in
// a file that does not read as YAML, and quotes only one-line values whose bytes
// are where yaml.v3 says. The values these are (dates, yes/no, numbers with a
// colon) hold no character that needs escaping in double quotes.
func quoteYAML11(data []byte) ([]byte, int) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return data, 0
	}
	starts := lineStarts(data)
	var offs []int
	for _, n := range load.YAML11Scalars(&doc) {
		off, ok := offset(data, starts, n.Line, n.Column)
		if !ok || !bytes.HasPrefix(data[off:], []byte(n.Value)) || bytes.ContainsAny([]byte(n.Value), "\"\\\n") {
			continue
		}
		offs = append(offs, off, off+len(n.Value))
	}
	if len(offs) == 0 {
		return data, 0
	}
	slices.Sort(offs)
	out := make([]byte, 0, len(data)+len(offs))
	prev := 0
	for _, o := range offs {
		out = append(out, data[prev:o]...)
		out = append(out, '"')
		prev = o
	}
	return append(out, data[prev:]...), len(offs) / 2
}

// lineStarts returns the offset where each line starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset converts yaml.v3's 1-based line and column (in characters) to a byte
// offset.
func offset(data []byte, starts []int, line, col int) (int, bool) {
	if line < 1 || line > len(starts) || col < 1 {
		return 0, false
	}
	off := starts[line-1]
	for c := 1; c < col; c++ {
		if off >= len(data) || data[off] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off, true
}
