package schema_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/schema"
)

func defaultFramework(t *testing.T) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// TestCommittedSchemasAreCurrent is `hwfplan schema --check` as a test: the files
// editors use must match what the code generates.
func TestCommittedSchemasAreCurrent(t *testing.T) {
	files, err := schema.Generate(defaultFramework(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(schema.Kinds) {
		t.Fatalf("generated %d schemas, want %d", len(files), len(schema.Kinds))
	}
	for name, data := range files {
		committed, err := os.ReadFile(filepath.Join("..", "..", schema.Dir, name))
		if err != nil {
			t.Errorf("%s: %v (run hwfplan schema)", name, err)
			continue
		}
		if string(committed) != string(data) {
			t.Errorf("schema/%s is stale; run `go run ./cmd/hwfplan schema`", name)
		}
	}
}

func TestGeneratedFromFramework(t *testing.T) {
	fw := defaultFramework(t)
	files, err := schema.Generate(fw)
	if err != nil {
		t.Fatal(err)
	}
	var asIs map[string]any
	if err := json.Unmarshal(files["as-is.schema.json"], &asIs); err != nil {
		t.Fatal(err)
	}
	if asIs["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", asIs["$schema"])
	}
	score := dig(t, asIs, "properties", "tasks", "properties", "data", "properties", "items", "properties", "timeliness", "properties", "score")
	if score["minimum"] != float64(1) || score["maximum"] != float64(4) {
		t.Errorf("timeliness score bounds = %v-%v, want 1-4", score["minimum"], score["maximum"])
	}
	link := dig(t, asIs, "properties", "tasks", "properties", "data", "properties", "items", "properties", "linkage", "properties", "score")
	if link["maximum"] != float64(2) {
		t.Errorf("linkage maximum = %v", link["maximum"])
	}
	items := dig(t, asIs, "properties", "tasks", "properties", "skills", "properties", "items")
	if items["additionalProperties"] != false {
		t.Error("unknown items must be refused")
	}
	if req, _ := items["required"].([]any); len(req) != 9 {
		t.Errorf("skills requires %d items, want 9", len(req))
	}
	var toDo map[string]any
	if err := json.Unmarshal(files["to-do.schema.json"], &toDo); err != nil {
		t.Fatal(err)
	}
	steps := dig(t, toDo, "properties", "steps")
	if d, _ := steps["description"].(string); !strings.Contains(d, "matched by their `id`") {
		t.Errorf("steps description = %q, want the identity note", d)
	}
	enum := dig(t, steps, "items", "properties", "items", "items")["enum"].([]any)
	if len(enum) != 26 || enum[0] != "data.timeliness" {
		t.Errorf("to-do item enum = %v", enum)
	}
	if !strings.Contains(string(files["action-plan.schema.json"]), `"data_models"`) {
		t.Error("action plan schema lacks the sustainability domains")
	}
}

func dig(t *testing.T, m map[string]any, path ...string) map[string]any {
	t.Helper()
	cur := m
	for _, p := range path {
		next, ok := cur[p].(map[string]any)
		if !ok {
			t.Fatalf("no %s in schema path %v", p, path)
		}
		cur = next
	}
	return cur
}

func TestKindOf(t *testing.T) {
	tests := map[string]string{
		"countries/HU/as-is.yaml":       "as-is",
		"countries/HU/action-plan.yaml": "action-plan",
		"clusters/wp5.yaml":             "cluster",
		"schema/framework.yaml":         "",
		"countries/HU/x/as-is.yaml":     "",
	}
	for in, want := range tests {
		if got := schema.KindOf(in); got != want {
			t.Errorf("KindOf(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestPortable keeps the schemas within what a stock validator in its default
// strict mode (Ajv) compiles: no keyword of our own (x-...), no format (Ajv
// refuses a format it has no definition for; a pattern says the same), and every
// property a subschema requires is named in that subschema's properties
// (strictRequired). .ci/schema-check runs Ajv itself on the committed files.
func TestPortable(t *testing.T) {
	files, err := schema.Generate(defaultFramework(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		walk(doc, "#", func(ptr string, m map[string]any) {
			for k := range m {
				if strings.HasPrefix(k, "x-") || k == "format" {
					t.Errorf("%s%s: keyword %q is not portable", name, ptr, k)
				}
			}
			req, _ := m["required"].([]any)
			props, _ := m["properties"].(map[string]any)
			for _, r := range req {
				if _, ok := props[r.(string)]; !ok {
					t.Errorf("%s%s: required %q is not among the properties beside it", name, ptr, r)
				}
			}
		})
	}
}

// walk calls fn on every schema object below v (property names are not schemas).
func walk(v any, ptr string, fn func(ptr string, m map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		fn(ptr, v)
		for k, c := range v {
			if k == "properties" || k == "$defs" || k == "patternProperties" {
				if m, ok := c.(map[string]any); ok {
					for name, sub := range m {
						walk(sub, ptr+"/"+k+"/"+name, fn)
					}
				}
				continue
			}
			if k == "enum" || k == "const" || k == "examples" || k == "default" {
				continue
			}
			walk(c, ptr+"/"+k, fn)
		}
	case []any:
		for i, c := range v {
			walk(c, ptr+"/"+strconv.Itoa(i), fn)
		}
	}
}

// TestReadmeNamesPublishedURLs keeps README's editor set-up in step with the URLs
// the site publishes the schemas at.
func TestReadmeNamesPublishedURLs(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range schema.Kinds {
		if u := schema.URL(k.File); !strings.Contains(string(readme), u) {
			t.Errorf("README does not name %s", u)
		}
	}
}
