package site

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// The knowledge repository (programme/knowledge.yaml): every entry on one page,
// and a page for each value of each filter (kind, task, country), so that the
// filters are links and work without JavaScript. The filter pages stay out of
// the search index: each holds entries the repository page already holds, so
// indexing them would return one entry once for every filter it is under.

const knowledgeURL = programmeURL + "knowledge/"

type knowledgeView struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"`
	Title     string    `json:"title"`
	Date      string    `json:"date"`
	Authors   []string  `json:"authors,omitempty"`
	Link      string    `json:"link,omitempty"`
	File      string    `json:"file,omitempty"`
	Tasks     []string  `json:"tasks,omitempty"`
	Countries []refView `json:"countries,omitempty"`
	markView
	// keys are the filter pages the entry is on ("kind-brief", "task-data").
	keys []string
}

// filterGroup is one filter: its options link to the filter pages.
type filterGroup struct {
	ID      string         `json:"id"`
	Title   string         `json:"title"`
	Open    bool           `json:"open"`
	Options []filterOption `json:"options"`
}

type filterOption struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	URL   string `json:"url"`
	Count int    `json:"count"`
}

// openFilters is the most options a filter shows unfolded on every page; a
// longer one (the countries) unfolds on its own filter pages only.
const openFilters = 6

// repoFile is a knowledge entry's file as a clean path in the repository, or ""
// when it is not one (an absolute path, or one that leaves the repository).
func repoFile(f string) string {
	clean := path.Clean(f)
	if f == "" || clean != f || path.IsAbs(f) || clean == ".." || strings.HasPrefix(clean, "../") || strings.ContainsAny(f, "?#\\") {
		return ""
	}
	return f
}

func (g *generator) knowledgeViews(k *plan.Knowledge) []knowledgeView {
	fw := g.in.Repo.Framework
	var out []knowledgeView
	for _, e := range k.Entries {
		v := knowledgeView{ID: e.ID, Kind: g.cell("knowledge_kind", plan.KnowledgeKinds, e.Kind), Title: e.Title, Date: string(e.Date), Authors: e.Authors,
			File: repoFile(e.File), markView: markOf(e.Source, k.Status)}
		if e.Link.Check() == nil {
			v.Link = string(e.Link)
		}
		if slices.ContainsFunc(plan.KnowledgeKinds, func(c plan.Choice) bool { return c.Code == e.Kind }) {
			v.keys = append(v.keys, "kind-"+e.Kind)
		}
		for _, t := range e.Tasks {
			v.Tasks = append(v.Tasks, taskTitle(fw, t))
			if _, ok := fw.Task(t); ok {
				v.keys = append(v.keys, "task-"+t)
			}
		}
		v.Countries = g.countryRefs(e.Countries)
		for _, c := range e.Countries {
			if g.in.Repo.Country(c) != nil {
				v.keys = append(v.keys, "country-"+strings.ToLower(c))
			}
		}
		out = append(out, v)
	}
	// Newest first.
	slices.SortStableFunc(out, func(a, b knowledgeView) int { return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.ID, b.ID)) })
	return out
}

// knowledgeFilters lists the filters, each option with its entry count; only
// values some entry has. Kinds in the words' order, tasks in the framework's,
// countries by name.
func (g *generator) knowledgeFilters(entries []knowledgeView) []filterGroup {
	count := map[string]int{}
	for _, e := range entries {
		for _, k := range e.keys {
			count[k]++
		}
	}
	var kinds, tasks, countries []filterOption
	add := func(list *[]filterOption, key, label string) {
		if n := count[key]; n > 0 {
			*list = append(*list, filterOption{Key: key, Label: label, URL: knowledgeURL + key + "/", Count: n})
		}
	}
	for _, c := range plan.KnowledgeKinds {
		add(&kinds, "kind-"+c.Code, g.cell("knowledge_kind", plan.KnowledgeKinds, c.Code))
	}
	for _, t := range g.in.Repo.Framework.Tasks {
		add(&tasks, "task-"+t.ID, taskTitle(g.in.Repo.Framework, t.ID))
	}
	for _, c := range g.countryList() {
		add(&countries, "country-"+strings.ToLower(c.Code), countryName(c))
	}
	var out []filterGroup
	for _, gr := range []filterGroup{{ID: "kind", Title: g.t("filter_kind", "Kind"), Options: kinds}, {ID: "task", Title: g.t("col_task", "Task"), Options: tasks}, {ID: "country", Title: g.t("col_country", "Country"), Options: countries}} {
		if len(gr.Options) > 0 {
			gr.Open = len(gr.Options) <= openFilters
			out = append(out, gr)
		}
	}
	return out
}

func (g *generator) knowledge() (*programmePart, error) {
	k := g.in.Repo.Programme.Knowledge
	if k == nil {
		return nil, nil
	}
	entries := g.knowledgeViews(k)
	filters := g.knowledgeFilters(entries)
	st := g.statusOf(k.Status, plan.KnowledgeFile)
	notice := g.programmeNotice(g.t("record_knowledge", "The knowledge repository"), k.Status, slices.ContainsFunc(entries, func(e knowledgeView) bool { return e.Source != "" }))
	search := []string{g.t("search_terms_knowledge", "knowledge repository policy briefs webinars reports meetings")}
	for _, e := range entries {
		search = append(search, e.Title, strings.Join(e.Authors, " "))
	}
	title := g.t("knowledge_title", "Knowledge repository")
	total := g.tn("count_entries", len(entries), "{{ .Count }} entry", "{{ .Count }} entries")
	params := map[string]any{"view": "knowledge", "entries": entries, "filters": filters, "file_status": st, "total": total,
		"search": strings.Join(search, " "), noticeParam: notice}
	if err := g.add(knowledgeURL+"_index.md", page{Title: title, Weight: 6, Params: params}); err != nil {
		return nil, err
	}
	for _, gr := range filters {
		for _, o := range gr.Options {
			var shown []knowledgeView
			for _, e := range entries {
				if slices.Contains(e.keys, o.Key) {
					shown = append(shown, e)
				}
			}
			// This filter's own group unfolds on its pages.
			fs := slices.Clone(filters)
			for i := range fs {
				fs[i].Open = fs[i].Open || fs[i].ID == gr.ID
			}
			params := map[string]any{"view": "knowledge", "entries": shown, "filters": fs, "file_status": st, "total": total,
				"filter_group": g.filterGroup(gr.ID), "filter": o.Label, "nosearch": true, noticeParam: notice,
				"parent": linkView{Title: title, URL: knowledgeURL}}
			if err := g.add(knowledgeURL+o.Key+".md", page{Title: g.tf("knowledge_filter_title", "{{ .Title }}: {{ .Filter }}", "Title", title, "Filter", o.Label), Params: params}); err != nil {
				return nil, err
			}
		}
	}
	return &programmePart{Title: title, URL: knowledgeURL, File: plan.KnowledgeFile,
		About: g.t("about_knowledge", "Policy briefs, webinars, reports and community of practice meetings, to filter by kind, task and country."),
		Count: total, Status: st.Status, StatusLabel: st.StatusLabel}, nil
}
