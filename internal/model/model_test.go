package model_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"go.yaml.in/yaml/v3"
)

func parsed(t *testing.T, src string) *model.File {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return &model.File{Path: "x.yaml", Data: []byte(src), Node: doc.Content[0]}
}

func TestPointerEscapesAndLookupFindsIt(t *testing.T) {
	f := parsed(t, "tasks:\n  data:\n    items:\n      a/b~c:\n        score: 2\n")
	p := model.Pointer("tasks", "data", "items", "a/b~c", "score")
	if want := "/tasks/data/items/a~1b~0c/score"; p != want {
		t.Fatalf("Pointer = %q, want %q", p, want)
	}
	n, key, found := f.Lookup(p)
	if !found || n.Value != "2" || key == nil || key.Value != "score" {
		t.Fatalf("Lookup(%s) = %v, %v, %v", p, n, key, found)
	}
	if line, col := f.Pos(p); line != 5 || col != 16 {
		t.Errorf("Pos = %d:%d, want 5:16", line, col)
	}
	if line, col := f.KeyPos(p); line != 5 || col != 9 {
		t.Errorf("KeyPos = %d:%d, want 5:9", line, col)
	}
}

func TestLookupPastTheDataStopsAtTheDeepestNode(t *testing.T) {
	f := parsed(t, "tasks:\n  data: {}\n")
	n, _, found := f.Lookup(model.Pointer("tasks", "data", "items", "linkage"))
	if found || n == nil || n.Line != 2 {
		t.Fatalf("Lookup past the data = %v, found %v; want the node at line 2, not found", n, found)
	}
	var empty model.File
	if _, _, found := empty.Lookup("/x"); found {
		t.Error("a file without a node found a pointer")
	}
}

func TestRepoFindsCountriesAndClustersByCode(t *testing.T) {
	r := &model.Repo{
		Countries: []*model.Country{{Code: "HU"}, {Code: "IT"}},
		Clusters:  []*model.Cluster{{ID: "wp5"}},
	}
	if c := r.Country("IT"); c == nil || c.Code != "IT" {
		t.Errorf("Country(IT) = %v", c)
	}
	if r.Country("XX") != nil || r.Cluster("none") != nil {
		t.Error("an unknown code or id found something")
	}
	if r.Cluster("wp5") == nil {
		t.Error("Cluster(wp5) = nil")
	}
	var c model.Country
	c.SetPlan(&plan.ToDo{})
	c.SetPlan("not a plan")
	if c.ToDo == nil || c.AsIs != nil {
		t.Errorf("SetPlan put a to-do in the wrong field: %+v", c)
	}
}
