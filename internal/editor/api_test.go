package editor

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCall(t *testing.T) {
	files, err := FilesFor(repoFS(t), "HU")
	if err != nil {
		t.Fatal(err)
	}
	filesJSON, _ := json.Marshal(files)
	s := &Session{Now: clock}
	tests := []struct {
		method string
		args   []string
		want   string // a part of the result
	}{
		{"validate", nil, `[]`},
		{"form", []string{"countries/HU/as-is.yaml"}, `{"error":"no files loaded yet"}`},
		{"load", []string{"{"}, `{"error":"load takes an object of paths and texts: unexpected end of JSON input"}`},
		{"load", []string{string(filesJSON)}, `{"ok":true,"country":"HU","paths":["countries/HU/country.yaml","countries/HU/as-is.yaml","countries/HU/to-be.yaml","countries/HU/to-do.yaml","countries/HU/action-plan.yaml"]}`},
		{"text", []string{"countries/HU/country.yaml"}, `"# yaml-language-server: $schema=../../schema/country.schema.json\n`},
		{"document", []string{"countries/HU/country.yaml"}, `"name":"Hungary"`},
		{"form", []string{"countries/HU/to-do.yaml"}, `{"key":"","label":"To-do road map (to-do.yaml)","type":"object","fields":[{"key":"steps"`},
		{"apply", []string{"countries/HU/as-is.yaml", `[{"op":"set","path":["tasks","data","items","linkage","score"],"value":2}]`}, `{"ok":true}`},
		{"apply", []string{"countries/HU/as-is.yaml", `[{"op":"set","path":["tasks","data","items","linkage","score"],"value":7}]`}, `{"ok":true}`},
		{"validate", nil, `"field":["tasks","data","items","linkage","score"],"pointer":"/tasks/data/items/linkage/score","severity":"error","rule":"score-range"`},
		{"diff", nil, `{"lines":["HU › as-is › data.linkage: score 1 → 7"],"text":"Plan changes published → edited\nHU › as-is › data.linkage: score 1 → 7\n"}`},
		{"apply", []string{"countries/HU/as-is.yaml", `[{"op":"frobnicate","path":["x"]}]`}, `{"error":`},
		{"apply", []string{"clusters/wp6.yaml", `[]`}, `{"error":"clusters/wp6.yaml is not one of HU's plan files: only those are edited here"}`},
		{"newID", []string{"countries/HU/action-plan.yaml", `["actions"]`}, `{"id":"HU-A6"}`},
		{"newID", []string{"countries/HU/action-plan.yaml", `["actions",0,"kpis"]`}, `{"id":"k2"}`},
		{"newID", []string{"countries/HU/action-plan.yaml", `actions`}, `{"error":"newID takes the list's path as a JSON array`},
		{"nothing", nil, `{"error":"unknown method \"nothing\"; the methods are load, localize, form, document, text, apply, validate, diff, newID"}`},
		{"text", nil, `{"error":"text takes 1 arguments, not 0"}`},
	}
	for _, tc := range tests {
		if got := s.Call(tc.method, tc.args...); !strings.Contains(got, tc.want) {
			t.Errorf("%s(%.40q):\n got %.300s\nwant %s", tc.method, tc.args, got, tc.want)
		}
	}
}

// A panic inside the engine is an error result, never a crash of the page.
func TestCallRecovers(t *testing.T) {
	s := &Session{cur: map[string][]byte{}} // no validator: Validate panics
	got := s.Call("validate")
	if !strings.HasPrefix(got, `{"error":"the editor's engine failed in validate: runtime error`) {
		t.Errorf("got %.200s", got)
	}
}
