package report

import (
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// Colophon writes the page about the publication from publication.yaml: the
// edition, publisher and editors, the suggested citation, the licence, the
// funding statement and its disclaimer. Every word of it but the labels is data.
// Without a publication.yaml it writes nothing.
func (d *doc) Colophon(data *Data) string {
	p := data.Publication
	if p == nil {
		return ""
	}
	var b strings.Builder
	m := d.msgs
	fmt.Fprintf(&b, "**%s**\n\n| | |\n|---|---|\n", m.t("report.about"))
	fmt.Fprintf(&b, "| %s | %s |\n", m.t("report.edition"), m.t("report.edition_text", "Version", escapeMarkdown(p.Version), "Date", escapeMarkdown(m.dateText(p.Date))))
	fmt.Fprintf(&b, "| %s | %s |\n", m.t("report.publisher"), escapeMarkdown(p.Publisher))
	fmt.Fprintf(&b, "| %s | %s |\n", m.t("report.editors", len(p.Editors)), escapeMarkdown(m.editorsText(p.Editors)))
	fmt.Fprintf(&b, "| %s | %s (%s), %s |\n", m.t("report.licence"), escapeMarkdown(p.Licence.Name), escapeMarkdown(p.Licence.ID), code(string(p.Licence.URL)))
	fmt.Fprintf(&b, "\n**%s** %s\n", m.t("report.citation"), escapeMarkdown(data.Citation()))
	fmt.Fprintf(&b, "\n**%s** %s\n", m.t("report.funding"), escapeMarkdown(p.Funding.Statement))
	if p.Funding.Source != "" {
		fmt.Fprintf(&b, "%s\n", m.t("report.funding_source", "Source", code(string(p.Funding.Source))))
	}
	fmt.Fprintf(&b, "\n**%s** %s\n", m.t("report.disclaimer"), escapeMarkdown(p.Funding.Disclaimer))
	return d.either("\n\n", d.mark("colophon", "start")) + b.String() + d.either("\n---\n\n", d.mark("colophon", "end"))
}

// EditorsLabel is "Editor" for one editor, "Editors" for more.
func EditorsLabel(es []plan.Editor) string {
	if len(es) == 1 {
		return "Editor"
	}
	return "Editors"
}

// editorsText is EditorsText in the report's language.
func (m *messages) editorsText(es []plan.Editor) string {
	if m.english() {
		return EditorsText(es)
	}
	parts := make([]string, len(es))
	for i, e := range es {
		s := e.Name
		if e.Affiliation != "" {
			s += " (" + e.Affiliation + ")"
		}
		if e.Placeholder {
			s += m.t("report.editor_placeholder")
		}
		parts[i] = s
	}
	return strings.Join(parts, "; ")
}

// EditorsText names the editors as a reader sees them: "A (Affiliation); B",
// with a placeholder marked as one.
func EditorsText(es []plan.Editor) string {
	parts := make([]string, len(es))
	for i, e := range es {
		s := e.Name
		if e.Affiliation != "" {
			s += " (" + e.Affiliation + ")"
		}
		if e.Placeholder {
			s += " — placeholder, editors not named yet"
		}
		parts[i] = s
	}
	return strings.Join(parts, "; ")
}

// DateText writes a YYYY-MM-DD date as "31 January 2026" (other text unchanged).
func DateText(d plan.Date) string {
	if t, ok := d.Time(); ok {
		return t.Format("2 January 2006")
	}
	return string(d)
}

// Citation is the suggested citation of this report, or "" without a
// publication.yaml.
func (d *Data) Citation() string {
	if d.Publication == nil {
		return ""
	}
	return d.Publication.Cite(d.FullTitle)
}
