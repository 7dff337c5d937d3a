package site

import "github.com/hwfplan/hwfplan/internal/num"

// nums are the conventions of the numbers the generator writes for people on
// its pages: the language's (num.In(lang): "0,13", "1.234", "53 %" on /de/),
// English at the site's top. Machine numbers — data attributes, chart
// coordinates, the downloads — never take them.
func (m msgs) nums() num.Locale { return num.In(m.lang) }

// quantity writes a planned or observed value with its unit in the page's
// language: "5.200 Stellen", "34 %" on /de/, "34%" on /hu/ (the percent sign
// where the language puts it, as CLDR says).
func (m msgs) quantity(v float64, unit string) string {
	if unit == "%" || unit == "percent" {
		return m.nums().PercentSign(m.nums().Quantity(v))
	}
	return m.nums().Quantity(v) + unitSuffix(unit)
}
