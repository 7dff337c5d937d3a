package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Twinning limits.
const (
	// TwinningGaps is how many of a country's largest item gaps get suggestions.
	TwinningGaps = 3
	// TwinningPartners is how many partner countries are suggested per gap.
	TwinningPartners = 3
)

// Twinning lists peer-learning suggestions for one country: its largest item gaps
// and, for each, the countries strongest on that item.
type Twinning struct {
	Country string        `json:"country"`
	Cluster string        `json:"cluster"`
	Gaps    []TwinningGap `json:"gaps"`
}

// TwinningGap is one item gap and the partners suggested for it.
type TwinningGap struct {
	Item     string    `json:"item"` // task.item
	Score    int       `json:"score"`
	Max      int       `json:"max"`
	Gap      Num       `json:"gap"`
	Partners []Partner `json:"partners"`
}

// Partner is a country that scores higher on the item, with the reason in numbers.
type Partner struct {
	Country      string `json:"country"`
	Cluster      string `json:"cluster"`
	OtherCluster bool   `json:"other_cluster"`
	Score        int    `json:"score"`
	AsIs         Num    `json:"as_is"`
	Reason       string `json:"reason"`
}

// twinning picks, for every country, its TwinningGaps largest positive item gaps
// (ties in framework order) and, for each, up to TwinningPartners countries whose
// as-is score on the item is higher than the country's. Partners are ordered by
// as-is score (highest first); among equal scores a country of another cluster
// comes first, then by code. Gaps no other country scores higher on are listed
// with no partners, so the report can say nobody is ahead yet.
func twinning(r *Result) []Twinning {
	out := []Twinning{}
	for _, c := range r.Countries {
		var gaps []ItemScore
		for _, it := range c.Items {
			if it.Gap.Valid && it.Gap.Value > scoreEps {
				gaps = append(gaps, it)
			}
		}
		// c.Items is in framework order; a stable sort keeps that order for ties.
		slices.SortStableFunc(gaps, func(a, b ItemScore) int {
			if math.Abs(a.Gap.Value-b.Gap.Value) <= scoreEps {
				return 0
			}
			return -cmp.Compare(a.Gap.Value, b.Gap.Value)
		})
		if len(gaps) > TwinningGaps {
			gaps = gaps[:TwinningGaps]
		}
		tw := Twinning{Country: c.Code, Cluster: c.Cluster, Gaps: []TwinningGap{}}
		for _, g := range gaps {
			info := r.itemInfo(g.Key)
			tg := TwinningGap{Item: g.Key, Score: *g.Score, Max: info.Max, Gap: g.Gap, Partners: []Partner{}}
			for _, o := range r.Countries {
				if o.Code == c.Code {
					continue
				}
				oi, ok := o.Item(g.Key)
				if !ok || !oi.Assessed || oi.AsIs.Value <= g.AsIs.Value+scoreEps {
					continue
				}
				tg.Partners = append(tg.Partners, Partner{
					Country: o.Code, Cluster: o.Cluster, OtherCluster: o.Cluster != c.Cluster,
					Score: *oi.Score, AsIs: oi.AsIs,
					Reason: fmt.Sprintf("%s scores %d/%d on %s where %s scores %d/%d (gap %.2f)",
						o.Code, *oi.Score, info.Max, g.Key, c.Code, *g.Score, info.Max, g.Gap.Value),
				})
			}
			slices.SortStableFunc(tg.Partners, func(a, b Partner) int {
				if math.Abs(a.AsIs.Value-b.AsIs.Value) > scoreEps {
					return -cmp.Compare(a.AsIs.Value, b.AsIs.Value)
				}
				if a.OtherCluster != b.OtherCluster {
					if a.OtherCluster {
						return -1
					}
					return 1
				}
				return cmp.Compare(a.Country, b.Country)
			})
			if len(tg.Partners) > TwinningPartners {
				tg.Partners = tg.Partners[:TwinningPartners]
			}
			tw.Gaps = append(tw.Gaps, tg)
		}
		out = append(out, tw)
	}
	return out
}

func (r *Result) itemInfo(key string) ItemInfo {
	for _, t := range r.Tasks {
		for _, it := range t.Items {
			if it.Key == key {
				return it
			}
		}
	}
	return ItemInfo{Key: key}
}
