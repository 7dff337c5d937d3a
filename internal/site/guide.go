package site

import (
	"strings"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/guide"
)

// guidePages are the planner's guide: the section page is docs/planners-guide.md
// (embedded in the binary), and the framework reference is made from the same
// guide.Reference as docs/planners-guide/framework.md.
func (g *generator) guidePages() error {
	body, err := guideHTML(hwfplan.PlannersGuide)
	if err != nil {
		return err
	}
	ref := guide.NewReference(g.in.Repo.Framework)
	var search []string
	for _, t := range ref.Tasks {
		search = append(search, t.Title)
		for _, it := range t.Items {
			search = append(search, it.Key, it.Title, it.Description, it.Scores)
		}
	}
	for _, d := range ref.Sustainability.Domains {
		search = append(search, d.ID, d.Title)
	}
	pages := []struct {
		name string
		p    page
	}{
		{"guide/_index.md", page{Title: "Planner's guide", Params: map[string]any{
			"body": body, "search_sections": reportSections(body), noticeParam: ""}}},
		{"guide/framework.md", page{Title: "The framework: every task, item and score level", Weight: 1, Params: map[string]any{
			"reference": ref, "search": strings.Join(search, " "), noticeParam: ""}}},
	}
	for _, p := range pages {
		if err := g.add(p.name, p.p); err != nil {
			return err
		}
	}
	return nil
}
