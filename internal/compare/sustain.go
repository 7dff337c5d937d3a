package compare

import (
	"maps"
	"slices"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Anchorings that count as anchored in law, regulation or strategy.
var firmAnchoring = map[string]bool{"law": true, "regulation": true, "strategy": true}

// Anchorings lists the anchoring values in the order tables show them.
var Anchorings = []string{"law", "regulation", "strategy", "institution", "none"}

// Sustainability is the HEROES sustainability picture: the four domains and how
// ready the actions that outlive the programme are.
type Sustainability struct {
	Countries []CountrySustainability `json:"countries"`
	// Clusters hold the mean normalised domain scores of their members (id order).
	Clusters []ClusterSustainability `json:"clusters"`
	// All is the readiness over every country's actions, and domain stats over all countries.
	All ClusterSustainability `json:"all"`
}

// DomainScore is one sustainability domain's score: raw on the framework's
// sustainability scale and normalised to 0-1.
type DomainScore struct {
	Domain     string `json:"domain"`
	Score      *int   `json:"score"`
	Normalised Num    `json:"normalised"`
}

// DomainStats describes one domain's normalised scores over a set of countries.
type DomainStats struct {
	Domain string `json:"domain"`
	Stats  Stats  `json:"stats"`
}

// CountrySustainability is one country's domains and readiness.
type CountrySustainability struct {
	Country   string        `json:"country"`
	Cluster   string        `json:"cluster"`
	Domains   []DomainScore `json:"domains"`
	Mean      Num           `json:"mean"` // mean of the valid normalised domain scores
	Readiness Readiness     `json:"readiness"`
}

// ClusterSustainability is a cluster's domain statistics and pooled readiness.
type ClusterSustainability struct {
	Cluster   string        `json:"cluster"`
	Domains   []DomainStats `json:"domains"`
	Readiness Readiness     `json:"readiness"`
}

// Readiness measures how ready actions that end after programme.end are.
// Cancelled actions are left out of every count but Cancelled.
//   - Actions: the actions counted (all but the cancelled ones).
//   - AfterEnd: actions ending after the programme end.
//   - Stated: of those, how many have a sustainability block; Unstated the rest.
//   - Continuing: actions whose sustainability says they continue (whatever their end).
//   - SecuredShare = ContinuingSecured / Continuing (funding_secured true).
//   - AnchoredShare = ContinuingAnchored / Continuing (anchored in law, regulation or strategy).
//   - ByAnchoring counts continuing actions per anchoring (Anchorings order).
//   - ContinuingBudget is the money of the continuing actions: what falls after
//     the programme and their yearly costs (see Budget).
//   - Cancelled counts cancelled actions that were to end after the programme.
type Readiness struct {
	Actions            int     `json:"actions"`
	AfterEnd           int     `json:"after_end"`
	Stated             int     `json:"stated"`
	Unstated           int     `json:"unstated"`
	Continuing         int     `json:"continuing"`
	ContinuingSecured  int     `json:"continuing_secured"`
	ContinuingAnchored int     `json:"continuing_anchored"`
	SecuredShare       Num     `json:"secured_share"`
	AnchoredShare      Num     `json:"anchored_share"`
	ByAnchoring        []Count `json:"by_anchoring"`
	ContinuingBudget   Budget  `json:"continuing_budget"`
	Cancelled          int     `json:"cancelled"`
}

type readinessAcc struct {
	r      Readiness
	anchor map[string]int
	budget *budgetAcc
}

func newReadinessAcc(fw *framework.Framework) *readinessAcc {
	return &readinessAcc{anchor: map[string]int{}, budget: newBudgetAcc(fw)}
}

func (ra *readinessAcc) add(a plan.Action, endIdx int) {
	ei, ok := MonthIndex(a.End)
	after := ok && ei > endIdx
	if a.Status == "cancelled" {
		if after {
			ra.r.Cancelled++
		}
		return
	}
	ra.r.Actions++
	if after {
		ra.r.AfterEnd++
		if a.Sustainability != nil {
			ra.r.Stated++
		} else {
			ra.r.Unstated++
		}
	}
	s := a.Sustainability
	if s == nil || !s.Continues {
		return
	}
	ra.r.Continuing++
	if s.FundingSecured {
		ra.r.ContinuingSecured++
	}
	if firmAnchoring[s.Anchoring] {
		ra.r.ContinuingAnchored++
	}
	ra.anchor[s.Anchoring]++
	ra.budget.add(a)
}

func (ra *readinessAcc) addAll(acts []plan.Action, endIdx int) {
	for _, a := range acts {
		ra.add(a, endIdx)
	}
}

func (ra *readinessAcc) result() Readiness {
	r := ra.r
	r.SecuredShare = share(r.ContinuingSecured, r.Continuing)
	r.AnchoredShare = share(r.ContinuingAnchored, r.Continuing)
	r.ByAnchoring = []Count{}
	for _, k := range Anchorings {
		r.ByAnchoring = append(r.ByAnchoring, Count{Key: k, Count: ra.anchor[k]})
	}
	for _, k := range slices.Sorted(maps.Keys(ra.anchor)) {
		if _, known := indexOf(Anchorings, k); !known {
			r.ByAnchoring = append(r.ByAnchoring, Count{Key: k, Count: ra.anchor[k]})
		}
	}
	r.ContinuingBudget = ra.budget.result()
	return r
}

func indexOf(xs []string, s string) (int, bool) {
	for i, x := range xs {
		if x == s {
			return i, true
		}
	}
	return -1, false
}

func sustainability(fw *framework.Framework, loaded []*model.Country, r *Result) Sustainability {
	endIdx, _ := MonthIndex(plan.YearMonth(fw.Programme.End))
	scale := fw.SustainabilityScale()
	out := Sustainability{Countries: []CountrySustainability{}, Clusters: []ClusterSustainability{}}
	acts := map[string][]plan.Action{}
	for _, c := range loaded {
		cs := CountrySustainability{Country: c.Code, Domains: []DomainScore{}}
		if sc := r.Country(c.Code); sc != nil {
			cs.Cluster = sc.Cluster
		}
		var norm []Num
		for _, d := range fw.Sustainability.Domains {
			ds := DomainScore{Domain: d.ID}
			if c.ActionPlan != nil && scale != nil {
				if f, ok := c.ActionPlan.SustainabilityFactors[d.ID]; ok && scale.Contains(f.Score) {
					v := f.Score
					ds.Score = &v
					ds.Normalised = Exact(scale.Normalised(v))
					norm = append(norm, ds.Normalised)
				}
			}
			cs.Domains = append(cs.Domains, ds)
		}
		cs.Mean = mean(norm)
		ra := newReadinessAcc(fw)
		if c.ActionPlan != nil {
			acts[c.Code] = c.ActionPlan.Actions
			ra.addAll(c.ActionPlan.Actions, endIdx)
		}
		cs.Readiness = ra.result()
		out.Countries = append(out.Countries, cs)
	}
	group := func(id string, codes []string) ClusterSustainability {
		g := ClusterSustainability{Cluster: id, Domains: []DomainStats{}}
		ra := newReadinessAcc(fw)
		for _, code := range codes {
			ra.addAll(acts[code], endIdx)
		}
		for di, d := range fw.Sustainability.Domains {
			var vals []Num
			for _, code := range codes {
				for _, cs := range out.Countries {
					if cs.Country == code {
						vals = append(vals, cs.Domains[di].Normalised)
					}
				}
			}
			g.Domains = append(g.Domains, DomainStats{Domain: d.ID, Stats: Describe(vals)})
		}
		g.Readiness = ra.result()
		return g
	}
	for _, cl := range r.Clusters {
		out.Clusters = append(out.Clusters, group(cl.ID, cl.Countries))
	}
	all := make([]string, len(r.Countries))
	for i, c := range r.Countries {
		all[i] = c.Code
	}
	out.All = group("", all)
	return out
}
