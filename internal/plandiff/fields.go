package plandiff

import (
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
)

// field is one leaf of an entity: its dotted yaml name, its JSON pointer below the
// entity and its value as JSON would carry it (nil when absent).
type field struct {
	name string
	ptr  string
	val  any
}

// flatten lists the scalar fields of a plan struct in declaration order. Nested
// structs (and pointers to them) are flattened with a dotted prefix; lists of scalars
// are values; lists of structs and maps are left to the caller, which compares them
// by declared id.
func flatten(v any) []field {
	var out []field
	flattenValue(reflect.ValueOf(v), "", "", false, &out)
	return out
}

// flattenValue appends the leaves of v. whole also keeps lists of entries with ids
// (as lists of flattened maps), for the value of an added or removed entity.
func flattenValue(v reflect.Value, name, ptr string, whole bool, out *[]field) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := strings.Split(sf.Tag.Get("yaml"), ",")[0]
			if !sf.IsExported() || tag == "-" || tag == "" {
				continue
			}
			n := tag
			if name != "" {
				n = name + "." + tag
			}
			flattenValue(v.Field(i), n, ptr+"/"+tag, whole, out)
		}
	case reflect.Map:
		// compared by key by the caller
	case reflect.Slice:
		if et := v.Type().Elem(); et.Kind() == reflect.Struct {
			if _, declared := et.FieldByName("ID"); (declared || keyedLists[et]) && !whole {
				return // compared by id (or key) by the caller
			}
			if v.Len() == 0 {
				*out = append(*out, field{name, ptr, nil})
				return
			}
			list := make([]any, v.Len())
			for i := range v.Len() {
				list[i] = value(v.Index(i).Interface())
			}
			*out = append(*out, field{name, ptr, list})
			return
		}
		if v.Len() == 0 {
			*out = append(*out, field{name, ptr, nil})
			return
		}
		list := make([]any, v.Len())
		for i := range v.Len() {
			list[i] = scalar(v.Index(i))
		}
		*out = append(*out, field{name, ptr, list})
	default:
		*out = append(*out, field{name, ptr, scalar(v)})
	}
}

// scalar converts a leaf to a plain JSON value; an empty string is absent (nil).
func scalar(v reflect.Value) any {
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return number(v.Float())
	case reflect.Bool:
		return v.Bool()
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return scalar(v.Elem())
	}
	return v.Interface()
}

// number is a float as JSON can carry it: NaN and the infinities, which a YAML
// file can hold (.nan, .inf) but JSON cannot, become their names.
func number(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return f
}

// value returns the flattened entity as a map for JSON (added and removed entities).
func value(v any) map[string]any {
	m := map[string]any{}
	var fs []field
	flattenValue(reflect.ValueOf(v), "", "", true, &fs)
	for _, f := range fs {
		if f.val != nil {
			m[f.name] = f.val
		}
	}
	return m
}

// proseFields are compared by words and summarised, not shown whole.
var proseFields = map[string]bool{
	"evidence": true, "description": true, "notes": true, "rationale": true,
	"outcome": true, "vision": true, "summary": true, "not_assessed": true,
}

// IsProse reports whether a field (its name, or a dotted path ending in it) holds
// prose: a diff summarises its edit by words, and the form editor gives it a
// text area.
func IsProse(name string) bool {
	last := name[strings.LastIndexByte(name, '.')+1:]
	return proseFields[last]
}

// side is one revision of an entity: its value, file and JSON pointer.
type side struct {
	v    any
	file *model.File
	ptr  string
}

func (s side) present() bool {
	if s.v == nil {
		return false
	}
	rv := reflect.ValueOf(s.v)
	return !(rv.Kind() == reflect.Pointer && rv.IsNil())
}

// pos returns where ptr (below the entity) is, or nil when the file lacks it.
func (s side) pos(sub string) *Pos {
	if s.file == nil {
		return nil
	}
	p := s.ptr + sub
	_, _, found := s.file.Lookup(p)
	if !found {
		return nil
	}
	line, col := s.file.Pos(p)
	return &Pos{File: s.file.Path, Pointer: p, Line: line, Column: col}
}

// fieldChanges compares the scalar fields of two revisions of an entity.
func (d *differ) fieldChanges(a, b side) []FieldChange {
	// Most entities of a file that changed are themselves unchanged: equal values
	// have equal fields, so the flattening (which allocates every field's name and
	// pointer) is only done for the ones that differ.
	if equal(a.v, b.v) {
		return nil
	}
	fa, fb := flatten(a.v), flatten(b.v)
	oldByName := make(map[string]field, len(fa))
	for _, f := range fa {
		oldByName[f.name] = f
	}
	var out []FieldChange
	seen := map[string]bool{}
	emit := func(name, ptr string, ov, nv any) {
		if equal(ov, nv) {
			return
		}
		fc := FieldChange{Field: name, Old: ov, New: nv}
		if ov != nil {
			fc.OldPos = a.pos(ptr)
		}
		if nv != nil {
			fc.NewPos = b.pos(ptr)
		}
		if IsProse(name) {
			os, _ := ov.(string)
			ns, _ := nv.(string)
			fc.Words = wordDiff(os, ns, d.opts.WordDiff)
		}
		out = append(out, fc)
	}
	for _, f := range fb {
		seen[f.name] = true
		emit(f.name, f.ptr, oldByName[f.name].val, f.val)
	}
	for _, f := range fa {
		if !seen[f.name] {
			emit(f.name, f.ptr, f.val, nil)
		}
	}
	return out
}

// wordDiff counts words added and removed between two texts (longest common
// subsequence of words) and, when asked, renders [-removed-]{+added+} inline.
func wordDiff(a, b string, render bool) *WordStats {
	wa, wb := strings.Fields(a), strings.Fields(b)
	// Trim the common head and tail: edits are usually local.
	pre := 0
	for pre < len(wa) && pre < len(wb) && wa[pre] == wb[pre] {
		pre++
	}
	suf := 0
	for suf < len(wa)-pre && suf < len(wb)-pre && wa[len(wa)-1-suf] == wb[len(wb)-1-suf] {
		suf++
	}
	ma, mb := wa[pre:len(wa)-suf], wb[pre:len(wb)-suf]
	ops := lcsOps(ma, mb)
	st := &WordStats{}
	var sb strings.Builder
	word := func(s string) {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(s)
	}
	if render {
		for _, w := range wa[:pre] {
			word(w)
		}
	}
	for _, op := range ops {
		switch op.kind {
		case '-':
			st.Removed += len(op.words)
		case '+':
			st.Added += len(op.words)
		}
		if !render {
			continue
		}
		switch op.kind {
		case '-':
			word("[-" + strings.Join(op.words, " ") + "-]")
		case '+':
			word("{+" + strings.Join(op.words, " ") + "+}")
		default:
			word(strings.Join(op.words, " "))
		}
	}
	if render {
		for _, w := range wa[len(wa)-suf:] {
			word(w)
		}
		st.Diff = sb.String()
	}
	return st
}

type wordOp struct {
	kind  byte // '=', '-', '+'
	words []string
}

// maxLCS bounds the quadratic table; longer edits count as replaced wholesale.
const maxLCS = 4_000_000

func lcsOps(a, b []string) []wordOp {
	var ops []wordOp
	add := func(k byte, w string) {
		if n := len(ops); n > 0 && ops[n-1].kind == k {
			ops[n-1].words = append(ops[n-1].words, w)
			return
		}
		ops = append(ops, wordOp{kind: k, words: []string{w}})
	}
	if len(a)*len(b) > maxLCS {
		for _, w := range a {
			add('-', w)
		}
		for _, w := range b {
			add('+', w)
		}
		return ops
	}
	// l[i][j] = LCS length of a[i:], b[j:]
	l := make([][]int, len(a)+1)
	for i := range l {
		l[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			add('=', a[i])
			i++
			j++
		case i < len(a) && (j == len(b) || l[i+1][j] >= l[i][j+1]):
			add('-', a[i])
			i++
		default:
			add('+', b[j])
			j++
		}
	}
	return ops
}
