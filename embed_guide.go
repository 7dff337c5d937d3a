package hwfplan

import (
	"embed"
	_ "embed"
)

// PlannersGuide is docs/planners-guide.md: the site shows it as its guide page,
// so the guide is written once, in the repository's docs.
//
//go:embed docs/planners-guide.md
var PlannersGuide []byte

// GuideImages holds the guide's screenshots (docs/planners-guide/*.png), taken
// from the real pages; the site publishes them beside its guide page.
//
//go:embed docs/planners-guide/*.png
var GuideImages embed.FS
