package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/compare"
)

// twinningView is one country's peer-learning suggestions: its largest item gaps
// and, for each, the countries that score higher on the item.
type twinningView struct {
	Code         string            `json:"code"`
	Name         string            `json:"name"`
	URL          string            `json:"url"`
	Anchor       string            `json:"anchor"`
	Status       string            `json:"status"`
	StatusLabel  string            `json:"status_label"`
	Illustrative bool              `json:"illustrative"`
	Cluster      string            `json:"cluster,omitempty"`
	Gaps         []twinningGapView `json:"gaps"`
}

type twinningGapView struct {
	Item     string        `json:"item"`
	Task     string        `json:"task"`
	Score    string        `json:"score"` // "1 of 2"
	Gap      string        `json:"gap"`
	Partners []partnerView `json:"partners"`
}

type partnerView struct {
	Name  string `json:"name"`
	URL   string `json:"url"`
	Score string `json:"score"`
	// Cluster is the partner's cluster when it is not the country's own.
	Cluster string `json:"cluster,omitempty"`
}

// partnerCount is how often a country is suggested as a partner.
type partnerCount struct {
	Name  string `json:"name"`
	URL   string `json:"url"`
	Count int    `json:"count"`
	// Items are the items it is suggested for, most often first.
	Items string `json:"items"`
}

// twinningViews lists every country's suggestions, countries by name.
func (g *generator) twinningViews() []twinningView {
	out := make([]twinningView, 0, len(g.cmp.Twinning))
	for _, tw := range g.cmp.Twinning {
		if v := g.twinningViewOf(tw); v != nil {
			out = append(out, *v)
		}
	}
	slices.SortStableFunc(out, func(a, b twinningView) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Code, b.Code)) })
	return out
}

func (g *generator) twinningViewOf(tw compare.Twinning) *twinningView {
	c := g.cmp.Country(tw.Country)
	if c == nil {
		return nil
	}
	v := &twinningView{Code: c.Code, Name: c.Name, URL: countryURL(c.Code), Anchor: "twinning-" + strings.ToLower(c.Code),
		Status: c.Status, StatusLabel: g.status(c.Status), Illustrative: c.Status == "illustrative",
		Cluster: g.clusterName(c.Cluster), Gaps: []twinningGapView{}}
	for _, gp := range tw.Gaps {
		gv := twinningGapView{Item: g.itemTitle(gp.Item), Task: g.taskShort(gp.Item), Score: g.nOf(gp.Score, gp.Max),
			Gap: gp.Gap.StringIn(g.nums()), Partners: []partnerView{}}
		for _, p := range gp.Partners {
			pv := partnerView{Name: p.Country, URL: countryURL(p.Country), Score: g.nOf(p.Score, gp.Max)}
			if pc := g.cmp.Country(p.Country); pc != nil {
				pv.Name = pc.Name
			}
			if p.OtherCluster && p.Cluster != "" {
				pv.Cluster = g.clusterShort(p.Cluster)
			}
			gv.Partners = append(gv.Partners, pv)
		}
		v.Gaps = append(v.Gaps, gv)
	}
	return v
}

// partnerCounts counts how often each country is suggested as a partner, most
// often first (then by name); countries never suggested are left out.
func (g *generator) partnerCounts() []partnerCount {
	counts := map[string]int{}
	items := map[string]map[string]int{}
	for _, tw := range g.cmp.Twinning {
		for _, gp := range tw.Gaps {
			for _, p := range gp.Partners {
				counts[p.Country]++
				if items[p.Country] == nil {
					items[p.Country] = map[string]int{}
				}
				items[p.Country][gp.Item]++
			}
		}
	}
	var out []partnerCount
	for code, n := range counts {
		pc := partnerCount{Name: code, URL: countryURL(code), Count: n}
		if c := g.cmp.Country(code); c != nil {
			pc.Name = c.Name
		}
		keys := make([]string, 0, len(items[code]))
		for k := range items[code] {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(items[code][b], items[code][a]), cmp.Compare(g.itemTitle(a), g.itemTitle(b)))
		})
		titles := make([]string, len(keys))
		for i, k := range keys {
			titles[i] = g.itemTitle(k)
		}
		pc.Items = strings.Join(titles, ", ")
		out = append(out, pc)
	}
	slices.SortFunc(out, func(a, b partnerCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name)) })
	return out
}

// clusterShort is a cluster's work package ("WP6"), else its name.
func (g *generator) clusterShort(id string) string {
	for _, c := range g.cmp.Clusters {
		if c.ID == id && c.WorkPackage != "" {
			return c.WorkPackage
		}
	}
	return g.clusterName(id)
}

func (g *generator) itemTitle(key string) string {
	if it, ok := g.in.Repo.Framework.Item(key); ok {
		return it.Title
	}
	return key
}

func (g *generator) taskShort(key string) string {
	task, _, _ := strings.Cut(key, ".")
	if t, ok := g.in.Repo.Framework.Task(task); ok && t.Short != "" {
		return t.Short
	}
	return task
}

// twinning writes the peer-learning page: every country's largest gaps with the
// countries to learn from, and who is suggested most often.
func (g *generator) twinning() error {
	views := g.twinningViews()
	var illustrative []string
	for _, v := range views {
		if v.Illustrative {
			illustrative = append(illustrative, v.Name)
		}
	}
	params := map[string]any{
		"view":           "twinning",
		"twinning":       views,
		"partners":       g.partnerCounts(),
		"gaps_per":       compare.TwinningGaps,
		"partners_per":   compare.TwinningPartners,
		"illustrative_n": len(illustrative),
		"countries_n":    len(views),
		"held":           g.heldURL(),
		"search":         g.t("search_terms_twinning", "twinning peer learning partners gaps") + " " + strings.Join(twinningSearch(views), " "),
	}
	return g.add("compare/twinning.md", page{Title: g.t("peer_learning", "Peer learning (twinning)"), Weight: 3, Params: params})
}

// twinningSearch is the text the twinning page is found by: countries and items.
func twinningSearch(views []twinningView) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, v := range views {
		add(v.Name)
		for _, gp := range v.Gaps {
			add(gp.Item)
		}
	}
	return out
}

// countryTwinning returns one country's suggestions, for its page; nil when it
// has none.
func (g *generator) countryTwinning(code string) *twinningView {
	for _, tw := range g.cmp.Twinning {
		if tw.Country == code && len(tw.Gaps) > 0 {
			return g.twinningViewOf(tw)
		}
	}
	return nil
}

// heldURL is the page of the twinning actions held, or "" when the plans
// repository records none.
func (g *generator) heldURL() string {
	if g.in.Repo.Programme == nil || g.in.Repo.Programme.Twinning == nil {
		return ""
	}
	return programmeURL + "twinning/"
}
