package site

import (
	"strings"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// The programme section (programme/): what the programme as a whole produces
// beside the countries' plans, one page per file of the plans repository's
// programme/ folder (plan.ProgrammeFiles) and an index that says what the
// programme level is and links them. A file that is missing has no page; the
// index says so.

const programmeURL = "programme/"

// programmePart is one page of the section as the index lists it.
type programmePart struct {
	Title       string `json:"title"`
	URL         string `json:"url"`
	About       string `json:"about"`
	Count       string `json:"count"`
	File        string `json:"file"`
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
}

// programmeStatus is a programme file's data status as a page shows it.
type programmeStatus struct {
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
	File        string `json:"file"`
}

func (g *generator) statusOf(s plan.Status, file string) programmeStatus {
	return programmeStatus{Status: string(s), StatusLabel: g.status(string(s)), File: file}
}

// programmeNotice is the illustrative-data notice of a programme page, or ""
// when its file is not illustrative. what names the content ("The EU action
// plan", in the page's language); sourced says whether some entries name a
// published source, which makes them public facts whatever the file's status.
func (g *generator) programmeNotice(what string, s plan.Status, sourced bool) string {
	if s != plan.StatusIllustrative {
		return ""
	}
	if sourced {
		return g.tf("record_notice_sourced", "{{ .What }} on this page is sample content, not an official record, except the entries marked with a published source: those are public facts.", "What", what)
	}
	return g.tf("record_notice", "{{ .What }} on this page is sample content, not an official record.", "What", what)
}

// markView says whether an entry is a public fact: Source is its published
// source (a safe web address), Illustrative is set when it has none and its
// file is illustrative. The entry-mark partial shows it.
type markView struct {
	Source       string `json:"source,omitempty"`
	Illustrative bool   `json:"illustrative,omitempty"`
}

func markOf(source plan.URL, s plan.Status) markView {
	if source != "" && source.Check() == nil {
		return markView{Source: string(source)}
	}
	return markView{Illustrative: s == plan.StatusIllustrative}
}

// programme writes the section: each file's page, then the index.
func (g *generator) programme() error {
	var parts []programmePart
	for _, step := range []func() (*programmePart, error){g.euActionPlan, g.dialogues, g.policyBoard, g.sustainabilityPlan, g.twinningsHeld, g.knowledge} {
		part, err := step()
		if err != nil {
			return err
		}
		if part != nil {
			parts = append(parts, *part)
		}
	}
	var missing []string
	for _, f := range plan.ProgrammeFiles {
		if !hasPart(parts, f) {
			missing = append(missing, f)
		}
	}
	var illustrative []string
	for _, p := range parts {
		if p.Status == string(plan.StatusIllustrative) {
			illustrative = append(illustrative, p.Title)
		}
	}
	notice := ""
	if len(illustrative) > 0 {
		notice = g.tf("programme_notice", "The programme records listed here ({{ .Names }}) are sample content, not official records, except the entries their pages mark with a published source.", "Names", g.joinAnd(illustrative))
	}
	params := map[string]any{"parts": parts, "missing": missing, "dir": plan.ProgrammeDir, noticeParam: notice,
		"search": g.t("search_terms_programme", "programme level EU action plan policy dialogues Policy Board sustainability plan twinning knowledge repository")}
	return g.add(programmeURL+"_index.md", page{Title: g.t("nav_programme", "Programme"), Params: params})
}

func hasPart(parts []programmePart, file string) bool {
	for _, p := range parts {
		if p.File == file {
			return true
		}
	}
	return false
}

// countryRef links a country by name; a code without a country folder is
// plain text (validate refuses it; the page still renders).
func (g *generator) countryRef(code string) refView {
	if c := g.in.Repo.Country(code); c != nil {
		return refView{ID: countryName(c), URL: countryURL(code)}
	}
	return refView{ID: code}
}

// countryRefs links countries in the order of every country list: by name.
func (g *generator) countryRefs(codes []string) []refView {
	refs := make([]refView, len(codes))
	names := make([]string, len(codes))
	for i, c := range codes {
		refs[i] = g.countryRef(c)
		names[i] = refs[i].ID
	}
	out := make([]refView, 0, len(codes))
	for _, i := range byName(names, codes) {
		out = append(out, refs[i])
	}
	return out
}

// stepRef links a road map step on its country's page.
func (g *generator) stepRef(id string) refView {
	for _, c := range g.in.Repo.Countries {
		if c.ToDo == nil {
			continue
		}
		for _, s := range c.ToDo.Steps {
			if s.ID == id {
				return refView{ID: id, URL: countryURL(c.Code) + "#" + id}
			}
		}
	}
	return refView{ID: id}
}

// actionRef links an action: a national one on its country's page, an EU one
// on the EU action plan page.
func (g *generator) actionRef(id string) refView {
	if ap := g.in.Repo.Programme.EUActionPlan; ap != nil {
		for _, a := range ap.Actions {
			if a.ID == id {
				return refView{ID: id, URL: programmeURL + "eu-action-plan/#" + id}
			}
		}
	}
	for _, c := range g.in.Repo.Countries {
		if c.ActionPlan == nil {
			continue
		}
		for _, a := range c.ActionPlan.Actions {
			if a.ID == id {
				return refView{ID: id, URL: countryURL(c.Code) + "#" + id}
			}
		}
	}
	return refView{ID: id}
}

// euActionPlan writes the EU action plan page: its actions in the national
// action tables' shape (the action-table partial), with the steps they
// implement linked on the countries' pages.
func (g *generator) euActionPlan() (*programmePart, error) {
	ap := g.in.Repo.Programme.EUActionPlan
	if ap == nil {
		return nil, nil
	}
	fw := g.in.Repo.Framework
	var actions []actionView
	from := dialogueFrom(g.msgs, g.in.Repo)
	search := []string{g.t("eu_action_plan", "EU action plan")}
	for _, a := range ap.Actions {
		// The national action's words; its steps are on other pages.
		v := actionOf(g.msgs, fw, a.Action())
		v.Level, v.Implements, v.From = g.cell("dialogue_level", plan.DialogueLevels, a.Level), nil, from[a.ID]
		for _, s := range a.Implements {
			v.Implements = append(v.Implements, g.stepRef(s))
		}
		for _, k := range a.Items {
			v.Items = append(v.Items, g.itemTitle(k))
		}
		v.Countries = g.countryRefs(a.Countries)
		actions = append(actions, v)
		search = append(search, a.ID, a.Title, a.Responsible)
	}
	// The country pages' timeline, of the same actions.
	all := make([]plan.Action, len(ap.Actions))
	for i, a := range ap.Actions {
		all[i] = a.Action()
	}
	svg, err := timelineSVG(g.msgs, fw, "eu", g.t("eu_action_plan", "EU action plan"), all, g.asOf())
	if err != nil {
		return nil, err
	}
	st := g.statusOf(ap.Status, plan.EUActionPlanFile)
	params := map[string]any{"view": "eu-action-plan", "actions": actions, "timeline": svg, "file_status": st,
		"search": strings.Join(search, " "), noticeParam: g.programmeNotice(g.t("record_eu_action_plan", "The EU action plan"), ap.Status, false)}
	if pr := g.in.Progress; pr != nil && pr.EU != nil {
		ep := &countryProgressView{AsOf: g.longDate(pr.AsOf), From: g.dateFrom(g.in.AsOf.From), Summary: g.progressSentence(pr.EU.Counts)}
		if ep.Actions, ep.KPIs, err = g.actionsProgress("eu", pr.EU.Actions); err != nil {
			return nil, err
		}
		params["progress"] = ep
	}
	title := g.t("eu_action_plan", "EU action plan")
	if err := g.add(programmeURL+"eu-action-plan.md", page{Title: title, Weight: 1, Params: params}); err != nil {
		return nil, err
	}
	return &programmePart{Title: title, URL: programmeURL + "eu-action-plan/", File: plan.EUActionPlanFile,
		About: g.t("about_eu_action_plan", "The EU-level policy action plan, the twentieth beside the national ones: actions in the same shape, implementing steps of the national road maps."),
		Count: g.tn("count_actions", len(ap.Actions), "{{ .Count }} action", "{{ .Count }} actions"), Status: st.Status, StatusLabel: st.StatusLabel}, nil
}
