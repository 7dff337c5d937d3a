package report

import (
	"strings"

	"github.com/hwfplan/hwfplan/internal/escape"
)

// escapeMarkdown turns untrusted text (anything read from YAML) into Markdown that
// renders as exactly that text (see escape.Markdown). Raw HTML is disabled in the
// renderer as well; this makes the text safe in a table cell, a heading or a list
// item.
func escapeMarkdown(s string) string { return escape.Markdown(s) }

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
