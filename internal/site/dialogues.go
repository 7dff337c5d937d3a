package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// dialogueView is one policy dialogue on the timeline. A national dialogue's
// date, participants and outcome are its country's policy_dialogue block
// (action-plan.yaml); the programme's record adds its id, themes and actions.
type dialogueEntry struct {
	ID           string    `json:"id,omitempty"`
	Anchor       string    `json:"anchor"`
	Title        string    `json:"title"`
	Level        string    `json:"level"`
	Date         string    `json:"date,omitempty"`
	Country      *refView  `json:"country,omitempty"`
	Place        string    `json:"place,omitempty"`
	Organiser    string    `json:"organiser,omitempty"`
	Participants []string  `json:"participants,omitempty"`
	Themes       []string  `json:"themes,omitempty"`
	Outcome      richText  `json:"outcome,omitempty"`
	Actions      []refView `json:"actions,omitempty"`
	// Where says which file holds the entry's facts.
	Where []string `json:"where"`
	markView
	// text is the plan text, for the search index.
	text []string
}

const dialoguesURL = programmeURL + "dialogues/"

// dialogueAnchor is where a dialogue is on the timeline: its id, or, for a
// country's dialogue the programme has no record of, dialogue-<code>.
func dialogueAnchor(id, code string) string {
	if id != "" {
		return id
	}
	return "dialogue-" + strings.ToLower(code)
}

// dialogueEntries lists every policy dialogue, the programme's records and the
// countries' own, oldest first; those without a date last, by id.
func (g *generator) dialogueEntries() []dialogueEntry {
	ds := g.in.Repo.Programme.Dialogues
	recorded := map[string]bool{}
	var out []dialogueEntry
	if ds != nil {
		for _, d := range ds.Dialogues {
			e := dialogueEntry{ID: d.ID, Anchor: dialogueAnchor(d.ID, ""), Title: d.Title, Level: g.cell("dialogue_level", plan.DialogueLevels, d.Level),
				Date: string(d.Date), Place: d.Place, Organiser: d.Organiser, Participants: d.Participants, Themes: d.Themes,
				Outcome: g.markdown(d.Outcome), Where: []string{plan.DialoguesFile}, markView: markOf(d.Source, ds.Status)}
			for _, a := range d.Actions {
				e.Actions = append(e.Actions, g.actionRef(a))
			}
			e.text = append([]string{d.ID, d.Title, d.Place, d.Organiser, d.Outcome}, append(d.Participants, d.Themes...)...)
			if d.Level == "national" && d.Country != "" {
				recorded[d.Country] = true
				if c := g.in.Repo.Country(d.Country); c != nil {
					g.nationalFacts(&e, c, d.Source == "")
				} else {
					ref := g.countryRef(d.Country)
					e.Country = &ref
				}
			}
			if e.Title == "" {
				e.Title = g.t("policy_dialogue", "Policy dialogue")
			}
			out = append(out, e)
		}
	}
	for _, c := range g.countryList() {
		if recorded[c.Code] || c.ActionPlan == nil || c.ActionPlan.PolicyDialogue.Outcome == "" && c.ActionPlan.PolicyDialogue.Date == "" {
			continue
		}
		e := dialogueEntry{Anchor: dialogueAnchor("", c.Code), Level: g.cell("dialogue_level", plan.DialogueLevels, "national")}
		g.nationalFacts(&e, c, true)
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b dialogueEntry) int {
		return cmp.Or(cmp.Compare(b2i(a.Date == ""), b2i(b.Date == "")) /* undated last */, cmp.Compare(a.Date, b.Date), cmp.Compare(a.Title, b.Title), cmp.Compare(a.Anchor, b.Anchor))
	})
	return out
}

// nationalFacts fills a national dialogue from its country's action plan: the
// date, participants and outcome, and the country's status when no published
// source makes the entry a public fact.
func (g *generator) nationalFacts(e *dialogueEntry, c *model.Country, unsourced bool) {
	ref := g.countryRef(c.Code)
	e.Country = &ref
	if e.Title == "" || e.Title == g.t("policy_dialogue", "Policy dialogue") {
		e.Title = g.tf("national_policy_dialogue", "National policy dialogue, {{ .Name }}", "Name", countryName(c))
	}
	e.Where = append(e.Where, c.Dir+"/"+plan.ActionPlanFile)
	if ap := c.ActionPlan; ap != nil {
		pd := ap.PolicyDialogue
		e.Date, e.Participants, e.Outcome = string(pd.Date), pd.Participants, g.markdown(pd.Outcome)
		e.text = append(e.text, append([]string{countryName(c), pd.Outcome}, pd.Participants...)...)
	}
	if unsourced && countryStatus(c) == string(plan.StatusIllustrative) {
		e.Illustrative = true
	}
	slices.Sort(e.Where)
}

// timelineURL is where a country's dialogue is on the timeline, or "" when
// the plans repository has no dialogue records (and so no timeline) or the
// timeline leaves it out (dialogueEntries).
func timelineURL(repo *model.Repo, c *model.Country) string {
	if repo.Programme == nil || repo.Programme.Dialogues == nil {
		return ""
	}
	for _, d := range repo.Programme.Dialogues.Dialogues {
		if d.Level == "national" && d.Country == c.Code {
			return dialoguesURL + "#" + dialogueAnchor(d.ID, "")
		}
	}
	if ap := c.ActionPlan; ap == nil || ap.PolicyDialogue.Outcome == "" && ap.PolicyDialogue.Date == "" {
		return ""
	}
	return dialoguesURL + "#" + dialogueAnchor("", c.Code)
}

// dialogueFrom maps each action id to the dialogues it came from, as links to
// the timeline.
func dialogueFrom(tr msgs, repo *model.Repo) map[string][]refView {
	out := map[string][]refView{}
	if repo.Programme == nil || repo.Programme.Dialogues == nil {
		return out
	}
	for _, d := range repo.Programme.Dialogues.Dialogues {
		for _, a := range d.Actions {
			out[a] = append(out[a], refView{ID: tr.tf("dialogue_ref", "policy dialogue {{ .ID }}", "ID", d.ID), URL: dialoguesURL + "#" + dialogueAnchor(d.ID, "")})
		}
	}
	return out
}

// dialogues writes the timeline of the policy dialogues, national and EU-level.
func (g *generator) dialogues() (*programmePart, error) {
	ds := g.in.Repo.Programme.Dialogues
	if ds == nil {
		return nil, nil
	}
	entries := g.dialogueEntries()
	national, eu := 0, 0
	var illustrative []string
	search := []string{g.t("search_terms_dialogues", "policy dialogues timeline")}
	for _, e := range entries {
		if e.Country != nil {
			national++
		} else {
			eu++
		}
		if e.Illustrative && e.Country != nil && !slices.Contains(illustrative, e.Country.ID) {
			illustrative = append(illustrative, e.Country.ID)
		}
		search = append(search, e.text...)
	}
	notice := g.programmeNotice(g.t("record_dialogues", "The record of the dialogues"), ds.Status, slices.ContainsFunc(entries, func(e dialogueEntry) bool { return e.Source != "" }))
	if notice == "" && len(illustrative) > 0 {
		notice = g.tf("dialogues_notice", "The national dialogues of {{ .Names }} on this page are sample content, not official records.", "Names", g.joinAnd(illustrative))
	}
	st := g.statusOf(ds.Status, plan.DialoguesFile)
	count := g.joinAnd([]string{g.tn("count_national_dialogues", national, "{{ .Count }} national dialogue", "{{ .Count }} national dialogues"),
		g.tn("count_eu_dialogues", eu, "{{ .Count }} EU-level dialogue", "{{ .Count }} EU-level dialogues")})
	params := map[string]any{"view": "dialogues", "dialogues": entries, "count": count, "file_status": st,
		"search": strings.Join(search, " "), noticeParam: notice}
	title := g.t("dialogues_title", "Policy dialogues")
	if err := g.add(programmeURL+"dialogues.md", page{Title: title, Weight: 2, Params: params}); err != nil {
		return nil, err
	}
	return &programmePart{Title: title, URL: dialoguesURL, File: plan.DialoguesFile,
		About: g.t("about_dialogues", "The national and EU-level policy dialogues on one timeline: who took part, the themes, the outcome and the actions that came from them."),
		Count: count, Status: st.Status, StatusLabel: st.StatusLabel}, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
