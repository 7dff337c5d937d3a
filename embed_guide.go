package hwfplan

import _ "embed"

// PlannersGuide is docs/planners-guide.md: the site shows it as its guide page,
// so the guide is written once, in the repository's docs.
//
//go:embed docs/planners-guide.md
var PlannersGuide []byte
