package validate

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestRulesCatalogue keeps the catalogue honest: ids are unique kebab-case with a
// summary, and every rule the rule tests report is listed (SARIF relies on it).
func TestRulesCatalogue(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	listed := map[string]bool{}
	for _, r := range Rules() {
		if !kebab.MatchString(r.ID) || r.Summary == "" || r.Severity == "" {
			t.Errorf("bad rule entry %+v", r)
		}
		if listed[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		listed[r.ID] = true
	}
	cases, _ := filepath.Glob("testdata/rules/*.txtar")
	used := regexp.MustCompile(`(?m)^\S+: (?:error|warning): .* \[([a-z0-9-]+)\]$`)
	seen := 0
	for _, c := range cases {
		data, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(data), -1) {
			seen++
			if !listed[m[1]] {
				t.Errorf("%s reports rule %s, which Rules() does not list", c, m[1])
			}
		}
	}
	if seen == 0 {
		t.Error("found no reported rules in testdata/rules")
	}
}
