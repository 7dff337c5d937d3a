package hwfplan

import "embed"

// Schemas holds schema/*.schema.json as shipped: the JSON Schemas that
// `hwfplan schema` generates from the plan types and DefaultFramework (CI's
// `hwfplan schema --check` keeps them current). Validation against the built-in
// framework reads them instead of generating them again at every start.
//
//go:embed schema/*.schema.json
var Schemas embed.FS
