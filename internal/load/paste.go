package load

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Text pasted from word processors and spreadsheets brings characters YAML does
// not expect: files saved as UTF-16, tabs and non-breaking spaces where YAML
// needs plain spaces, curly quotes where it needs straight ones. The functions
// here name them at their position; the ones that are safe to fix are fixed by
// the same code `hwfplan fmt` uses (Encoding, FixIndentation), so what validate
// reports and what fmt changes are one list.

// RuleIndentChar flags a space-like character other than a plain space (a
// non-breaking space, say) in a line's indentation.
const RuleIndentChar = "indent-char"

// spaceNames are the characters that look like a space but are not one to YAML.
var spaceNames = map[rune]string{
	'\u00a0': "a non-breaking space",
	'\u2007': "a figure space",
	'\u202f': "a narrow non-breaking space",
	'\u3000': "an ideographic space",
	'\u2000': "an en quad",
	'\u2001': "an em quad",
	'\u2002': "an en space",
	'\u2003': "an em space",
	'\u2004': "a three-per-em space",
	'\u2005': "a four-per-em space",
	'\u2006': "a six-per-em space",
	'\u2008': "a punctuation space",
	'\u2009': "a thin space",
	'\u200a': "a hair space",
	'\u200b': "a zero-width space",
	'\ufeff': "a zero-width no-break space (byte order mark)",
}

// IndentProblem is one character in a line's indentation that YAML does not
// read as indentation: a tab or a space-like character.
type IndentProblem struct {
	Offset int  // byte offset in the data
	Line   int  // 1-based
	Column int  // 1-based, in characters
	Char   rune // '\t' or a key of spaceNames
}

// indentClass tells what a character is in a line's leading run.
func indentClass(r rune) (isIndent, isProblem bool) {
	if r == ' ' {
		return true, false
	}
	if r == '\t' {
		return true, true
	}
	_, odd := spaceNames[r]
	return odd, odd
}

// blockHeader matches a line that opens a block of text (| or >, with optional
// indicators and comment): "key: |", "- >-", "|2".
var blockHeader = regexp.MustCompile(`(^|:[ \t]+|-[ \t]+)[|>][1-9+-]{0,2}[ \t]*(#.*)?$`)

// indentProblems finds every tab and space-like character in the indentation of
// a line (the run of spaces, tabs and space-like characters it starts with). In
// a block of text (| or >) whose first line is indented with plain spaces,
// what follows those spaces is text, and a tab there is data, not a problem.
func indentProblems(data []byte) []IndentProblem {
	var out []IndentProblem
	type block struct {
		parent int // width of the header line's indentation
		indent int // width of the block's indentation; -1 until its first text line; 0 when text
	}
	var blk *block
	line := 1
	for start := 0; start < len(data); line++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		l := bytes.TrimSuffix(data[start:end], []byte("\r"))
		// The leading run: width in characters, and where it ends.
		var run []IndentProblem
		width, i := 0, 0
		for i < len(l) {
			r, size := utf8.DecodeRune(l[i:])
			isIndent, isProblem := indentClass(r)
			if !isIndent {
				break
			}
			if isProblem {
				run = append(run, IndentProblem{Offset: start + i, Line: line, Column: width + 1, Char: r})
			}
			width++
			i += size
		}
		blank := i == len(l)
		if blk != nil && !blank && width <= blk.parent {
			blk = nil
		}
		switch {
		case blk != nil && blank:
			// An empty line of text keeps the block open.
			run = onlySpaceLike(run)
		case blk != nil:
			if blk.indent < 0 {
				// The first line of text sets the block's indentation: plain
				// spaces up to the header's, then text; else its whole run.
				spaces := bytes.IndexFunc(l, func(r rune) bool { return r != ' ' })
				if spaces > blk.parent {
					blk.indent = 0
				} else {
					blk.indent = width
				}
			}
			keep := run[:0]
			for _, p := range run {
				if blk.indent > 0 && p.Column <= blk.indent {
					keep = append(keep, p)
				}
			}
			run = keep
		}
		out = append(out, run...)
		if blk == nil && !blank && bytes.ContainsAny(l, "|>") && blockHeader.Match(bytes.TrimRight(l, " \t")) {
			blk = &block{parent: width, indent: -1}
		}
		start = end + 1
	}
	return out
}

// onlySpaceLike drops the tabs of a blank line in a block of text: they are
// part of the text.
func onlySpaceLike(run []IndentProblem) []IndentProblem {
	keep := run[:0]
	for _, p := range run {
		if p.Char != '\t' {
			keep = append(keep, p)
		}
	}
	return keep
}

// CharName names a character for messages: "a tab", "a non-breaking space
// (U+00A0)", "a curly quote “ (U+201C)".
func CharName(r rune) string {
	if r == '\t' {
		return "a tab"
	}
	if n, ok := spaceNames[r]; ok {
		return fmt.Sprintf("%s (U+%04X)", n, r)
	}
	if isCurlyQuote(r) {
		return fmt.Sprintf("a curly quote %c (U+%04X)", r, r)
	}
	return fmt.Sprintf("%q (U+%04X)", r, r)
}

func (p IndentProblem) diagnostic(path string) diag.Diagnostic {
	if p.Char == '\t' {
		return errAt(path, p.Line, p.Column, RuleTabs, "a tab indents this line; YAML indents with spaces only: replace the tab with spaces (hwfplan fmt does it)")
	}
	return errAt(path, p.Line, p.Column, RuleIndentChar, "%s indents this line (text pasted from a word processor?); YAML indents with plain spaces only: replace it with a space (hwfplan fmt does it)", CharName(p.Char))
}

// FixIndentation returns data with the indentation problems the loader reports
// fixed: each space-like character becomes a space and each tab the spaces up to
// the next tab stop. The tab width is the first of the file's own indentation
// step, 2, 4 and 8 with which the file reads as YAML. It returns data itself and
// no problems when there is nothing to fix. Tabs are only fixed in a file that
// does not read as YAML: where YAML accepts a tab, it is left alone.
func FixIndentation(data []byte) ([]byte, []IndentProblem) {
	probs := indentProblems(data)
	if len(probs) == 0 {
		return data, nil
	}
	onlyTabs := true
	for _, p := range probs {
		if p.Char != '\t' {
			onlyTabs = false
		}
	}
	if onlyTabs && parses(data) {
		return data, nil
	}
	widths := []int{indentStep(data, probs), 2, 4, 8}
	var first []byte
	for i, w := range widths {
		if i > 0 && w == widths[0] {
			continue
		}
		fixed := applyIndentFixes(data, probs, w)
		if parses(fixed) {
			return fixed, probs
		}
		if first == nil {
			first = fixed
		}
	}
	return first, probs
}

// parses reports whether data reads as one YAML document.
func parses(data []byte) bool {
	var n yaml.Node
	return yaml.Unmarshal(data, &n) == nil
}

// indentStep is the smallest indentation of plain spaces in lines without
// problems (2 when there is none): the step the file's author used.
func indentStep(data []byte, probs []IndentProblem) int {
	bad := map[int]bool{}
	for _, p := range probs {
		bad[p.Line] = true
	}
	step := 0
	for i, l := range bytes.Split(data, []byte("\n")) {
		n := 0
		for n < len(l) && l[n] == ' ' {
			n++
		}
		if bad[i+1] || n == 0 || n == len(l) || l[n] == '#' || l[n] == '\r' {
			continue
		}
		if step == 0 || n < step {
			step = n
		}
	}
	if step == 0 || step > 8 {
		return 2
	}
	return step
}

// applyIndentFixes replaces the problem characters with spaces, a tab with the
// spaces up to the next multiple of width.
func applyIndentFixes(data []byte, probs []IndentProblem, width int) []byte {
	out := make([]byte, 0, len(data)+len(probs)*width)
	prev := 0
	for _, p := range probs {
		out = append(out, data[prev:p.Offset]...)
		_, size := utf8.DecodeRune(data[p.Offset:])
		if p.Char == '\t' {
			// The column in the fixed line so far: what came before on this line.
			lineStart := bytes.LastIndexByte(out, '\n') + 1
			col := utf8.RuneCount(out[lineStart:])
			out = append(out, bytes.Repeat([]byte(" "), width-col%width)...)
		} else {
			out = append(out, ' ')
		}
		prev = p.Offset + size
	}
	return append(out, data[prev:]...)
}

// isCurlyQuote reports the typographic quotes word processors put in for " and '.
func isCurlyQuote(r rune) bool {
	switch r {
	case '\u201c', '\u201d', '\u201e', '\u2018', '\u2019', '\u201a', '\u00ab', '\u00bb':
		return true
	}
	return false
}

// curlyQuoteAt finds a value on the given line or the one before that starts
// with a curly quote (after "key: " or "- "), which YAML reads as the first
// character of unquoted text, and returns its position.
func curlyQuoteAt(data []byte, line int) (int, int, rune, bool) {
	lines := bytes.Split(data, []byte("\n"))
	for _, ln := range []int{line, line - 1} {
		if ln < 1 || ln > len(lines) {
			continue
		}
		l := lines[ln-1]
		for i := 0; i < len(l); {
			r, size := utf8.DecodeRune(l[i:])
			if isCurlyQuote(r) && startsValue(l[:i]) {
				return ln, utf8.RuneCount(l[:i]) + 1, r, true
			}
			i += size
		}
	}
	return 0, 0, 0, false
}

// startsValue reports whether what comes before a character on its line makes
// it the first character of a value: nothing but indentation, "key: ", "- ",
// "[" or ", " in brackets.
func startsValue(before []byte) bool {
	t := bytes.TrimRight(before, " \t")
	if len(t) == 0 {
		return true
	}
	if len(t) == len(before) {
		return false // no space between
	}
	switch t[len(t)-1] {
	case ':', '-', ',':
		return true
	}
	return false
}

// curlyQuoteHint returns, for a syntax error at line that a value in curly
// quotes likely caused, the message naming the quote and its position.
func curlyQuoteHint(path string, data []byte, line int, yamlMsg string) (diag.Diagnostic, bool) {
	ln, col, r, ok := curlyQuoteAt(data, line)
	if !ok {
		return diag.Diagnostic{}, false
	}
	straight := `"`
	if r == '\u2018' || r == '\u2019' || r == '\u201a' {
		straight = `'`
	}
	return errAt(path, ln, col, RuleSyntax, "the YAML cannot be read: this value starts with %s, which YAML does not read as a quote, so the value is not quoted; put it in straight quotes (%s...%s) instead (YAML says: %s)",
		CharName(r), straight, straight, yamlMsg), true
}
