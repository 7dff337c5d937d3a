package hwfplan

import "embed"

// Fonts holds the web fonts of the reports and the site (fonts/*.woff2, Noto Sans
// and Noto Sans Mono under the SIL Open Font License; see fonts/README.md).
//
//go:embed fonts/*.woff2 fonts/OFL.txt
var Fonts embed.FS
