package yamledit

import (
	"strings"

	"github.com/hwfplan/hwfplan/internal/load"
	"go.yaml.in/yaml/v3"
)

// foldWidth is the line width new folded text is wrapped at.
const foldWidth = 80

func isCollection(v any) bool {
	switch v.(type) {
	case Map, []any:
		return true
	}
	return false
}

func emptyCollection(v any) (string, bool) {
	switch v := v.(type) {
	case Map:
		if len(v) == 0 {
			return "{}", true
		}
	case []any:
		if len(v) == 0 {
			return "[]", true
		}
	}
	return "", false
}

// plainOK reports whether s can be written without quotes and read back as
// the same text by YAML 1.2 (hwfplan) and YAML 1.1 readers alike.
func plainOK(s string, flow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\t") {
		return false
	}
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") || strings.ContainsAny(s[:1], "?:,[]{}#&*!|>%@`") {
		return false
	}
	if s[0] == '-' && (len(s) == 1 || s[1] == ' ') {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	if strings.HasSuffix(s, ":") || strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	if plainTag(s) != "!!str" {
		return false
	}
	return load.YAML11Reading(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}) == ""
}

func doubleQuoted(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

func singleQuoted(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func keyText(k string) string {
	if plainOK(k, true) && !strings.Contains(k, ":") {
		return k
	}
	return doubleQuoted(k)
}

// oldBlock describes the block scalar a new text replaces, so the text keeps
// its header and indentation.
type oldBlock struct {
	style  yaml.Style // LiteralStyle or FoldedStyle
	indent int        // the content's indentation (0: none)
	lines  []string   // folded content lines, without indentation (nil: not simple)
}

// scalarText writes a scalar value. old is the node it replaces (nil for a new
// value), ob its block when it was one; indent is the column of the key or dash
// the value belongs to (a block's content goes 2 further).
func scalarText(v any, old *yaml.Node, ob *oldBlock, flow bool, indent int) string {
	switch v := v.(type) {
	case nil:
		if old != nil && old.Kind == yaml.ScalarNode && old.ShortTag() == "!!null" && old.Value != "" {
			return old.Value
		}
		return "null"
	case bool:
		if v {
			return "true"
		}
		return "false"
	case number:
		return string(v)
	case string:
		return stringText(v, old, ob, flow, indent)
	}
	return "null"
}

func stringText(s string, old *yaml.Node, ob *oldBlock, flow bool, indent int) string {
	var style yaml.Style
	if old != nil && old.Kind == yaml.ScalarNode {
		style = old.Style &^ yaml.TaggedStyle
	}
	if !flow {
		if style == yaml.FoldedStyle && foldable(s) {
			return foldedText(s, ob, indent)
		}
		if strings.Contains(s, "\n") && literalOK(s) {
			return literalText(s, ob, indent)
		}
	}
	if strings.Contains(s, "\n") {
		return doubleQuoted(s)
	}
	switch style {
	case yaml.SingleQuotedStyle:
		return singleQuoted(s)
	case yaml.DoubleQuotedStyle:
		return doubleQuoted(s)
	}
	if plainOK(s, flow) {
		return s
	}
	return doubleQuoted(s)
}

// chomp splits a text into its body and the chomping indicator a block needs
// for it ("" keeps one final line break, "-" none); ok is false for more.
func chomp(s string) (body, ind string, ok bool) {
	if b, cut := strings.CutSuffix(s, "\n"); cut {
		if strings.HasSuffix(b, "\n") {
			return "", "", false
		}
		return b, "", true
	}
	return s, "-", true
}

func literalOK(s string) bool {
	body, _, ok := chomp(s)
	if !ok || strings.TrimSpace(body) == "" {
		return false
	}
	first := true
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(l, "\t") || (l != "" && strings.TrimLeft(l, " ") == "") {
			return false
		}
		if l != "" && first {
			if l[0] == ' ' {
				return false
			}
			first = false
		}
	}
	return true
}

func foldable(s string) bool {
	body, _, ok := chomp(s)
	return ok && body != "" && !strings.ContainsAny(body, "\n\t") && !strings.Contains(body, "  ") &&
		strings.TrimSpace(body) == body
}

func blockHeader(style yaml.Style, ind string) string {
	if style == yaml.FoldedStyle {
		return ">" + ind
	}
	return "|" + ind
}

func contentIndent(ob *oldBlock, indent int) int {
	if ob != nil && ob.indent > indent {
		return ob.indent
	}
	return indent + 2
}

func literalText(s string, ob *oldBlock, indent int) string {
	body, ind, _ := chomp(s)
	ci := strings.Repeat(" ", contentIndent(ob, indent))
	var b strings.Builder
	b.WriteString(blockHeader(yaml.LiteralStyle, ind))
	for _, l := range strings.Split(body, "\n") {
		b.WriteByte('\n')
		if l != "" {
			b.WriteString(ci + l)
		}
	}
	return b.String()
}

// foldedText writes s as a folded block. It keeps the line breaks of the old
// block for as long as the words are the same and wraps the rest, so a small
// change reflows only the lines it touches.
func foldedText(s string, ob *oldBlock, indent int) string {
	body, ind, _ := chomp(s)
	ci := contentIndent(ob, indent)
	width := foldWidth
	var old []string
	if ob != nil && ob.style == yaml.FoldedStyle {
		old = ob.lines
	}
	for _, l := range old {
		width = max(width, ci+len(l))
	}
	ws := strings.Split(body, " ")
	var lines []string
	var cur []string
	wi := 0
	for _, l := range old {
		ow := strings.Split(l, " ")
		n := 0
		for n < len(ow) && wi+n < len(ws) && ws[wi+n] == ow[n] {
			n++
		}
		if n == len(ow) && wi+n < len(ws) {
			lines = append(lines, l)
			wi += n
			continue
		}
		cur = append(cur, ws[wi:wi+n]...)
		wi += n
		break
	}
	for ; wi < len(ws); wi++ {
		w := ws[wi]
		if len(cur) > 0 && ci+len(strings.Join(cur, " "))+1+len(w) > width {
			lines = append(lines, strings.Join(cur, " "))
			cur = nil
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		lines = append(lines, strings.Join(cur, " "))
	}
	pad := strings.Repeat(" ", ci)
	return blockHeader(yaml.FoldedStyle, ind) + "\n" + pad + strings.Join(lines, "\n"+pad)
}

// flowText writes a value in flow style ({a: 1}, [x, y]).
func flowText(v any) string {
	switch v := v.(type) {
	case Map:
		parts := make([]string, len(v))
		for i, it := range v {
			parts[i] = keyText(it.Key) + ": " + flowText(it.Value)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = flowText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return scalarText(v, nil, nil, true, 0)
}

// entryText writes "key: value" for a block mapping at column indent (the
// first line without its indentation; no final line break).
func entryText(k string, v any, indent int) string {
	kt := keyText(k) + ":"
	if e, ok := emptyCollection(v); ok {
		return kt + " " + e
	}
	switch v := v.(type) {
	case Map:
		return kt + "\n" + mapLines(v, indent+2)
	case []any:
		return kt + "\n" + seqLines(v, indent+2)
	}
	return kt + " " + scalarText(v, nil, nil, false, indent)
}

// itemText writes "- value" for a block sequence at column indent (the first
// line without its indentation; no final line break).
func itemText(v any, indent int) string {
	if e, ok := emptyCollection(v); ok {
		return "- " + e
	}
	switch v := v.(type) {
	case Map:
		return "- " + strings.TrimLeft(mapLines(v, indent+2), " ")
	case []any:
		return "- " + strings.TrimLeft(seqLines(v, indent+2), " ")
	}
	return "- " + scalarText(v, nil, nil, false, indent)
}

func mapLines(m Map, indent int) string {
	pad := strings.Repeat(" ", indent)
	parts := make([]string, len(m))
	for i, it := range m {
		parts[i] = pad + entryText(it.Key, it.Value, indent)
	}
	return strings.Join(parts, "\n")
}

func seqLines(s []any, indent int) string {
	pad := strings.Repeat(" ", indent)
	parts := make([]string, len(s))
	for i, e := range s {
		parts[i] = pad + itemText(e, indent)
	}
	return strings.Join(parts, "\n")
}
