package comparefmt

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/publish"
)

// SchemaVersion is the version of the JSON document; it changes only when a field
// is removed or changes meaning (adding a field keeps the version).
// docs/compare-json.md describes the document.
const SchemaVersion = 1

// Document is the JSON output of `hwfplan compare`.
type Document struct {
	SchemaVersion int                   `json:"schema_version"`
	By            string                `json:"by"`
	Task          string                `json:"task,omitempty"`
	Programme     string                `json:"programme"`
	GapThreshold  float64               `json:"gap_threshold"`
	Illustrative  []string              `json:"illustrative"`
	Invalid       *Invalid              `json:"invalid,omitempty"`
	Tasks         []TaskRef             `json:"tasks"`
	Countries     []CountryRow          `json:"countries,omitempty"`
	Distributions []Distribution        `json:"distributions,omitempty"`
	Clusters      []ClusterRow          `json:"clusters,omitempty"`
	All           []compare.TaskStats   `json:"all,omitempty"`
	MostDifferent []compare.ClusterPair `json:"most_different,omitempty"`
}

// Invalid is the notice of a comparison of invalid plans (--allow-invalid).
type Invalid struct {
	Notice   string   `json:"notice"`
	Problems []string `json:"problems"`
}

// TaskRef names a task shown.
type TaskRef struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Title  string `json:"title"`
}

// CountryRow is one country and its scores on the tasks shown.
type CountryRow struct {
	Code         string        `json:"code"`
	Name         string        `json:"name"`
	Cluster      string        `json:"cluster"`
	Status       string        `json:"status"`
	Completeness compare.Num   `json:"completeness"`
	Tasks        []CountryTask `json:"tasks"`
}

// CountryTask is a country's score on one task; Rank is 0 when it is unranked.
type CountryTask struct {
	Task      string      `json:"task"`
	AsIs      compare.Num `json:"as_is"`
	ToBe      compare.Num `json:"to_be"`
	Gap       compare.Num `json:"gap"`
	Rank      int         `json:"rank"`
	Assessed  int         `json:"assessed"`
	ItemCount int         `json:"item_count"`
}

// Distribution is the distribution of the countries' scores on a task.
type Distribution struct {
	Task string        `json:"task"`
	AsIs compare.Stats `json:"as_is"`
	ToBe compare.Stats `json:"to_be"`
	Gap  compare.Stats `json:"gap"`
}

// ClusterRow is one cluster and its statistics on the tasks shown.
type ClusterRow struct {
	ID          string              `json:"id"`
	Name        string              `json:"name"`
	WorkPackage string              `json:"work_package"`
	Countries   []string            `json:"countries"`
	Tasks       []compare.TaskStats `json:"tasks"`
}

func (v view) document() Document {
	r := v.res
	idx := v.taskIdx()
	d := Document{SchemaVersion: SchemaVersion, By: v.by, Task: v.task, Programme: r.Programme.Name,
		GapThreshold: r.GapThreshold, Illustrative: r.Illustrative, Tasks: []TaskRef{}}
	for _, i := range idx {
		t := r.Tasks[i]
		d.Tasks = append(d.Tasks, TaskRef{ID: t.ID, Number: t.Number, Title: t.Title})
	}
	if v.by == "cluster" {
		d.Clusters = []ClusterRow{}
		for ci, cl := range r.Clusters {
			row := ClusterRow{ID: cl.ID, Name: cl.Name, WorkPackage: cl.WorkPackage, Countries: cl.Countries, Tasks: []compare.TaskStats{}}
			for _, i := range idx {
				row.Tasks = append(row.Tasks, r.CrossCluster.Clusters[ci].Tasks[i])
			}
			d.Clusters = append(d.Clusters, row)
		}
		d.All = []compare.TaskStats{}
		for _, i := range idx {
			d.All = append(d.All, r.CrossCluster.All[i])
		}
		d.MostDifferent = []compare.ClusterPair{}
		for _, p := range r.CrossCluster.MostDifferent {
			if v.task == "" || p.Task == v.task {
				d.MostDifferent = append(d.MostDifferent, p)
			}
		}
		return d
	}
	d.Countries = []CountryRow{}
	for _, c := range r.Countries {
		row := CountryRow{Code: c.Code, Name: c.Name, Cluster: c.Cluster, Status: c.Status, Completeness: c.Completeness, Tasks: []CountryTask{}}
		for _, i := range idx {
			ts := c.Tasks[i]
			ct := CountryTask{Task: ts.Task, AsIs: ts.AsIs, ToBe: ts.ToBe, Gap: ts.Gap, Assessed: ts.Assessed, ItemCount: ts.ItemCount}
			for _, e := range r.CrossCountry.Rankings[i].Entries {
				if e.Country == c.Code {
					ct.Rank = e.Rank
				}
			}
			row.Tasks = append(row.Tasks, ct)
		}
		d.Countries = append(d.Countries, row)
	}
	d.Distributions = []Distribution{}
	for _, i := range idx {
		dd := r.CrossCountry.Distributions[i]
		d.Distributions = append(d.Distributions, Distribution{Task: dd.Task, AsIs: dd.AsIs, ToBe: dd.ToBe, Gap: dd.Gap})
	}
	return d
}

func writeJSON(w io.Writer, v view) error {
	d := v.document()
	if len(v.problems) > 0 {
		d.Invalid = &Invalid{Notice: publish.InvalidNotice(len(v.problems)), Problems: v.problems}
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("failed to encode json: %w", err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("failed to write json: %w", err)
	}
	return nil
}
