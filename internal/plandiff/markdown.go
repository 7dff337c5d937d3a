package plandiff

import (
	"io"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/words"
)

// maxMarkdownLines bounds the changes listed per country, so a pull request that
// rewrites every plan still fits in one comment (GitHub allows 65,536 characters).
const maxMarkdownLines = 60

// markdownWriter writes a pull-request comment: a summary table with one row per
// country and the details of each country folded in <details>.
type markdownWriter struct{}

func (markdownWriter) Write(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	ew.printf("### Plan changes: %s → %s\n\n", mdCode(revLabel(r.Old)), mdCode(revLabel(r.New)))
	if len(r.Unreadable) > 0 {
		ew.printf("> [!CAUTION]\n> These plan files could not be read; they are left out of this comparison:\n")
		for _, u := range r.Unreadable {
			ew.printf("> - %s at %s\n", mdText(u.String()), mdCode(revLabel(u.Revision)))
		}
		ew.printf("\n")
	}
	for _, p := range r.Problems {
		ew.printf("> [!WARNING]\n> %s\n\n", mdText(p))
	}
	if r.Empty() {
		ew.printf("%s\n", noChanges(r))
		return ew.err
	}
	if len(r.Countries) == 0 {
		ew.printf("%s, none in a country's plan.\n\n", words.CountNoun(r.Count(), "change"))
	} else {
		ew.printf("%s in %s.\n\n", words.CountNoun(r.Count(), "change"), words.CountNoun(len(r.Countries), "country"))
	}
	if len(r.Countries) > 0 {
		ew.printf("| Country | Data status | As-is | To-be | To-do | Action plan |\n")
		ew.printf("|---|---|---|---|---|---|\n")
		for _, cd := range r.Countries {
			name := "**" + cd.Code + "**"
			if cd.Name != "" {
				name += " " + mdText(cd.Name)
			}
			switch cd.Kind {
			case Added, Removed:
				ew.printf("| %s | %s | | | | |\n", name, string(cd.Kind))
				continue
			case Renamed:
				name += " (was " + cd.OldCode + ")"
			}
			ew.printf("| %s | %s | %s | %s | %s | %s |\n", name, statusCell(cd),
				sectionCell(cd, SectionAsIs), sectionCell(cd, SectionToBe), sectionCell(cd, SectionToDo), sectionCell(cd, SectionActionPlan))
		}
		ew.printf("\n")
	}
	for _, cd := range r.Countries {
		title := "<b>" + cd.Code + "</b>"
		if cd.Name != "" {
			title += " " + mdText(cd.Name)
		}
		switch cd.Kind {
		case Added, Removed:
			ew.printf("<details><summary>%s %s</summary>\n\n%s\n\n</details>\n\n", title, cd.Kind, mdText(cd.Detail))
			continue
		}
		ew.printf("<details><summary>%s: %s</summary>\n\n", title, mdText(cd.Summary()))
		for i, ch := range cd.Changes {
			if i == maxMarkdownLines {
				ew.printf("- … and %d more; run `hwfplan diff --country %s` to see them all\n", len(cd.Changes)-i, cd.Code)
				break
			}
			ew.printf("- %s%s\n", mdText(ch.Describe()), mdWhere(ch))
			for _, f := range ch.Fields {
				if f.Words != nil && f.Words.Diff != "" {
					ew.printf("  - %s: %s\n", f.Field, mdText(f.Words.Diff))
				}
			}
		}
		ew.printf("\n</details>\n\n")
	}
	if len(r.Changes) > 0 {
		title := "Clusters and framework"
		if slices.ContainsFunc(r.Changes, Change.IsProgramme) {
			title = "Programme, clusters and framework"
		}
		ew.printf("**%s**\n\n", title)
		for _, ch := range r.Changes {
			ew.printf("- %s%s\n", mdText(ch.Describe()), mdWhere(ch))
		}
		ew.printf("\n")
	}
	return ew.err
}

func statusCell(cd CountryDiff) string {
	for _, ch := range cd.Changes {
		if ch.Entity != EntityCountry {
			continue
		}
		for _, f := range ch.Fields {
			if f.Field == "status" {
				return mdText(FormatValue(f.Old) + " → " + FormatValue(f.New))
			}
		}
	}
	return ""
}

// sectionCell counts a section's changes by kind: "2 changed, 1 added".
func sectionCell(cd CountryDiff, section string) string {
	counts := map[Kind]int{}
	for _, ch := range cd.Changes {
		if ch.Section == section {
			counts[ch.Kind]++
		}
	}
	var parts []string
	for _, k := range []Kind{Changed, Added, Removed, Renamed} {
		if counts[k] > 0 {
			parts = append(parts, itoa(counts[k])+" "+string(k))
		}
	}
	return strings.Join(parts, ", ")
}

// mdWhere points at the file and line of the change.
func mdWhere(ch Change) string {
	p := ch.NewPos
	if p == nil {
		p = ch.OldPos
	}
	if p == nil {
		return ""
	}
	if p.Line > 0 {
		return " <sub>" + p.File + ":" + itoa(p.Line) + "</sub>"
	}
	return " <sub>" + p.File + "</sub>"
}

// mdText escapes text so Markdown and HTML in plan data show as written.
func mdText(s string) string { return escape.Markdown(s) }

func mdCode(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }
