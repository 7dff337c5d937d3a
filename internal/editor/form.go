package editor

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/schema"
	"github.com/hwfplan/hwfplan/internal/weburl"
	"github.com/invopop/jsonschema"
)

// Field is the form spec of one field of a plan file, generated from the JSON
// Schema of the file's kind (the plan types) and the framework (tasks, items,
// scales, labels), never written per field.
type Field struct {
	Key      string   `json:"key"`
	Label    string   `json:"label"`
	Help     string   `json:"help,omitempty"`
	Type     string   `json:"type"` // see the Type constants
	Required bool     `json:"required,omitempty"`
	Format   string   `json:"format,omitempty"` // "date", "month", "uri", "currency"
	Options  []Option `json:"options,omitempty"`
	// Suggestions are usual values of a free field (professions, data elements):
	// a list to pick from, not a rule.
	Suggestions []Option `json:"suggestions,omitempty"`
	Min         *float64 `json:"min,omitempty"`
	Max         *float64 `json:"max,omitempty"`
	// Scale says a score's scale in words: "0 Not at all · 1 Somehow · 2 Completely".
	Scale   string   `json:"scale,omitempty"`
	Example string   `json:"example,omitempty"`
	Fields  []*Field `json:"fields,omitempty"` // an object's fields, in the file's order
	Item    *Field   `json:"item,omitempty"`   // a list's entries
	// IDPattern and IDPrefix describe the ids of a list of entries with ids: the
	// pattern an id must match and the prefix new ids get (NewID proposes one).
	IDPattern string `json:"idPattern,omitempty"`
	IDPrefix  string `json:"idPrefix,omitempty"`

	fwHelp bool // Help is the framework's, not the engine's
}

// Option is one allowed value and its words.
type Option struct {
	Value any    `json:"value"`
	Label string `json:"label"`
}

// Field types.
const (
	TypeText     = "text"
	TypeTextarea = "textarea"
	TypeInteger  = "integer"
	TypeNumber   = "number"
	TypeBoolean  = "boolean"
	TypeEnum     = "enum"
	TypeScore    = "score"
	TypeDate     = "date"
	TypeMonth    = "month"
	TypeCurrency = "currency"
	TypeURL      = "url"
	TypeObject   = "object"
	TypeList     = "list"
)

// monthPattern is the pattern of plan.YearMonth's schema.
var monthPattern = plan.YearMonth("").JSONSchema().Pattern

// currencyRe recognises the pattern of an ISO 4217 code.
const currencyPattern = `^[A-Z]{3}$`

// Form returns the form spec of one of the loaded country's files.
func (s *Session) Form(p string) (*Field, error) {
	if _, err := s.file(p); err != nil {
		return nil, err
	}
	if !s.editable(p) {
		return nil, fmt.Errorf("%s is not one of %s's plan files: only those have a form", p, s.code)
	}
	kind := schema.KindOf(p)
	if !slices.ContainsFunc(schema.Kinds, func(k schema.Kind) bool { return k.Name == kind }) {
		return nil, fmt.Errorf("%s is not a plan file the framework describes (a country folder holds %s)", p, strings.Join(plan.CountryFiles, ", "))
	}
	f := formOf(s.formFramework(), kind, s.code, s.formWords())
	s.suggestReferences(f, kind)
	return f, nil
}

// FormOf returns the form spec of a kind of plan file ("as-is", ...) under a
// framework, for the country code (ids that begin with it get it as prefix).
func FormOf(fw *framework.Framework, kind, code string) *Field {
	return formOf(fw, kind, code, nil)
}

// formOf is FormOf with the engine's own words through tr (nil: English); fw
// gives the framework's texts, in the form's language.
func formOf(fw *framework.Framework, kind, code string, tr *translator) *Field {
	b := &builder{fw: fw, code: code, tr: tr}
	s := schema.Build(fw, kind)
	s.Description = "" // for tools, not for a form
	f := b.field("", s, false, scope{})
	f.Label = tr.text(s.Title)
	f.Help = ""
	return f
}

type builder struct {
	fw   *framework.Framework
	code string
	tr   *translator
}

// scope is what the path so far says about a field: the framework task, item
// or sustainability domain it belongs to, and whether the field is that task,
// item or domain itself (its label and help are then the framework's).
type scope struct {
	task   *framework.Task
	item   *framework.Item
	domain *framework.Domain
	node   bool
}

func (b *builder) field(key string, s *jsonschema.Schema, required bool, sc scope) *Field {
	f := &Field{Key: key, Label: s.Title, Help: help(s.Description), Required: required}
	if f.Label == "" {
		f.Label = words(key)
	}
	if !sc.node {
		// The plan types' words; the framework's come in the language already.
		f.Label = b.tr.text(f.Label)
		defer func() {
			if !f.fwHelp {
				f.Help = b.tr.text(f.Help)
			}
		}()
	} else if sc.task != nil && sc.item == nil {
		if l, ok := b.tr.fill(msgTask, "n", fmt.Sprint(sc.task.Number), "title", sc.task.Title); ok {
			f.Label = l
		}
	}
	if len(s.Examples) == 1 {
		if e, ok := s.Examples[0].(string); ok {
			f.Example = e
		}
	}
	f.Min, f.Max = number(s.Minimum), number(s.Maximum)
	switch s.Type {
	case "object":
		b.object(f, s, sc)
	case "array":
		b.list(f, s, sc)
	case "integer":
		f.Type = TypeInteger
		if key == "score" {
			b.score(f, sc)
		}
	case "number":
		f.Type = TypeNumber
	case "boolean":
		f.Type = TypeBoolean
	default:
		b.text(f, s)
	}
	return f
}

func (b *builder) object(f *Field, s *jsonschema.Schema, sc scope) {
	f.Type = TypeObject
	if s.Properties == nil {
		return
	}
	var keys []string
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		keys = append(keys, p.Key)
	}
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		sub := sc
		sub.node = false
		switch {
		case subset(keys, b.fw.TaskIDs()):
			sub = scope{node: true}
			sub.task, _ = b.fw.Task(p.Key)
		case sc.task != nil && subset(keys, itemIDs(sc.task)):
			sub.item, _ = b.fw.Item(sc.task.ID + "." + p.Key)
			sub.node = true
		case subset(keys, b.fw.DomainIDs()):
			sub = scope{domain: domain(b.fw, p.Key), node: true}
		}
		f.Fields = append(f.Fields, b.field(p.Key, p.Value, slices.Contains(s.Required, p.Key), sub))
	}
	switch {
	case sc.item != nil:
		f.Label = sc.item.Title
		f.Help = ""
	case sc.domain != nil:
		f.Label = sc.domain.Title
		f.Help = ""
	}
}

func (b *builder) list(f *Field, s *jsonschema.Schema, sc scope) {
	f.Type = TypeList
	if s.Items == nil {
		f.Item = &Field{Type: TypeText}
		return
	}
	f.Item = b.field("", s.Items, false, sc)
	f.Item.Label = b.tr.text(s.Items.Title)
	if f.Item.Type != TypeObject {
		return
	}
	for _, sub := range f.Item.Fields {
		if sub.Key != "id" {
			continue
		}
		id, _ := s.Items.Properties.Get("id")
		f.Item.IDPattern = id.Pattern
		f.Item.IDPrefix = idPrefix(id, f.Key, b.code)
		f.IDPattern, f.IDPrefix = f.Item.IDPattern, f.Item.IDPrefix
	}
}

// score makes an integer field of a framework item or sustainability domain a
// choice among its scale's levels, with the item's description as help.
func (b *builder) score(f *Field, sc scope) {
	var sl *framework.Scale
	var label func(v int) string
	switch {
	case sc.item != nil:
		it := sc.item
		sl = b.fw.ItemScale(it)
		label = func(v int) string { return b.fw.LabelFor(it, v) }
		f.Help = strings.TrimSpace(it.Description)
		if it.Source != "" {
			// the framework's words for where an item comes from ("Tool 9") are
			// not in its translation: the form's messages carry them
			f.Help = strings.TrimSpace(f.Help + " (" + b.tr.text(it.Source) + ")")
		}
	case sc.domain != nil:
		sl = b.fw.SustainabilityScale()
		f.Help = sc.domain.Description
	default:
		return
	}
	f.fwHelp = true
	if sl == nil {
		return
	}
	if label == nil {
		label = func(v int) string {
			for _, l := range sl.Labels {
				if l.Value == v {
					return l.Label
				}
			}
			return ""
		}
	}
	f.Type = TypeScore
	var parts []string
	for v := sl.Min; v <= sl.Max; v++ {
		l := label(v)
		f.Options = append(f.Options, Option{Value: v, Label: l})
		parts = append(parts, strings.TrimSpace(fmt.Sprintf("%d %s", v, l)))
	}
	f.Scale = strings.Join(parts, " · ")
}

func (b *builder) text(f *Field, s *jsonschema.Schema) {
	f.Type = TypeText
	switch {
	case len(s.Enum) > 0:
		f.Type = TypeEnum
		f.Options = b.options(f, s.Enum)
	case s.Pattern == plan.DatePattern:
		f.Type, f.Format = TypeDate, "date"
	case s.Pattern == monthPattern:
		f.Type, f.Format = TypeMonth, "month"
	case s.Pattern == weburl.Pattern:
		f.Type, f.Format = TypeURL, "uri"
	case s.Pattern == currencyPattern:
		f.Type, f.Format = TypeCurrency, "currency"
	case plandiff.IsProse(f.Key):
		f.Type = TypeTextarea
	}
	if f.Type != TypeText {
		return
	}
	if len(b.fw.Professions) > 0 && s.Pattern == schema.ProfessionPattern(b.fw) {
		for _, p := range b.fw.Professions {
			f.Suggestions = append(f.Suggestions, Option{Value: p.ID, Label: p.Title})
		}
	}
	// the minimum data set's elements, which the schema gives as examples
	for _, e := range s.Examples {
		k, _ := e.(string)
		if _, ok := b.fw.DataElement(k); !ok || len(s.Examples) < 2 {
			continue
		}
		title, group := b.fw.DataElementName(k)
		if group != "" {
			title = group + ": " + title
		}
		f.Suggestions = append(f.Suggestions, Option{Value: k, Label: title})
	}
	if len(f.Suggestions) > 0 && b.fw.MinimumDataSet != nil && len(s.Examples) >= 2 {
		// its help names the data set (package schema's dataElements)
		var groups []string
		for _, g := range b.fw.MinimumDataSet.Groups {
			groups = append(groups, g.ID)
		}
		if h, ok := b.tr.fill(msgDataElement, "title", strings.ToLower(b.fw.MinimumDataSet.Title), "groups", strings.Join(groups, ", ")); ok {
			f.Help = h
		}
		f.fwHelp = true
	}
}

// choiceLists are the coded fields' words (plan/words.go); an enumeration that
// is exactly one of them is shown in its words.
var choiceLists = [][]plan.Choice{
	plan.ActionStatuses, plan.FundingSources, plan.Anchorings, plan.Priorities, plan.Levels,
	plan.DialogueLevels, plan.KnowledgeKinds, plan.ModelTypes, plan.SourceKinds,
	plan.StakeholderTypes, plan.UpdateFrequencies,
}

func (b *builder) options(f *Field, enum []any) []Option {
	var codes []string
	for _, e := range enum {
		if s, ok := e.(string); ok {
			codes = append(codes, s)
		}
	}
	label := func(code string) string { return code }
	switch {
	case slices.Equal(codes, b.fw.TaskIDs()):
		label = func(code string) string {
			t, _ := b.fw.Task(code)
			if l, ok := b.tr.fill(msgTask, "n", fmt.Sprint(t.Number), "title", t.Title); ok {
				return l
			}
			return fmt.Sprintf("Task %d. %s", t.Number, t.Title)
		}
		// its help lists the tasks (package schema's taskEnum)
		var list []string
		for _, t := range b.fw.Tasks {
			list = append(list, fmt.Sprintf("%s = %s", t.ID, t.Title))
		}
		if h, ok := b.tr.fill(msgTaskHelp, "list", strings.Join(list, "; ")); ok {
			f.Help = h
		}
		f.fwHelp = true
	case slices.Equal(codes, b.fw.ItemKeys()):
		label = func(code string) string {
			it, _ := b.fw.Item(code)
			t, _ := b.fw.Task(it.Task)
			short := t.Short
			if short == "" {
				short = t.Title
			}
			return short + ": " + it.Title
		}
	default:
		for _, cs := range choiceLists {
			if slices.Equal(codes, plan.Codes(cs)) {
				label = func(code string) string { return b.tr.text(plan.CellOf(cs, code)) }
				break
			}
		}
	}
	out := make([]Option, 0, len(enum))
	for _, e := range enum {
		s, ok := e.(string)
		if !ok {
			out = append(out, Option{Value: e, Label: fmt.Sprint(e)})
			continue
		}
		out = append(out, Option{Value: s, Label: label(s)})
	}
	return out
}

// help is a schema description as planners read it: without the note for
// tools that entries are matched by id.
func help(desc string) string {
	return strings.TrimSpace(strings.ReplaceAll(desc, schema.IdentityNote, ""))
}

// words turns a key into words: "target_year" → "Target year".
func words(key string) string {
	s := strings.ReplaceAll(key, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func number(n json.Number) *float64 {
	if n == "" {
		return nil
	}
	v, err := n.Float64()
	if err != nil {
		return nil
	}
	return &v
}

func itemIDs(t *framework.Task) []string {
	out := make([]string, len(t.Items))
	for i, it := range t.Items {
		out[i] = it.ID
	}
	return out
}

func domain(fw *framework.Framework, id string) *framework.Domain {
	for i := range fw.Sustainability.Domains {
		if fw.Sustainability.Domains[i].ID == id {
			return &fw.Sustainability.Domains[i]
		}
	}
	return nil
}

// subset reports whether a is a non-empty subset of b.
func subset(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

var trailingDigits = regexp.MustCompile(`[0-9]+$`)

// idPrefix is the prefix new ids of a list get: the example id without its
// number ("HU-A3" → "HU-A", with the country's code for a pattern that starts
// with one; "k1" → "k"), or for ids that are names ("register") the list's
// name in the singular and a dash ("source-").
func idPrefix(id *jsonschema.Schema, listKey, code string) string {
	ex := ""
	if len(id.Examples) > 0 {
		ex, _ = id.Examples[0].(string)
	}
	if ex != "" && trailingDigits.MatchString(ex) {
		p := trailingDigits.ReplaceAllString(ex, "")
		if strings.HasPrefix(id.Pattern, "^[A-Z]{2}-") && len(p) >= 3 && p[2] == '-' && code != "" {
			p = code + p[2:]
		}
		return p
	}
	name := listKey
	if i := strings.LastIndexByte(name, '_'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimSuffix(name, "s")
	if name == "" {
		name = "entry"
	}
	return name + "-"
}
