package site

import (
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/num"
	"github.com/hwfplan/hwfplan/internal/weburl"
)

type programmeView struct {
	Name     string `json:"name"`
	FullName string `json:"full_name,omitempty"`
	Start    string `json:"start,omitempty"`
	End      string `json:"end,omitempty"`
	URL      string `json:"url,omitempty"`
}

type methodsView struct {
	GapThreshold string `json:"gap_threshold"` // as the framework writes it, in the page's language (0,25)
	// Rule fills the message numbers_rule, how numbers are written (num.Rule in
	// English), with examples in the page's language (num.Locale.RuleArgs).
	Rule    map[string]string `json:"rule"`
	Scales  []scaleView       `json:"scales"`
	Tasks   []methodTaskView  `json:"tasks"`
	Domains []domainView      `json:"domains"`
}

type scaleView struct {
	Title  string `json:"title"`
	Range  string `json:"range"`
	Labels string `json:"labels"`
}

type methodTaskView struct {
	ID          string           `json:"id"`
	Number      int              `json:"number"`
	Title       string           `json:"title"`
	Description string           `json:"description,omitempty"`
	Items       []methodItemView `json:"items"`
}

type methodItemView struct {
	Title       string `json:"title"`
	Scale       string `json:"scale"`
	Source      string `json:"source,omitempty"`
	Description string `json:"description,omitempty"`
}

type domainView struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

func newProgrammeView(fw *framework.Framework) programmeView {
	p := fw.Programme
	v := programmeView{Name: p.Name, FullName: p.FullName, Start: p.Start, End: p.End}
	if weburl.Check(p.URL) == nil {
		v.URL = p.URL
	}
	return v
}

func labels(ls []framework.Label) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = fmt.Sprintf("%d %s", l.Value, l.Label)
	}
	return strings.Join(parts, "; ")
}

// newMethodsView is the framework as the methods page shows it.
func newMethodsView(fw *framework.Framework, nums num.Locale) methodsView {
	m := methodsView{GapThreshold: nums.Plain(fw.GapThreshold), Rule: nums.RuleArgs()}
	for _, s := range fw.Scales {
		m.Scales = append(m.Scales, scaleView{Title: s.Title, Range: fmt.Sprintf("%d–%d", s.Min, s.Max), Labels: labels(s.Labels)})
	}
	for _, t := range fw.Tasks {
		tv := methodTaskView{ID: t.ID, Number: t.Number, Title: t.Title, Description: t.Description}
		for i := range t.Items {
			it := &t.Items[i]
			scale := it.Scale
			if s := fw.ItemScale(it); s != nil {
				scale = s.Title
			}
			if len(it.Levels) > 0 {
				scale += ": " + labels(it.Levels)
			}
			tv.Items = append(tv.Items, methodItemView{Title: it.Title, Scale: scale, Source: it.Source, Description: it.Description})
		}
		m.Tasks = append(m.Tasks, tv)
	}
	for _, d := range fw.Sustainability.Domains {
		m.Domains = append(m.Domains, domainView{Title: d.Title, Description: d.Description})
	}
	return m
}
