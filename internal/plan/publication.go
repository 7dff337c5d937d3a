package plan

import (
	"strings"
)

// CitationPattern is what a Publication's citation may hold: text without braces
// and the placeholders {title}, {version}, {year} and {date}. The schema asserts it.
const CitationPattern = `^(?:[^{}]|\{(?:title|version|year|date)\})*$`

// Cite returns the suggested citation of the report titled title: the citation
// with its placeholders filled in. The date is the edition's, as written
// (YYYY-MM-DD); the year is its first four characters.
func (p *Publication) Cite(title string) string {
	year := string(p.Date)
	if len(year) >= 4 {
		year = year[:4]
	}
	r := strings.NewReplacer("{title}", title, "{version}", p.Version, "{year}", year, "{date}", string(p.Date))
	return r.Replace(p.Citation)
}
