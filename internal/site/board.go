package site

import (
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// The Policy Board, the sustainability plan and the twinning actions held: the
// programme pages of programme/policy-board.yaml, sustainability-plan.yaml and
// twinning.yaml.

type memberView struct {
	Country     refView `json:"country"`
	Authority   string  `json:"authority"`
	Placeholder bool    `json:"placeholder,omitempty"`
	markView
}

type meetingView struct {
	ID        string         `json:"id"`
	Date      string         `json:"date"`
	Title     string         `json:"title"`
	Summary   richText       `json:"summary,omitempty"`
	Decisions []decisionView `json:"decisions,omitempty"`
	markView
}

type decisionView struct {
	Text    richText  `json:"text"`
	Actions []refView `json:"actions,omitempty"`
}

func (g *generator) policyBoard() (*programmePart, error) {
	pb := g.in.Repo.Programme.PolicyBoard
	if pb == nil {
		return nil, nil
	}
	names, codes := make([]string, len(pb.Members)), make([]string, len(pb.Members))
	for i, m := range pb.Members {
		names[i], codes[i] = g.countryRef(m.Country).ID, m.Country
	}
	var members []memberView
	sourced, placeholders := 0, 0
	search := []string{g.t("search_terms_board", "Policy Board on Sustainability members competent authorities meetings decisions")}
	for _, i := range byName(names, codes) {
		m := pb.Members[i]
		v := memberView{Country: g.countryRef(m.Country), Authority: m.Authority, Placeholder: m.Placeholder, markView: markOf(m.Source, pb.Status)}
		if m.Placeholder {
			placeholders++
			v.markView = markView{}
		} else if v.Source != "" {
			sourced++
		}
		members = append(members, v)
		search = append(search, v.Country.ID, m.Authority)
	}
	var meetings []meetingView
	for _, m := range pb.Meetings {
		v := meetingView{ID: m.ID, Date: string(m.Date), Title: m.Title, Summary: g.markdown(m.Summary), markView: markOf(m.Source, pb.Status)}
		for _, d := range m.Decisions {
			dv := decisionView{Text: g.markdown(d.Text)}
			for _, a := range d.Actions {
				dv.Actions = append(dv.Actions, g.actionRef(a))
			}
			v.Decisions = append(v.Decisions, dv)
			search = append(search, d.Text)
		}
		meetings = append(meetings, v)
		search = append(search, m.Title, m.Summary)
	}
	// Newest meeting first.
	slices.SortStableFunc(meetings, func(a, b meetingView) int { return strings.Compare(b.Date, a.Date) })
	st := g.statusOf(pb.Status, plan.PolicyBoardFile)
	params := map[string]any{"view": "policy-board", "members": members, "meetings": meetings, "file_status": st,
		"sourced": sourced, "placeholders": placeholders, "search": strings.Join(search, " "),
		noticeParam: g.programmeNotice(g.t("record_policy_board", "The Policy Board record"), pb.Status, sourced > 0 || slices.ContainsFunc(meetings, func(m meetingView) bool { return m.Source != "" }))}
	title := g.t("policy_board_title", "Policy Board")
	if err := g.add(programmeURL+"policy-board.md", page{Title: title, Weight: 3, Params: params}); err != nil {
		return nil, err
	}
	return &programmePart{Title: title, URL: programmeURL + "policy-board/", File: plan.PolicyBoardFile,
		About: g.t("about_policy_board", "The competent authorities of the countries, who steer what continues after the programme, and the Board's meetings and decisions."),
		Count: g.tn("count_members", len(members), "{{ .Count }} member", "{{ .Count }} members") + ", " + g.tn("count_meetings", len(meetings), "{{ .Count }} meeting", "{{ .Count }} meetings"), Status: st.Status, StatusLabel: st.StatusLabel}, nil
}

type planVersionView struct {
	Version  string        `json:"version"`
	Anchor   string        `json:"anchor"`
	Date     string        `json:"date"`
	Current  bool          `json:"current,omitempty"`
	Summary  richText      `json:"summary"`
	Measures []measureView `json:"measures,omitempty"`
	// Dropped are the measures of the version before that this one no longer has.
	Dropped []richText `json:"dropped,omitempty"`
	Link    string     `json:"link,omitempty"`
}

type measureView struct {
	Text    richText  `json:"text"`
	Domain  string    `json:"domain,omitempty"`
	Actions []refView `json:"actions,omitempty"`
	New     bool      `json:"new,omitempty"`
}

func (g *generator) sustainabilityPlan() (*programmePart, error) {
	sp := g.in.Repo.Programme.SustainabilityPlan
	if sp == nil {
		return nil, nil
	}
	fw := g.in.Repo.Framework
	var versions []planVersionView
	search := []string{g.t("search_terms_sustainability", "sustainability plan versions measures")}
	for i, v := range sp.Versions {
		pv := planVersionView{Version: v.Version, Anchor: "version-" + anchorText(v.Version), Date: string(v.Date), Current: i == len(sp.Versions)-1, Summary: g.markdown(v.Summary)}
		if v.Link.Check() == nil {
			pv.Link = string(v.Link)
		}
		var before []plan.Measure
		if i > 0 {
			before = sp.Versions[i-1].Measures
		}
		for _, m := range v.Measures {
			mv := measureView{Text: g.markdown(m.Text), Domain: m.Domain, New: i > 0 && !slices.ContainsFunc(before, func(b plan.Measure) bool { return b.ID == m.ID })}
			for _, d := range fw.Sustainability.Domains {
				if d.ID == m.Domain {
					mv.Domain = d.Title
				}
			}
			for _, a := range m.Actions {
				mv.Actions = append(mv.Actions, g.actionRef(a))
			}
			pv.Measures = append(pv.Measures, mv)
			search = append(search, m.Text)
		}
		for _, b := range before {
			if !slices.ContainsFunc(v.Measures, func(m plan.Measure) bool { return m.ID == b.ID }) {
				pv.Dropped = append(pv.Dropped, g.markdown(b.Text))
			}
		}
		versions = append(versions, pv)
		search = append(search, v.Version, v.Summary)
	}
	slices.Reverse(versions) // the current version first
	st := g.statusOf(sp.Status, plan.SustainabilityFile)
	params := map[string]any{"view": "sustainability-plan", "versions": versions, "file_status": st,
		"search": strings.Join(search, " "), noticeParam: g.programmeNotice(g.t("record_sustainability_plan", "The sustainability plan"), sp.Status, false)}
	title := g.t("sustainability_plan_title", "Sustainability plan")
	if err := g.add(programmeURL+"sustainability-plan.md", page{Title: title, Weight: 4, Params: params}); err != nil {
		return nil, err
	}
	return &programmePart{Title: title, URL: programmeURL + "sustainability-plan/", File: plan.SustainabilityFile,
		About: g.t("about_sustainability_plan", "The programme's sustainability plan in its dated versions, the current one first: its measures and the actions that carry them."),
		Count: g.tn("count_versions", len(versions), "{{ .Count }} version", "{{ .Count }} versions"), Status: st.Status, StatusLabel: st.StatusLabel}, nil
}

// anchorText makes a version such as "2.0" an anchor: letters, digits and '-'.
func anchorText(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, s)
}

type twinningHeldView struct {
	ID        string    `json:"id"`
	Date      string    `json:"date"`
	Countries []refView `json:"countries"`
	Topic     string    `json:"topic"`
	Outcome   richText  `json:"outcome,omitempty"`
	// Suggested is the framework item of the suggestion followed; Now says
	// which pair of the twinning's countries the comparison suggests for it
	// today, and SuggestionURL links it, when it still does.
	Suggested     string `json:"suggested,omitempty"`
	SuggestionURL string `json:"suggestion_url,omitempty"`
	Now           string `json:"now,omitempty"`
	markView
}

func (g *generator) twinningsHeld() (*programmePart, error) {
	tw := g.in.Repo.Programme.Twinning
	if tw == nil {
		return nil, nil
	}
	var held []twinningHeldView
	search := []string{g.t("search_terms_twinnings_held", "twinning actions held community of practice")}
	for _, t := range tw.Twinnings {
		v := twinningHeldView{ID: t.ID, Date: string(t.Date), Topic: t.Topic, Outcome: g.markdown(t.Outcome), markView: markOf(t.Source, tw.Status)}
		v.Countries = g.countryRefs(t.Countries)
		if t.Suggested != "" {
			v.Suggested = g.itemTitle(t.Suggested)
			v.Now, v.SuggestionURL = g.suggestionFor(t.Suggested, t.Countries)
		}
		held = append(held, v)
		search = append(search, t.Topic, t.Outcome)
	}
	slices.SortStableFunc(held, func(a, b twinningHeldView) int { return strings.Compare(b.Date, a.Date) }) // newest first
	st := g.statusOf(tw.Status, plan.TwinningFile)
	params := map[string]any{"view": "twinning", "twinnings": held, "file_status": st, "search": strings.Join(search, " "),
		noticeParam: g.programmeNotice(g.t("record_twinnings", "The record of twinning actions"), tw.Status, slices.ContainsFunc(held, func(h twinningHeldView) bool { return h.Source != "" }))}
	title := g.t("twinnings_held", "Twinning actions held")
	if err := g.add(programmeURL+"twinning.md", page{Title: title, Weight: 5, Params: params}); err != nil {
		return nil, err
	}
	return &programmePart{Title: title, URL: programmeURL + "twinning/", File: plan.TwinningFile,
		About: g.t("about_twinnings", "Twinning actions held in the community of practice: the countries, the topic, the outcome and the peer-learning suggestion they followed."),
		Count: g.tn("count_twinnings", len(held), "{{ .Count }} twinning", "{{ .Count }} twinnings"), Status: st.Status, StatusLabel: st.StatusLabel}, nil
}

// suggestionFor finds, among the comparison's current peer-learning
// suggestions, the one on item for a country of the twinning with a partner
// from it: "Estonia to learn from Lithuania" and the link to the suggestion,
// or "" when the comparison no longer suggests it.
func (g *generator) suggestionFor(item string, countries []string) (string, string) {
	for _, tw := range g.cmp.Twinning {
		if !slices.Contains(countries, tw.Country) {
			continue
		}
		for _, gp := range tw.Gaps {
			if gp.Item != item {
				continue
			}
			for _, p := range gp.Partners {
				if slices.Contains(countries, p.Country) {
					return g.tf("learn_from", "{{ .Country }} to learn from {{ .Partner }}", "Country", g.countryRef(tw.Country).ID, "Partner", g.countryRef(p.Country).ID), "compare/twinning/#twinning-" + strings.ToLower(tw.Country)
				}
			}
		}
	}
	return "", ""
}
