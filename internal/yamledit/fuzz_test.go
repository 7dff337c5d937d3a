package yamledit

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzApply applies an op to an arbitrary document, at a path of the document
// (or one just past it) chosen by sel: it never panics, and an edit of a
// document that reads gives one that reads and holds the value written.
func FuzzApply(f *testing.F) {
	doc := "# c\na: 1\nl:\n  - id: x\n    t: [a, b]\n  # about y\n  - id: y\nf: {s: 1}\nv: >-\n  one\n  two\ne:\n"
	for i := range 40 {
		for _, v := range []string{"yes", "x\ny", "", "a: b", "[1]", "{}"} {
			f.Add([]byte(doc), uint8(i%8), uint16(i), v)
		}
	}
	f.Add([]byte("a:\n- x\n- y\n"), uint8(1), uint16(2), "")
	f.Add([]byte("a: 'it''s'\r\nb: \"q\"\r\n"), uint8(0), uint16(1), "x")
	f.Add([]byte("\ufeffa: |\n  x\n\n  y\nb: 2\n"), uint8(0), uint16(1), "z\n")
	f.Fuzz(func(t *testing.T, src []byte, kind uint8, sel uint16, s string) {
		if len(src) > 4096 {
			return
		}
		var in yaml.Node
		if yaml.Unmarshal(src, &in) != nil || len(in.Content) != 1 {
			_, _ = Apply(src, Op{Op: "set", Path: Path{"k"}, Value: s})
			return
		}
		var vs []visit
		walk(in.Content[0], nil, &vs)
		p := slicesClone(vs[int(sel)%len(vs)].path)
		var values = []any{s, nil, 3, true, Map{{"k", s}, {"n", []any{s, 1}}}, []any{s}, Map{}, []any{}}
		v := values[int(sel/7)%len(values)]
		var op Op
		switch kind % 8 {
		case 0, 1:
			op = Op{Op: "set", Path: p, Value: v}
		case 2:
			op = Op{Op: "set", Path: append(p, "new", s), Value: v}
		case 3, 4:
			op = Op{Op: "delete", Path: p}
		case 5:
			op = Op{Op: "insert", Path: append(p, int(sel%3)), Value: v}
		case 6:
			op = Op{Op: "move", Path: p, To: int(sel % 3)}
		case 7:
			ops, err := ParseOps([]byte(s))
			if err == nil {
				_, _ = Apply(src, ops...)
			}
			return
		}
		out, err := Apply(src, op)
		if err != nil {
			return
		}
		var n yaml.Node
		if err := yaml.Unmarshal(out, &n); err != nil {
			t.Fatalf("%s %s %#v on %q gives a document that does not read: %v\n%s", op.Op, op.Path, op.Value, src, err, out)
		}
		if op.Op == "set" || op.Op == "insert" {
			want, _ := normalize(op.Value, nil)
			if got := at(n.Content[0], op.Path); got == nil || canonNode(got) != canon(want) {
				t.Fatalf("%s %s %#v on %q: the value reads back as %v\n%s", op.Op, op.Path, op.Value, src, got, out)
			}
		}
	})
}

func slicesClone(p Path) Path { return append(Path(nil), p...) }
