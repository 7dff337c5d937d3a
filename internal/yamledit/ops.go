package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

func (d *doc) splice(a, b int, text string) []byte {
	out := make([]byte, 0, len(d.src)-(b-a)+len(text))
	out = append(out, d.src[:a]...)
	out = append(out, text...)
	return append(out, d.src[b:]...)
}

func (d *doc) set(p Path, v any) ([]byte, error) {
	steps, err := d.resolve(p)
	if err == nil {
		return d.replace(steps, v, false)
	}
	var me *missingError
	var ne *nullError
	switch {
	case errors.As(err, &me):
		val, err := nest(p, me.found+1, v)
		if err != nil {
			return nil, err
		}
		parent := d.root
		if me.found > 0 {
			parent = steps[me.found-1].node
		}
		return d.addKey(parent, p[me.found].(string), val)
	case errors.As(err, &ne):
		val, err := nest(p, ne.found, v)
		if err != nil {
			return nil, err
		}
		return d.replace(steps[:ne.found], val, false)
	}
	return nil, err
}

// nest wraps v in mappings for the keys p[from:], which do not exist yet.
func nest(p Path, from int, v any) (any, error) {
	for i := len(p) - 1; i >= from; i-- {
		k, ok := p[i].(string)
		if !ok {
			return nil, fmt.Errorf("path %s does not exist: %s is not there yet, so it has no entry %d (insert one at index 0)", p[:i+1], p[:i], p[i])
		}
		if err := checkKey(k); err != nil {
			return nil, fmt.Errorf("path %s: %w", p, err)
		}
		v = Map{{k, v}}
	}
	return v, nil
}

// keyIndent is the column of the key or dash of the value at st (block).
func (d *doc) keyIndent(st step) (int, error) {
	if st.parent.Kind == yaml.MappingNode {
		o, err := d.off(st.key)
		return d.col(o), err
	}
	o, err := d.dashOf(st.node)
	return d.col(o), err
}

// afterIndicator returns the offset just after the ":" of st's key or the
// "-" of its item (block).
func (d *doc) afterIndicator(st step) (int, error) {
	if st.parent.Kind == yaml.SequenceNode {
		o, err := d.dashOf(st.node)
		return o + 1, err
	}
	o, err := d.end(st.key, st.inFlow, 0)
	if err != nil {
		return 0, err
	}
	for o < len(d.src) && (d.src[o] == ' ' || d.src[o] == '\t') {
		o++
	}
	if o >= len(d.src) || d.src[o] != ':' {
		return 0, fmt.Errorf("line %d: cannot find the \":\" after the key %q", st.key.Line, st.key.Value)
	}
	return o + 1, nil
}

// replace writes v in place of the value at the last of steps. block asks
// for block style even where a flow collection was.
func (d *doc) replace(steps []step, v any, block bool) ([]byte, error) {
	st := steps[len(steps)-1]
	n := st.node
	if v == nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return d.src, nil
	}
	start, err := d.off(n)
	if err != nil {
		return nil, err
	}
	if st.inFlow {
		end, err := d.end(n, true, 0)
		if err != nil {
			return nil, err
		}
		text := flowText(v)
		if !isCollection(v) {
			text = scalarText(v, n, nil, true, 0)
		}
		if emptyNull(n) {
			text = " " + text
		}
		return d.splice(start, end, text), nil
	}
	indent, err := d.keyIndent(st)
	if err != nil {
		return nil, err
	}
	end, err := d.end(n, false, indent)
	if err != nil {
		return nil, err
	}
	blockColl := (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && !isFlow(n)
	if isFlow(n) && isCollection(v) && !block {
		return d.splice(start, end, flowText(v)), nil
	}
	e, empty := emptyCollection(v)
	if !isCollection(v) || empty {
		text := e
		if !empty {
			text = scalarText(v, n, d.oldBlock(n, start, end), false, indent)
		}
		switch {
		case blockColl:
			a, err := d.afterIndicator(st)
			if err != nil {
				return nil, err
			}
			return d.splice(a, end, " "+text), nil
		case emptyNull(n):
			return d.splice(start, start, " "+text), nil
		}
		if hdr, body, ok := strings.Cut(text, "\n"); ok {
			// A comment after the old value stays on the block's header line.
			le := d.lineEnd(end)
			return d.splice(start, le, hdr+string(d.src[end:le])+"\n"+body), nil
		}
		return d.splice(start, end, text), nil
	}
	a, err := d.afterIndicator(st)
	if err != nil {
		return nil, err
	}
	if st.parent.Kind == yaml.SequenceNode {
		return d.splice(a, end, " "+strings.TrimLeft(blockLines(v, indent+2), " ")), nil
	}
	ci := indent + 2
	if blockColl && n.Kind == yaml.MappingNode {
		ci = d.col(start)
	} else if blockColl && len(n.Content) > 0 {
		if dash, err := d.dashOf(n.Content[0]); err == nil {
			ci = d.col(dash)
		}
	}
	le := d.lineEnd(end)
	if n.Kind == yaml.ScalarNode && le > end {
		// A comment after the old value stays on the key's line.
		return d.splice(a, le, string(d.src[end:le])+"\n"+blockLines(v, ci)), nil
	}
	return d.splice(a, end, "\n"+blockLines(v, ci)), nil
}

func blockLines(v any, indent int) string {
	if m, ok := v.(Map); ok {
		return mapLines(m, indent)
	}
	return seqLines(v.([]any), indent)
}

// oldBlock describes a block scalar at [start, end), or returns nil.
func (d *doc) oldBlock(n *yaml.Node, start, end int) *oldBlock {
	if n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		return nil
	}
	ob := &oldBlock{style: n.Style & (yaml.LiteralStyle | yaml.FoldedStyle)}
	text := string(d.src[start:end])
	_, content, _ := strings.Cut(text, "\n")
	simple := true
	for _, l := range strings.Split(content, "\n") {
		t := strings.TrimLeft(l, " ")
		if t == "" {
			simple = false
			continue
		}
		ind := len(l) - len(t)
		if ob.indent == 0 {
			ob.indent = ind
		} else if ind != ob.indent {
			simple = false
		}
		ob.lines = append(ob.lines, t)
	}
	if !simple {
		ob.lines = nil
	}
	return ob
}

func (d *doc) addKey(parent *yaml.Node, k string, v any) ([]byte, error) {
	if err := checkKey(k); err != nil {
		return nil, err
	}
	if parent == nil {
		text := entryText(k, v, 0) + "\n"
		if len(d.src) > 0 && d.src[len(d.src)-1] != '\n' {
			text = "\n" + text
		}
		return d.splice(len(d.src), len(d.src), text), nil
	}
	if isFlow(parent) {
		elems, err := d.flowElems(parent)
		if err != nil {
			return nil, err
		}
		return d.flowRewrite(parent, append(elems, keyText(k)+": "+flowText(v)))
	}
	first, err := d.off(parent.Content[0])
	if err != nil {
		return nil, err
	}
	ci := d.col(first)
	le, err := d.valueEnd(parent.Content[len(parent.Content)-2], parent.Content[len(parent.Content)-1], false)
	if err != nil {
		return nil, err
	}
	at := d.lineEnd(le)
	return d.splice(at, at, "\n"+strings.Repeat(" ", ci)+entryText(k, v, ci)), nil
}

// flowElems returns the text of each element (key and value, in a mapping)
// of a flow collection.
func (d *doc) flowElems(n *yaml.Node) ([]string, error) {
	var out []string
	step := 1
	if n.Kind == yaml.MappingNode {
		step = 2
	}
	for i := 0; i+step <= len(n.Content); i += step {
		a, err := d.off(n.Content[i])
		if err != nil {
			return nil, err
		}
		var b int
		if step == 2 {
			b, err = d.valueEnd(n.Content[i], n.Content[i+1], true)
		} else {
			b, err = d.end(n.Content[i], true, 0)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, string(d.src[a:b]))
	}
	return out, nil
}

// flowRewrite writes a flow collection anew from its elements' texts.
func (d *doc) flowRewrite(n *yaml.Node, elems []string) ([]byte, error) {
	start, err := d.off(n)
	if err != nil {
		return nil, err
	}
	end, err := d.flowEnd(n, start)
	if err != nil {
		return nil, err
	}
	if n.Kind == yaml.MappingNode {
		return d.splice(start, end, "{"+strings.Join(elems, ", ")+"}"), nil
	}
	return d.splice(start, end, "["+strings.Join(elems, ", ")+"]"), nil
}

// commentStart extends a region starting at line start ls upwards over the
// comment lines directly above it (indented at least indent), which belong
// to it; a comment block that starts the file stays.
func (d *doc) commentStart(ls, indent int) int {
	a := ls
	for a > 0 {
		prev := d.lineStart(a - 1)
		line := d.src[prev : a-1]
		t := bytes.TrimLeft(line, " ")
		if len(t) == 0 || t[0] != '#' || len(line)-len(t) < indent {
			break
		}
		a = prev
	}
	if a == 0 {
		return ls
	}
	return a
}

func (d *doc) blankLine(o int) bool {
	return o < len(d.src) && len(bytes.Trim(d.src[o:d.lineEnd(o)], " ")) == 0
}

// tidy widens a region of whole lines to be removed so that no double blank
// line is left where it was.
func (d *doc) tidy(a, b int) (int, int) {
	if a == 0 || !d.blankLine(d.lineStart(a-1)) {
		return a, b
	}
	if b >= len(d.src) {
		return d.lineStart(a - 1), b
	}
	if d.blankLine(b) {
		return a, d.nextLine(b)
	}
	return a, b
}

// itemRegion returns the lines of a block sequence item, with the comment
// lines above it.
func (d *doc) itemRegion(item *yaml.Node) (int, int, error) {
	dash, err := d.dashOf(item)
	if err != nil {
		return 0, 0, err
	}
	if !d.onlySpaceBefore(dash) {
		return 0, 0, fmt.Errorf("line %d: this list entry shares its line with another value; edit it in a text editor", item.Line)
	}
	e, err := d.end(item, false, d.col(dash))
	if err != nil {
		return 0, 0, err
	}
	return d.commentStart(d.lineStart(dash), d.col(dash)), d.nextLine(d.lineEnd(e)), nil
}

// emptied writes "{}" or "[]" in place of the block collection at the last of
// steps (the root when steps is empty).
func (d *doc) emptied(steps []step, text string) ([]byte, error) {
	if len(steps) == 0 {
		start, err := d.off(d.root)
		if err != nil {
			return nil, err
		}
		end, err := d.end(d.root, false, -1)
		if err != nil {
			return nil, err
		}
		return d.splice(start, end, text), nil
	}
	st := steps[len(steps)-1]
	a, err := d.afterIndicator(st)
	if err != nil {
		return nil, err
	}
	indent, err := d.keyIndent(st)
	if err != nil {
		return nil, err
	}
	end, err := d.end(st.node, false, indent)
	if err != nil {
		return nil, err
	}
	return d.splice(a, end, " "+text), nil
}

func (d *doc) delete(p Path) ([]byte, error) {
	steps, err := d.resolve(p)
	if err != nil {
		return nil, err
	}
	st := steps[len(steps)-1]
	parent := st.parent
	if isFlow(parent) {
		elems, err := d.flowElems(parent)
		if err != nil {
			return nil, err
		}
		i := st.index
		if parent.Kind == yaml.MappingNode {
			i /= 2
		}
		return d.flowRewrite(parent, append(elems[:i:i], elems[i+1:]...))
	}
	if parent.Kind == yaml.SequenceNode {
		if len(parent.Content) == 1 {
			return d.emptied(steps[:len(steps)-1], "[]")
		}
		a, b, err := d.itemRegion(st.node)
		if err != nil {
			return nil, err
		}
		a, b = d.tidy(a, b)
		return d.splice(a, b, ""), nil
	}
	if len(parent.Content) == 2 {
		return d.emptied(steps[:len(steps)-1], "{}")
	}
	ko, err := d.off(st.key)
	if err != nil {
		return nil, err
	}
	ve, err := d.valueEnd(st.key, st.node, false)
	if err != nil {
		return nil, err
	}
	if !d.onlySpaceBefore(ko) {
		// The first key of an entry ("- id: x"): the next key moves up.
		if st.index+2 >= len(parent.Content) {
			return nil, fmt.Errorf("line %d: cannot delete %s in this layout; edit it in a text editor", st.key.Line, p)
		}
		nk, err := d.off(parent.Content[st.index+2])
		if err != nil {
			return nil, err
		}
		if !d.onlySpaceBefore(nk) {
			return d.splice(ko, nk, ""), nil
		}
		// Comment lines above the next key belong to it: they go above the
		// entry's line, at its indentation.
		ls, cs := d.lineStart(ko), d.commentStart(d.lineStart(nk), d.col(nk))
		var moved strings.Builder
		if cs < d.lineStart(nk) && cs > d.lineEnd(ve) {
			pad := strings.Repeat(" ", d.lineIndentAt(ls))
			for _, l := range strings.SplitAfter(string(d.src[cs:d.lineStart(nk)]), "\n") {
				if l != "" {
					moved.WriteString(pad + strings.TrimLeft(l, " "))
				}
			}
		}
		return d.splice(ls, nk, moved.String()+string(d.src[ls:ko])), nil
	}
	a, b := d.tidy(d.commentStart(d.lineStart(ko), d.col(ko)), d.nextLine(d.lineEnd(ve)))
	return d.splice(a, b, ""), nil
}

func (d *doc) insert(p Path, v any) ([]byte, error) {
	ix, ok := p[len(p)-1].(int)
	if !ok {
		return nil, fmt.Errorf("insert needs a path that ends with an index into a list; %s ends with a key", p)
	}
	lp := p[:len(p)-1]
	if len(lp) == 0 {
		return nil, fmt.Errorf("path %s: the document is a mapping, not a list", p)
	}
	steps, err := d.resolve(lp)
	var me *missingError
	var ne *nullError
	if errors.As(err, &me) || errors.As(err, &ne) {
		if ix != 0 {
			return nil, fmt.Errorf("path %s: %s does not exist yet, so its first entry goes at index 0", p, lp)
		}
		return d.set(lp, []any{v})
	}
	if err != nil {
		return nil, err
	}
	st := steps[len(steps)-1]
	seq := st.node
	if seq.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("path %s: %s is not a list", p, lp)
	}
	n := len(seq.Content)
	if ix > n {
		return nil, fmt.Errorf("path %s: cannot insert at index %d: %s has %s (insert at 0 to %d)", p, ix, lp, entries(n), n)
	}
	if isFlow(seq) {
		if _, empty := emptyCollection(v); n == 0 && !st.inFlow && isCollection(v) && !empty {
			return d.replace(steps, []any{v}, true)
		}
		elems, err := d.flowElems(seq)
		if err != nil {
			return nil, err
		}
		elems = append(elems[:ix:ix], append([]string{flowText(v)}, elems[ix:]...)...)
		return d.flowRewrite(seq, elems)
	}
	dash, err := d.dashOf(seq.Content[0])
	if err != nil {
		return nil, err
	}
	indent := d.col(dash)
	at, nl, err := d.seqInsertAt(seq, ix)
	if err != nil {
		return nil, err
	}
	item := itemText(v, indent)
	if m, ok := v.(Map); ok && len(m) > 0 && allFlowMappings(seq) {
		item = "- " + flowText(v) // like its neighbours: - {id: m1, date: 2026-06}
	}
	text := strings.Repeat(" ", indent) + item + "\n"
	if nl {
		text = "\n" + strings.TrimSuffix(text, "\n")
	}
	return d.splice(at, at, text), nil
}

// allFlowMappings reports whether every item of seq is a flow mapping.
func allFlowMappings(seq *yaml.Node) bool {
	for _, c := range seq.Content {
		if c.Kind != yaml.MappingNode || !isFlow(c) {
			return false
		}
	}
	return len(seq.Content) > 0
}

// seqInsertAt returns where a new item i of a block sequence goes: the start
// of item i's lines, or after the last item; nl says the text ends there
// without a line break.
func (d *doc) seqInsertAt(seq *yaml.Node, i int) (int, bool, error) {
	if i < len(seq.Content) {
		a, _, err := d.itemRegion(seq.Content[i])
		return a, false, err
	}
	last := seq.Content[len(seq.Content)-1]
	dash, err := d.dashOf(last)
	if err != nil {
		return 0, false, err
	}
	e, err := d.end(last, false, d.col(dash))
	if err != nil {
		return 0, false, err
	}
	le := d.lineEnd(e)
	if le == len(d.src) {
		return le, true, nil
	}
	return le + 1, false, nil
}

func (d *doc) move(p Path, to int) (*doc, error) {
	steps, err := d.resolve(p)
	if err != nil {
		return nil, err
	}
	st := steps[len(steps)-1]
	seq := st.parent
	if seq.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("path %s: only list entries can be moved; %s is a key", p, p)
	}
	n, from := len(seq.Content), st.index
	if to < 0 || to >= n {
		return nil, fmt.Errorf("path %s: cannot move to index %d: %s has %s (0 to %d)", p, to, p[:len(p)-1], entries(n), n-1)
	}
	if from == to {
		return d, nil
	}
	want := canonNode(st.node)
	var out []byte
	if isFlow(seq) {
		elems, err := d.flowElems(seq)
		if err != nil {
			return nil, err
		}
		e := elems[from]
		elems = append(elems[:from:from], elems[from+1:]...)
		elems = append(elems[:to:to], append([]string{e}, elems[to:]...)...)
		out, err = d.flowRewrite(seq, elems)
		if err != nil {
			return nil, err
		}
	} else {
		a, b, err := d.itemRegion(st.node)
		if err != nil {
			return nil, err
		}
		text := string(d.src[a:b])
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		d2, err := parseDoc(d.splice(a, b, ""))
		if err != nil {
			return nil, fmt.Errorf("path %s: this entry cannot be moved in this document", p)
		}
		steps2, err := d2.resolve(p[:len(p)-1])
		if err != nil || steps2[len(steps2)-1].node.Kind != yaml.SequenceNode {
			return nil, fmt.Errorf("path %s: this entry cannot be moved in this document", p)
		}
		at, nl, err := d2.seqInsertAt(steps2[len(steps2)-1].node, to)
		if err != nil {
			return nil, err
		}
		if nl {
			text = "\n" + strings.TrimSuffix(text, "\n")
		}
		out = d2.splice(at, at, text)
	}
	moved := append(p[:len(p)-1:len(p)-1], to)
	d3, err := parseDoc(out)
	if err == nil {
		if s3, err := d3.resolve(moved); err == nil && canonNode(s3[len(s3)-1].node) == want {
			return d3, nil
		}
	}
	return nil, fmt.Errorf("path %s: this entry cannot be moved in this document", p)
}
