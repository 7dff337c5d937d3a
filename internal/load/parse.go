// Package load reads a plans repository — the framework, every country folder and
// every cluster file — from any fs.FS (a working tree or a git revision), safely:
// files over a size limit, binary or invalid UTF-8 text, YAML syntax errors, tabs,
// duplicate keys, anchors and aliases, non-text keys and symbolic links out of the
// repository all become diagnostics at their position, never a panic or a hang.
// Every file keeps its yaml.v3 node tree, so any JSON pointer maps back to a line
// and column. What it reads is a model.Repo; load only reads, the types live in
// package model.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"
	"go.yaml.in/yaml/v3"
)

// MaxDepth bounds nesting; plan files are a few levels deep.
const MaxDepth = 64

// Rule ids of the loader's diagnostics.
const (
	RuleRead      = "read"
	RuleSize      = "file-size"
	RuleEncoding  = "encoding"
	RuleSyntax    = "yaml-syntax"
	RuleTabs      = "yaml-tabs"
	RuleDuplicate = "duplicate-key"
	RuleAlias     = "yaml-alias"
	RuleKeyType   = "key-type"
	RuleDocuments = "yaml-documents"
	RuleEmpty     = "empty-file"
	RuleRootType  = "root-type"
	RuleDepth     = "nesting"
	RuleTag       = "yaml-tag"
	RuleNumber    = "number"
	RuleSymlink   = "symlink"
	RuleMissing   = "missing-file"
	RuleLayout    = "layout"
	RuleDecode    = "decode"
	RuleFramework = "framework"
)

func errAt(file string, line, col int, rule, format string, args ...any) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: line, Column: col, Severity: diag.Error, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// Parse parses one YAML file. It returns the file (nil when nothing usable could be
// read) and every problem found, each at its position.
func Parse(path string, data []byte) (*model.File, []diag.Diagnostic) {
	return parse(path, data, true)
}

// parse is Parse; without values, File.Value is left nil (the diagnostics are
// the same).
func parse(path string, data []byte, values bool) (*model.File, []diag.Diagnostic) {
	if enc := Encoding(data); enc != "" && convertible(data, enc) {
		return nil, []diag.Diagnostic{errAt(path, 1, 1, RuleEncoding, "the file is saved as %s; plan files must be UTF-8: run hwfplan fmt on it, or save it as UTF-8 in your editor", enc)}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return nil, []diag.Diagnostic{errAt(path, line, col, RuleEncoding, "this is a binary file, not YAML text (it contains a NUL byte)")}
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		line, col := lineCol(data, i)
		return nil, []diag.Diagnostic{errAt(path, line, col, RuleEncoding, "the file is not valid UTF-8 text (byte 0x%02X); save it as UTF-8", data[i])}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if onlyComments(data) {
		return nil, []diag.Diagnostic{errAt(path, 1, 1, RuleEmpty, "the file is empty; it needs the keys described in its schema")}
	}
	// Tabs and space-like characters in indentation are named where they are;
	// the YAML error they cause is left out when fixing them makes the file read.
	if fixed, probs := FixIndentation(data); len(probs) > 0 {
		// One message per line, at its first such character.
		var ds []diag.Diagnostic
		lines := 0
		for i, p := range probs {
			if i > 0 && probs[i-1].Line == p.Line {
				continue
			}
			lines++
			if lines == MaxPerRule+1 {
				ds = append(ds, errAt(path, p.Line, p.Column, p.diagnostic(path).Rule, "more lines from here on in this file are indented with tabs or space-like characters (not listed one by one)"))
			}
			if lines <= MaxPerRule {
				ds = append(ds, p.diagnostic(path))
			}
		}
		var n yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(fixed)).Decode(&n); err != nil {
			ds = append(ds, syntaxDiag(path, fixed, err))
		}
		return nil, ds
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, []diag.Diagnostic{syntaxDiag(path, data, err)}
	}
	var ds []diag.Diagnostic
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		ds = append(ds, errAt(path, extra.Line, extra.Column, RuleDocuments, "the file holds more than one YAML document (a second ---); keep one document per file"))
	} else if !errors.Is(err, io.EOF) {
		ds = append(ds, syntaxDiag(path, data, err))
	}

	top := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		top = doc.Content[0]
	}
	f := &model.File{Path: path, Data: data, Node: top}
	if top.Kind != yaml.MappingNode {
		ds = append(ds, errAt(path, top.Line, top.Column, RuleRootType, "the file must hold keys with values (a mapping); it holds %s", describe(top)))
		return f, ds
	}
	c := converter{path: path, values: values, counts: map[string]int{}, firstHidden: map[string]*yaml.Node{}}
	f.Value = c.value(top, 0)
	ds = append(ds, c.diags...)
	ds = append(ds, c.hiddenSummary()...)
	return f, ds
}

// convertible reports whether data is text in the encoding enc (what hwfplan
// fmt converts); otherwise it is binary.
func convertible(data []byte, enc string) bool {
	_, err := ToUTF8(data, enc)
	return err == nil
}

// MaxPerRule bounds the diagnostics of one rule in one file: a file of a
// hundred thousand aliases gets ten messages and a count, not a hundred thousand
// lines that take seconds to print.
const MaxPerRule = 10

type converter struct {
	path        string
	values      bool // build the JSON values, not only check the nodes
	diags       []diag.Diagnostic
	counts      map[string]int
	firstHidden map[string]*yaml.Node
}

func (c *converter) add(n *yaml.Node, rule, format string, args ...any) {
	c.counts[rule]++
	if c.counts[rule] > MaxPerRule {
		if c.firstHidden[rule] == nil {
			c.firstHidden[rule] = n
		}
		return
	}
	c.diags = append(c.diags, errAt(c.path, n.Line, n.Column, rule, format, args...))
}

// hiddenSummary reports, per rule, how many diagnostics add left out.
func (c *converter) hiddenSummary() []diag.Diagnostic {
	var ds []diag.Diagnostic
	for rule, n := range c.firstHidden {
		ds = append(ds, errAt(c.path, n.Line, n.Column, rule, "%d more problems like the ones above from here on in this file (not listed one by one)", c.counts[rule]-MaxPerRule))
	}
	diag.Sort(ds)
	return ds
}

// value converts a node to JSON values, reporting what JSON Schema cannot express.
func (c *converter) value(n *yaml.Node, depth int) any {
	if depth > MaxDepth {
		c.add(n, RuleDepth, "the data is nested more than %d levels deep", MaxDepth)
		return nil
	}
	if n.Anchor != "" {
		c.add(n, RuleAlias, "anchors (&%s) are not supported in plan files; write the value out in full", n.Anchor)
	}
	switch n.Kind {
	case yaml.AliasNode:
		c.add(n, RuleAlias, "aliases (*%s) are not supported in plan files; write the value out in full", n.Value)
		return nil
	case yaml.MappingNode:
		var m map[string]any
		if c.values {
			m = make(map[string]any, len(n.Content)/2)
		}
		// Small blocks (most of them) look for an earlier key by scanning; large
		// ones keep a map.
		var seen map[string]*yaml.Node
		if len(n.Content) > 2*linearKeys {
			seen = make(map[string]*yaml.Node, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				c.add(k, RuleAlias, "merge keys (<<) are not supported in plan files; write the keys out in full")
				continue
			}
			if k.Kind != yaml.ScalarNode {
				c.add(k, RuleKeyType, "a key must be a plain name, not %s", describe(k))
				continue
			}
			if k.ShortTag() != "!!str" {
				c.add(k, RuleKeyType, "key %s is read as %s; keys must be names — put it in quotes (%q) if that is what you mean", k.Value, tagName(k.ShortTag()), k.Value)
			}
			if prev := earlierKey(n.Content[:i], seen, k.Value); prev != nil {
				c.add(k, RuleDuplicate, "key %q appears twice in the same block (first at line %d); keep one", k.Value, prev.Line)
				continue
			}
			if seen != nil {
				seen[k.Value] = k
			}
			val := c.value(v, depth+1)
			if c.values {
				m[k.Value] = val
			}
		}
		if !c.values {
			return nil
		}
		return m
	case yaml.SequenceNode:
		if !c.values {
			for _, e := range n.Content {
				c.value(e, depth+1)
			}
			return nil
		}
		s := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			s = append(s, c.value(e, depth+1))
		}
		return s
	case yaml.ScalarNode:
		return c.scalar(n)
	}
	return nil
}

// linearKeys is the size of a block up to which value finds repeated keys by
// scanning the keys before, without a map.
const linearKeys = 16

// earlierKey returns the first key before (a mapping's content up to the current
// key) with the given name that value kept, or nil; seen, when not nil, holds
// those keys by name.
func earlierKey(before []*yaml.Node, seen map[string]*yaml.Node, name string) *yaml.Node {
	if seen != nil {
		return seen[name]
	}
	for j := 0; j+1 < len(before); j += 2 {
		if k := before[j]; k.Kind == yaml.ScalarNode && k.Tag != "!!merge" && k.Value == name {
			return k
		}
	}
	return nil
}

func (c *converter) scalar(n *yaml.Node) any {
	if v, ok := plainScalar(n); ok {
		return v
	}
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		return n.Value
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return n.Value
		}
		return b
	case "!!int":
		var i int64
		if err := n.Decode(&i); err != nil {
			c.add(n, RuleNumber, "the number %s is too large", n.Value)
			return nil
		}
		return i
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			c.add(n, RuleNumber, "%s is not a finite number", n.Value)
			return nil
		}
		return f
	case "!!binary":
		c.add(n, RuleTag, "binary data (!!binary) is not supported in plan files")
		return nil
	default:
		c.add(n, RuleTag, "the YAML tag %s is not supported in plan files; remove it", n.Tag)
		return n.Value
	}
}

// plainScalar converts the commonest untagged scalars (true and false, decimal
// numbers) without yaml.v3's reflection decoder, to the same values; ok is false
// for anything else, which scalar then converts the general way. The tag of an
// untagged scalar is the one yaml.v3 resolved from its text: for !!int it parsed
// the text (without _) with strconv.ParseInt base 0, for !!float with
// strconv.ParseFloat, and a !!bool is one of six spellings.
func plainScalar(n *yaml.Node) (any, bool) {
	if n.Kind != yaml.ScalarNode || n.Style&yaml.TaggedStyle != 0 || strings.IndexByte(n.Value, '_') >= 0 {
		return nil, false
	}
	switch n.Tag {
	case "!!str":
		return n.Value, true
	case "!!bool":
		switch n.Value {
		case "true", "True", "TRUE":
			return true, true
		case "false", "False", "FALSE":
			return false, true
		}
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return i, true
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, true
		}
	}
	return nil, false
}

// describe names a node's kind in plain words.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a block of keys"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing (empty)"
		default:
			return fmt.Sprintf("%s %s", article(tagName(n.ShortTag())), quoteIfText(n))
		}
	}
	return "nothing"
}

// Describe names a node's kind and value in plain words, for messages.
func Describe(n *yaml.Node) string { return describe(n) }

func quoteIfText(n *yaml.Node) string {
	v := n.Value
	if len(v) > 40 {
		v = v[:37] + "..."
	}
	if n.ShortTag() == "!!str" {
		return strconv.Quote(v)
	}
	return v
}

func article(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + s
	}
	return "a " + s
}

func tagName(tag string) string {
	switch tag {
	case "!!str":
		return "text"
	case "!!int":
		return "whole number"
	case "!!float":
		return "number"
	case "!!bool":
		return "true/false value"
	case "!!null":
		return "empty value"
	case "!!timestamp":
		return "date"
	case "!!binary":
		return "binary value"
	}
	return strings.TrimPrefix(tag, "!!")
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func syntaxDiag(path string, data []byte, err error) diag.Diagnostic {
	msg := err.Error()
	line, col := 1, 1
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if isParserProblem(msg) {
		line = locateParserProblem(data, line)
	}
	col = firstNonSpace(data, line)
	if d, ok := curlyQuoteHint(path, data, line, msg); ok {
		return d
	}
	if strings.Contains(msg, "tab character") {
		if p, ok := tabNear(data, line); ok {
			return p.diagnostic(path)
		}
	}
	for _, h := range syntaxHints {
		if strings.Contains(msg, h.yaml) {
			if h.atQuote {
				col = firstQuote(data, line, col)
			}
			return errAt(path, line, col, RuleSyntax, "the YAML cannot be read: %s (YAML says: %s)", h.plain, msg)
		}
	}
	return errAt(path, line, col, RuleSyntax, "the YAML cannot be read: %s (check indentation, colons and quotes on this line or the one before)", msg)
}

// parserProblems are the messages of yaml.v3's parser, as opposed to its scanner.
// For these, yaml.v3 gives the line counted from 0, and the line where the
// enclosing block or bracket starts (its context), not the line that breaks it.
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
	"found undefined tag handle",
}

func isParserProblem(msg string) bool {
	for _, p := range parserProblems {
		if msg == p {
			return true
		}
	}
	return false
}

// maxLocateSize bounds the files in which a parser problem is located by parsing
// again: plan files are a few kilobytes, and a larger file (up to MaxFileSize)
// gets the start of the broken block rather than seconds of parsing.
const maxLocateSize = 256 << 10

// locateParserProblem finds the line that breaks the YAML, for a parser problem
// yaml.v3 reported at line (counted from 0; 0 when it gave none). It parses the
// file again behind one blank line, which makes yaml.v3 name the line where the
// broken block or bracket starts, counted from 1 in the original. From there it
// finds the first line such that the file cut after it fails with the same error,
// which is the line that breaks the block (or the bracket that is never closed).
// It bisects, so a large file costs a few parses.
func locateParserProblem(data []byte, line int) int {
	decodeErr := func(b []byte) string {
		var n yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(b)).Decode(&n); err != nil {
			return err.Error()
		}
		return ""
	}
	shifted := func(b []byte) []byte { return append([]byte{'\n'}, b...) }
	full := decodeErr(shifted(data))
	start := 1
	if m := yamlLineRe.FindStringSubmatch(full); m != nil {
		start, _ = strconv.Atoi(m[1])
	} else if full == "" {
		return line + 1
	}
	ends := lineEnds(data)
	if start < 1 || start > len(ends) || len(data) > maxLocateSize {
		return line + 1
	}
	fails := func(k int) bool { return decodeErr(shifted(data[:ends[k-1]])) == full }
	lo, hi := start, len(ends)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// lineEnds returns, for each line, the offset just after it (after its newline).
func lineEnds(data []byte) []int {
	var ends []int
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		ends = append(ends, len(data))
	}
	return ends
}

// syntaxHints put yaml.v3's commonest syntax errors in a planner's words.
var syntaxHints = []struct {
	yaml    string
	plain   string
	atQuote bool // point at the first quote or bracket on the line
}{
	{"found unexpected end of stream", "a quote or bracket opened here is never closed", true},
	{"mapping values are not allowed in this context", "a colon is not expected here; check that this line is indented like the keys next to it, or put a value that contains \": \" in quotes", false},
	{"did not find expected key", "this line is not indented like the keys next to it, or a text in quotes on it contains its own quote mark", false},
	{"could not find expected ':'", "a key is missing its colon, or a text spans lines without quotes", false},
	{"found character that cannot start any token", "a value cannot start with this character (@, ` or %); put the value in quotes", false},
	{"did not find expected node content", "a value is missing, or a list or block is cut off", false},
	{"did not find expected ',' or ']'", "a list in brackets is not closed with ]", true},
	{"did not find expected ',' or '}'", "a block in braces is not closed with }", true},
	{"did not find expected '-' indicator", "a list entry is not indented like the entries next to it", false},
}

// firstQuote returns the column of the first quote or bracket on a line, or col.
func firstQuote(data []byte, line, col int) int {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return col
	}
	if i := bytes.IndexAny(lines[line-1], "\"'[{"); i >= 0 {
		return utf8.RuneCount(lines[line-1][:i]) + 1
	}
	return col
}

// tabNear finds the first tab at the start of a line (after any spaces) from
// the line before line on: where yaml.v3 stopped at a tab it could not read.
func tabNear(data []byte, line int) (IndentProblem, bool) {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if i+1 < line-1 {
			continue
		}
		if k := bytes.IndexFunc(l, func(r rune) bool { return r != ' ' }); k >= 0 && l[k] == '\t' {
			return IndentProblem{Line: i + 1, Column: k + 1, Char: '\t'}, true
		}
	}
	return IndentProblem{}, false
}

// onlyComments reports whether data holds nothing but blank lines, comments and
// document markers (--- and ...). It stops at the first line with content.
func onlyComments(data []byte) bool {
	for len(data) > 0 {
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimSpace(l)
		if len(t) == 0 || t[0] == '#' || string(t) == "---" || string(t) == "..." {
			continue
		}
		return false
	}
	return true
}

func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, utf8.RuneCount(data[start:off]) + 1
}

func firstNonSpace(data []byte, line int) int {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	for i, b := range l {
		if b != ' ' {
			return i + 1
		}
	}
	return 1
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}
