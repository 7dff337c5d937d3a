package yamledit

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/yamlfix"
)

type applyCase struct {
	name string
	in   string
	ops  []Op
	want string // the whole output; "" when err is set
	err  string // a part of the error
}

func set(v any, p ...any) Op    { return Op{Op: "set", Path: p, Value: v} }
func del(p ...any) Op           { return Op{Op: "delete", Path: p} }
func ins(v any, p ...any) Op    { return Op{Op: "insert", Path: p, Value: v} }
func move(to int, p ...any) Op  { return Op{Op: "move", Path: p, To: to} }
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func runCases(t *testing.T, cases []applyCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Apply([]byte(c.in), c.ops...)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one with %q; output:\n%s", err, c.err, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if string(got) != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
			// What hwfplan fmt leaves alone, it leaves alone after the edit.
			if !yamlfix.Fix("in.yaml", []byte(c.in)).Changed() {
				if r := yamlfix.Fix("in.yaml", got); r.Changed() {
					t.Errorf("hwfplan fmt would change the result: %v", r.Changes)
				}
			}
		})
	}
}

func TestSetScalars(t *testing.T) {
	in := lines(
		"# head",
		"a: plain  # note",
		"b: \"double\"",
		"c: 'single'",
		"n: 3",
		"ok: true",
		"d: \"2024-06-28\"",
		"m: 2025-03",
	)
	runCases(t, []applyCase{
		{"plain stays plain", in, []Op{set("other", "a")}, strings.Replace(in, "a: plain", "a: other", 1), ""},
		{"double stays double", in, []Op{set("x y", "b")}, strings.Replace(in, `"double"`, `"x y"`, 1), ""},
		{"single stays single", in, []Op{set("it's", "c")}, strings.Replace(in, `'single'`, `'it''s'`, 1), ""},
		{"number", in, []Op{set(4, "n")}, strings.Replace(in, "n: 3", "n: 4", 1), ""},
		{"text that reads as a number is quoted", in, []Op{set("4", "n")}, strings.Replace(in, "n: 3", `n: "4"`, 1), ""},
		{"bool", in, []Op{set(false, "ok")}, strings.Replace(in, "ok: true", "ok: false", 1), ""},
		{"yes is quoted", in, []Op{set("yes", "a")}, strings.Replace(in, "a: plain", `a: "yes"`, 1), ""},
		{"on is quoted", in, []Op{set("on", "a")}, strings.Replace(in, "a: plain", `a: "on"`, 1), ""},
		{"null is quoted", in, []Op{set("null", "a")}, strings.Replace(in, "a: plain", `a: "null"`, 1), ""},
		{"tilde is quoted", in, []Op{set("~", "a")}, strings.Replace(in, "a: plain", `a: "~"`, 1), ""},
		{"leading zero is quoted", in, []Op{set("012", "a")}, strings.Replace(in, "a: plain", `a: "012"`, 1), ""},
		{"1.0 is quoted", in, []Op{set("1.0", "a")}, strings.Replace(in, "a: plain", `a: "1.0"`, 1), ""},
		{"hash is quoted", in, []Op{set("#x", "a")}, strings.Replace(in, "a: plain", `a: "#x"`, 1), ""},
		{"colon space is quoted", in, []Op{set("a: b", "a")}, strings.Replace(in, "a: plain", `a: "a: b"`, 1), ""},
		{"spaces are quoted", in, []Op{set(" x ", "a")}, strings.Replace(in, "a: plain", `a: " x "`, 1), ""},
		{"full date is quoted (YAML 1.1)", in, []Op{set("2026-01-02", "a")}, strings.Replace(in, "a: plain", `a: "2026-01-02"`, 1), ""},
		{"month stays plain like the plan files", in, []Op{set("2026-01", "m")}, strings.Replace(in, "m: 2025-03", "m: 2026-01", 1), ""},
		{"quoted date keeps quotes", in, []Op{set("2025-01-01", "d")}, strings.Replace(in, "2024-06-28", "2025-01-01", 1), ""},
		{"null value", in, []Op{set(nil, "a")}, strings.Replace(in, "a: plain", "a: null", 1), ""},
		{"control character refused", in, []Op{set("a\x07b", "a")}, "", "control character (U+0007)"},
		{"carriage return refused", in, []Op{set("a\rb", "a")}, "", "control character (U+000D)"},
		{"CRLF in text is a line break", in, []Op{set("x\r\ny", "a")}, strings.Replace(in, "a: plain  # note", "a: |-  # note\n  x\n  y", 1), ""},
		{"tab in text is escaped", in, []Op{set("a\tb", "a")}, strings.Replace(in, "a: plain", `a: "a\tb"`, 1), ""},
		{"multi-line text becomes a literal block", in, []Op{set("one\ntwo\n", "a")}, strings.Replace(in, "a: plain  # note", "a: |  # note\n  one\n  two", 1), ""},
		{"multi-line text without final break", in, []Op{set("one\n\ntwo", "b")}, strings.Replace(in, `b: "double"`, "b: |-\n  one\n\n  two", 1), ""},
		{"indented first line goes in quotes", in, []Op{set("  one\ntwo", "b")}, strings.Replace(in, `b: "double"`, `b: "  one\ntwo"`, 1), ""},
		{"missing key", in, []Op{set(1, "zz", "y")}, in + "zz:\n  y: 1\n", ""},
		{"did you mean", in, []Op{del("ko")}, "", `path ko does not exist: (the document) has no key "ko" (did you mean "ok"?)`},
		{"index into a mapping", in, []Op{set(1, 0)}, "", "is a mapping, so it takes a key"},
		{"key into a scalar", in, []Op{set(1, "a", "b")}, "", "path a.b does not exist: a is a single value"},
		{"unknown op", in, []Op{{Op: "rename", Path: Path{"a"}}}, "", `unknown op "rename"`},
	})
}

func TestBlockScalars(t *testing.T) {
	in := lines(
		"vision: >-",
		"  By 2030 the country plans its workforce",
		"  from linked data.",
		"notes: |",
		"  first",
		"  second",
		"after: x",
	)
	runCases(t, []applyCase{
		{"folded keeps its breaks up to the change", in, []Op{set("By 2030 the country plans its workforce from linked data and more.", "vision")},
			strings.Replace(in, "from linked data.", "from linked data and more.", 1), ""},
		{"folded back to one word", in, []Op{set("Short.", "vision")}, strings.Replace(in, "  By 2030 the country plans its workforce\n  from linked data.", "  Short.", 1), ""},
		{"literal", in, []Op{set("first\nthird\n", "notes")}, strings.Replace(in, "second", "third", 1), ""},
		{"literal to one line", in, []Op{set("one", "notes")}, strings.Replace(in, "|\n  first\n  second", "one", 1), ""},
		{"plain to literal in a list", "l:\n  - a\n  - b\n", []Op{set("x\ny", "l", 0)}, "l:\n  - |-\n    x\n    y\n  - b\n", ""},
	})
}

func TestMappings(t *testing.T) {
	in := lines(
		"top:",
		"  a: 1",
		"  # about b",
		"  b: 2",
		"flow: {score: 1, year: 2027}",
		"last: z",
	)
	runCases(t, []applyCase{
		{"add a key at the end of its mapping", in, []Op{set("new", "top", "c")}, strings.Replace(in, "  b: 2\n", "  b: 2\n  c: new\n", 1), ""},
		{"add a mapping value", in, []Op{set(Map{{"x", 1}, {"y", []any{"p", "q"}}}, "top", "c")},
			strings.Replace(in, "  b: 2\n", "  b: 2\n  c:\n    x: 1\n    y:\n      - p\n      - q\n", 1), ""},
		{"add missing parents", in, []Op{set("v", "top", "c", "d", "e")}, strings.Replace(in, "  b: 2\n", "  b: 2\n  c:\n    d:\n      e: v\n", 1), ""},
		{"delete a key with its comment", in, []Op{del("top", "b")}, strings.Replace(in, "  # about b\n  b: 2\n", "", 1), ""},
		{"delete the only keys", in, []Op{del("top", "b"), del("top", "a")}, strings.Replace(in, "top:\n  a: 1\n  # about b\n  b: 2\n", "top: {}\n", 1), ""},
		{"flow mapping: set", in, []Op{set(2, "flow", "score")}, strings.Replace(in, "score: 1", "score: 2", 1), ""},
		{"flow mapping: add", in, []Op{set("Because.", "flow", "rationale")}, strings.Replace(in, "year: 2027}", "year: 2027, rationale: Because.}", 1), ""},
		{"flow mapping: add text with a comma", in, []Op{set("a, b", "flow", "rationale")}, strings.Replace(in, "year: 2027}", `year: 2027, rationale: "a, b"}`, 1), ""},
		{"flow mapping: delete", in, []Op{del("flow", "score")}, strings.Replace(in, "{score: 1, year: 2027}", "{year: 2027}", 1), ""},
		{"replace a mapping by a value", in, []Op{set("x", "top")}, strings.Replace(in, "top:\n  a: 1\n  # about b\n  b: 2\n", "top: x\n", 1), ""},
		{"replace a value by a mapping", in, []Op{set(Map{{"k", "v"}}, "last")}, strings.Replace(in, "last: z\n", "last:\n  k: v\n", 1), ""},
		{"set under an empty value", "a:\nb: 1\n", []Op{set(1, "a", "x")}, "a:\n  x: 1\nb: 1\n", ""},
		{"set an empty value", "a:\nb: 1\n", []Op{set("x", "a")}, "a: x\nb: 1\n", ""},
		{"add after an empty value", "m:\n  a:\nz: 1\n", []Op{set(2, "m", "b")}, "m:\n  a:\n  b: 2\nz: 1\n", ""},
		{"add after a block text", "m:\n  t: |\n    one\n\n  # next\nz: 1\n", []Op{set(2, "m", "b")}, "m:\n  t: |\n    one\n  b: 2\n\n  # next\nz: 1\n", ""},
		{"delete a key with a block text", "a: >-\n  x\n  y\nb: 1\n", []Op{del("a")}, "b: 1\n", ""},
		{"add to an item's mapping", "l:\n  - id: x\n  # about y\n  - id: y\n", []Op{set("t", "l", 0, "title")}, "l:\n  - id: x\n    title: t\n  # about y\n  - id: y\n", ""},
		{"add a key whose text needs quotes", "a: 1\n", []Op{set(1, "b: c")}, "a: 1\n\"b: c\": 1\n", ""},
		{"empty document", "# only a comment\n", []Op{set("v", "k")}, "# only a comment\nk: v\n", ""},
		{"no final line break", "a: 1", []Op{set(2, "b")}, "a: 1\nb: 2", ""},
	})
}

func TestSequences(t *testing.T) {
	in := lines(
		"actions:",
		"  - id: A1",
		"    title: One",
		"  # about A2",
		"  - id: A2",
		"    title: Two",
		"    implements: [S1, S2]",
		"  - id: A3",
		"    title: Three",
		"end: true",
	)
	runCases(t, []applyCase{
		{"delete an item with its comment", in, []Op{del("actions", 1)}, strings.Replace(in, "  # about A2\n  - id: A2\n    title: Two\n    implements: [S1, S2]\n", "", 1), ""},
		{"delete the last item", in, []Op{del("actions", 2)}, strings.Replace(in, "  - id: A3\n    title: Three\n", "", 1), ""},
		{"delete every item", in, []Op{del("actions", 2), del("actions", 1), del("actions", 0)}, "actions: []\nend: true\n", ""},
		{"delete the first key of an item, keeping the next key's comment", "l:\n  - id: A1\n    # why\n    title: One\n", []Op{del("l", 0, "id")}, "l:\n  # why\n  - title: One\n", ""},
		{"delete the first key of an item", in, []Op{del("actions", 0, "id")}, strings.Replace(in, "  - id: A1\n    title: One", "  - title: One", 1), ""},
		{"insert a mapping", in, []Op{ins(Map{{"id", "A4"}, {"title", "Four"}, {"implements", []any{"S3"}}}, "actions", 3)},
			strings.Replace(in, "end: true", "  - id: A4\n    title: Four\n    implements:\n      - S3\nend: true", 1), ""},
		{"insert before an item goes above its comment", in, []Op{ins(Map{{"id", "A9"}}, "actions", 1)}, strings.Replace(in, "  # about A2", "  - id: A9\n  # about A2", 1), ""},
		{"move an item with its comment", in, []Op{move(0, "actions", 1)},
			lines("actions:", "  # about A2", "  - id: A2", "    title: Two", "    implements: [S1, S2]", "  - id: A1", "    title: One", "  - id: A3", "    title: Three", "end: true"), ""},
		{"move to the end", in, []Op{move(2, "actions", 0)},
			lines("actions:", "  # about A2", "  - id: A2", "    title: Two", "    implements: [S1, S2]", "  - id: A3", "    title: Three", "  - id: A1", "    title: One", "end: true"), ""},
		{"flow: insert", in, []Op{ins("S0", "actions", 1, "implements", 0)}, strings.Replace(in, "[S1, S2]", "[S0, S1, S2]", 1), ""},
		{"flow: append", in, []Op{ins("S3", "actions", 1, "implements", 2)}, strings.Replace(in, "[S1, S2]", "[S1, S2, S3]", 1), ""},
		{"flow: set", in, []Op{set("S9", "actions", 1, "implements", 1)}, strings.Replace(in, "[S1, S2]", "[S1, S9]", 1), ""},
		{"flow: delete", in, []Op{del("actions", 1, "implements", 0)}, strings.Replace(in, "[S1, S2]", "[S2]", 1), ""},
		{"flow: delete all", in, []Op{del("actions", 1, "implements", 0), del("actions", 1, "implements", 0)}, strings.Replace(in, "[S1, S2]", "[]", 1), ""},
		{"flow: move", in, []Op{move(0, "actions", 1, "implements", 1)}, strings.Replace(in, "[S1, S2]", "[S2, S1]", 1), ""},
		{"flow: set the whole list", in, []Op{set([]string{"S7", "yes"}, "actions", 1, "implements")}, strings.Replace(in, "[S1, S2]", `[S7, "yes"]`, 1), ""},
		{"index out of range", in, []Op{set("x", "actions", 7, "title")}, "", "path actions[7] does not exist: actions has 3 entries"},
		{"insert out of range", in, []Op{ins("x", "actions", 5)}, "", "cannot insert at index 5: actions has 3 entries (insert at 0 to 3)"},
		{"move out of range", in, []Op{move(3, "actions", 0)}, "", "cannot move to index 3"},
		{"key into a list", in, []Op{set("x", "actions", "id")}, "", "actions is a list, so it takes an index"},
		{"insert among flow mappings", "m:\n  - {id: m1, date: 2026-06}\n", []Op{ins(Map{{"id", "m2"}, {"date", "2026-12"}, {"note", "a, b"}}, "m", 1)}, "m:\n  - {id: m1, date: 2026-06}\n  - {id: m2, date: 2026-12, note: \"a, b\"}\n", ""},
		{"insert into an empty list", "kpis: []\nx: 1\n", []Op{ins(Map{{"id", "k1"}, {"unit", "%"}}, "kpis", 0)}, "kpis:\n  - id: k1\n    unit: \"%\"\nx: 1\n", ""},
		{"insert text into an empty list", "ids: []\n", []Op{ins("a", "ids", 0)}, "ids: [a]\n", ""},
		{"insert into a missing list", "x: 1\n", []Op{ins("a", "ids", 0)}, "x: 1\nids:\n  - a\n", ""},
		{"not indented under the key", "l:\n- a\n- b\nz: 1\n", []Op{ins("c", "l", 2), del("l", 0)}, "l:\n- b\n- c\nz: 1\n", ""},
		{"blank lines between items", "l:\n  - a\n\n  - b\n\n  - c\n", []Op{del("l", 1)}, "l:\n  - a\n\n  - c\n", ""},
		{"blank lines, last item", "l:\n  - a\n\n  - b\n", []Op{del("l", 1)}, "l:\n  - a\n", ""},
		{"header comment stays", "# head\n- a\n- b\n", []Op{del("a")}, "", "mapping"},
	})
}

func TestLineEnds(t *testing.T) {
	runCases(t, []applyCase{
		{"CRLF kept", "a: 1\r\nl:\r\n  - x\r\n", []Op{set(2, "a"), ins("y", "l", 1)}, "a: 2\r\nl:\r\n  - x\r\n  - y\r\n", ""},
		{"CRLF with a new block", "a: 1\r\n", []Op{set("x\ny", "a")}, "a: |-\r\n  x\r\n  y\r\n", ""},
		{"BOM kept", "\ufeffa: 1\n", []Op{set(2, "a")}, "\ufeffa: 2\n", ""},
		{"mixed line ends refused", "a: 1\r\nb: 2\n", []Op{set(2, "a")}, "", "mixes CRLF and LF"},
		{"not YAML", "a: [\n", []Op{set(2, "a")}, "", "does not read as YAML"},
	})
}

func TestParseOps(t *testing.T) {
	ops, err := ParseOps([]byte(`[{"op":"set","path":["actions",2,"title"],"value":{"b":1,"a":[1.50,"x"]}},{"op":"move","path":["l",0],"to":2}]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 2 || ops[0].Path.String() != "actions[2].title" || ops[1].To != 2 {
		t.Fatalf("got %+v", ops)
	}
	if got := canon(mustNormalize(t, ops[0].Value)); got != `{"b":1,"a":[1.5,"x"]}` {
		t.Errorf("value %s", got)
	}
	for _, bad := range []string{`{}`, `[{"op":"x","path":["a"]}]`, `[{"op":"set","path":[-1]}]`, `[{"op":"set","path":[1.5]}]`, `[{"op":"set"}]`, `[{"op":"set","path":["a"],"extra":1}]`, `[] []`} {
		if _, err := ParseOps([]byte(bad)); err == nil {
			t.Errorf("ParseOps(%s): no error", bad)
		}
	}
}

func mustNormalize(t *testing.T, v any) any {
	n, err := normalize(v, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
