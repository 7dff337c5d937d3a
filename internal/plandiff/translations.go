package plandiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"github.com/hwfplan/hwfplan/internal/words"
	"go.yaml.in/yaml/v3"
)

// SectionTranslations holds the changes of a country's plan text in its other
// languages (countries/<CODE>/translations/<lang>.yaml); each change's Parent is
// the language.
const SectionTranslations = "translations"

// EntityTranslation is one translated entry (its ID the entry as a reviewer
// reads it: "action-plan › HU-A1", "as-is › data.linkage"), or with no ID the
// translation file itself (added, removed, or its review flag changed).
const EntityTranslation = "translation"

// translatedText is one text of a translation file: its entry and field, its
// value and where it is.
type translatedText struct {
	entry, field string
	text         string
	ptr          string
	line, col    int
}

// translations compares a country's translations, language by language.
// Texts are matched by their ids, so an entry moved in English changes nothing
// here; each text reads as a prose field of its entry.
func (d *differ) translations(o, n *model.Country) []Change {
	byLang := func(c *model.Country) map[string]*model.File {
		m := map[string]*model.File{}
		for _, t := range c.Translations {
			if t.Language != "" && t.File != nil {
				m[t.Language] = t.File
			}
		}
		return m
	}
	om, nm := byLang(o), byLang(n)
	var out []Change
	for _, lang := range unionKeys(om, nm) {
		if d.oldBad.bad(plantext.Path(o.Code, lang)) || d.newBad.bad(plantext.Path(n.Code, lang)) {
			continue // unreadable on one side: left out on both, and listed as unreadable
		}
		of, nf := om[lang], nm[lang]
		ot, nt := textsOf(of), textsOf(nf)
		switch {
		case of == nil:
			out = append(out, Change{Section: SectionTranslations, Entity: EntityTranslation, Parent: lang, Kind: Added,
				Detail: words.CountNoun(len(nt), "text"), NewPos: &Pos{File: nf.Path, Line: 1, Column: 1}})
			continue
		case nf == nil:
			out = append(out, Change{Section: SectionTranslations, Entity: EntityTranslation, Parent: lang, Kind: Removed,
				Detail: words.CountNoun(len(ot), "text"), OldPos: &Pos{File: of.Path, Line: 1, Column: 1}})
			continue
		}
		if meta := metaChanges(of, nf); len(meta) > 0 {
			out = append(out, Change{Section: SectionTranslations, Entity: EntityTranslation, Parent: lang, Kind: Changed, Fields: meta,
				OldPos: &Pos{File: of.Path, Line: 1, Column: 1}, NewPos: &Pos{File: nf.Path, Line: 1, Column: 1}})
		}
		oldBy := map[string]translatedText{}
		for _, t := range ot {
			oldBy[t.entry+"\x00"+t.field] = t
		}
		newBy := map[string]bool{}
		changes := map[string]*Change{}
		var order []string
		add := func(entry string, fc FieldChange) {
			ch := changes[entry]
			if ch == nil {
				ch = &Change{Section: SectionTranslations, Entity: EntityTranslation, ID: entry, Parent: lang, Kind: Changed}
				changes[entry] = ch
				order = append(order, entry)
			}
			if ch.OldPos == nil {
				ch.OldPos = fc.OldPos
			}
			if ch.NewPos == nil {
				ch.NewPos = fc.NewPos
			}
			ch.Fields = append(ch.Fields, fc)
		}
		pos := func(f *model.File, t translatedText) *Pos {
			return &Pos{File: f.Path, Pointer: t.ptr, Line: t.line, Column: t.col}
		}
		for _, t := range nt {
			k := t.entry + "\x00" + t.field
			newBy[k] = true
			old, had := oldBy[k]
			switch {
			case !had:
				add(t.entry, FieldChange{Field: t.field, New: t.text, Words: wordDiff("", t.text, d.opts.WordDiff), NewPos: pos(nf, t)})
			case old.text != t.text:
				add(t.entry, FieldChange{Field: t.field, Old: old.text, New: t.text, Words: wordDiff(old.text, t.text, d.opts.WordDiff),
					OldPos: pos(of, old), NewPos: pos(nf, t)})
			}
		}
		for _, t := range ot {
			if !newBy[t.entry+"\x00"+t.field] {
				add(t.entry, FieldChange{Field: t.field, Old: t.text, Words: wordDiff(t.text, "", d.opts.WordDiff), OldPos: pos(of, t)})
			}
		}
		for _, e := range order {
			out = append(out, *changes[e])
		}
	}
	return out
}

// metaKeys are the fields of a translation file that are not plan text.
var metaKeys = []string{"review.reviewed", "review.reviewed_by", "review.date", "complete"}

// metaChanges compares the review block and the complete flag.
func metaChanges(of, nf *model.File) []FieldChange {
	var out []FieldChange
	for _, k := range metaKeys {
		ptr := "/" + strings.ReplaceAll(k, ".", "/")
		ov, op := scalarAt(of, ptr)
		nv, np := scalarAt(nf, ptr)
		if ov == nv {
			continue
		}
		fc := FieldChange{Field: k}
		if ov != "" {
			fc.Old, fc.OldPos = ov, op
		}
		if nv != "" {
			fc.New, fc.NewPos = nv, np
		}
		out = append(out, fc)
	}
	return out
}

func scalarAt(f *model.File, ptr string) (string, *Pos) {
	n, _, found := f.Lookup(ptr)
	if !found || n.Kind != yaml.ScalarNode {
		return "", nil
	}
	return n.Value, &Pos{File: f.Path, Pointer: ptr, Line: n.Line, Column: n.Column}
}

// textsOf lists the texts of a translation file in document order: every
// non-empty scalar below the plan sections, whatever the plan now holds (the
// diff shows what the file says; validate says whether it fits the plan).
func textsOf(f *model.File) []translatedText {
	if f == nil || f.Node == nil || f.Node.Kind != yaml.MappingNode {
		return nil
	}
	var out []translatedText
	var walk func(n *yaml.Node, parts []string)
	walk = func(n *yaml.Node, parts []string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], append(slices.Clip(parts), n.Content[i].Value))
			}
		case yaml.ScalarNode:
			if s := strings.TrimSpace(n.Value); s != "" && n.ShortTag() == "!!str" && len(parts) > 1 {
				entry, field := entryOf(parts)
				out = append(out, translatedText{entry, field, s, model.Pointer(parts...), n.Line, n.Column})
			}
		}
	}
	for i := 0; i+1 < len(f.Node.Content); i += 2 {
		if k := f.Node.Content[i].Value; !slices.Contains([]string{"language", "review", "complete"}, k) {
			walk(f.Node.Content[i+1], []string{k})
		}
	}
	return out
}

// entryOf names the entry of a text by its key's parts, as the plan's own
// changes name it ("action-plan › HU-A2 › KPI k1", "as-is › data.linkage",
// "to-be"), and its field ("title", "sustainability.notes").
func entryOf(parts []string) (entry, field string) {
	labels := []string{parts[0]}
	rest := parts[1:]
loop:
	for len(rest) > 1 {
		switch k := rest[0]; k {
		case "tasks":
			if len(rest) >= 5 && rest[2] == "items" {
				labels, rest = append(labels, rest[1]+"."+rest[3]), rest[4:]
				continue
			}
			if len(rest) < 3 {
				break loop
			}
			labels, rest = append(labels, "task "+rest[1]), rest[2:]
		case "targets":
			if len(rest) < 4 {
				break loop
			}
			labels, rest = append(labels, rest[1]+"."+rest[2]), rest[3:]
		case "steps", "actions":
			if len(rest) < 3 {
				break loop
			}
			labels, rest = append(labels, rest[1]), rest[2:]
		case "data_sources", "models", "stakeholders", "rounds", "milestones", "kpis", "sustainability_factors":
			if len(rest) < 3 {
				break loop
			}
			labels, rest = append(labels, collectionNoun[k]+" "+rest[1]), rest[2:]
		case "policy_dialogue", "planning_staff":
			labels, rest = append(labels, strings.ReplaceAll(k, "_", " ")), rest[1:]
		default:
			break loop
		}
	}
	return strings.Join(labels, " › "), strings.Join(rest, ".")
}

var collectionNoun = map[string]string{
	"data_sources": "data source", "models": "model", "stakeholders": "stakeholder", "rounds": "round",
	"milestones": "milestone", "kpis": "KPI", "sustainability_factors": "sustainability",
}

// translationPath is a translation change's path: "translations (hu) › action-plan › HU-A1".
func (ch Change) translationPath() string {
	p := fmt.Sprintf("%s (%s)", SectionTranslations, ch.Parent)
	if ch.ID != "" {
		p += " › " + ch.ID
	}
	return p
}
