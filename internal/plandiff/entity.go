package plandiff

import (
	"reflect"
	"slices"
	"sort"
)

// entity compares one entity known by id in both revisions.
func (d *differ) entity(section, entity, id, parent string, a, b side, detail func(any) string) (Change, bool) {
	ch := Change{Section: section, Entity: entity, ID: id, Parent: parent}
	switch {
	case !a.present() && !b.present():
		return ch, false
	case !a.present():
		ch.Kind, ch.Value, ch.NewPos = Added, value(b.v), b.pos("")
		if detail != nil {
			ch.Detail = detail(b.v)
		}
	case !b.present():
		ch.Kind, ch.Value, ch.OldPos = Removed, value(a.v), a.pos("")
		if detail != nil {
			ch.Detail = detail(a.v)
		}
	default:
		ch.Fields = d.fieldChanges(a, b)
		if len(ch.Fields) == 0 {
			return ch, false
		}
		ch.Kind, ch.OldPos, ch.NewPos = Changed, a.pos(""), b.pos("")
	}
	return ch, true
}

// listSpec describes a list whose entries carry a declared id.
type listSpec[T any] struct {
	section, entity, parent string
	id                      func(*T) string
	detail                  func(any) string
	// nested compares lists inside an entry (milestones of a step, KPIs of an action).
	nested func(d *differ, a, b side, id string) []Change
}

// diffList matches entries by id. An entry whose id changed while everything else
// stayed the same is reported as renamed; otherwise an unknown id is added and a
// vanished one removed. An id used twice (which validate reports) matches its
// first use with the first, its second with the second, and so on.
func diffList[T any](d *differ, s listSpec[T], old, new []T, a, b side) []Change {
	oldKey, oldIdx := listKeys(s, old)
	newKey, newIdx := listKeys(s, new)
	at := func(sd side, list []T, i int) side {
		return side{v: &list[i], file: sd.file, ptr: sd.ptr + "/" + itoa(i)}
	}
	// Pair added with removed entries that are equal but for the id.
	renamedFrom := map[int]int{} // new index → old index
	used := map[int]bool{}
	for j := range new {
		if _, ok := oldIdx[newKey[j]]; ok || newKey[j].id == "" {
			continue
		}
		for i := range old {
			// An entry that had no id and got one is added, not renamed from nothing.
			if _, ok := newIdx[oldKey[i]]; ok || used[i] || oldKey[i].id == "" {
				continue
			}
			if equalButID(&old[i], &new[j]) {
				renamedFrom[j], used[i] = i, true
				break
			}
		}
	}
	var out []Change
	for j := range new {
		id := s.id(&new[j])
		nb := at(b, new, j)
		if i, ok := oldIdx[newKey[j]]; ok {
			oa := at(a, old, i)
			if ch, ok := d.entity(s.section, s.entity, id, s.parent, oa, nb, s.detail); ok {
				out = append(out, ch)
			}
			if s.nested != nil {
				out = append(out, s.nested(d, oa, nb, id)...)
			}
			continue
		}
		if i, ok := renamedFrom[j]; ok {
			out = append(out, Change{Section: s.section, Entity: s.entity, ID: id, OldID: s.id(&old[i]), Parent: s.parent,
				Kind: Renamed, OldPos: at(a, old, i).pos(""), NewPos: nb.pos("")})
			continue
		}
		ch, _ := d.entity(s.section, s.entity, id, s.parent, side{}, nb, s.detail)
		out = append(out, ch)
	}
	for i := range old {
		id := s.id(&old[i])
		if _, ok := newIdx[oldKey[i]]; ok || used[i] {
			continue
		}
		ch, _ := d.entity(s.section, s.entity, id, s.parent, at(a, old, i), side{}, s.detail)
		out = append(out, ch)
	}
	return out
}

// listKey names an entry of a list: its id and, for an id used before in the
// list, how many times it was.
type listKey struct {
	id string
	n  int
}

func listKeys[T any](s listSpec[T], list []T) ([]listKey, map[listKey]int) {
	keys := make([]listKey, len(list))
	idx := make(map[listKey]int, len(list))
	seen := map[string]int{}
	for i := range list {
		id := s.id(&list[i])
		k := listKey{id, seen[id]}
		seen[id]++
		keys[i], idx[k] = k, i
	}
	return keys, idx
}

// equalButID reports whether two entries are equal once their ID fields are ignored.
func equalButID[T any](a, b *T) bool {
	ca, cb := *a, *b
	for _, p := range []*T{&ca, &cb} {
		if f := reflect.ValueOf(p).Elem().FieldByName("ID"); f.IsValid() && f.Kind() == reflect.String {
			f.SetString("")
		}
	}
	return equal(ca, cb)
}

// orderedKeys lists the keys of two maps: those of order first (in that order), then
// the rest sorted.
func orderedKeys[V any](order []string, a, b map[string]V) []string {
	var out []string
	for _, k := range order {
		_, ina := a[k]
		_, inb := b[k]
		if ina || inb {
			out = append(out, k)
		}
	}
	var rest []string
	for _, m := range []map[string]V{a, b} {
		for k := range m {
			if !slices.Contains(order, k) && !slices.Contains(rest, k) {
				rest = append(rest, k)
			}
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
