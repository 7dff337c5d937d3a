package yamledit

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// number is a number in its YAML text ("40000", "0.5").
type number string

// maxValueDepth bounds the nesting of a value to write.
const maxValueDepth = 64

// normalize turns an op's value into nil, bool, string, number, Map or []any,
// refusing what a plan file cannot hold.
func normalize(v any, p Path) (any, error) {
	return normalizeAt(v, p, 0)
}

func normalizeAt(v any, p Path, depth int) (any, error) {
	if depth > maxValueDepth {
		return nil, fmt.Errorf("path %s: the value is nested more than %d levels deep", p, maxValueDepth)
	}
	switch v := v.(type) {
	case nil, bool:
		return v, nil
	case string:
		v = strings.ReplaceAll(v, "\r\n", "\n") // a line break as Windows writes it
		if err := checkText(v, true); err != nil {
			return nil, fmt.Errorf("path %s: %w", p, err)
		}
		return v, nil
	case number:
		return normalizeAt(json.Number(v), p, depth)
	case json.Number:
		if t := plainTag(string(v)); t != "!!int" && t != "!!float" {
			return nil, fmt.Errorf("path %s: %q is not a number", p, string(v))
		}
		return number(v), nil
	case int:
		return number(strconv.Itoa(v)), nil
	case int8, int16, int32, int64:
		return number(strconv.FormatInt(reflect.ValueOf(v).Int(), 10)), nil
	case uint, uint8, uint16, uint32, uint64:
		return number(strconv.FormatUint(reflect.ValueOf(v).Uint(), 10)), nil
	case float32:
		return normalizeAt(float64(v), p, depth)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("path %s: %v is not a number a plan file can hold", p, v)
		}
		return number(strconv.FormatFloat(v, 'g', -1, 64)), nil
	case Map:
		out := make(Map, 0, len(v))
		seen := map[string]bool{}
		for _, it := range v {
			if seen[it.Key] {
				return nil, fmt.Errorf("path %s: the key %q is given twice", p, it.Key)
			}
			seen[it.Key] = true
			if err := checkKey(it.Key); err != nil {
				return nil, fmt.Errorf("path %s: %w", p, err)
			}
			c, err := normalizeAt(it.Value, append(slices.Clip(p), it.Key), depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, MapItem{it.Key, c})
		}
		return out, nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		m := make(Map, 0, len(v))
		for _, k := range keys {
			m = append(m, MapItem{k, v[k]})
		}
		return normalizeAt(m, p, depth)
	case []any:
		out := make([]any, 0, len(v))
		for i, e := range v {
			c, err := normalizeAt(e, append(slices.Clip(p), i), depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		return out, nil
	case []string:
		a := make([]any, len(v))
		for i, s := range v {
			a[i] = s
		}
		return normalizeAt(a, p, depth)
	}
	return nil, fmt.Errorf("path %s: a value of type %T cannot be written; use text, a number, true/false, a mapping or a list", p, v)
}

// checkText refuses what plan text cannot hold: invalid UTF-8 and control
// characters (a line break and a tab are allowed in text values).
func checkText(s string, text bool) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("the text is not valid UTF-8")
	}
	for i, r := range []rune(s) {
		if (r == '\n' || r == '\t') && text {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return fmt.Errorf("the text has a control character (U+%04X) at character %d; plan text cannot hold control characters", r, i+1)
		}
	}
	return nil
}

func checkKey(k string) error {
	if k == "" {
		return fmt.Errorf("a key cannot be empty")
	}
	if err := checkText(k, false); err != nil {
		return fmt.Errorf("the key %q: %w", k, err)
	}
	return nil
}

// plainTag returns the tag yaml.v3 gives s written plain as a mapping value,
// or "" when s does not read back as itself.
func plainTag(s string) string {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &n); err != nil || len(n.Content) != 1 {
		return ""
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return ""
	}
	v := m.Content[1]
	if v.Kind != yaml.ScalarNode || v.Style != 0 || v.Value != s {
		return ""
	}
	return v.ShortTag()
}

// canon writes a normalized value as canonical text, to compare it with
// what a node holds (canonNode).
func canon(v any) string {
	var b strings.Builder
	writeCanon(&b, v)
	return b.String()
}

func writeCanon(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case number:
		b.WriteString(canonNumber(string(v)))
	case string:
		b.WriteString(strconv.Quote(v))
	case Map:
		b.WriteByte('{')
		for i, it := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(it.Key))
			b.WriteByte(':')
			writeCanon(b, it.Value)
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanon(b, e)
		}
		b.WriteByte(']')
	default:
		fmt.Fprintf(b, "<%T>", v)
	}
}

func canonNumber(s string) string {
	var x any
	if err := yaml.Unmarshal([]byte(s), &x); err == nil {
		switch x := x.(type) {
		case int:
			return strconv.FormatFloat(float64(x), 'g', -1, 64)
		case uint64:
			return strconv.FormatFloat(float64(x), 'g', -1, 64)
		case float64:
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
	}
	return "NaN(" + s + ")"
}

// canonNode writes what a node holds as canon does.
func canonNode(n *yaml.Node) string {
	var b strings.Builder
	writeCanonNode(&b, n)
	return b.String()
}

func writeCanonNode(b *strings.Builder, n *yaml.Node) {
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			b.WriteString("null")
		case "!!bool":
			var x bool
			_ = n.Decode(&x)
			b.WriteString(strconv.FormatBool(x))
		case "!!int", "!!float":
			var x any
			_ = n.Decode(&x)
			switch x := x.(type) {
			case int:
				b.WriteString(strconv.FormatFloat(float64(x), 'g', -1, 64))
			case uint64:
				b.WriteString(strconv.FormatFloat(float64(x), 'g', -1, 64))
			case float64:
				b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
			default:
				fmt.Fprintf(b, "<%v>", x)
			}
		default:
			b.WriteString(strconv.Quote(n.Value))
		}
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(n.Content[i].Value))
			b.WriteByte(':')
			writeCanonNode(b, n.Content[i+1])
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonNode(b, c)
		}
		b.WriteByte(']')
	default:
		b.WriteString("<alias>")
	}
}

// check makes sure an edit's result reads as YAML and, when p is given,
// holds v at p: an edit never hands back a broken document.
// It returns the result, read.
func check(out []byte, p Path, v any) (*doc, error) {
	d, err := parseDoc(out)
	if err != nil {
		return nil, fmt.Errorf("path %s: this edit cannot be written in this document (it would not read as YAML: %v)", p, err)
	}
	if p == nil {
		return d, nil
	}
	steps, err := d.resolve(p)
	if err == nil && len(steps) == len(p) {
		if got := canonNode(steps[len(steps)-1].node); got == canon(v) {
			return d, nil
		}
	}
	return nil, fmt.Errorf("path %s: this edit cannot be written in this document (the value would not read back as written)", p)
}
