package editor

import (
	"slices"
	"strings"
	"testing"
)

// The change summary is the one `hwfplan diff` writes.
func TestDiffWording(t *testing.T) {
	tests := []struct {
		name  string
		edits map[string][2]string // file → old, new
		want  []string
	}{
		{"nothing", nil, []string{}},
		{"a score", map[string][2]string{"as-is.yaml": {"      linkage:\n        score: 1", "      linkage:\n        score: 2"}},
			[]string{"HU › as-is › data.linkage: score 1 → 2"}},
		{"an action's end", map[string][2]string{"action-plan.yaml": {"    end: 2027-03", "    end: 2027-09"}},
			[]string{"HU › action-plan › HU-A3: end 2027-03 → 2027-09"}},
		{"a step title", map[string][2]string{"to-do.yaml": {"title: Set up a standing workforce planning committee", "title: Set up a planning committee"}},
			[]string{"HU › to-do › HU-S3: title Set up a standing workforce planning committee → Set up a planning committee"}},
		{"a removed action", map[string][2]string{"action-plan.yaml": {"  - id: HU-A5\n    title: Regional pilot of retention incentives for nurses\n    task: stakeholders\n    implements: [HU-S3]\n    level: regional\n    region: HU31\n    responsible: Northern Hungary regional health authority\n    start: 2024-09\n    end: 2025-08\n    budget: {amount: 60000, currency: EUR, source: regional, secured: true}\n    status: done\n", ""}},
			[]string{"HU › action-plan › HU-A5 removed (task stakeholders, budget EUR 60,000, secured, 2024-09 to 2025-08)", "HU › action-plan › total budget: EUR 570,000 → 510,000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := session(t, "HU")
			for file, e := range tc.edits {
				p := "countries/HU/" + file
				text, _ := s.Text(p)
				if !strings.Contains(text, e[0]) {
					t.Fatalf("%s has no %q", p, e[0])
				}
				s.cur[p] = []byte(strings.Replace(text, e[0], e[1], 1))
			}
			c, err := s.Diff()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(c.Lines, tc.want) {
				t.Errorf("lines %q, want %q", c.Lines, tc.want)
			}
			if !strings.HasPrefix(c.Text, "Plan changes published → edited\n") {
				t.Errorf("text %q", c.Text)
			}
		})
	}
}
