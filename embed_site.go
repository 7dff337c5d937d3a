package hwfplan

import "embed"

// Site is the Hugo project of the programme site (site/: config, layouts, assets,
// i18n). A plans repository's own site/ folder overrides any of its files.
//
//go:embed all:site
var Site embed.FS
