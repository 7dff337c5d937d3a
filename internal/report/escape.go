package report

import (
	"strings"
	"unicode"
)

// escapeMarkdown turns untrusted text (anything read from YAML) into Markdown that
// renders as exactly that text: whitespace and line breaks collapse to single
// spaces (no-break spaces stay), and every character Markdown, GFM tables, heading attributes or HTML could
// read as syntax is backslash-escaped. Raw HTML is disabled in the renderer as well;
// this makes the text safe in a table cell, a heading or a list item.
func escapeMarkdown(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		// Line breaks and tabs end a table row or start a block; a no-break
		// space is kept, it breaks nothing.
		return r != '\u00a0' && r != '\u202f' && (unicode.IsSpace(r) || unicode.IsControl(r))
	}), " ")
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_{}[]<>|~&!#$", r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("+-=:", r):
			// list markers, setext underlines and definition-like starts
			b.WriteByte('\\')
		case (r == '.' || r == ')') && leadingDigits(s[:i]):
			// "1." or "1)" at the start would begin an ordered list
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
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

// anchorID keeps only lower-case ASCII letters, digits and '-' of s, so that an id
// made from data can never carry markup. "HU" becomes "hu", "wp_6" becomes "wp-6".
func anchorID(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		for _, r := range strings.ToLower(p) {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
				b.WriteRune(r)
			case r == '_' || r == '.' || r == ' ':
				b.WriteByte('-')
			}
		}
	}
	return b.String()
}
