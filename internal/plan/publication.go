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

// Publication texts a translation gives or leaves in English (In).
const (
	PartCitation   = "citation"
	PartStatement  = "statement"
	PartDisclaimer = "disclaimer"
)

// In returns the publication with its citation, funding statement and
// disclaimer in language lang where its translations give them, and the parts
// (PartCitation, PartStatement, PartDisclaimer, in that order) that stay
// English. For English, or without translations into lang, it returns p itself.
func (p *Publication) In(lang string) (*Publication, []string) {
	if lang == "" || lang == "en" {
		return p, nil
	}
	t := p.Translations[lang]
	q := *p
	var english []string
	if t.Citation != "" {
		q.Citation = t.Citation
	} else {
		english = append(english, PartCitation)
	}
	if t.Funding.Statement != "" {
		q.Funding.Statement = t.Funding.Statement
	} else {
		english = append(english, PartStatement)
	}
	if t.Funding.Disclaimer != "" {
		q.Funding.Disclaimer = t.Funding.Disclaimer
	} else {
		english = append(english, PartDisclaimer)
	}
	return &q, english
}
