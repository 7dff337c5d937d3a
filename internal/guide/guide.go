// Package guide is the generated part of the planner's guide: what every task, item
// and score level of the framework means, taken from the framework itself so it
// never drifts. `hwfplan docs` writes it as docs/planners-guide/framework.md (see
// Markdown); the site's guide pages show the same Reference.
package guide

import (
	"github.com/hwfplan/hwfplan/internal/framework"
)

// FrameworkDoc is where `hwfplan docs` writes the framework reference, relative to
// the repository root.
const FrameworkDoc = "docs/planners-guide/framework.md"

// Reference is the framework as a planner reads it: every task, item and score
// level with its meaning, and the other ids plan files use.
type Reference struct {
	ID             string         `json:"id"`
	Title          string         `json:"title"`
	Scales         []Scale        `json:"scales"`
	Tasks          []Task         `json:"tasks"`
	Sustainability Sustainability `json:"sustainability"`
	Professions    []Named        `json:"professions,omitempty"`
	DataSet        *DataSet       `json:"data_set,omitempty"`
}

// Level is one score and what it means.
type Level struct {
	Value int    `json:"value"`
	Label string `json:"label"`
}

// Scale is a scale with every level, lowest first.
type Scale struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Min    int     `json:"min"`
	Max    int     `json:"max"`
	Levels []Level `json:"levels"`
	Scores string  `json:"scores"` // LevelsText of Levels
}

// Task is one assessed task and its items.
type Task struct {
	ID          string `json:"id"`
	Number      int    `json:"number"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Items       []Item `json:"items"`
}

// Item is one scored question: its ids, its meaning and every level of its
// scale, worded as the item's own levels or else its scale's labels.
type Item struct {
	Key         string  `json:"key"` // task.item, as to-do steps and actions name it
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Scale       string  `json:"scale"` // the scale's title
	Source      string  `json:"source,omitempty"`
	Description string  `json:"description,omitempty"`
	Levels      []Level `json:"levels"`
	Scores      string  `json:"scores"` // LevelsText of Levels
}

// Sustainability is the sustainability domains and the scale they are rated on.
type Sustainability struct {
	Scale   string  `json:"scale,omitempty"` // the scale's title
	Levels  []Level `json:"levels,omitempty"`
	Scores  string  `json:"scores,omitempty"` // LevelsText of Levels
	Domains []Named `json:"domains"`
}

// Named is an id with its title and, if any, a description.
type Named struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

// DataSet is the minimum planning data set: groups of elements, each element
// named in a data source as group.element.
type DataSet struct {
	Title  string     `json:"title"`
	Source string     `json:"source,omitempty"`
	Groups []DataPart `json:"groups"`
}

// DataPart is one group of the data set and its elements (their ids are keys,
// "stock.headcount").
type DataPart struct {
	Named
	Elements []Named `json:"elements"`
}

// NewReference reads the reference out of a framework.
func NewReference(fw *framework.Framework) Reference {
	r := Reference{ID: fw.ID, Title: fw.Title}
	for i := range fw.Scales {
		s := &fw.Scales[i]
		ls := scaleLevels(s)
		r.Scales = append(r.Scales, Scale{ID: s.ID, Title: s.Title, Min: s.Min, Max: s.Max, Levels: ls, Scores: LevelsText(ls)})
	}
	for _, t := range fw.Tasks {
		tv := Task{ID: t.ID, Number: t.Number, Title: t.Title, Description: t.Description}
		for i := range t.Items {
			it := &t.Items[i]
			iv := Item{Key: t.ID + "." + it.ID, ID: it.ID, Title: it.Title, Scale: it.Scale, Source: it.Source, Description: it.Description}
			if s := fw.ItemScale(it); s != nil {
				iv.Scale = s.Title
				for v := s.Min; v <= s.Max; v++ {
					iv.Levels = append(iv.Levels, Level{Value: v, Label: fw.LabelFor(it, v)})
				}
			}
			iv.Scores = LevelsText(iv.Levels)
			tv.Items = append(tv.Items, iv)
		}
		r.Tasks = append(r.Tasks, tv)
	}
	if s := fw.SustainabilityScale(); s != nil {
		ls := scaleLevels(s)
		r.Sustainability.Scale, r.Sustainability.Levels, r.Sustainability.Scores = s.Title, ls, LevelsText(ls)
	}
	for _, d := range fw.Sustainability.Domains {
		r.Sustainability.Domains = append(r.Sustainability.Domains, Named{ID: d.ID, Title: d.Title, Description: d.Description})
	}
	for _, p := range fw.Professions {
		r.Professions = append(r.Professions, Named{ID: p.ID, Title: p.Title})
	}
	if ds := fw.MinimumDataSet; ds != nil {
		dv := &DataSet{Title: ds.Title, Source: ds.Source}
		for _, g := range ds.Groups {
			gv := DataPart{Named: Named{ID: g.ID, Title: g.Title, Description: g.Description}}
			for _, e := range g.Elements {
				gv.Elements = append(gv.Elements, Named{ID: e.Key(), Title: e.Title, Description: e.Description})
			}
			dv.Groups = append(dv.Groups, gv)
		}
		r.DataSet = dv
	}
	return r
}

// scaleLevels is every value of a scale with its label ("" when it has none).
func scaleLevels(s *framework.Scale) []Level {
	var out []Level
	for v := s.Min; v <= s.Max; v++ {
		l := Level{Value: v}
		for _, x := range s.Labels {
			if x.Value == v {
				l.Label = x.Label
			}
		}
		out = append(out, l)
	}
	return out
}
