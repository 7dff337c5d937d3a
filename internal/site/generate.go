package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// page is one generated content file: JSON front matter and no body.
type page struct {
	Title   string         `json:"title"`
	Date    string         `json:"date,omitempty"`
	Lastmod string         `json:"lastmod,omitempty"`
	Weight  int            `json:"weight,omitempty"`
	Outputs []string       `json:"outputs,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
}

type generator struct {
	in   Input
	cmp  *compare.Result
	date string
	// put receives each generated file, by path relative to the Hugo project.
	put func(name string, data []byte) error
	// sums caches summaries once made (sumsMade).
	sums     []countrySummary
	sumsMade bool
	// msgs holds the language of the pages made (lang, "" for English, the
	// site's top): content files get its suffix (countries/hu.de.md) and every
	// text the generator writes comes from its bundle (site/i18n/<lang>.yaml).
	msgs
}

// generate returns the content and static files made from the input, by path
// relative to the Hugo project.
func generate(in Input) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := generateTo(in, func(name string, data []byte) error {
		files[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// generateTo makes the content and static files from the input and hands each to
// put as soon as it is encoded, so that a caller that stores them elsewhere (the
// in-memory Hugo project) does not hold a second copy of all of them.
func generateTo(in Input, put func(name string, data []byte) error) error {
	return generateLangTo(in, msgs{}, put)
}

// generateLangTo is generateTo for the pages of one language (tr.lang, "" for
// English); in holds the plans with the framework in that language.
func generateLangTo(in Input, tr msgs, put func(name string, data []byte) error) error {
	lang := tr.lang
	g := &generator{in: in, cmp: in.Compare, put: put, msgs: tr}
	if g.cmp == nil {
		r, err := compare.Compute(in.Repo)
		if err != nil {
			return err
		}
		g.cmp = r
	}
	if !in.SourceTime.IsZero() {
		g.date = in.SourceTime.UTC().Format(time.RFC3339)
	}
	steps := []func() error{g.home, g.countries, g.clusters, g.compare, g.twinning, g.programme, g.progressPage, g.reports, g.simple, g.guidePages, g.publication, g.editPages}
	if lang != "" {
		// A language's own pages: those made from the framework and the plans'
		// data, and the form editor's (its interface in the language, the same
		// files.json and engine). The reports and the planner's guide are written
		// in English only; the language switcher leads from them to a language's home.
		steps = []func() error{g.home, g.countries, g.clusters, g.compare, g.twinning, g.programme, g.progressPage, g.simple, g.editPages}
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// add writes a page: JSON front matter, compact and without HTML escaping (Hugo
// reads it back into the same params; the smaller file is what Hugo keeps in
// memory while it renders).
func (g *generator) add(name string, p page) error {
	p.Date, p.Lastmod = g.date, g.date
	if err := g.withNotice(&p); err != nil {
		return err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("failed to encode page %s: %w", name, err)
	}
	if g.lang != "" {
		name = strings.TrimSuffix(name, ".md") + "." + g.lang + ".md"
	}
	return g.put("content/"+name, noControls(b.Bytes()))
}

// hasC1 reports whether UTF-8 text has a C1 control (U+0080 to U+009F). Their
// first byte, 0xc2, also starts Latin-1 signs (a no-break space, "«", "°"),
// which one page in nine has at 500 countries.
func hasC1(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xc2)
		if i < 0 || i+1 == len(b) {
			return false
		}
		if b[i+1] >= 0x80 && b[i+1] <= 0x9f {
			return true
		}
		b = b[i+1:]
	}
}

// noControls replaces, in encoded JSON, every control character but tab, line
// feed and carriage return with U+FFFD, so plan text (a terminal escape sequence
// in a name, say) never reaches a page with raw control characters. The encoder
// writes C0 controls as \u00XX escapes and DEL and C1 controls as raw UTF-8.
func noControls(js []byte) []byte {
	if !bytes.Contains(js, []byte(`\u00`)) && !bytes.Contains(js, []byte(`\b`)) && !bytes.Contains(js, []byte(`\f`)) &&
		bytes.IndexByte(js, 0x7f) < 0 && !hasC1(js) {
		return js
	}
	out := make([]byte, 0, len(js))
	for i := 0; i < len(js); {
		c := js[i]
		switch {
		case c == '\\' && i+1 < len(js) && (js[i+1] == 'b' || js[i+1] == 'f'):
			out = append(out, `\ufffd`...) // backspace and form feed
			i += 2
		case c == '\\' && i+1 < len(js) && js[i+1] != 'u':
			out = append(out, js[i:i+2]...) // \n, \", \\ and the like
			i += 2
		case c == '\\' && i+5 < len(js) && string(js[i+2:i+4]) == "00" && (js[i+4] == '0' || js[i+4] == '1'):
			out = append(out, `\ufffd`...)
			i += 6
		case c == 0x7f:
			out = append(out, `\ufffd`...)
			i++
		case c == 0xc2 && i+1 < len(js) && js[i+1] >= 0x80 && js[i+1] <= 0x9f: // U+0080 to U+009F
			out = append(out, `\ufffd`...)
			i += 2
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

// countryList is the countries in the order readers look them up: by name.
func (g *generator) countryList() []*model.Country {
	names, codes := make([]string, len(g.in.Repo.Countries)), make([]string, len(g.in.Repo.Countries))
	for i, c := range g.in.Repo.Countries {
		names[i], codes[i] = c.Code, c.Code
		if c.Country != nil && c.Country.Name != "" {
			names[i] = c.Country.Name
		}
	}
	var cs []*model.Country
	for _, i := range byName(names, codes) {
		cs = append(cs, g.in.Repo.Countries[i])
	}
	return cs
}

type countrySummary struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	URL          string `json:"url"`
	Status       string `json:"status"`
	StatusLabel  string `json:"status_label"`
	Illustrative bool   `json:"illustrative"`
	Cluster      string `json:"cluster,omitempty"`
	ClusterURL   string `json:"cluster_url,omitempty"`
	AssessedOn   string `json:"assessed_on,omitempty"`
	Dialogue     string `json:"dialogue,omitempty"`
	countsView
}

// summaries lists every country's summary, computed once: the home, countries,
// clusters and status pages all show them.
func (g *generator) summaries() []countrySummary {
	if g.sumsMade {
		return g.sums
	}
	var out []countrySummary
	for _, c := range g.countryList() {
		out = append(out, summaryOf(g.msgs, g.in.Repo, c))
	}
	g.sums, g.sumsMade = out, true
	return out
}

func (g *generator) home() error {
	fw := g.in.Repo.Framework
	sums := g.summaries()
	var illustrative []string
	for _, s := range sums {
		if s.Illustrative {
			illustrative = append(illustrative, s.Name)
		}
	}
	heat, err := g.headlineCharts()
	if err != nil {
		return err
	}
	params := map[string]any{
		"programme":    newProgrammeView(fw),
		"framework":    fw.Title,
		"countries":    sums,
		"illustrative": illustrative,
		"heatmaps":     heat,
	}
	return g.add("_index.md", page{Title: g.tf("home_title", "{{ .Programme }} health workforce plans", "Programme", fw.Programme.Name), Outputs: []string{"html", "json"}, Params: params})
}

func (g *generator) countries() error {
	sums := g.summaries()
	if err := g.add("countries/_index.md", page{Title: g.t("nav_countries", "Countries"), Params: map[string]any{"countries": sums}}); err != nil {
		return err
	}
	for _, c := range g.countryList() {
		v, err := newCountryView(g.msgs, g.in.Repo, c, g.in.Revisions[c.Code], g.asOf())
		if err != nil {
			return err
		}
		if err := g.addScores(v); err != nil {
			return err
		}
		if v.Progress, err = g.countryProgress(c, v); err != nil {
			return err
		}
		params := map[string]any{"country": v, "illustrative": v.Illustrative, "search": searchText(g.in.Repo.Framework, v, c),
			"twinning": g.countryTwinning(c.Code), noticeParam: g.notice([]countrySummary{{Name: v.Name, Illustrative: v.Illustrative}})}
		if err := g.add("countries/"+strings.ToLower(c.Code)+".md", page{Title: v.Name, Params: params}); err != nil {
			return err
		}
	}
	return nil
}

type clusterView struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	WorkPackage string           `json:"work_package,omitempty"`
	Description richText         `json:"description,omitempty"`
	Lead        string           `json:"lead,omitempty"`
	Members     []countrySummary `json:"members"`
	Missing     []string         `json:"missing,omitempty"`
	Chart       *heatmapView     `json:"chart,omitempty"`
	// description is the plan text of Description, for the search index.
	description string
}

func (g *generator) clusterViews() ([]clusterView, error) {
	sums := g.summaries()
	byCode := map[string]countrySummary{}
	for _, s := range sums {
		byCode[s.Code] = s
	}
	var out []clusterView
	cls := append([]*model.Cluster(nil), g.in.Repo.Clusters...)
	sort.Slice(cls, func(i, j int) bool { return cls[i].ID < cls[j].ID })
	for _, cl := range cls {
		if cl.Cluster == nil {
			continue
		}
		v := clusterView{ID: cl.ID, Name: cl.Cluster.Name, WorkPackage: cl.Cluster.WorkPackage, Description: g.markdown(cl.Cluster.Description), Lead: cl.Cluster.Lead, description: cl.Cluster.Description}
		// Members in the order of every country list: by name.
		for _, s := range sums {
			if slices.Contains(cl.Cluster.Countries, s.Code) {
				v.Members = append(v.Members, s)
			}
		}
		for _, code := range cl.Cluster.Countries {
			if _, ok := byCode[code]; !ok {
				v.Missing = append(v.Missing, code)
			}
		}
		out = append(out, v)
	}
	return out, nil
}

func (g *generator) clusters() error {
	views, err := g.clusterViews()
	if err != nil {
		return err
	}
	if err := g.add("clusters/_index.md", page{Title: g.t("learning_clusters", "Learning clusters"), Params: map[string]any{"clusters": views}}); err != nil {
		return err
	}
	for i, v := range views {
		if v.Chart, err = g.clusterChart(v); err != nil {
			return err
		}
		params := map[string]any{"cluster": v, "search": v.Name + " " + v.description, noticeParam: g.notice(v.Members)}
		if err := g.add("clusters/"+v.ID+".md", page{Title: v.Name, Weight: i + 1, Params: params}); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) reports() error {
	if err := g.add("reports/_index.md", page{Title: "Reports", Params: map[string]any{"downloads": g.downloadList("data/")}}); err != nil {
		return err
	}
	for i, r := range g.in.Reports {
		// The title page is found as the report page itself; each section as
		// an entry of its own.
		search, sections := r.Title, reportSections(r.HTML)
		if len(sections) > 0 && sections[0].Anchor == "" {
			search += " " + sections[0].Text
			sections = sections[1:]
		}
		params := map[string]any{"report_html": scrollCharts(scrollTables(r.HTML)), "downloads": r.Downloads, "search": search,
			"search_sections": sections}
		if err := g.add("reports/"+r.ID+".md", page{Title: r.Title, Weight: i + 1, Params: params}); err != nil {
			return err
		}
	}
	return nil
}

// downloadList lists the download paths under prefix, sorted.
func (g *generator) downloadList(prefix string) []string {
	var out []string
	for name := range g.in.Downloads {
		if strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func (g *generator) simple() error {
	fw := g.in.Repo.Framework
	sums := g.summaries()
	methods := newMethodsView(fw, g.nums())
	pages := []struct {
		name string
		p    page
	}{
		{"methods/_index.md", page{Title: g.t("nav_methods", "Methods"), Params: map[string]any{"methods": methods, "search": g.t("search_terms_methods", "methods scores normalisation scales tasks items"), noticeParam: ""}}},
		{"status/_index.md", page{Title: g.t("nav_status", "Data status"), Params: map[string]any{"countries": sums, "statuses": g.statusOrder()}}},
		{"search/_index.md", page{Title: g.t("search", "Search"), Params: map[string]any{noticeParam: ""}}},
	}
	for _, p := range pages {
		if err := g.add(p.name, p.p); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) statusOrder() []map[string]string {
	var out []map[string]string
	for _, s := range []plan.Status{plan.StatusIllustrative, plan.StatusDraft, plan.StatusSubmitted, plan.StatusApproved} {
		out = append(out, map[string]string{"id": string(s), "label": g.status(string(s))})
	}
	return out
}

// searchText is the plain text a country page is found by: the plan's own text,
// not its rendered HTML.
func searchText(fw *framework.Framework, v *countryView, c *model.Country) string {
	parts := []string{v.Name, v.Code, v.StatusLabel}
	if c.ToBe != nil {
		parts = append(parts, c.ToBe.Vision)
	}
	if c.AsIs != nil {
		for _, t := range fw.Tasks {
			parts = append(parts, c.AsIs.Tasks[t.ID].Summary)
		}
	}
	for _, s := range v.Steps {
		parts = append(parts, s.ID, s.Title)
	}
	for _, a := range v.Actions {
		parts = append(parts, a.ID, a.Title, a.Responsible)
	}
	return strings.Join(parts, " ")
}

// reportFigureRe is the start of a chart figure of a report body up to its SVG
// (package report writes them so: the figure's id, then the SVG, whose title
// is <id>-title).
var reportFigureRe = regexp.MustCompile(`<figure class="chart[^"]*" id="([a-z0-9-]+)"[^>]*>\s*(<svg\b)`)

// scrollCharts puts the SVG of every chart of a report body in a focusable,
// labelled region that scrolls sideways, as the site's own charts are (see the
// chart partial): on a phone the chart keeps a readable size. The SVG ends at
// the first </svg> after it (found by strings.Index: a regular expression
// stepping through every chart costs a second at 500 countries).
func scrollCharts(html string) string {
	var b strings.Builder
	b.Grow(len(html) + len(html)/8) // room for the wrappers, a few per cent of a report
	for {
		m := reportFigureRe.FindStringSubmatchIndex(html)
		if m == nil {
			break
		}
		id, svg := html[m[2]:m[3]], m[4]
		end := strings.Index(html[svg:], "</svg>")
		if end < 0 {
			break
		}
		end += svg + len("</svg>")
		b.WriteString(html[:svg])
		b.WriteString(`<div class="chart-scroll" role="region" aria-labelledby="` + id + `-title" tabindex="0">`)
		b.WriteString(html[svg:end])
		b.WriteString("</div>")
		html = html[end:]
	}
	b.WriteString(html)
	return b.String()
}

// scrollTables wraps every table of a report body in a focusable, labelled region
// that scrolls sideways, so wide tables do not widen the page on a phone.
func scrollTables(html string) string {
	var b strings.Builder
	b.Grow(len(html) + len(html)/8) // room for the wrappers, a few per cent of a report
	n := 0
	for {
		i := strings.Index(html, "<table")
		if i < 0 {
			break
		}
		j := strings.Index(html[i:], "</table>")
		if j < 0 {
			break
		}
		j += i + len("</table>")
		n++
		fmt.Fprintf(&b, `%s<div class="table-wrap" role="region" aria-label="Table: report table %d" tabindex="0">%s</div>`, html[:i], n, html[i:j])
		html = html[j:]
	}
	b.WriteString(html)
	return b.String()
}
