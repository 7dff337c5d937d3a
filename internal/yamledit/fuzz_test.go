package yamledit

import (
	"encoding/json"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzApply applies an op from arbitrary JSON to an arbitrary document: it
// never panics, and an edit of a document that reads gives one that reads.
func FuzzApply(f *testing.F) {
	doc := "# c\na: 1\nl:\n  - id: x\n    t: [a, b]\n  # about y\n  - id: y\nf: {s: 1}\nv: >-\n  one\n  two\n"
	for _, ops := range []string{
		`[{"op":"set","path":["a"],"value":"yes"}]`,
		`[{"op":"set","path":["l",0,"t",1],"value":"x\ny"}]`,
		`[{"op":"delete","path":["l",1]}]`,
		`[{"op":"insert","path":["l",0],"value":{"id":"z","k":[1,2]}}]`,
		`[{"op":"move","path":["l",0],"to":1}]`,
		`[{"op":"set","path":["f","n","m"],"value":[]}]`,
		`[{"op":"set","path":["v"],"value":"one two three\n"}]`,
	} {
		f.Add([]byte(doc), []byte(ops))
	}
	f.Add([]byte("a:\n- x\n- y\n"), []byte(`[{"op":"delete","path":["a",0]}]`))
	f.Add([]byte("a: 'it''s'\r\nb: \"q\"\r\n"), []byte(`[{"op":"set","path":["a"],"value":"x"}]`))
	f.Fuzz(func(t *testing.T, src, opsJSON []byte) {
		if len(src) > 4096 || len(opsJSON) > 1024 {
			return
		}
		ops, err := ParseOps(opsJSON)
		if err != nil {
			return
		}
		out, err := Apply(src, ops...)
		if err != nil {
			return
		}
		var in yaml.Node
		if yaml.Unmarshal(src, &in) != nil {
			return
		}
		var n yaml.Node
		if err := yaml.Unmarshal(out, &n); err != nil {
			b, _ := json.Marshal(ops)
			t.Fatalf("%s on %q gives a document that does not read: %v\n%s", b, src, err, out)
		}
	})
}
