package plantext_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"github.com/hwfplan/hwfplan/internal/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSchemaAcceptsEveryText keeps the schema (from plan.PlanTranslation) and
// the texts plantext reads (Keys) the same: a translation of every text of
// every shipped country, and the shipped translations, pass the schema editors use.
func TestSchemaAcceptsEveryText(t *testing.T) {
	repo, _ := load.Load(os.DirFS("../.."), load.Options{})
	b, err := schema.Encode(schema.Build(repo.Framework, "plan-translation"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("plan-translation.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("plan-translation.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, cn := range repo.Countries {
		full := map[string]any{"language": "xx", "review": map[string]any{"reviewed": false}}
		for _, k := range plantext.Keys(cn) {
			m := full
			parts := strings.Split(k.Key, ".")
			for _, p := range parts[:len(parts)-1] {
				next, ok := m[p].(map[string]any)
				if !ok {
					next = map[string]any{}
					m[p] = next
				}
				m = next
			}
			m[parts[len(parts)-1]] = "translated"
			checked++
		}
		if err := sch.Validate(full); err != nil {
			t.Errorf("%s: a translation of every text fails the schema: %v", cn.Code, err)
		}
		for _, tf := range cn.Translations {
			if err := sch.Validate(tf.File.Value); err != nil {
				t.Errorf("%s fails the schema: %v", tf.File.Path, err)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no texts in the shipped plans")
	}
}
