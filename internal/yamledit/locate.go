package yamledit

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// doc is one parsed document: its text (LF line ends, no BOM) and node tree.
type doc struct {
	src    []byte
	root   *yaml.Node // the top-level node; nil for a document of comments only
	starts []int      // offset where each line starts
}

func parseDoc(src []byte) (*doc, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		return nil, fmt.Errorf("the document does not read as YAML, so it cannot be edited: %v", err)
	}
	d := &doc{src: src, starts: []int{0}}
	for i, b := range src {
		if b == '\n' {
			d.starts = append(d.starts, i+1)
		}
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		d.root = n.Content[0]
		if d.root.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("the document is not a mapping of keys to values (line %d)", d.root.Line)
		}
	}
	return d, nil
}

// off converts the node's line and column (in characters) to a byte offset.
func (d *doc) off(n *yaml.Node) (int, error) {
	if n.Line < 1 || n.Line > len(d.starts) || n.Column < 1 {
		return 0, fmt.Errorf("cannot find the value at line %d, column %d", n.Line, n.Column)
	}
	o := d.starts[n.Line-1]
	for c := 1; c < n.Column; c++ {
		if o >= len(d.src) || d.src[o] == '\n' {
			return 0, fmt.Errorf("cannot find the value at line %d, column %d", n.Line, n.Column)
		}
		_, size := utf8.DecodeRune(d.src[o:])
		o += size
	}
	return o, nil
}

func (d *doc) lineStart(o int) int {
	return bytes.LastIndexByte(d.src[:o], '\n') + 1
}

// lineEnd returns the offset of the '\n' ending o's line (or the text's end).
func (d *doc) lineEnd(o int) int {
	if i := bytes.IndexByte(d.src[o:], '\n'); i >= 0 {
		return o + i
	}
	return len(d.src)
}

// nextLine returns the offset of the line after o's (or the text's end).
func (d *doc) nextLine(o int) int {
	e := d.lineEnd(o)
	if e < len(d.src) {
		return e + 1
	}
	return e
}

// lineIndentAt counts the spaces that start the line at ls.
func (d *doc) lineIndentAt(ls int) int {
	i := ls
	for i < len(d.src) && d.src[i] == ' ' {
		i++
	}
	return i - ls
}

// col is o's column, counted in bytes from its line's start (indentation is
// spaces and "- ", so bytes and characters agree where it is used).
func (d *doc) col(o int) int { return o - d.lineStart(o) }

// onlySpaceBefore reports whether nothing but spaces precede o on its line.
func (d *doc) onlySpaceBefore(o int) bool {
	return len(bytes.Trim(d.src[d.lineStart(o):o], " ")) == 0
}

func isFlow(n *yaml.Node) bool {
	return (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle != 0
}

func emptyNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.Style == 0 && n.Tag == "!!null"
}

// end returns the offset just after the node's text. inFlow says whether the
// node is inside a flow collection; indent is the indentation of its parent
// (the column its key or dash is at), which bounds a block scalar.
func (d *doc) end(n *yaml.Node, inFlow bool, indent int) (int, error) {
	start, err := d.off(n)
	if err != nil {
		return 0, err
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if emptyNull(n) {
			return start, nil
		}
		return d.scalarEnd(n, start, inFlow, indent)
	case yaml.AliasNode:
		i := start + 1
		for i < len(d.src) && !strings.ContainsRune(" \t\n,[]{}", rune(d.src[i])) {
			i++
		}
		return i, nil
	case yaml.MappingNode, yaml.SequenceNode:
		if isFlow(n) {
			return d.flowEnd(n, start)
		}
		if len(n.Content) == 0 {
			return 0, fmt.Errorf("line %d: an empty block collection", n.Line)
		}
		last := n.Content[len(n.Content)-1]
		if n.Kind == yaml.MappingNode {
			return d.valueEnd(n.Content[len(n.Content)-2], last, false)
		}
		if emptyNull(last) {
			return d.off(last)
		}
		dash, err := d.dashOf(last)
		if err != nil {
			return 0, err
		}
		return d.end(last, false, d.col(dash))
	}
	return 0, fmt.Errorf("line %d: an unexpected kind of YAML node", n.Line)
}

// valueEnd returns the end of a mapping value (its key's end for a value
// left empty).
func (d *doc) valueEnd(key, val *yaml.Node, inFlow bool) (int, error) {
	if emptyNull(val) {
		if val.Line == 0 {
			return d.end(key, inFlow, 0)
		}
		return d.off(val)
	}
	ko, err := d.off(key)
	if err != nil {
		return 0, err
	}
	return d.end(val, inFlow, d.col(ko))
}

// dashOf returns the offset of the "-" that starts a block sequence item.
func (d *doc) dashOf(item *yaml.Node) (int, error) {
	o, err := d.off(item)
	if err != nil {
		return 0, err
	}
	if emptyNull(item) {
		o-- // an empty item sits just after its dash
	} else {
		o--
		for o >= 0 && (d.src[o] == ' ' || d.src[o] == '\n') {
			o--
		}
	}
	if o < 0 || d.src[o] != '-' {
		return 0, fmt.Errorf("line %d: cannot find the \"-\" of this list item", item.Line)
	}
	return o, nil
}

// flowEnd returns the offset after the closing bracket of a flow collection.
func (d *doc) flowEnd(n *yaml.Node, start int) (int, error) {
	o := start + 1
	for i := 0; i < len(n.Content); i++ {
		c := n.Content[i]
		var e int
		var err error
		if n.Kind == yaml.MappingNode && i%2 == 1 {
			e, err = d.valueEnd(n.Content[i-1], c, true)
		} else {
			e, err = d.end(c, true, 0)
		}
		if err != nil {
			return 0, err
		}
		o = max(o, e)
	}
	closer := byte(']')
	if n.Kind == yaml.MappingNode {
		closer = '}'
	}
	for o < len(d.src) {
		switch c := d.src[o]; {
		case c == closer:
			return o + 1, nil
		case c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ':':
			o++
		case c == '#':
			o = d.lineEnd(o)
		default:
			return 0, fmt.Errorf("line %d: cannot find the end of this flow collection", n.Line)
		}
	}
	return 0, fmt.Errorf("line %d: cannot find the end of this flow collection", n.Line)
}

// scalarEnd returns the offset after a scalar's text.
func (d *doc) scalarEnd(n *yaml.Node, o int, inFlow bool, indent int) (int, error) {
	src := d.src
	// Skip a tag or an anchor.
	for o < len(src) && (src[o] == '!' || src[o] == '&') {
		for o < len(src) && !strings.ContainsRune(" \t\n", rune(src[o])) {
			o++
		}
		for o < len(src) && (src[o] == ' ' || src[o] == '\t') {
			o++
		}
	}
	if o >= len(src) {
		return o, nil
	}
	switch src[o] {
	case '"':
		for i := o + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
	case '\'':
		for i := o + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
	case '|', '>':
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return d.blockEnd(o, indent), nil
		}
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return 0, fmt.Errorf("line %d: cannot find the end of this value", n.Line)
	}
	return d.plainEnd(n, o, inFlow)
}

// blockEnd returns the end of a block scalar's last line of content (before
// its line end), or of its header when it has none.
func (d *doc) blockEnd(o, indent int) int {
	hdrEnd := d.lineEnd(o)
	explicit := 0
	for i := o + 1; i < hdrEnd; i++ {
		c := d.src[i]
		if c >= '1' && c <= '9' {
			explicit = int(c - '0')
		}
		if c == ' ' || c == '#' {
			break
		}
	}
	content := 0
	if explicit > 0 {
		content = indent + explicit
	}
	end := hdrEnd
	for l := hdrEnd + 1; l < len(d.src); {
		le := d.lineEnd(l)
		line := d.src[l:le]
		if len(bytes.Trim(line, " ")) == 0 {
			l = le + 1
			continue
		}
		ind := len(line) - len(bytes.TrimLeft(line, " "))
		if content == 0 {
			if ind <= indent {
				break
			}
			content = ind
		}
		if ind < content {
			break
		}
		end = le
		l = le + 1
	}
	return end
}

// plainEnd finds the end of a plain scalar: its first line, then as many
// following lines as it takes for their folding to give the node's value.
func (d *doc) plainEnd(n *yaml.Node, o int, inFlow bool) (int, error) {
	stop := func(from int) int {
		e := d.lineEnd(from)
		i := from
		for ; i < e; i++ {
			c := d.src[i]
			if c == '#' && i > from && (d.src[i-1] == ' ' || d.src[i-1] == '\t') {
				break
			}
			if c == ':' && (i+1 == e || d.src[i+1] == ' ' || d.src[i+1] == '\t' || (inFlow && strings.ContainsRune(",[]{}", rune(d.src[i+1])))) {
				break
			}
			if inFlow && strings.ContainsRune(",[]{}", rune(c)) {
				break
			}
		}
		for i > from && (d.src[i-1] == ' ' || d.src[i-1] == '\t') {
			i--
		}
		return i
	}
	e := stop(o)
	folded := string(d.src[o:e])
	if folded == n.Value {
		return e, nil
	}
	blanks := 0
	for l, lines := d.nextLine(e), 0; l < len(d.src) && lines < 1000; l, lines = d.nextLine(l), lines+1 {
		le := d.lineEnd(l)
		t := bytes.Trim(d.src[l:le], " \t")
		if len(t) == 0 {
			blanks++
			continue
		}
		if t[0] == '#' {
			break
		}
		from := l + bytes.Index(d.src[l:le], t)
		e2 := stop(from)
		if blanks > 0 {
			folded += strings.Repeat("\n", blanks)
		} else {
			folded += " "
		}
		blanks = 0
		folded += string(d.src[from:e2])
		if folded == n.Value {
			return e2, nil
		}
		if !strings.HasPrefix(n.Value, folded) {
			break
		}
	}
	return 0, fmt.Errorf("line %d: cannot find the end of this value", n.Line)
}
