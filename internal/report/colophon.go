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
	if d.mode == modeHTML {
		b.WriteString(d.mark("colophon", "start"))
	} else {
		b.WriteString("\n\n")
	}
	b.WriteString("**About this publication**\n\n| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Edition | Version %s, %s |\n", escapeMarkdown(p.Version), escapeMarkdown(DateText(p.Date)))
	fmt.Fprintf(&b, "| Publisher | %s |\n", escapeMarkdown(p.Publisher))
	fmt.Fprintf(&b, "| %s | %s |\n", EditorsLabel(p.Editors), escapeMarkdown(EditorsText(p.Editors)))
	fmt.Fprintf(&b, "| Licence | %s (%s), %s |\n", escapeMarkdown(p.Licence.Name), escapeMarkdown(p.Licence.ID), code(string(p.Licence.URL)))
	fmt.Fprintf(&b, "\n**Suggested citation.** %s\n", escapeMarkdown(data.Citation()))
	fmt.Fprintf(&b, "\n**Funding.** %s\n", escapeMarkdown(p.Funding.Statement))
	if p.Funding.Source != "" {
		fmt.Fprintf(&b, "Source: %s.\n", code(string(p.Funding.Source)))
	}
	fmt.Fprintf(&b, "\n**Disclaimer.** %s\n", escapeMarkdown(p.Funding.Disclaimer))
	if d.mode == modeHTML {
		b.WriteString(d.mark("colophon", "end"))
	} else {
		b.WriteString("\n---\n\n")
	}
	return b.String()
}

// EditorsLabel is "Editor" for one editor, "Editors" for more.
func EditorsLabel(es []plan.Editor) string {
	if len(es) == 1 {
		return "Editor"
	}
	return "Editors"
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
	return d.Publication.Cite(d.Programme.Name + " " + d.Title)
}
