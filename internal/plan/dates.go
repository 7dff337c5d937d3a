package plan

import (
	"fmt"
	"time"

	"github.com/invopop/jsonschema"
	"go.yaml.in/yaml/v3"
)

// Date is a calendar date written YYYY-MM-DD. It keeps the text as written, so an
// unquoted YAML date (which YAML reads as a timestamp) round-trips unchanged.
type Date string

// YearMonth is a month written YYYY-MM, as action starts and ends are planned.
type YearMonth string

// UnmarshalYAML takes the scalar's text whatever tag YAML resolved it to.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: a date must be written as YYYY-MM-DD", n.Line)
	}
	*d = Date(n.Value)
	return nil
}

// UnmarshalYAML takes the scalar's text whatever tag YAML resolved it to.
func (m *YearMonth) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: a month must be written as YYYY-MM", n.Line)
	}
	*m = YearMonth(n.Value)
	return nil
}

// Time parses the date; ok is false when it is not a real date.
func (d Date) Time() (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, string(d))
	return t, err == nil
}

// Time parses the month (first day); ok is false when it is not a real month.
func (m YearMonth) Time() (time.Time, bool) {
	t, err := time.Parse("2006-01", string(m))
	return t, err == nil
}

// Valid reports whether the text is a real date.
func (d Date) Valid() bool { _, ok := d.Time(); return ok }

// Valid reports whether the text is a real month.
func (m YearMonth) Valid() bool { _, ok := m.Time(); return ok }

// DatePattern matches exactly the real dates written YYYY-MM-DD (the Gregorian
// calendar, leap years included). The schemas state it as a pattern rather than
// `format: date`: every validator asserts a pattern, while draft 2020-12 makes
// format an annotation and a default Ajv refuses a format it does not know.
const DatePattern = `^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$`

// JSONSchema describes a date for the generated schema.
func (Date) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:        "string",
		Pattern:     DatePattern,
		Title:       "Date",
		Description: "A date written YYYY-MM-DD.",
		Examples:    []any{"2025-05-20"},
	}
}

// JSONSchema describes a month for the generated schema.
func (YearMonth) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:        "string",
		Pattern:     `^[0-9]{4}-(0[1-9]|1[0-2])$`,
		Description: "A month written YYYY-MM.",
		Examples:    []any{"2026-06"},
	}
}
