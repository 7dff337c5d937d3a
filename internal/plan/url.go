package plan

import (
	"github.com/hwfplan/hwfplan/internal/weburl"
	"github.com/invopop/jsonschema"
)

// URL is a web address in plan data: http or https only (package weburl holds
// the rule). Every URL field of the plan types has this type, so the schemas,
// validation and the renderers apply the same rule.
type URL string

// Check reports whether the address is one a URL field accepts, and if not, why.
func (u URL) Check() error { return weburl.Check(string(u)) }

// JSONSchema describes a web address for the generated schema.
func (URL) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:        "string",
		Format:      "uri",
		Pattern:     weburl.Pattern,
		Description: "A web address starting with http:// or https://.",
		Examples:    []any{weburl.Example},
	}
}
