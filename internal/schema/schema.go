// Package schema generates the JSON Schemas (draft 2020-12) of the plan files from
// the Go types in package plan and the vocabulary in the framework: task ids, item
// ids and score ranges become properties, enums and bounds, so an editor completes
// and checks them as a planner types.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/invopop/jsonschema"
	orderedmap "github.com/pb33f/ordered-map/v2"
)

// Dir is where the generated schemas are committed.
const Dir = "schema"

// SitePath is where the site publishes the schemas (schema/v1/as-is.schema.json
// under the site's URL), the SchemaStore convention of a versioned path: v1 is
// the plan file format, and its URLs keep serving schemas that accept v1 files.
// A change that makes valid files invalid gets a new version.
const SitePath = "schema/v1/"

// CanonicalURL is the project's own published site, whose schema/v1/ is the
// canonical home of the schemas: their $id. It is fixed rather than taken from a
// build's --base-url because the committed files must not depend on where a
// site is built (`hwfplan schema --check` compares them byte for byte, and the
// site publishes them unchanged); a copy served elsewhere is still the same
// schema, and tools fetch it from whatever URL the modeline names.
const CanonicalURL = "https://hwfplan.github.io/hwfplan/"

// URL returns the canonical URL of a schema file ("as-is.schema.json").
func URL(file string) string { return CanonicalURL + SitePath + file }

// Kind is one kind of plan file.
type Kind struct {
	Name  string // "as-is"
	Title string
	File  string // schema file name, "as-is.schema.json"
}

// Kinds lists every plan file kind with its schema.
var Kinds = []Kind{
	{Name: "country", Title: "Country (country.yaml)"},
	{Name: "as-is", Title: "As-is assessment (as-is.yaml)"},
	{Name: "to-be", Title: "To-be targets (to-be.yaml)"},
	{Name: "to-do", Title: "To-do road map (to-do.yaml)"},
	{Name: "action-plan", Title: "Policy action plan (action-plan.yaml)"},
	{Name: "cluster", Title: "Learning cluster (clusters/<id>.yaml)"},
	{Name: "publication", Title: "Publication metadata (publication.yaml)"},
	{Name: "eu-action-plan", Title: "EU action plan (programme/eu-action-plan.yaml)"},
	{Name: "policy-dialogues", Title: "Policy dialogues (programme/policy-dialogues.yaml)"},
	{Name: "policy-board", Title: "Policy Board (programme/policy-board.yaml)"},
	{Name: "sustainability-plan", Title: "Sustainability plan (programme/sustainability-plan.yaml)"},
	{Name: "twinning", Title: "Twinning actions held (programme/twinning.yaml)"},
	{Name: "knowledge", Title: "Knowledge repository (programme/knowledge.yaml)"},
	{Name: "framework-translation", Title: "Translation of the framework (schema/framework.<lang>.yaml)"},
	{Name: "plan-translation", Title: "Translation of a country's plan text (countries/<CODE>/translations/<lang>.yaml)"},
}

func init() {
	for i := range Kinds {
		Kinds[i].File = Kinds[i].Name + ".schema.json"
	}
}

// KindOf returns the schema kind of a repository path, or "" when it is not a plan file.
func KindOf(path string) string {
	parts := strings.Split(path, "/")
	switch {
	case len(parts) == 3 && parts[0] == "countries":
		return strings.TrimSuffix(parts[2], ".yaml")
	case len(parts) == 2 && parts[0] == "clusters" && strings.HasSuffix(parts[1], ".yaml"):
		return "cluster"
	case path == plan.PublicationFile:
		return "publication"
	case len(parts) == 2 && parts[0] == plan.ProgrammeDir && slices.Contains(plan.ProgrammeFiles, path):
		return strings.TrimSuffix(parts[1], ".yaml")
	}
	return ""
}

// Generate returns every schema, keyed by file name, as indented JSON.
func Generate(fw *framework.Framework) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, k := range Kinds {
		b, err := Encode(Build(fw, k.Name))
		if err != nil {
			return nil, fmt.Errorf("failed to encode schema %s: %w", k.File, err)
		}
		out[k.File] = b
	}
	return out, nil
}

// Encode writes a schema as the indented JSON of the schema files.
func Encode(s *jsonschema.Schema) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func reflector() *jsonschema.Reflector {
	return &jsonschema.Reflector{FieldNameTag: "yaml", DoNotReference: true, ExpandedStruct: true}
}

// Build returns the schema of one kind ("as-is", ...).
func Build(fw *framework.Framework, kind string) *jsonschema.Schema {
	r := reflector()
	var s *jsonschema.Schema
	switch kind {
	case "country":
		s = r.Reflect(&plan.Country{})
	case "as-is":
		s = r.Reflect(&plan.AsIs{})
		asIs(fw, s)
	case "to-be":
		s = r.Reflect(&plan.ToBe{})
		toBe(fw, s)
	case "to-do":
		s = r.Reflect(&plan.ToDo{})
		toDo(fw, s)
	case "action-plan":
		s = r.Reflect(&plan.ActionPlan{})
		actionPlan(fw, s)
	case "cluster":
		s = r.Reflect(&plan.Cluster{})
	case "publication":
		s = r.Reflect(&plan.Publication{})
		prop(s, "citation").Pattern = plan.CitationPattern
		prop(s, "translations", "{}", "citation").Pattern = plan.CitationPattern
	case "eu-action-plan":
		s = r.Reflect(&plan.EUActionPlan{})
		action := prop(s, "actions", "[]")
		taskEnum(fw, prop(action, "task"))
		itemEnum(fw, prop(action, "items", "[]"))
		// An EU action implements national steps, framework items, or both.
		action.AnyOf = []*jsonschema.Schema{requires("implements"), requires("items")}
	case "policy-dialogues":
		s = r.Reflect(&plan.Dialogues{})
		d := prop(s, "dialogues", "[]")
		// A national dialogue names its country.
		d.If = &jsonschema.Schema{Properties: props("level", &jsonschema.Schema{Const: "national"}), Required: []string{"level"}}
		d.Then = requires("country")
	case "policy-board":
		s = r.Reflect(&plan.PolicyBoard{})
	case "sustainability-plan":
		s = r.Reflect(&plan.SustainabilityPlan{})
		dom := prop(s, "versions", "[]", "measures", "[]", "domain")
		for _, d := range fw.Sustainability.Domains {
			dom.Enum = append(dom.Enum, d.ID)
		}
	case "twinning":
		s = r.Reflect(&plan.Twinnings{})
		itemEnum(fw, prop(s, "twinnings", "[]", "followed_suggestion"))
	case "knowledge":
		s = r.Reflect(&plan.Knowledge{})
		e := prop(s, "entries", "[]")
		taskEnum(fw, prop(e, "tasks", "[]"))
		e.AnyOf = []*jsonschema.Schema{requires("link"), requires("file")}
	case "framework-translation":
		s = translation(fw)
	case "plan-translation":
		// For editors: validate reads a plan translation against the country's
		// own ids and texts (package plantext), which a schema cannot know.
		s = r.Reflect(&plan.PlanTranslation{})
		planTranslation(fw, s)
	default:
		panic("unknown schema kind " + kind)
	}
	for _, k := range Kinds {
		if k.Name == kind {
			s.Title = k.Title
		}
	}
	s.ID = jsonschema.ID(URL(kind + ".schema.json"))
	s.Description = fmt.Sprintf("Generated by `hwfplan schema` from the plan types and the %s framework (%s). Do not edit by hand.", fw.ID, framework.DefaultPath)
	markIdentity(s)
	portable(s, map[*jsonschema.Schema]bool{})
	return s
}

func prop(s *jsonschema.Schema, path ...string) *jsonschema.Schema {
	for _, p := range path {
		switch p {
		case "[]":
			s = s.Items
			continue
		case "{}":
			s = s.AdditionalProperties
			continue
		}
		v, ok := s.Properties.Get(p)
		if !ok {
			panic("schema has no property " + p)
		}
		s = v
	}
	return s
}

func closedObject(title, desc string) *jsonschema.Schema {
	return &jsonschema.Schema{Type: "object", Title: title, Description: desc, Properties: jsonschema.NewProperties(), AdditionalProperties: jsonschema.FalseSchema}
}

func scoreBounds(fw *framework.Framework, s *jsonschema.Schema, sc *framework.Scale, what string) {
	s.Type = "integer"
	s.Minimum = json.Number(fmt.Sprint(sc.Min))
	s.Maximum = json.Number(fmt.Sprint(sc.Max))
	var labels []string
	for _, l := range sc.Labels {
		labels = append(labels, fmt.Sprintf("%d = %s", l.Value, l.Label))
	}
	s.Description = fmt.Sprintf("%s on the %s scale (%d-%d): %s.", what, sc.Title, sc.Min, sc.Max, strings.Join(labels, ", "))
}

func itemDescription(fw *framework.Framework, it *framework.Item) string {
	d := it.Description
	if len(it.Levels) > 0 {
		var ls []string
		for _, l := range it.Levels {
			ls = append(ls, fmt.Sprintf("%d = %s", l.Value, l.Label))
		}
		d += " Levels: " + strings.Join(ls, ", ") + "."
	}
	return strings.TrimSpace(d + " (" + it.Source + ")")
}

func asIs(fw *framework.Framework, s *jsonschema.Schema) {
	base := prop(s, "tasks", "{}")        // TaskAssessment
	itemBase := prop(base, "items", "{}") // ItemAssessment
	tasks := closedObject("Assessment per task", "One block per framework task.")
	for _, t := range fw.Tasks {
		ts := closedObject(fmt.Sprintf("Task %d. %s", t.Number, t.Title), t.Description)
		ts.Properties.Set("summary", prop(base, "summary"))
		items := closedObject("Items", "Every item of the task: a score, or not_assessed with the reason.")
		for i := range t.Items {
			it := &t.Items[i]
			is := copySchema(itemBase)
			is.Title = it.Title
			is.Description = itemDescription(fw, it)
			score := copySchema(prop(is, "score"))
			scoreBounds(fw, score, fw.ItemScale(it), "Score")
			is.Properties.Set("score", score)
			is.OneOf = []*jsonschema.Schema{requires("score"), requires("not_assessed")}
			items.Properties.Set(it.ID, is)
			items.Required = append(items.Required, it.ID)
		}
		ts.Properties.Set("items", items)
		ts.Required = []string{"items"}
		tasks.Properties.Set(t.ID, ts)
		tasks.Required = append(tasks.Required, t.ID)
	}
	s.Properties.Set("tasks", tasks)
	// A later round scores the items it re-assessed: the same blocks, none required.
	round := prop(s, "rounds", "[]")
	rt := prop(round, "tasks")
	rtasks := closedObject(rt.Title, rt.Description)
	for p := tasks.Properties.Oldest(); p != nil; p = p.Next() {
		ts := copySchema(p.Value)
		ts.Required = nil
		items := copySchema(prop(ts, "items"))
		items.Required = nil
		items.Description = "The items of the task re-assessed in this round: a score, or not_assessed with the reason."
		ts.Properties.Set("items", items)
		ts.Required = []string{"items"}
		rtasks.Properties.Set(p.Key, ts)
	}
	round.Properties.Set("tasks", rtasks)
	professions(fw, prop(s, "data_sources", "[]", "professions"))
	dataElements(fw, prop(s, "data_sources", "[]", "minimum_data_set"))
	professions(fw, prop(s, "models", "[]", "professions"))
}

func toBe(fw *framework.Framework, s *jsonschema.Schema) {
	target := prop(s, "targets", "{}", "{}")
	targets := closedObject("Targets per task and item", "For each item to improve: the target score, the year and why.")
	for _, t := range fw.Tasks {
		ts := closedObject(fmt.Sprintf("Task %d. %s", t.Number, t.Title), t.Description)
		for i := range t.Items {
			it := &t.Items[i]
			is := copySchema(target)
			is.Title = it.Title
			is.Description = itemDescription(fw, it)
			score := copySchema(prop(is, "score"))
			scoreBounds(fw, score, fw.ItemScale(it), "Target score")
			is.Properties.Set("score", score)
			ts.Properties.Set(it.ID, is)
		}
		targets.Properties.Set(t.ID, ts)
	}
	s.Properties.Set("targets", targets)
}

func toDo(fw *framework.Framework, s *jsonschema.Schema) {
	step := prop(s, "steps", "[]")
	taskEnum(fw, prop(step, "task"))
	itemEnum(fw, prop(step, "items", "[]"))
}

// itemEnum lists the framework's items (task.item) as a value's choices.
func itemEnum(fw *framework.Framework, s *jsonschema.Schema) {
	for _, k := range fw.ItemKeys() {
		s.Enum = append(s.Enum, k)
	}
}

func actionPlan(fw *framework.Framework, s *jsonschema.Schema) {
	action := prop(s, "actions", "[]")
	taskEnum(fw, prop(action, "task"))
	// A regional action names its NUTS region.
	action.If = &jsonschema.Schema{Properties: props("level", &jsonschema.Schema{Const: "regional"}), Required: []string{"level"}}
	action.Then = requires("region")

	factor := prop(s, "sustainability_factors", "{}")
	factors := closedObject("Sustainability factors (HEROES domains)", "A score and the evidence for each domain of the HEROES Sustainability Framework; no single domain is sufficient on its own. A domain left out is not scored yet (validate warns).")
	for _, d := range fw.Sustainability.Domains {
		fs := copySchema(factor)
		fs.Title = d.Title
		fs.Description = d.Description
		score := copySchema(prop(fs, "score"))
		scoreBounds(fw, score, fw.SustainabilityScale(), "Score")
		fs.Properties.Set("score", score)
		factors.Properties.Set(d.ID, fs)
	}
	s.Properties.Set("sustainability_factors", factors)
}

// requires returns a subschema (of oneOf, then, ...) that requires a property.
// It names the property under properties too: Ajv in strict mode (strictRequired)
// refuses a required property its own schema object does not define.
func requires(name string) *jsonschema.Schema {
	return &jsonschema.Schema{Properties: props(name, jsonschema.TrueSchema), Required: []string{name}}
}

func taskEnum(fw *framework.Framework, s *jsonschema.Schema) {
	var desc []string
	for _, t := range fw.Tasks {
		s.Enum = append(s.Enum, t.ID)
		desc = append(desc, fmt.Sprintf("%s = %s", t.ID, t.Title))
	}
	s.Description = "Framework task: " + strings.Join(desc, "; ") + "."
}

// ProfessionPattern is the pattern of a profession in plan data: one of the
// framework's professions, optionally with a specialty after a slash.
func ProfessionPattern(fw *framework.Framework) string {
	return fmt.Sprintf("^(%s)(/[a-z0-9_]+)?$", strings.Join(fw.ProfessionIDs(), "|"))
}

func professions(fw *framework.Framework, s *jsonschema.Schema) {
	s.Items.Pattern = ProfessionPattern(fw)
	s.Items.Description = fmt.Sprintf("A profession (%s), optionally with a specialty after a slash, e.g. medical_doctors/general_practice.", strings.Join(fw.ProfessionIDs(), ", "))
	s.Items.Examples = []any{fw.ProfessionIDs()[0]}
}

// dataElements describes a list of minimum data set elements: group.element,
// with every element of the framework as an example, so an editor offers them.
// Unknown or malformed elements are the validate rule mds-element's to report,
// with a suggestion, not an enum's or a pattern's: one mistake, one message.
func dataElements(fw *framework.Framework, s *jsonschema.Schema) {
	keys := fw.DataElementKeys()
	if len(keys) == 0 {
		s.Items.Description = "An element of the minimum planning data set as group.element; this framework declares none."
		return
	}
	var groups []string
	for _, g := range fw.MinimumDataSet.Groups {
		groups = append(groups, g.ID)
	}
	s.Items.Description = fmt.Sprintf("An element of the %s as group.element; groups: %s.", strings.ToLower(fw.MinimumDataSet.Title), strings.Join(groups, ", "))
	for _, k := range keys {
		s.Items.Examples = append(s.Items.Examples, k)
	}
}

func props(kv ...any) *orderedmap.OrderedMap[string, *jsonschema.Schema] {
	p := jsonschema.NewProperties()
	for i := 0; i+1 < len(kv); i += 2 {
		p.Set(kv[i].(string), kv[i+1].(*jsonschema.Schema))
	}
	return p
}

// IdentityNote is added to the description of every list of objects that has an
// id: entries are matched by id, never by position (plandiff and planhistory do so
// from the plan types). It is said in words, not in an own keyword such as
// x-identity, because a stock validator in strict mode (Ajv) refuses a keyword it
// does not know.
const IdentityNote = "Entries are matched by their `id` across revisions, never by their position in the list."

// markIdentity declares the identity key of every list of objects that has an id,
// so people and tools reading the schema know list entries are matched by id.
func markIdentity(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	if s.Type == "array" && s.Items != nil && s.Items.Properties != nil {
		if _, ok := s.Items.Properties.Get("id"); ok && !strings.Contains(s.Description, IdentityNote) {
			s.Description = strings.TrimSpace(s.Description + " " + IdentityNote)
		}
	}
	if s.Properties != nil {
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			markIdentity(p.Value)
		}
	}
	markIdentity(s.Items)
	markIdentity(s.AdditionalProperties)
}

// URIPattern is what `format: uri` asserts, as a pattern: an absolute URI (a
// scheme, a colon, no white space).
const URIPattern = `^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$`

// formatPatterns states each format the plan types use as the pattern that
// asserts it. The published schemas carry no `format`: a default Ajv refuses a
// format it has no definition for, and draft 2020-12 validators treat format as
// an annotation unless told otherwise, while every validator asserts a pattern.
var formatPatterns = map[string]string{
	"date": plan.DatePattern,
	"uri":  URIPattern,
}

// portable replaces every `format` below s by its pattern, so that a stock
// validator in its default strict mode compiles the schema and checks the same.
// A format without a pattern here is a programming error.
func portable(s *jsonschema.Schema, seen map[*jsonschema.Schema]bool) {
	if s == nil || seen[s] {
		return
	}
	seen[s] = true
	if s.Format != "" {
		p, ok := formatPatterns[s.Format]
		if !ok {
			panic(fmt.Sprintf("schema: format %q has no pattern in formatPatterns", s.Format))
		}
		if s.Pattern == "" || s.Format == "date" {
			s.Pattern = p
		}
		s.Format = ""
	}
	if s.Properties != nil {
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			portable(p.Value, seen)
		}
	}
	for _, sub := range [][]*jsonschema.Schema{s.AllOf, s.AnyOf, s.OneOf, s.PrefixItems} {
		for _, c := range sub {
			portable(c, seen)
		}
	}
	for _, c := range []*jsonschema.Schema{s.Items, s.AdditionalProperties, s.Not, s.If, s.Then, s.Else, s.Contains, s.PropertyNames} {
		portable(c, seen)
	}
	for _, c := range s.Definitions {
		portable(c, seen)
	}
	for _, m := range []map[string]*jsonschema.Schema{s.DependentSchemas, s.PatternProperties} {
		for _, c := range m {
			portable(c, seen)
		}
	}
}

// copySchema copies a schema node and its property list, sharing everything
// below: the callers change only the copy's own fields and replace whole
// properties. (A deep copy through JSON was a third of validate's start-up.)
func copySchema(s *jsonschema.Schema) *jsonschema.Schema {
	c := *s
	if s.Properties != nil {
		c.Properties = jsonschema.NewProperties()
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			c.Properties.Set(p.Key, p.Value)
		}
	}
	return &c
}
