package validate

import (
	"bytes"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/schema"
)

// TestShippedSchemasAreCurrent: New compiles the shipped schema files for the
// built-in framework instead of generating them, so they must be what Generate
// makes. (Run `go run ./cmd/hwfplan schema` after changing a plan type.)
func TestShippedSchemasAreCurrent(t *testing.T) {
	fw := builtin()
	if fw == nil {
		t.Fatal("the built-in framework does not parse")
	}
	for _, k := range schema.Kinds {
		shipped, err := hwfplan.Schemas.ReadFile("schema/" + k.File)
		if err != nil {
			t.Fatal(err)
		}
		generated, err := schema.Encode(schema.Build(fw, k.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(shipped, generated) {
			t.Errorf("schema/%s differs from what the plan types and the built-in framework generate; run `go run ./cmd/hwfplan schema`", k.File)
		}
		got, err := encode(fw, k, nil)
		if err != nil || !bytes.Equal(got, shipped) {
			t.Errorf("encode(builtin, %s) does not use the shipped file: %v", k.Name, err)
		}
	}
	// Another framework is generated, never read from the shipped files.
	other := *fw
	other.ID = "other"
	src := schema.Build(&other, "country")
	got, err := encode(&other, schema.Kinds[0], src)
	want, _ := schema.Encode(src)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("encode(other framework) = %v, want the generated schema", err)
	}
}
