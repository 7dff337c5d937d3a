// Package diag holds the diagnostics every check in hwfplan produces: a problem,
// where it is (file, line, column, JSON pointer), how bad it is and which rule found it.
// Engine packages return diagnostics as data; only the CLI layer prints them.
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says whether a diagnostic makes the data invalid.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is one problem found in one place.
type Diagnostic struct {
	File     string   `json:"file"`              // slash path relative to the repository root
	Line     int      `json:"line,omitempty"`    // 1-based; 0 when the problem concerns the whole file
	Column   int      `json:"column,omitempty"`  // 1-based
	Pointer  string   `json:"pointer,omitempty"` // JSON pointer into the file's data, "" for the whole file
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`    // stable rule id, e.g. "score-range"
	Message  string   `json:"message"` // plain-language message for a planner
}

// String renders the diagnostic as file:line:col: severity: message [rule].
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Location(), d.Severity, d.Message, d.Rule)
}

// Location renders file:line:col, leaving out what is unknown.
func (d Diagnostic) Location() string {
	switch {
	case d.Line > 0 && d.Column > 0:
		return fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Column)
	case d.Line > 0:
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	default:
		return d.File
	}
}

// Sort orders diagnostics by file, line, column, severity, rule and message,
// so output is stable whatever order checks ran in.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Dedupe removes exact repeats from sorted diagnostics.
func Dedupe(ds []Diagnostic) []Diagnostic {
	return slices.Compact(ds)
}

// Count returns the number of errors and warnings.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool {
	e, _ := Count(ds)
	return e > 0
}

// RuleInfo describes a rule for reports that list rules (SARIF, documentation).
type RuleInfo struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"` // the severity it usually reports
	Summary  string   `json:"summary"`  // one sentence: what the rule checks
	// HelpURI is where the rule is documented (a page and its anchor).
	HelpURI string `json:"help_uri,omitempty"`
}

// Consequence says what a finding of the rule's usual severity does to a run.
func (r RuleInfo) Consequence() string {
	if r.Severity == Error {
		return "An error: it makes the data invalid (exit status 1)."
	}
	return "A warning: reported without failing, unless --strict is given."
}

// Description is the rule's full description: what it checks and what a
// finding does. The documentation and SARIF's fullDescription both use it.
func (r RuleInfo) Description() string {
	if r.Summary == "" {
		return r.Consequence()
	}
	return r.Summary + " " + r.Consequence()
}
