package validate

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"go.yaml.in/yaml/v3"
)

// RuleYAML11 flags unquoted values that YAML 1.1 readers read as something
// other than the text hwfplan reads.
const RuleYAML11 = "yaml11-plain"

// yaml11Plain warns at every unquoted value that YAML 1.1 readers (PyYAML,
// js-yaml, ajv-cli, editors' plug-ins) read as a date, true/false value or number
// where hwfplan reads text: in those tools the file fails its own schema. It also
// warns at numbers written with a leading zero, which readers read as different
// numbers.
func yaml11Plain(f *model.File) []diag.Diagnostic {
	if f.Node == nil {
		return nil
	}
	var out []diag.Diagnostic
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if depth > load.MaxDepth {
			return
		}
		if load.AmbiguousNumber(n) {
			out = append(out, diag.Diagnostic{File: f.Path, Line: n.Line, Column: n.Column, Severity: diag.Warning, Rule: RuleYAML11,
				Message: fmt.Sprintf("%s has a leading zero, which YAML readers read differently (as an octal number, a decimal number or text); write the number without the leading zero, or put it in quotes (\"%s\") if it is a code", n.Value, n.Value)})
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(f.Node, 0)
	for _, n := range load.YAML11Scalars(f.Node) {
		out = append(out, diag.Diagnostic{File: f.Path, Line: n.Line, Column: n.Column, Severity: diag.Warning, Rule: RuleYAML11,
			Message: fmt.Sprintf("%s is text to hwfplan, but YAML 1.1 readers (PyYAML, js-yaml, ajv-cli) read it as %s, so the file fails its schema in those tools; put it in quotes (\"%s\"), or run hwfplan fmt",
				n.Value, load.YAML11Reading(n), n.Value)})
	}
	return out
}
