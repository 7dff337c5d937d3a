package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/golden"
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

// TestRulesDoc keeps docs/validate-rules.md in step with the catalogue
// (go test ./internal/validate -run RulesDoc -update rewrites it).
func TestRulesDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Validation rules\n\n")
	b.WriteString("Every problem `hwfplan validate` reports carries one of these rule ids. The ids are\n")
	b.WriteString("stable: match on them in scripts (see [validate-json.md](validate-json.md)), not on\n")
	b.WriteString("the wording of messages. An error makes the data invalid (exit 1); a warning does\n")
	b.WriteString("not, unless `--strict` is given. This file is generated from the rule catalogue\n")
	b.WriteString("(`internal/validate/catalogue.go`).\n\n")
	b.WriteString("| rule | severity | what it checks |\n|---|---|---|\n")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Summary)
	}
	// One section per rule: a kebab-case id (TestRulesCatalogue) is its own
	// heading anchor, which RuleDocURL (SARIF's helpUri) links to.
	b.WriteString("\n## Rules\n")
	for _, r := range Rules() {
		if want := RuleDocURL(r.ID); r.HelpURI != want || !strings.HasSuffix(want, RulesDoc+"#"+r.ID) {
			t.Errorf("rule %s: HelpURI = %q, want %q", r.ID, r.HelpURI, want)
		}
		fmt.Fprintf(&b, "\n### %s\n\n%s\n", r.ID, r.Description())
	}
	path := filepath.Join("..", "..", filepath.FromSlash(RulesDoc))
	golden.Check(t, path, []byte(b.String())) // stale: go test ./internal/validate -run RulesDoc -update
}
