package schema

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/invopop/jsonschema"
)

// translation is the schema of a translation of the framework
// (schema/framework.<lang>.yaml): the framework's text keys as closed objects
// keyed by id, each text described by its English, score labels as
// {value, label} lists of the framework's values. It is for editors; validate
// checks translations with its own rules (translation-id and the others), which
// also say what is missing and which id was meant.
func translation(fw *framework.Framework) *jsonschema.Schema {
	root := closedObject("", "")
	root.Properties.Set("language", &jsonschema.Schema{Type: "string", Pattern: "^[a-z]{2}$",
		Description: "The translation's language, ISO 639-1, as in the file name (framework.hu.yaml: hu)."})
	review := closedObject("Review by the country team", "Until the country team has confirmed the translation, reviewed is false and every page in this language says the translation is not yet reviewed.")
	review.Properties.Set("reviewed", &jsonschema.Schema{Type: "boolean", Description: "true once the country team has confirmed the translation (with reviewed_by and date)."})
	review.Properties.Set("reviewed_by", &jsonschema.Schema{Type: "string", Description: "Who confirmed it: the country team, or its GitHub handles."})
	review.Properties.Set("date", &jsonschema.Schema{Type: "string", Description: "When it was confirmed, YYYY-MM-DD (empty until then).", Pattern: "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"})
	review.Required = []string{"reviewed"}
	root.Properties.Set("review", review)
	root.Required = []string{"language", "review"}
	for _, k := range fw.TextKeys() {
		parts := strings.Split(k.Key, ".")
		s := root
		for i, part := range parts[:len(parts)-1] {
			if part == "labels" || part == "levels" {
				labelsEntry(s, part, parts[len(parts)-1], k.English, strings.Join(parts[:i+1], "."))
				s = nil
				break
			}
			next, ok := s.Properties.Get(part)
			if !ok {
				next = closedObject(part, "")
				s.Properties.Set(part, next)
			}
			s = next
		}
		if s != nil {
			s.Properties.Set(parts[len(parts)-1], &jsonschema.Schema{Type: "string", Description: fmt.Sprintf("English: %s", k.English)})
		}
	}
	return root
}

// labelsEntry adds a score value to the list of {value, label} entries s holds
// under name.
func labelsEntry(s *jsonschema.Schema, name, value, english, where string) {
	list, ok := s.Properties.Get(name)
	if !ok {
		entry := closedObject("", "")
		entry.Properties.Set("value", &jsonschema.Schema{Type: "integer"})
		entry.Properties.Set("label", &jsonschema.Schema{Type: "string"})
		entry.Required = []string{"value", "label"}
		list = &jsonschema.Schema{Type: "array", Title: where, Description: "The labels of the score values, as {value, label}; English:", Items: entry}
		s.Properties.Set(name, list)
	}
	v, _ := strconv.Atoi(value)
	vs, _ := list.Items.Properties.Get("value")
	vs.Enum = append(vs.Enum, json.Number(strconv.Itoa(v)))
	list.Description += fmt.Sprintf(" %d = %s;", v, english)
}

// planTranslation names the framework's tasks and items where a plan
// translation keys texts by them (as-is tasks and items, to-be targets,
// sustainability domains), so an editor completes them; the entries' own ids
// (steps, actions ...) are the country's, which only validate knows.
func planTranslation(fw *framework.Framework, s *jsonschema.Schema) {
	taskText := prop(s, "as-is", "tasks", "{}")
	itemText := prop(taskText, "items", "{}")
	tasks := closedObject("Per task", "Keyed by task id.")
	targets := closedObject("Targets per task and item", "Keyed by task id, then item id.")
	for _, t := range fw.Tasks {
		ts := copySchema(taskText)
		ts.Title = t.Title
		items := closedObject("Items", "Keyed by item id.")
		tt := closedObject(t.Title, "")
		for _, it := range t.Items {
			is := copySchema(itemText)
			is.Title = it.Title
			items.Properties.Set(it.ID, is)
			tg := copySchema(prop(s, "to-be", "targets", "{}", "{}"))
			tg.Title = it.Title
			tt.Properties.Set(it.ID, tg)
		}
		ts.Properties.Set("items", items)
		tasks.Properties.Set(t.ID, ts)
		targets.Properties.Set(t.ID, tt)
	}
	prop(s, "as-is").Properties.Set("tasks", tasks)
	prop(s, "as-is", "rounds", "{}").Properties.Set("tasks", tasks)
	prop(s, "to-be").Properties.Set("targets", targets)
	factor := prop(s, "action-plan", "sustainability_factors", "{}")
	factors := closedObject("Sustainability factors", "Keyed by domain id.")
	for _, d := range fw.Sustainability.Domains {
		fs := copySchema(factor)
		fs.Title = d.Title
		factors.Properties.Set(d.ID, fs)
	}
	prop(s, "action-plan").Properties.Set("sustainability_factors", factors)
}
