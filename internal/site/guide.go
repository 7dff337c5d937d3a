package site

import (
	"strings"

	"github.com/hwfplan/hwfplan/internal/guide"
)

// guidePages are the planner's guide: the section page, and the framework
// reference, made from the same guide.Reference as docs/planners-guide/framework.md.
func (g *generator) guidePages() error {
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
			"search": "guide planners edit plan files YAML pull request", noticeParam: ""}}},
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
