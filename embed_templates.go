package hwfplan

import "embed"

// Templates holds the default report templates (templates/*.md.tmpl) and the report
// style sheet (templates/report.css). A plans repository overrides any of them with a
// file of the same name in its own templates/ folder.
//
//go:embed templates
var Templates embed.FS
