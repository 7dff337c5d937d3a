package editor

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Known mistakes in HU's files are placed on the fields they are about.
func TestProblemFields(t *testing.T) {
	tests := []struct {
		file, old, new string
		rule           string
		want           string
	}{
		{"as-is.yaml", "score: 1", "score: 7", "score-range", "[tasks data items coverage score]"},
		{"as-is.yaml", "    name: ", "    nam: ", "required", "[data_sources 0]"},
		{"as-is.yaml", "    name: ", "    nam: ", "unknown-key", "[data_sources 0 nam]"},
		{"to-do.yaml", "    priority: ", "    priority: urgent # ", "enum", "[steps 0 priority]"},
		{"action-plan.yaml", "currency: EUR", "currency: EURO", "format", "[actions 0 budget currency]"},
		{"action-plan.yaml", "end: 20", "end: 19", "date-order", "[actions 0 end]"},
		{"country.yaml", "cluster: wp", "cluster: wq", "cluster-exists", "[cluster]"},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			s := session(t, "HU")
			name := "countries/HU/" + tc.file
			text, _ := s.Text(name)
			s.cur[name] = []byte(strings.Replace(text, tc.old, tc.new, 1))
			var seen []string
			for _, p := range s.Validate() {
				seen = append(seen, p.Rule)
				if p.Rule == tc.rule && p.File == name {
					if got := fmt.Sprint(p.Field); got != tc.want {
						t.Errorf("%s: field %s, want %s", p.Message, got, tc.want)
					}
					return
				}
			}
			t.Errorf("no %s problem in %s; found %v", tc.rule, name, seen)
		})
	}
}

func TestFieldAt(t *testing.T) {
	src := `# a comment
vision: >-
  text
targets:
  data:
    linkage: {score: 2, year: 2027}
steps:
  - id: HU-S1
    items: [data.linkage, data.hris]
  - id: HU-S2
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line, col int
		want      string
	}{
		{0, 0, "[]"},
		{1, 1, "[]"},                            // before the first key
		{2, 1, "[vision]"},                      // a key is its value
		{3, 3, "[vision]"},                      // inside a folded scalar
		{5, 3, "[targets data]"},                // the key data
		{6, 15, "[targets data linkage score]"}, // flow mapping
		{6, 25, "[targets data linkage year]"},
		{6, 0, "[targets data linkage year]"}, // a whole line: its last node
		{8, 9, "[steps 0 id]"},
		{9, 27, "[steps 0 items 1]"},
		{10, 5, "[steps 1 id]"},
	}
	for _, tc := range tests {
		if got := fmt.Sprint(FieldAt(&doc, tc.line, tc.col)); got != tc.want {
			t.Errorf("%d:%d: %s, want %s", tc.line, tc.col, got, tc.want)
		}
	}
	if got := fmt.Sprint(FieldAt(nil, 3, 3)); got != "[]" {
		t.Errorf("no document: %s", got)
	}
}

func TestFieldOf(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a/b:\n  - x: 1\n  - {y: 2}\n"), &doc); err != nil {
		t.Fatal(err)
	}
	for ptr, want := range map[string]string{"/a~1b/1/y": "[a/b 1 y] true", "/a~1b/1": "[a/b 1] true", "/a~1b/2": "[] false", "/a~1b/x": "[] false", "": "[] false"} {
		p, ok := FieldOf(&doc, ptr)
		if got := fmt.Sprint(p, " ", ok); got != want {
			t.Errorf("%q: %s, want %s", ptr, got, want)
		}
	}
}
