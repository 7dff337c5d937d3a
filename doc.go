// Package hwfplan holds the files the hwfplan binary carries inside it, so that
// `go install` works anywhere: the default assessment framework, and (in sibling
// files) the site, the report templates and the JSON Schemas. A plans repository
// overrides any of them with its own files.
package hwfplan

import _ "embed"

// DefaultFramework is schema/framework.yaml as shipped.
//
//go:embed schema/framework.yaml
var DefaultFramework []byte
