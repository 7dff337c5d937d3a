package yamledit

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/yamlfix"
	"go.yaml.in/yaml/v3"
)

// shippedFiles returns the plan files the repository ships: every country's
// and the programme's.
func shippedFiles(t testing.TB) []string {
	var files []string
	for _, pat := range []string{"../../countries/*/*.yaml", "../../programme/*.yaml"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("found only %d shipped plan files", len(files))
	}
	return files
}

// visit is a node of a document in document order, with its path.
type visit struct {
	path Path
	node *yaml.Node
}

// walk lists every value (not keys) in document order, parents first.
func walk(n *yaml.Node, p Path, out *[]visit) {
	*out = append(*out, visit{slices.Clone(p), n})
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			walk(n.Content[i+1], append(p, n.Content[i].Value), out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walk(c, append(p, i), out)
		}
	}
}

func at(root *yaml.Node, p Path) *yaml.Node {
	n := root
	for _, e := range p {
		switch e := e.(type) {
		case string:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content) && n.Kind == yaml.MappingNode; i += 2 {
				if n.Content[i].Value == e {
					next = n.Content[i+1]
				}
			}
			n = next
		case int:
			if n.Kind != yaml.SequenceNode || e >= len(n.Content) {
				return nil
			}
			n = n.Content[e]
		}
		if n == nil {
			return nil
		}
	}
	return n
}

// valueOf turns a node back into a value to write.
func valueOf(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := Map{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m = append(m, MapItem{n.Content[i].Value, valueOf(n.Content[i+1])})
		}
		return m
	case yaml.SequenceNode:
		a := []any{}
		for _, c := range n.Content {
			a = append(a, valueOf(c))
		}
		return a
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		return number(n.Value)
	}
	return n.Value
}

// changed returns the lines [from, to) of a that differ from b, after the
// lines both start and end with.
func changed(a, b []byte) (from, to int) {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	p := 0
	for p < len(la) && p < len(lb) && la[p] == lb[p] {
		p++
	}
	s := 0
	for s < len(la)-p && s < len(lb)-p && la[len(la)-1-s] == lb[len(lb)-1-s] {
		s++
	}
	return p, len(la) - s
}

// nextLine returns the 0-based line of the first node after v's subtree (or
// the line count): where the lines an edit of v may touch end.
func nextLine(vs []visit, i int, src []byte) int {
	for j := i + 1; j < len(vs); j++ {
		if !isUnder(vs[j].path, vs[i].path) {
			return vs[j].node.Line - 1
		}
	}
	return strings.Count(string(src), "\n") + 1
}

// prevLine returns the 0-based line of the last node before v that is not
// one of v's parents: where the lines a delete of v may touch start.
func prevLine(vs []visit, i int) int {
	for j := i - 1; j >= 0; j-- {
		if !isUnder(vs[i].path, vs[j].path) {
			return vs[j].node.Line - 1
		}
	}
	return 0
}

func isUnder(p, parent Path) bool {
	return len(p) > len(parent) && slices.Equal(p[:len(parent)], parent)
}

// otherValue is a different value of the same kind as n: text of the same
// length with its last character changed, a number plus one, the other bool.
func otherValue(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!int":
		i, _ := strconv.Atoi(n.Value)
		return i + 1
	case "!!float":
		f, _ := strconv.ParseFloat(n.Value, 64)
		return f + 1
	case "!!bool":
		return n.Value != "true"
	case "!!null":
		return "x"
	}
	r := []rune(n.Value)
	if len(r) == 0 {
		return "x"
	}
	last := len(r) - 1
	for last > 0 && r[last] == '\n' {
		last--
	}
	if r[last] == 'x' {
		r[last] = 'y'
	} else {
		r[last] = 'x'
	}
	return string(r)
}

// TestShippedFiles edits every value of every shipped plan file: each edit
// reads back, touches only the lines of what it edits, and undoing it gives
// the file back byte for byte. Every list entry is deleted and inserted
// again, moved and moved back, and every mapping gets a new key.
func TestShippedFiles(t *testing.T) {
	for fi, file := range shippedFiles(t) {
		if testing.Short() && fi%4 != 0 {
			continue // -short: a quarter of the files
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := filepath.Rel("../..", file)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// Apply's own part (a byte order mark, CRLF) has table tests; the
			// shipped files have neither, so each edit starts from one reading.
			if bytes.HasPrefix(src, bomPrefix) || bytes.Contains(src, []byte("\r")) {
				t.Fatal("a shipped file has a byte order mark or CR line ends")
			}
			d0, err := parseDoc(src)
			if err != nil {
				t.Fatal(err)
			}
			root := d0.root
			var vs []visit
			walk(root, nil, &vs)
			for i, v := range vs {
				if len(v.path) == 0 {
					continue
				}
				if v.node.Kind == yaml.ScalarNode {
					checkSet(t, d0, vs, i)
				}
				if _, ok := v.path[len(v.path)-1].(int); ok {
					checkDelete(t, d0, root, vs, i)
				}
				if v.node.Kind == yaml.MappingNode {
					checkAddKey(t, d0, vs, i)
				}
				if v.node.Kind == yaml.SequenceNode && len(v.node.Content) >= 2 {
					checkMove(t, d0, v.path, len(v.node.Content))
				}
			}
		})
	}
}

func checkSet(t *testing.T, d0 *doc, vs []visit, i int) {
	v := vs[i]
	nv := otherValue(v.node)
	d1, err := applyOne(d0, Op{Op: "set", Path: v.path, Value: nv})
	if err != nil {
		t.Errorf("set %s = %#v: %v", v.path, nv, err)
		return
	}
	out := d1.src
	// d1 is the edited text as yaml.v3 reads it.
	n := at(d1.root, v.path)
	if want, _ := normalize(nv, nil); n == nil || canonNode(n) != canon(want) {
		t.Errorf("set %s = %#v: reads back as %v", v.path, nv, n)
	}
	from, to := changed(d0.src, out)
	if from < v.node.Line-1 || to > max(v.node.Line, nextLine(vs, i, d0.src)) {
		t.Errorf("set %s (line %d) changed lines %d to %d", v.path, v.node.Line, from+1, to)
	}
	d2, err := applyOne(d1, Op{Op: "set", Path: v.path, Value: valueOf(v.node)})
	if err != nil {
		t.Errorf("set %s back: %v", v.path, err)
		return
	}
	back := d2.src
	if string(back) != string(d0.src) {
		f, to := changed(d0.src, back)
		t.Errorf("set %s back: lines %d to %d differ:\n%s", v.path, f+1, to, strings.Join(strings.Split(string(back), "\n")[f:max(f, min(to+1, strings.Count(string(back), "\n")))], "\n"))
	}
}

func checkDelete(t *testing.T, d0 *doc, root *yaml.Node, vs []visit, i int) {
	v := vs[i]
	d1, err := applyOne(d0, Op{Op: "delete", Path: v.path})
	if err != nil {
		t.Errorf("delete %s: %v", v.path, err)
		return
	}
	out := d1.src
	parent := v.path[:len(v.path)-1]
	before, after := at(root, parent), at(d1.root, parent)
	ix := v.path[len(v.path)-1].(int)
	want := slices.Delete(slices.Clone(before.Content), ix, ix+1)
	if after == nil || len(after.Content) != len(want) {
		t.Fatalf("delete %s: the list now has %v", v.path, after)
	}
	for j := range want {
		if canonNode(want[j]) != canonNode(after.Content[j]) {
			t.Errorf("delete %s: entry %d changed", v.path, j)
		}
	}
	from, to := changed(d0.src, out)
	if from < prevLine(vs, i) || to > max(v.node.Line, nextLine(vs, i, d0.src)) {
		t.Errorf("delete %s (line %d) changed lines %d to %d", v.path, v.node.Line, from+1, to)
	}
	d2, err := applyOne(d1, Op{Op: "insert", Path: v.path, Value: valueOf(v.node)})
	if err != nil {
		t.Errorf("insert %s again: %v", v.path, err)
		return
	}
	if canonNode(d2.root) != canonNode(root) {
		t.Errorf("insert %s again: the document differs:\n%s", v.path, d2.src)
	}
	// A value written anew is written as hwfplan fmt wants it (some of them:
	// fmt reads the whole file twice).
	if i%3 == 0 {
		if r := yamlfix.Fix("in.yaml", d2.src); r.Changed() {
			t.Errorf("insert %s again: hwfplan fmt would change the file: %v", v.path, r.Changes)
		}
	}
}

func checkAddKey(t *testing.T, d0 *doc, vs []visit, i int) {
	v := vs[i]
	p := append(slices.Clone(v.path), "zz_added")
	d1, err := applyOne(d0, Op{Op: "set", Path: p, Value: "a new value: yes"})
	if err != nil {
		t.Errorf("set %s: %v", p, err)
		return
	}
	out := d1.src
	if n := at(d1.root, p); n == nil || n.Value != "a new value: yes" {
		t.Errorf("set %s: reads back as %v", p, n)
	}
	from, to := changed(d0.src, out)
	if v.node.Style&yaml.FlowStyle == 0 && from != to {
		t.Errorf("set %s: changed lines %d to %d instead of adding one", p, from+1, to)
	}
	if from < v.node.Line-1 || to > max(v.node.Line, nextLine(vs, i, d0.src)) {
		t.Errorf("set %s (line %d) changed lines %d to %d", p, v.node.Line, from+1, to)
	}
}

func checkMove(t *testing.T, d0 *doc, p Path, n int) {
	first := append(slices.Clone(p), 0)
	d1, err := applyOne(d0, Op{Op: "move", Path: first, To: n - 1})
	if err != nil {
		t.Errorf("move %s: %v", first, err)
		return
	}
	d2, err := applyOne(d1, Op{Op: "move", Path: append(slices.Clone(p), n-1), To: 0})
	if err != nil {
		t.Errorf("move %s back: %v", first, err)
		return
	}
	if string(d2.src) != string(d0.src) {
		t.Errorf("move %s and back: the file differs:\n%s", first, d2.src)
	}
}
