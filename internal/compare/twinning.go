package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/hwfplan/hwfplan/internal/num"
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
//
// Scores are compared exactly (Num.Cmp). The partners come from an index built
// once (peers): for each item, the assessed countries grouped by as-is score,
// highest first. A scale has a handful of values, so a gap walks a few groups and
// takes at most TwinningPartners countries from them, instead of ranking every other country: O(N) for N countries, not
// O(N²), and a reason is formatted only for a partner that is kept.
func twinning(r *Result) []Twinning {
	idx := newPeerIndex(r.Countries)
	out := []Twinning{}
	for ci := range r.Countries {
		c := &r.Countries[ci]
		tw := Twinning{Country: c.Code, Cluster: c.Cluster, Gaps: []TwinningGap{}}
		for _, g := range largestGaps(c) {
			info := r.itemInfo(g.Key)
			tg := TwinningGap{Item: g.Key, Score: *g.Score, Max: info.Max, Gap: g.Gap, Partners: []Partner{}}
			gap := g.Gap.String() // once per gap, not per partner
			for _, oi := range idx.partners(r.Countries, c, g) {
				o := &r.Countries[oi]
				it := o.Items[idx.items[g.Key].pos[oi]]
				tg.Partners = append(tg.Partners, partner(c, o, g, it, info, gap))
			}
			tw.Gaps = append(tw.Gaps, tg)
		}
		out = append(out, tw)
	}
	return out
}

// largestGaps returns a country's TwinningGaps largest positive item gaps, ties in
// framework order; gaps are compared exactly.
func largestGaps(c *Country) []ItemScore {
	var gaps []ItemScore
	for _, it := range c.Items {
		if it.Gap.Valid && it.Gap.Ratio().Sign() > 0 {
			gaps = append(gaps, it)
		}
	}
	// c.Items is in framework order; a stable sort keeps that order for ties.
	slices.SortStableFunc(gaps, func(a, b ItemScore) int { return b.Gap.Cmp(a.Gap) })
	if len(gaps) > TwinningGaps {
		gaps = gaps[:TwinningGaps]
	}
	return gaps
}

// partner is o as c's partner for gap g; gap is g.Gap as text.
func partner(c, o *Country, g, oi ItemScore, info ItemInfo, gap string) Partner {
	return Partner{
		Country: o.Code, Cluster: o.Cluster, OtherCluster: o.Cluster != c.Cluster,
		Score: *oi.Score, AsIs: oi.AsIs,
		Reason: fmt.Sprintf("%s scores %d/%d on %s where %s scores %d/%d (gap %s)",
			o.Code, *oi.Score, info.Max, g.Key, c.Code, *g.Score, info.Max, gap),
	}
}

// peerIndex holds, per item key, the countries assessed on it grouped by as-is
// score.
type peerIndex struct {
	items map[string]*itemPeers
}

type itemPeers struct {
	// groups are the assessed countries by as-is value, highest value first.
	groups []*peerGroup
	// pos is, by country index, the position of the item in Country.Items.
	pos map[int]int
}

// peerGroup is the countries with one as-is value on an item, in code order.
type peerGroup struct {
	value   Num
	members []int // indices into Result.Countries
	// in holds, by cluster, the cluster's first TwinningPartners members.
	in map[string][]int
	// notIn caches, by cluster, the first TwinningPartners members of other clusters.
	notIn map[string][]int
}

// valueKey groups as-is values that compare equal (Num.Cmp): by their exact
// value, or, beyond what a Ratio holds, by their float (every NaN alike).
type valueKey struct {
	q    num.Ratio
	bits uint64
}

func keyOf(n Num) valueKey {
	if q := n.Ratio(); q.OK() {
		return valueKey{q: q}
	}
	if math.IsNaN(n.Value) {
		return valueKey{bits: math.Float64bits(math.NaN())}
	}
	return valueKey{bits: math.Float64bits(n.Value)}
}

func newPeerIndex(cs []Country) *peerIndex {
	idx := &peerIndex{items: map[string]*itemPeers{}}
	byValue := map[string]map[valueKey]*peerGroup{}
	for ci := range cs {
		for ii, it := range cs[ci].Items {
			ip := idx.items[it.Key]
			if ip == nil {
				ip = &itemPeers{pos: map[int]int{}}
				idx.items[it.Key] = ip
				byValue[it.Key] = map[valueKey]*peerGroup{}
			}
			if _, dup := ip.pos[ci]; dup {
				continue // Country.Item returns the first item of a key
			}
			ip.pos[ci] = ii
			if !it.Assessed {
				continue
			}
			k := keyOf(it.AsIs)
			grp := byValue[it.Key][k]
			if grp == nil {
				grp = &peerGroup{value: it.AsIs, in: map[string][]int{}, notIn: map[string][]int{}}
				byValue[it.Key][k] = grp
				ip.groups = append(ip.groups, grp)
			}
			grp.members = append(grp.members, ci)
		}
	}
	for _, ip := range idx.items {
		slices.SortFunc(ip.groups, func(a, b *peerGroup) int { return b.value.Cmp(a.value) })
		for _, grp := range ip.groups {
			slices.SortStableFunc(grp.members, func(a, b int) int { return cmp.Compare(cs[a].Code, cs[b].Code) })
			for _, m := range grp.members {
				if cl := cs[m].Cluster; len(grp.in[cl]) < TwinningPartners {
					grp.in[cl] = append(grp.in[cl], m)
				}
			}
		}
	}
	return idx
}

// partners returns the indices of the countries suggested to c for its gap g, in
// the order they are shown.
func (idx *peerIndex) partners(cs []Country, c *Country, g ItemScore) []int {
	ip := idx.items[g.Key]
	if ip == nil {
		return nil
	}
	var out []int
	for _, grp := range ip.groups {
		if len(out) == TwinningPartners || grp.value.Cmp(g.AsIs) <= 0 {
			break
		}
		// Among equal scores another cluster's countries come first, each part in
		// code order. c itself is never in a group that scores higher than c.
		for _, part := range [][]int{grp.othersOf(cs, c.Cluster), grp.in[c.Cluster]} {
			n := min(len(part), TwinningPartners-len(out))
			out = append(out, part[:n]...)
		}
	}
	return out
}

// othersOf returns the group's first TwinningPartners members outside cluster cl.
func (grp *peerGroup) othersOf(cs []Country, cl string) []int {
	if got, ok := grp.notIn[cl]; ok {
		return got
	}
	var got []int
	for _, m := range grp.members {
		if len(got) == TwinningPartners {
			break
		}
		if cs[m].Cluster != cl {
			got = append(got, m)
		}
	}
	grp.notIn[cl] = got
	return got
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
