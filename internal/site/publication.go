package site

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/hwfplan/hwfplan/internal/plan"

	"github.com/hwfplan/hwfplan/internal/report"
)

// publicationView is publication.yaml as the site footer shows it
// (hugo.Data.publication): the same words as the reports' colophon.
type publicationView struct {
	Version      string `json:"version"`
	Date         string `json:"date"`
	DateText     string `json:"date_text"`
	Publisher    string `json:"publisher"`
	EditorsLabel string `json:"editors_label"`
	Editors      string `json:"editors"`
	// EditorList is the editors one by one, for the pages in other languages
	// (the footer words their label and placeholder note in the language).
	EditorList  []editorView `json:"editor_list,omitempty"`
	LicenceID   string       `json:"licence_id"`
	LicenceName string       `json:"licence_name"`
	LicenceURL  string       `json:"licence_url"`
	Funding     string       `json:"funding"`
	Disclaimer  string       `json:"disclaimer"`
	FundingURL  string       `json:"funding_url,omitempty"`
	// Translations are the funding statement and disclaimer by language, as
	// publication.yaml translates them (English where it does not: English says
	// so); the footer of a language without an entry shows the English.
	Translations map[string]fundingView `json:"translations,omitempty"`
}

// fundingView is the funding text in one language.
type fundingView struct {
	Funding    string `json:"funding"`
	Disclaimer string `json:"disclaimer"`
	// Which parts are still English: the footer marks them lang="en" and says so.
	FundingEnglish    bool `json:"funding_english,omitempty"`
	DisclaimerEnglish bool `json:"disclaimer_english,omitempty"`
}

type editorView struct {
	Name        string `json:"name"`
	Affiliation string `json:"affiliation,omitempty"`
	Placeholder bool   `json:"placeholder,omitempty"`
}

// publication writes data/publication.json for the footer of every page; a plans
// repository without publication.yaml gets none, and the footer leaves it out.
func (g *generator) publication() error {
	p := g.in.Repo.Publication
	if p == nil {
		return nil
	}
	v := publicationView{
		Version: p.Version, Date: string(p.Date), DateText: report.DateText(p.Date), Publisher: p.Publisher,
		EditorsLabel: report.EditorsLabel(p.Editors), Editors: report.EditorsText(p.Editors),
		LicenceID: p.Licence.ID, LicenceName: p.Licence.Name, LicenceURL: string(p.Licence.URL),
		Funding: p.Funding.Statement, Disclaimer: p.Funding.Disclaimer, FundingURL: string(p.Funding.Source),
	}
	for lang := range p.Translations {
		q, english := p.In(lang)
		if v.Translations == nil {
			v.Translations = map[string]fundingView{}
		}
		v.Translations[lang] = fundingView{Funding: q.Funding.Statement, Disclaimer: q.Funding.Disclaimer,
			FundingEnglish: slices.Contains(english, plan.PartStatement), DisclaimerEnglish: slices.Contains(english, plan.PartDisclaimer)}
	}
	for _, e := range p.Editors {
		v.EditorList = append(v.EditorList, editorView{Name: e.Name, Affiliation: e.Affiliation, Placeholder: e.Placeholder})
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("failed to encode the publication data: %w", err)
	}
	return g.put("data/publication.json", noControls(b))
}
