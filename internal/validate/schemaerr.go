package validate

import (
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/weburl"
	"github.com/hwfplan/hwfplan/internal/words"
	invopop "github.com/invopop/jsonschema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
)

// Rule ids of schema diagnostics.
const (
	RuleRequired   = "required"
	RuleUnknownKey = "unknown-key"
	RuleType       = "type"
	RuleEnum       = "enum"
	RuleRange      = "range"
	RuleScoreRange = "score-range"
	RuleFormat     = "format"
	RuleLength     = "length"
	RuleUnique     = "unique"
	RuleChoice     = "choice"
	RuleSchema     = "schema"
)

func (v *Validator) checkSchema(f *model.File, kindName string, c *compiled) []diag.Diagnostic {
	err := c.check.Validate(f.Value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []diag.Diagnostic{{File: f.Path, Line: 1, Column: 1, Severity: diag.Error, Rule: RuleSchema, Message: err.Error()}}
	}
	t := translator{v: v, f: f, src: c.source}
	t.walk(ve)
	return t.out
}

type translator struct {
	v   *Validator
	f   *model.File
	src *invopop.Schema
	out []diag.Diagnostic
}

// monthPattern is the generated schema's pattern for plan.YearMonth.
const monthPattern = `^[0-9]{4}-(0[1-9]|1[0-2])$`

var looksLikeMonth = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)

var looksLikeDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

func (t *translator) add(pointer string, atKey bool, rule, format string, args ...any) {
	line, col := t.f.Pos(pointer)
	if atKey {
		line, col = t.f.KeyPos(pointer)
	}
	t.out = append(t.out, diag.Diagnostic{File: t.f.Path, Line: line, Column: col, Pointer: pointer,
		Severity: diag.Error, Rule: rule, Message: t.where(pointer) + fmt.Sprintf(format, args...)})
}

func (t *translator) walk(e *jsonschema.ValidationError) {
	ptr := model.Pointer(e.InstanceLocation...)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			t.add(ptr, true, RuleRequired, "the required key %q is missing%s", m, t.hint(e.InstanceLocation, m))
		}
	case *kind.AdditionalProperties:
		allowed := t.allowedKeys(e.InstanceLocation)
		for _, p := range k.Properties {
			child := model.Pointer(append(append([]string{}, e.InstanceLocation...), p)...)
			msg := fmt.Sprintf("unknown key %q", p)
			if s := words.Closest(p, allowed); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else if len(allowed) > 0 && len(allowed) <= 12 {
				msg += "; allowed here: " + strings.Join(allowed, ", ")
			}
			t.add(child, true, RuleUnknownKey, "%s", msg)
		}
	case *kind.Type:
		n, _, _ := t.f.Lookup(ptr)
		t.add(ptr, false, RuleType, "expected %s, found %s", wantTypes(k.Want), describe(n))
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = fmt.Sprint(w)
		}
		msg := fmt.Sprintf("%s is not one of the allowed values", quoteVal(k.Got))
		if len(want) <= 12 {
			msg += " (" + strings.Join(want, ", ") + ")"
		} else {
			msg += fmt.Sprintf(" (%d values; see the schema)", len(want))
		}
		if s := words.Closest(fmt.Sprint(k.Got), want); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		t.add(ptr, false, RuleEnum, "%s", msg)
	case *kind.Minimum:
		t.rangeErr(ptr, e.InstanceLocation, k.Got, k.Want, "below the minimum")
	case *kind.Maximum:
		t.rangeErr(ptr, e.InstanceLocation, k.Got, k.Want, "above the maximum")
	case *kind.Pattern:
		if k.Want == monthPattern && looksLikeMonth.MatchString(k.Got) {
			t.add(ptr, false, RuleDateReal, "%q is not a real month (months run 01 to 12); write it as YYYY-MM", k.Got)
			return
		}
		if k.Want == plan.DatePattern && looksLikeDate.MatchString(k.Got) {
			t.add(ptr, false, RuleDateReal, "%q is not a real date; write it as YYYY-MM-DD", k.Got)
			return
		}
		if k.Want == weburl.Pattern {
			t.add(ptr, false, RuleFormat, "%s", weburl.Check(k.Got))
			return
		}
		s := t.schemaAt(e.InstanceLocation)
		msg := fmt.Sprintf("%q does not have the expected form", k.Got)
		if s != nil && len(s.Examples) > 0 {
			msg += fmt.Sprintf("; write it like %v", s.Examples[0])
		} else if s != nil && s.Description != "" {
			msg += ": " + s.Description
		}
		t.add(ptr, false, RuleFormat, "%s", msg)
	case *kind.Format:
		if k.Want == "date" {
			t.add(ptr, false, RuleDateReal, "%s is not a real date; write it as YYYY-MM-DD", quoteVal(k.Got))
			return
		}
		t.add(ptr, false, RuleFormat, "%s is not a real %s", quoteVal(k.Got), k.Want)
	case *kind.MinLength:
		t.add(ptr, false, RuleLength, "must not be empty")
	case *kind.MaxLength:
		t.add(ptr, false, RuleLength, "is longer than %d characters", k.Want)
	case *kind.MinItems:
		t.add(ptr, false, RuleLength, "needs at least %d %s", k.Want, words.Plural(k.Want, "entry", "entries"))
	case *kind.MaxItems:
		t.add(ptr, false, RuleLength, "has more than %d entries", k.Want)
	case *kind.UniqueItems:
		t.add(model.Pointer(append(append([]string{}, e.InstanceLocation...), strconv.Itoa(k.Duplicates[1]))...), false, RuleUnique,
			"entries %d and %d are the same; list each once", k.Duplicates[0]+1, k.Duplicates[1]+1)
	case *kind.OneOf:
		if len(e.InstanceLocation) == 4 && e.InstanceLocation[0] == "tasks" && e.InstanceLocation[2] == "items" {
			item := e.InstanceLocation[1] + "." + e.InstanceLocation[3]
			if len(k.Subschemas) > 1 {
				t.add(ptr, true, RuleChoice, "item %s has both a score and not_assessed; keep one", item)
			} else {
				t.add(ptr, true, RuleChoice, "item %s needs a score, or not_assessed with the reason it was not assessed", item)
			}
			return
		}
		for _, c := range e.Causes {
			t.walk(c)
		}
	case *kind.Const:
		// Only used in if/then conditions; the "then" branch reports the real problem.
	case *kind.FalseSchema:
		t.add(ptr, true, RuleUnknownKey, "this key is not allowed here")
	default:
		if len(e.Causes) == 0 {
			t.add(ptr, false, RuleSchema, "%s", e.Error())
		}
		for _, c := range e.Causes {
			t.walk(c)
		}
	}
}

// where prefixes a message with the key it is about, in the planner's terms.
func (t *translator) where(pointer string) string {
	toks := splitPointer(pointer)
	if len(toks) == 0 {
		return ""
	}
	// Name list entries by their id when they have one: steps[HU-S2].
	var parts []string
	for i, tok := range toks {
		if _, err := strconv.Atoi(tok); err == nil && i > 0 {
			label := "#" + strconv.Itoa(mustAtoi(tok)+1)
			if n, _, ok := t.f.Lookup(model.Pointer(append(append([]string{}, toks[:i+1]...), "id")...)); ok && n.Value != "" {
				label = n.Value
			}
			parts[len(parts)-1] += "[" + label + "]"
			continue
		}
		parts = append(parts, tok)
	}
	return strings.Join(parts, ".") + ": "
}

func (t *translator) rangeErr(ptr string, loc []string, got, want *big.Rat, what string) {
	if len(loc) >= 2 && loc[len(loc)-1] == "score" {
		var itemKey, scaleID, round string
		switch {
		case len(loc) == 5 && loc[0] == "tasks": // as-is: tasks/<t>/items/<i>/score
			itemKey = loc[1] + "." + loc[3]
		case len(loc) == 7 && loc[0] == "rounds" && loc[2] == "tasks": // a later round: rounds/<n>/tasks/<t>/items/<i>/score
			itemKey = loc[3] + "." + loc[5]
			if n, _, ok := t.f.Lookup(model.Pointer("rounds", loc[1], "id")); ok && n.Value != "" {
				round = " in round " + n.Value
			}
		case len(loc) == 4 && loc[0] == "targets": // to-be: targets/<t>/<i>/score
			itemKey = loc[1] + "." + loc[2]
		case len(loc) == 3 && loc[0] == "sustainability_factors":
			scaleID = t.v.fw.Sustainability.Scale
			sc, _ := t.v.fw.Scale(scaleID)
			t.out = append(t.out, t.rangeDiag(ptr, fmt.Sprintf("score %s is %s %s of sustainability domain %s (scale %d-%d)", ratStr(got), what, ratStr(want), loc[1], sc.Min, sc.Max)))
			return
		}
		if it, ok := t.v.fw.Item(itemKey); ok {
			sc := t.v.fw.ItemScale(it)
			t.out = append(t.out, t.rangeDiag(ptr, fmt.Sprintf("score %s is %s %s of item %s (scale %d-%d)%s", ratStr(got), what, ratStr(want), itemKey, sc.Min, sc.Max, round)))
			return
		}
	}
	t.add(ptr, false, RuleRange, "%s is %s %s", ratStr(got), what, ratStr(want))
}

func (t *translator) rangeDiag(ptr, msg string) diag.Diagnostic {
	line, col := t.f.Pos(ptr)
	return diag.Diagnostic{File: t.f.Path, Line: line, Column: col, Pointer: ptr, Severity: diag.Error, Rule: RuleScoreRange, Message: msg}
}

// schemaAt walks the generated schema along an instance location.
func (t *translator) schemaAt(loc []string) *invopop.Schema {
	s := t.src
	for _, tok := range loc {
		if s == nil {
			return nil
		}
		if s.Properties != nil {
			if p, ok := s.Properties.Get(tok); ok {
				s = p
				continue
			}
		}
		if s.Items != nil {
			if _, err := strconv.Atoi(tok); err == nil {
				s = s.Items
				continue
			}
		}
		if s.AdditionalProperties != nil && s.AdditionalProperties != invopop.FalseSchema {
			s = s.AdditionalProperties
			continue
		}
		return nil
	}
	return s
}

func (t *translator) allowedKeys(loc []string) []string {
	s := t.schemaAt(loc)
	if s == nil || s.Properties == nil {
		return nil
	}
	var keys []string
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		keys = append(keys, p.Key)
	}
	return keys
}

// hint explains a missing key from its schema title or description.
func (t *translator) hint(loc []string, key string) string {
	s := t.schemaAt(append(append([]string{}, loc...), key))
	if s == nil {
		return ""
	}
	switch {
	case s.Title != "" && !strings.EqualFold(s.Title, key):
		return " (" + s.Title + ")"
	}
	return ""
}

func describe(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	return load.Describe(n)
}

func wantTypes(want []string) string {
	var out []string
	for _, w := range want {
		switch w {
		case "string":
			out = append(out, "text")
		case "integer":
			out = append(out, "a whole number")
		case "number":
			out = append(out, "a number")
		case "boolean":
			out = append(out, "true or false")
		case "object":
			out = append(out, "a block of keys")
		case "array":
			out = append(out, "a list")
		case "null":
			out = append(out, "nothing")
		default:
			out = append(out, w)
		}
	}
	return strings.Join(out, " or ")
}

func quoteVal(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func ratStr(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func splitPointer(p string) []string {
	if p == "" {
		return nil
	}
	toks := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, t := range toks {
		toks[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(t)
	}
	return toks
}

func mustAtoi(s string) int { i, _ := strconv.Atoi(s); return i }
