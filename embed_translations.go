package hwfplan

import "embed"

// FrameworkTranslations holds the default framework's translations as shipped
// (schema/framework.<lang>.yaml), for a plans repository that uses the built-in
// framework and so has none of its own: its reports in another language take
// the framework's text from here.
//
//go:embed schema/framework.*.yaml
var FrameworkTranslations embed.FS
