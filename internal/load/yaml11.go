package load

import (
	"regexp"

	"go.yaml.in/yaml/v3"
)

// hwfplan reads YAML 1.2, where an unquoted 2024-06-28, yes or NO is text. The
// readers many other tools use (PyYAML, js-yaml, ajv-cli, most editors'
// plug-ins) keep YAML 1.1's types: to them the same text is a date, a true/false
// value or a number, and a schema that asks for text then fails. The patterns
// below are YAML 1.1's (https://yaml.org/type/), as PyYAML implements them.
var yaml11Types = []struct {
	re   *regexp.Regexp
	name string
}{
	{regexp.MustCompile(`^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`), "a true/false value"},
	{regexp.MustCompile(`^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$`), "a date"},
	{regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`), "a whole number"},
	{regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`), "a number"},
	{regexp.MustCompile(`^(?:~|null|Null|NULL)$`), "nothing (null)"},
}

// YAML11Reading returns what a YAML 1.1 reader makes of a scalar that hwfplan
// reads as text ("a date", "a true/false value", ...), or "" when both read it
// as text: quoted scalars, blocks of text and tagged values always are.
func YAML11Reading(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || n.Style != 0 || n.Tag == "" {
		return ""
	}
	if t := n.ShortTag(); t != "!!str" && t != "!!timestamp" {
		return "" // a number, true/false or null to hwfplan too
	}
	for _, t := range yaml11Types {
		if t.re.MatchString(n.Value) {
			return t.name
		}
	}
	return ""
}

// leadingZero matches the numbers whose reading differs between readers: 0755
// is octal 493 to hwfplan and YAML 1.1, 755 to YAML 1.2's core schema; 08 is 8
// to hwfplan and text to YAML 1.1; 0o17 is 15 to hwfplan and text to YAML 1.1.
var leadingZero = regexp.MustCompile(`^[-+]?(?:0[0-9_]+|0o[0-7_]+)$`)

// AmbiguousNumber reports whether an unquoted scalar that hwfplan reads as a
// number is written with a leading zero, which other readers read as another
// number or as text. Quoting it would change what hwfplan reads, so fmt leaves
// it; validate warns.
func AmbiguousNumber(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Style != 0 {
		return false
	}
	if t := n.ShortTag(); t != "!!int" && t != "!!float" {
		return false
	}
	return leadingZero.MatchString(n.Value)
}

// YAML11Scalars returns, in file order, every scalar under n (keys included)
// that YAML 1.1 readers read as something other than the text hwfplan reads.
func YAML11Scalars(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	var walk func(*yaml.Node, int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > MaxDepth {
			return
		}
		if YAML11Reading(n) != "" {
			out = append(out, n)
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return out
}
