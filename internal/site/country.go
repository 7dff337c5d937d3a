package site

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/chart"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// The page data below becomes front matter params; json keys are lower-case
// because Hugo treats param keys case-insensitively.

type countryView struct {
	Code         string               `json:"code"`
	EUCode       string               `json:"eu_code"`
	Name         string               `json:"name"`
	URL          string               `json:"url"`
	Status       string               `json:"status"`
	StatusLabel  string               `json:"status_label"`
	Illustrative bool                 `json:"illustrative"`
	Cluster      *linkView            `json:"cluster,omitempty"`
	Authority    *orgView             `json:"authority,omitempty"`
	Affiliated   []orgView            `json:"affiliated,omitempty"`
	Maintainers  []string             `json:"maintainers,omitempty"`
	Languages    []string             `json:"languages,omitempty"`
	Notes        richText             `json:"notes,omitempty"`
	Files        []fileView           `json:"files"`
	AsIs         *asIsView            `json:"asis,omitempty"`
	ToBe         *toBeView            `json:"tobe,omitempty"`
	Steps        []stepView           `json:"steps,omitempty"`
	Dialogue     *dialogueView        `json:"dialogue,omitempty"`
	Actions      []actionView         `json:"actions,omitempty"`
	Factors      []factorView         `json:"factors,omitempty"`
	Scores       []taskScore          `json:"scores,omitempty"`
	Radar        string               `json:"radar,omitempty"`
	Timeline     string               `json:"timeline,omitempty"`
	Revisions    []revisionView       `json:"revisions,omitempty"`
	Progress     *countryProgressView `json:"progress,omitempty"`
	Counts       countsView           `json:"counts"`
}

type linkView struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// refView is a reference shown by its id or name: URL is a same-page anchor
// ("#HU-S1"), a site path ("countries/hu/#HU-S1"), or "" when it is not a link
// (the ref-link partial).
type refView struct {
	ID  string `json:"id"`
	URL string `json:"url,omitempty"`
}

type orgView struct {
	Name    string `json:"name"`
	Acronym string `json:"acronym,omitempty"`
	Role    string `json:"role,omitempty"`
	URL     string `json:"url,omitempty"`
}

type fileView struct {
	Name    string `json:"name"`
	Path    string `json:"path"`
	Present bool   `json:"present"`
}

type asIsView struct {
	AssessedOn  string     `json:"assessed_on"`
	Assessors   []string   `json:"assessors,omitempty"`
	Tasks       []taskView `json:"tasks"`
	Strengths   []richText `json:"strengths,omitempty"`
	Weaknesses  []richText `json:"weaknesses,omitempty"`
	Challenges  []richText `json:"challenges,omitempty"`
	DataSources []rowView  `json:"data_sources,omitempty"`
	// Coverage is set when the framework declares a minimum data set: the data
	// source rows then end with the elements each source covers.
	Coverage    bool      `json:"coverage,omitempty"`
	Models      []rowView `json:"models,omitempty"`
	Staff       string    `json:"staff,omitempty"`
	Stakeholder []rowView `json:"stakeholders,omitempty"`
}

// rowView is one row of a simple table: cells already formatted as text.
type rowView struct {
	Cells []string `json:"cells"`
}

type taskView struct {
	ID      string     `json:"id"`
	Anchor  string     `json:"anchor"`
	Title   string     `json:"title"`
	Summary richText   `json:"summary,omitempty"`
	Items   []itemView `json:"items"`
}

type itemView struct {
	Key         string   `json:"key"`
	Title       string   `json:"title"`
	Scale       string   `json:"scale"`
	Score       string   `json:"score"`
	Label       string   `json:"label,omitempty"`
	NotAssessed string   `json:"not_assessed,omitempty"`
	Evidence    richText `json:"evidence,omitempty"`
	Sources     []string `json:"sources,omitempty"`
	Target      string   `json:"target,omitempty"`
	TargetLabel string   `json:"target_label,omitempty"`
	TargetYear  int      `json:"target_year,omitempty"`
	Rationale   richText `json:"rationale,omitempty"`
}

type toBeView struct {
	Vision      richText `json:"vision"`
	HorizonYear int      `json:"horizon_year,omitempty"`
}

type stepView struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Task         string   `json:"task"`
	Items        []string `json:"items"`
	Priority     string   `json:"priority"`
	Description  richText `json:"description,omitempty"`
	Milestones   []string `json:"milestones,omitempty"`
	Stakeholders []string `json:"stakeholders,omitempty"`
}

type dialogueView struct {
	Date         string   `json:"date"`
	Participants []string `json:"participants"`
	Outcome      richText `json:"outcome"`
	// URL is the dialogue on the programme's timeline, when there is one.
	URL string `json:"url,omitempty"`
}

type actionView struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Task       string    `json:"task"`
	Implements []refView `json:"implements"`
	// Items are the framework items an EU action addresses, by title; Countries
	// those it works with; From the policy dialogues it came from.
	Items          []string  `json:"items,omitempty"`
	Countries      []refView `json:"countries,omitempty"`
	From           []refView `json:"from,omitempty"`
	Level          string    `json:"level"`
	Responsible    string    `json:"responsible"`
	Partners       []string  `json:"partners,omitempty"`
	Start          string    `json:"start"`
	End            string    `json:"end"`
	Budget         string    `json:"budget,omitempty"`
	Status         string    `json:"status"`
	KPIs           []string  `json:"kpis,omitempty"`
	Sustainability string    `json:"sustainability,omitempty"`
}

type factorView struct {
	Domain   string   `json:"domain"`
	Score    string   `json:"score"`
	Label    string   `json:"label"`
	Evidence richText `json:"evidence"`
}

type revisionView struct {
	Hash    string `json:"hash"`
	Short   string `json:"short"`
	Date    string `json:"date"`
	Author  string `json:"author,omitempty"`
	Subject string `json:"subject"`
	Summary string `json:"summary,omitempty"`
}

type countsView struct {
	Assessed    int `json:"assessed"`
	NotAssessed int `json:"not_assessed"`
	Missing     int `json:"missing"`
	Targets     int `json:"targets"`
	Steps       int `json:"steps"`
	Actions     int `json:"actions"`
}

func countryURL(code string) string { return "countries/" + strings.ToLower(code) + "/" }
func clusterURL(id string) string   { return "clusters/" + id + "/" }

func countryName(c *model.Country) string {
	if c.Country != nil && c.Country.Name != "" {
		return c.Country.Name
	}
	return c.Code
}

func countryStatus(c *model.Country) string {
	if c.Country != nil {
		return string(c.Country.Status)
	}
	return ""
}

// newCountryView makes a country's view; asOf, if not zero, is the report date
// the action timeline marks.
func newCountryView(tr msgs, repo *model.Repo, c *model.Country, revs []Revision, asOf plan.Date) (*countryView, error) {
	fw := repo.Framework
	s := summaryOf(tr, repo, c)
	v := &countryView{Code: s.Code, Name: s.Name, URL: s.URL, Status: s.Status, StatusLabel: s.StatusLabel, Illustrative: s.Illustrative, Counts: s.countsView}
	if s.ClusterURL != "" {
		v.Cluster = &linkView{Title: s.Cluster, URL: s.ClusterURL}
	}
	for _, name := range plan.CountryFiles {
		_, ok := c.Files[name]
		v.Files = append(v.Files, fileView{Name: name, Path: path.Join(c.Dir, name), Present: ok})
	}
	if cc := c.Country; cc != nil {
		v.EUCode = cc.EUCode
		v.Authority = orgOf(cc.CompetentAuthority)
		for _, o := range cc.AffiliatedEntities {
			v.Affiliated = append(v.Affiliated, *orgOf(o))
		}
		v.Maintainers, v.Languages, v.Notes = cc.Maintainers, tr.languageNames(cc.Languages), tr.markdown(cc.Notes)
	}
	targets := map[string]plan.Target{}
	if c.ToBe != nil {
		v.ToBe = &toBeView{Vision: tr.markdown(c.ToBe.Vision), HorizonYear: c.ToBe.HorizonYear}
		for task, items := range c.ToBe.Targets {
			for item, t := range items {
				targets[task+"."+item] = t
			}
		}
	}
	if c.AsIs != nil {
		v.AsIs = asIsOf(tr, fw, c.AsIs, targets)
	}
	if c.ToDo != nil {
		for _, s := range c.ToDo.Steps {
			v.Steps = append(v.Steps, stepOf(tr, fw, s))
		}
	}
	if ap := c.ActionPlan; ap != nil {
		v.Dialogue = &dialogueView{Date: string(ap.PolicyDialogue.Date), Participants: ap.PolicyDialogue.Participants, Outcome: tr.markdown(ap.PolicyDialogue.Outcome)}
		v.Dialogue.URL = timelineURL(repo, c)
		from := dialogueFrom(tr, repo)
		for _, a := range ap.Actions {
			av := actionOf(tr, fw, a)
			av.From = from[a.ID]
			v.Actions = append(v.Actions, av)
		}
		sc := fw.SustainabilityScale()
		for _, d := range fw.Sustainability.Domains {
			f, ok := ap.SustainabilityFactors[d.ID]
			if !ok {
				continue
			}
			label := ""
			if sc != nil {
				label = scaleLabel(sc, f.Score)
			}
			v.Factors = append(v.Factors, factorView{Domain: d.Title, Score: fmt.Sprint(f.Score), Label: label, Evidence: tr.markdown(f.Evidence)})
		}
		svg, err := timelineSVG(tr, fw, c.Code, v.Name, ap.Actions, asOf)
		if err != nil {
			return nil, err
		}
		v.Timeline = svg
	}
	for _, r := range revs {
		short := r.Hash
		if len(short) > 7 {
			short = short[:7]
		}
		v.Revisions = append(v.Revisions, revisionView{Hash: r.Hash, Short: short, Date: r.Date.UTC().Format("2006-01-02"), Author: r.Author, Subject: r.Subject, Summary: r.Summary})
	}
	return v, nil
}

// summaryOf is a country's line in the lists of countries (home, countries,
// clusters, status), and the head of its view: made without the plan text.
func summaryOf(tr msgs, repo *model.Repo, c *model.Country) countrySummary {
	s := countrySummary{Code: c.Code, Name: countryName(c), URL: countryURL(c.Code), Status: countryStatus(c), countsView: countsOf(repo.Framework, c)}
	s.StatusLabel = tr.status(s.Status)
	s.Illustrative = s.Status == string(plan.StatusIllustrative)
	if cc := c.Country; cc != nil {
		if cl := repo.Cluster(cc.Cluster); cl != nil && cl.Cluster != nil {
			s.Cluster, s.ClusterURL = cl.Cluster.Name, clusterURL(cl.ID)
		}
	}
	if c.AsIs != nil {
		s.AssessedOn = string(c.AsIs.AssessedOn)
	}
	if c.ActionPlan != nil {
		s.Dialogue = string(c.ActionPlan.PolicyDialogue.Date)
	}
	return s
}

// countsOf counts a country's framework items by assessment, its targets,
// steps and actions.
func countsOf(fw *framework.Framework, c *model.Country) countsView {
	var n countsView
	if c.ToBe != nil {
		for _, items := range c.ToBe.Targets {
			n.Targets += len(items)
		}
	}
	if c.AsIs != nil {
		for _, t := range fw.Tasks {
			ta := c.AsIs.Tasks[t.ID]
			for i := range t.Items {
				switch ia, ok := ta.Items[t.Items[i].ID]; {
				case ok && ia.Score != nil:
					n.Assessed++
				case ok && ia.NotAssessed != "":
					n.NotAssessed++
				default:
					n.Missing++
				}
			}
		}
	}
	if c.ToDo != nil {
		n.Steps = len(c.ToDo.Steps)
	}
	if c.ActionPlan != nil {
		n.Actions = len(c.ActionPlan.Actions)
	}
	return n
}

func orgOf(o plan.Organisation) *orgView {
	v := &orgView{Name: o.Name, Acronym: o.Acronym, Role: o.Role}
	if o.URL.Check() == nil { // an address that failed validation is not a link
		v.URL = string(o.URL)
	}
	return v
}

func scaleLabel(s *framework.Scale, v int) string {
	for _, l := range s.Labels {
		if l.Value == v {
			return l.Label
		}
	}
	return ""
}

func asIsOf(tr msgs, fw *framework.Framework, a *plan.AsIs, targets map[string]plan.Target) *asIsView {
	v := &asIsView{AssessedOn: string(a.AssessedOn), Assessors: a.Assessors, Strengths: tr.markdownList(a.Strengths), Weaknesses: tr.markdownList(a.Weaknesses), Challenges: tr.markdownList(a.Challenges)}
	for _, t := range fw.Tasks {
		ta := a.Tasks[t.ID]
		tv := taskView{ID: t.ID, Anchor: "task-" + t.ID, Title: tr.taskTitle(t.Number, t.Title), Summary: tr.markdown(ta.Summary)}
		for i := range t.Items {
			it := &t.Items[i]
			iv := itemView{Key: it.Key(), Title: it.Title}
			if sc := fw.ItemScale(it); sc != nil {
				iv.Scale = fmt.Sprintf("%d–%d", sc.Min, sc.Max)
			}
			ia, ok := ta.Items[it.ID]
			switch {
			case ok && ia.Score != nil:
				iv.Score = fmt.Sprint(*ia.Score)
				iv.Label = fw.LabelFor(it, *ia.Score)
			case ok && ia.NotAssessed != "":
				iv.NotAssessed = ia.NotAssessed
			}
			iv.Evidence, iv.Sources = tr.markdown(ia.Evidence), ia.Sources
			if tg, ok := targets[it.Key()]; ok {
				iv.Target = fmt.Sprint(tg.Score)
				iv.TargetLabel = fw.LabelFor(it, tg.Score)
				iv.TargetYear = tg.Year
				iv.Rationale = tr.markdown(tg.Rationale)
			}
			tv.Items = append(tv.Items, iv)
		}
		v.Tasks = append(v.Tasks, tv)
	}
	v.Coverage = fw.MinimumDataSet != nil
	for _, d := range a.DataSources {
		row := rowView{Cells: []string{d.Name, tr.cell("source_kind", plan.SourceKinds, d.Kind), d.Owner, professions(fw, d.Professions), tr.cell("update_frequency", plan.UpdateFrequencies, d.UpdateFrequency)}}
		if v.Coverage {
			row.Cells = append(row.Cells, coverage(tr, fw, d.MinimumDataSet))
		}
		v.DataSources = append(v.DataSources, row)
	}
	for _, m := range a.Models {
		v.Models = append(v.Models, rowView{Cells: []string{m.Name, tr.cell("model_type", plan.ModelTypes, m.Type), professions(fw, m.Professions), fmt.Sprint(m.HorizonYears), tr.cell("update_frequency", plan.UpdateFrequencies, m.UpdateFrequency), m.Owner}})
	}
	if s := a.PlanningStaff; s != nil {
		v.Staff = tr.tn("planning_staff_count", s.Headcount, "{{ .Count }} person ({{ .FTE }} FTE)", "{{ .Count }} people ({{ .FTE }} FTE)", "FTE", tr.nums().Plain(s.FTE))
		if s.Unit != "" {
			v.Staff = tr.tf("planning_staff_in", "{{ .Staff }} in {{ .Unit }}", "Staff", v.Staff, "Unit", s.Unit)
		}
	}
	for _, s := range a.Stakeholders {
		v.Stakeholder = append(v.Stakeholder, rowView{Cells: []string{s.Name, tr.stakeholderType(s.Type), s.Role, fmt.Sprint(s.Willingness), fmt.Sprint(s.Expertise), fmt.Sprint(s.Power)}})
	}
	return v
}

func stepOf(tr msgs, fw *framework.Framework, s plan.Step) stepView {
	v := stepView{ID: s.ID, Title: s.Title, Task: taskTitle(fw, s.Task), Priority: tr.cell("priority", plan.Priorities, s.Priority), Description: tr.markdown(s.Description), Stakeholders: s.Stakeholders}
	for _, k := range s.Items {
		if it, ok := fw.Item(k); ok {
			v.Items = append(v.Items, it.Title)
		} else {
			v.Items = append(v.Items, k)
		}
	}
	ms := append([]plan.Milestone(nil), s.Milestones...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Date < ms[j].Date })
	for _, m := range ms {
		v.Milestones = append(v.Milestones, string(m.Date)+": "+m.Deliverable)
	}
	return v
}

func actionOf(tr msgs, fw *framework.Framework, a plan.Action) actionView {
	v := actionView{ID: a.ID, Title: a.Title, Task: taskTitle(fw, a.Task), Level: tr.cell("level", plan.Levels, a.Level),
		Responsible: a.Responsible, Partners: a.Partners, Start: string(a.Start), End: string(a.End), Status: tr.cell("action_status", plan.ActionStatuses, a.Status)}
	// A national action's steps are on the same page.
	for _, s := range a.Implements {
		v.Implements = append(v.Implements, refView{ID: s, URL: "#" + s})
	}
	if a.Level == "regional" && a.Region != "" {
		v.Level += " (" + a.Region + ")"
	}
	if b := a.Budget; b != nil {
		v.Budget = tr.tf("action_budget", "{{ .Currency }} {{ .Amount }}, {{ .Source }}, {{ .Secured }}", "Currency", b.Currency, "Amount", tr.nums().Money(b.Amount),
			"Source", tr.label("funding_source", plan.FundingSources, b.Source), "Secured", tr.secured(b.Secured))
	}
	for _, k := range a.KPIs {
		s := tr.tf("action_kpi", "{{ .Indicator }}: {{ .Baseline }} → {{ .Target }} {{ .Unit }} by {{ .Year }}", "Indicator", k.Indicator,
			"Baseline", tr.nums().Plain(k.Baseline), "Target", tr.nums().Plain(k.Target), "Unit", k.Unit, "Year", k.TargetYear)
		if k.NHWA != "" {
			s += " (NHWA " + k.NHWA + ")"
		}
		v.KPIs = append(v.KPIs, s)
	}
	if s := a.Sustainability; s != nil {
		// The words of the sustainability report's action table.
		v.Sustainability = tr.t("action_not_continued", "Does not continue after the programme")
		if s.Continues {
			v.Sustainability = tr.tf("action_continues", "Continues after the programme; funding {{ .Secured }}; {{ .Anchoring }}",
				"Secured", tr.secured(s.FundingSecured), "Anchoring", tr.label("anchoring", plan.Anchorings, s.Anchoring))
			if c := s.AnnualCost; c != nil {
				v.Sustainability += tr.tf("action_annual_cost", "; costs {{ .Currency }} {{ .Amount }} a year", "Currency", c.Currency, "Amount", tr.nums().Money(c.Amount))
			}
		}
		if s.Notes != "" {
			v.Sustainability += ". " + s.Notes
		}
	}
	return v
}

func timelineSVG(tr msgs, fw *framework.Framework, code, name string, actions []plan.Action, asOf plan.Date) (string, error) {
	if len(actions) == 0 {
		return "", nil
	}
	tl := chart.Timeline{Meta: chart.Meta{ID: "timeline-" + strings.ToLower(code), Title: tr.tf("timeline_chart_title", "Action plan timeline, {{ .Name }}", "Name", name),
		Desc: tr.t("timeline_chart_desc", "One bar per action from its start month to its end month; the status is written after each bar. The vertical line marks the end of the programme.")}}
	tl.Words = tr.chartWords()
	for _, a := range actions {
		tl.Actions = append(tl.Actions, chart.Action{ID: a.ID, Label: a.Title, Start: month(string(a.Start)), End: month(string(a.End)), Status: chart.Status(a.Status)})
	}
	if end := month(fw.Programme.End); !end.IsZero() {
		tl.Marker = end
		tl.MarkerLabel = tr.tf("timeline_programme_end", "Programme end ({{ .Month }})", "Month", tr.monthText(end))
	}
	if d, ok := asOf.Time(); ok {
		tl.ReportDate, tl.ReportDateLabel = d, tr.tf("timeline_report_date", "Report date ({{ .Date }})", "Date", tr.mediumDate(d))
		tl.Desc += tr.t("timeline_report_date_desc", " The solid line marks the report date progress is measured at.")
	}
	svg, err := tl.Render()
	if err != nil {
		return "", fmt.Errorf("failed to draw the timeline of %s: %w", code, err)
	}
	return string(svg), nil
}

func month(s string) time.Time {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func taskTitle(fw *framework.Framework, id string) string {
	if t, ok := fw.Task(id); ok {
		return t.Short
	}
	return id
}

// coverage names the minimum data set elements a data source covers, grouped
// in framework order: "Headcount, Stock by sex (stock); Population (demand
// drivers)"; an element the framework does not know comes last, as its id.
func coverage(tr msgs, fw *framework.Framework, keys []string) string {
	if len(keys) == 0 {
		return tr.t("coverage_not_declared", "not declared")
	}
	order := map[string]int{}
	for i, k := range fw.DataElementKeys() {
		order[k] = i + 1
	}
	sorted := slices.Clone(keys)
	slices.SortStableFunc(sorted, func(a, b string) int {
		oa, ob := order[a], order[b]
		if oa == 0 {
			oa = len(order) + 1
		}
		if ob == 0 {
			ob = len(order) + 1
		}
		return oa - ob
	})
	return framework.CoverageWords(sorted, fw.DataElementName)
}

func professions(fw *framework.Framework, ids []string) string {
	titles := map[string]string{}
	for _, p := range fw.Professions {
		titles[p.ID] = p.Title
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		base, spec, _ := strings.Cut(id, "/")
		t := titles[base]
		if t == "" {
			t = humanID(base)
		}
		if spec != "" {
			t += " (" + humanID(spec) + ")"
		}
		out[i] = t
	}
	return strings.Join(out, ", ")
}

// humanID turns an enum id such as "supply_stock_flow" into "supply stock flow".
func humanID(s string) string { return strings.ReplaceAll(s, "_", " ") }
