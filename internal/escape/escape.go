// Package escape makes untrusted text (plan data, commit messages, author names,
// file names) safe for each text output the tool writes: a terminal line, inline
// Markdown, and the workflow commands GitHub Actions reads as annotations. Every
// command that prints such text goes through one of these forms, so a plan or a
// commit can never move the cursor, recolour or retitle the terminal, hide text
// with bidirectional overrides, start a Markdown block, or inject a workflow
// command.
package escape

import (
	"fmt"
	"strings"
	"unicode"
)

// hidden reports whether r must be written as a visible escape: control
// characters (C0, DEL, C1) and the bidirectional embedding, override and isolate
// characters, which reorder what a reader sees.
func hidden(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	}
	return false
}

// visible writes r as an escape a reader can see: \n, \r, \t, \x1b, \u202e.
func visible(b *strings.Builder, r rune) {
	switch {
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\t':
		b.WriteString(`\t`)
	case r < 0x100:
		fmt.Fprintf(b, `\x%02x`, r)
	default:
		fmt.Fprintf(b, `\u%04x`, r)
	}
}

// Line is s for one line of terminal output: control characters (escape
// sequences, line breaks, tabs) and bidirectional controls become visible escapes
// such as \x1b and \n; everything else is kept.
func Line(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) {
			visible(&b, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Lines is s for terminal output of several lines, such as an error message with
// a hint on its own line: like Line, but line feeds and tabs are kept.
func Lines(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) && r != '\n' && r != '\t' {
			visible(&b, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Markdown is s as inline CommonMark/GFM text that renders as exactly s, in a
// paragraph, a list item, a heading or a table cell: line breaks and other white
// space collapse to single spaces (no-break spaces stay), other control and
// bidirectional characters become visible escapes, every character Markdown, GFM
// tables or heading attributes could read as syntax is backslash-escaped, and
// <, > and & are written as entities (which, unlike a backslash, also hold inside
// an HTML block such as <details><summary>).
func Markdown(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		// Line breaks and tabs end a table row or start a block; a no-break
		// space breaks nothing.
		return r != '\u00a0' && r != '\u202f' && unicode.IsSpace(r)
	}), " ")
	var b strings.Builder
	for i, r := range s {
		switch {
		case hidden(r):
			b.WriteByte('\\') // the escape's own backslash, escaped
			visible(&b, r)
			continue
		case r == '<':
			b.WriteString("&lt;") // an entity works in an HTML block too, a backslash does not
			continue
		case r == '>':
			b.WriteString("&gt;")
			continue
		case r == '&':
			b.WriteString("&amp;")
			continue
		case strings.ContainsRune("\\`*_{}[]|~!#$", r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("+-=:", r) && !alnumAt(s, i+1):
			// list markers, setext underlines and definition-like starts;
			// "-0.04" starts nothing
			b.WriteByte('\\')
		case (r == '.' || r == ')') && leadingDigits(s[:i]) && (i+1 == len(s) || s[i+1] == ' '):
			// "1. " or "1)" at the start would begin an ordered list; "0.29" not
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// alnumAt reports whether s has an ASCII letter or digit at byte i.
func alnumAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// leadingDigits reports whether s is non-empty and all ASCII digits.
func leadingDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// WorkflowData is s as the message of a GitHub Actions workflow command
// (::error ...::message): '%', CR and LF are percent-encoded as the Actions
// toolkit does, so the message stays on its line and cannot start a command;
// other control and bidirectional characters become visible escapes.
func WorkflowData(s string) string {
	return workflowData.Replace(lineExceptBreaks(s))
}

// WorkflowProperty is s as a property value of a workflow command (file=...,
// title=...): the message escapes plus ':' and ','.
func WorkflowProperty(s string) string {
	return workflowProperty.Replace(lineExceptBreaks(s))
}

var (
	workflowData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	workflowProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// lineExceptBreaks is Line, but keeps CR and LF for the workflow encoding.
func lineExceptBreaks(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) && r != '\n' && r != '\r' {
			visible(&b, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
