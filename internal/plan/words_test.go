package plan

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// enumOf reads the enum values a field's jsonschema tag declares.
func enumOf(t *testing.T, v any, field string) []string {
	t.Helper()
	f, ok := reflect.TypeOf(v).FieldByName(field)
	if !ok {
		t.Fatalf("%T has no field %s", v, field)
	}
	var out []string
	for _, part := range strings.Split(f.Tag.Get("jsonschema"), ",") {
		if code, ok := strings.CutPrefix(part, "enum="); ok {
			out = append(out, code)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%T.%s declares no enum", v, field)
	}
	return out
}

// TestChoicesMatchSchema checks every coded field has words for exactly the
// codes its schema allows, so a new code cannot reach a reader raw.
func TestChoicesMatchSchema(t *testing.T) {
	for _, tc := range []struct {
		name    string
		v       any
		field   string
		choices []Choice
	}{
		{"action status", Action{}, "Status", ActionStatuses},
		{"funding source", Budget{}, "Source", FundingSources},
		{"anchoring", Sustainability{}, "Anchoring", Anchorings},
		{"priority", Step{}, "Priority", Priorities},
		{"level", Action{}, "Level", Levels},
		{"dialogue level", Dialogue{}, "Level", DialogueLevels},
		{"EU action level", EUAction{}, "Level", DialogueLevels[1:]},
		{"knowledge kind", KnowledgeItem{}, "Kind", KnowledgeKinds},
		{"model type", Model{}, "Type", ModelTypes},
		{"stakeholder type", Stakeholder{}, "Type", StakeholderTypes},
		{"model update frequency", Model{}, "UpdateFrequency", UpdateFrequencies},
		{"source update frequency", DataSource{}, "UpdateFrequency", UpdateFrequencies},
		{"source kind", DataSource{}, "Kind", SourceKinds},
	} {
		if got, want := Codes(tc.choices), enumOf(t, tc.v, tc.field); !slices.Equal(got, want) {
			t.Errorf("%s: words for %v, schema allows %v", tc.name, got, want)
		}
		for _, c := range tc.choices {
			if c.Label == "" || strings.ContainsAny(c.Label, "_") {
				t.Errorf("%s %q has no words for readers: %q", tc.name, c.Code, c.Label)
			}
		}
	}
}

func TestLabelOf(t *testing.T) {
	if got := LabelOf(FundingSources, "eu"); got != "EU funds" {
		t.Errorf("eu = %q", got)
	}
	if got := LabelOf(ActionStatuses, "in_progress"); got != "in progress" {
		t.Errorf("in_progress = %q", got)
	}
	if got := LabelOf(Anchorings, "unknown"); got != "unknown" {
		t.Errorf("an unknown code = %q, want itself", got)
	}
}

func TestCellOf(t *testing.T) {
	for _, c := range []struct {
		choices    []Choice
		code, want string
	}{
		{ActionStatuses, "in_progress", "In progress"},
		{FundingSources, "eu", "EU funds"},
		{Anchorings, "none", "Not anchored"},
		{ActionStatuses, "", ""},
	} {
		if got := CellOf(c.choices, c.code); got != c.want {
			t.Errorf("CellOf(%q) = %q, want %q", c.code, got, c.want)
		}
	}
}
