package validate

import (
	"fmt"
	"unicode/utf8"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"
)

// RuleBidiControl flags the Unicode controls that reorder text on screen.
const RuleBidiControl = "bidi-control"

// maxBidiReports caps the diagnostics of one file; the rest are counted.
const maxBidiReports = 10

// bidiControls are the embedding, override and isolate controls ("Trojan Source",
// CVE-2021-42574): a reviewer reading a pull request sees the text around them in
// another order than the file holds and the site shows. No plan text needs them.
var bidiControls = map[rune]string{
	'\u202A': "LEFT-TO-RIGHT EMBEDDING",
	'\u202B': "RIGHT-TO-LEFT EMBEDDING",
	'\u202C': "POP DIRECTIONAL FORMATTING",
	'\u202D': "LEFT-TO-RIGHT OVERRIDE",
	'\u202E': "RIGHT-TO-LEFT OVERRIDE",
	'\u2066': "LEFT-TO-RIGHT ISOLATE",
	'\u2067': "RIGHT-TO-LEFT ISOLATE",
	'\u2068': "FIRST STRONG ISOLATE",
	'\u2069': "POP DIRECTIONAL ISOLATE",
}

// hiddenText reports every bidirectional control in a file's bytes at its line
// and column (columns count characters, as the YAML positions do).
func hiddenText(f *model.File) []diag.Diagnostic {
	var out []diag.Diagnostic
	found := 0
	line, col := 1, 1
	for i := 0; i < len(f.Data); {
		r, size := utf8.DecodeRune(f.Data[i:])
		if name, ok := bidiControls[r]; ok {
			found++
			if found <= maxBidiReports {
				out = append(out, diag.Diagnostic{File: f.Path, Line: line, Column: col, Severity: diag.Error, Rule: RuleBidiControl,
					Message: fmt.Sprintf("invisible control character U+%04X %s: it shows the text around it in another order than the file holds; delete it", r, name)})
			}
		}
		i += size
		switch {
		case r == '\n', r == '\r' && (i >= len(f.Data) || f.Data[i] != '\n'):
			line, col = line+1, 1
		default:
			col++
		}
	}
	if found > maxBidiReports {
		out = append(out, diag.Diagnostic{File: f.Path, Line: 1, Column: 1, Severity: diag.Error, Rule: RuleBidiControl,
			Message: fmt.Sprintf("%d more invisible bidirectional control characters in this file", found-maxBidiReports)})
	}
	return out
}
