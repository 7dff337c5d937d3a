package site

import "github.com/hwfplan/hwfplan/internal/num"

// nums are the conventions of the numbers the generator writes for people on
// its pages: the language's (num.In(lang): "0,13", "1.234", "53 %" on /de/),
// English at the site's top. Machine numbers — data attributes, chart
// coordinates, the downloads — never take them.
func (m msgs) nums() num.Locale { return num.In(m.lang) }
