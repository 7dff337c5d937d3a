package validate

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestOneMistakeOneDiagnostic walks a set of single mistakes, each made once in
// the clean base repository, and asserts each gives exactly one diagnostic, of
// the rule that names the mistake: rules that read a value that already has an
// error stay quiet (see semantic), so a planner sees the mistake, not its echoes.
func TestOneMistakeOneDiagnostic(t *testing.T) {
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, edit, rule string
	}{
		{"a wrong task id of a step", `replace countries/HU/to-do.yaml "task: data" "task: dta"`, RuleEnum},
		{"a misspelt item id in a step", `replace countries/HU/to-do.yaml "data.linkage," "data.linkag,"`, RuleEnum},
		{"an as-is score off the scale", `replace countries/HU/as-is.yaml "score: 1\n        evidence: Supply" "score: 5\n        evidence: Supply"`, RuleScoreRange},
		{"a target score off the scale", `replace countries/HU/to-be.yaml "linkage: {score: 2" "linkage: {score: 7"`, RuleScoreRange},
		{"a wrong task id of an action", `replace countries/HU/action-plan.yaml "task: data" "task: dta"`, RuleEnum},
		{"a step id without the country code", `replace countries/HU/to-do.yaml "id: HU-S1" "id: S1"`, RuleFormat},
		{"an action implementing a step that does not exist", `replace countries/HU/action-plan.yaml "implements: [HU-S2]" "implements: [HU-S9]"`, RuleStepRef},
		{"a misspelt stakeholder of a step", `replace countries/HU/to-do.yaml "stakeholders: [universities]" "stakeholders: [universitys]"`, RuleStakeholderRef},
		{"a misspelt stakeholder id in the map", `replace countries/HU/as-is.yaml "id: universities" "id: Universities"`, RuleFormat},
		{"an assessment date that is not a real date", `replace countries/HU/as-is.yaml "assessed_on: \"2024-06-28\"" "assessed_on: \"2024-02-30\""`, RuleDateReal},
		{"a misspelt key", `replace countries/HU/to-be.yaml "rationale: Establish" "rationle: Establish"`, RuleUnknownKey},
		{"an unknown currency", `replace countries/HU/action-plan.yaml "currency: EUR, source: national, secured: true}\n    status: in_progress" "currency: EUX, source: national, secured: true}\n    status: in_progress"`, RuleCurrency},
		{"a tab in indentation", "replace countries/HU/to-be.yaml \"  data:\\n\" \"\\tdata:\\n\"", "yaml-tabs"},
		{"a non-breaking space in indentation", "replace countries/HU/to-be.yaml \"  data:\\n\" \"\u00a0 data:\\n\"", "indent-char"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range base.Files {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if err := applyEdits(fsys, tt.edit); err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSuffix(runValidate(t, fsys), "\n"), "\n")
			if len(got) != 1 || !strings.HasSuffix(got[0], "["+tt.rule+"]") {
				t.Errorf("want one diagnostic [%s], got %d:\n%s", tt.rule, len(got), strings.Join(got, "\n"))
			}
		})
	}
}
