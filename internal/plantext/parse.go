package plantext

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/words"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Kinds of problems of a translation file; validate reports each under its own rule.
const (
	ProblemUnknown  = "unknown"  // an id or field the plan does not have, or a text whose English is empty
	ProblemMissing  = "missing"  // texts not translated in a translation that says complete: true
	ProblemShape    = "shape"    // a value of the wrong kind (a list where text belongs)
	ProblemReview   = "review"   // the review block is missing or incomplete
	ProblemLanguage = "language" // not a language code, English, not the file name's, not declared in country.yaml
)

// Problem is one problem of a translation file, at a line and column (0 when
// it concerns the whole file).
type Problem struct {
	Line, Column int
	Kind         string
	Message      string
	// English is the plan file (as-is.yaml ...) an unknown id or text was
	// looked up in: when that file has errors of its own (a misspelt id), they
	// are the ones to fix first.
	English string
}

// Translation is one language's text of a country's plan.
type Translation struct {
	Language string
	Review   framework.Review
	Complete bool
	texts    map[string]string
}

// Text returns the translation of a text key; ok is false when it gives none.
func (t *Translation) Text(key string) (string, bool) {
	if t == nil {
		return "", false
	}
	s, ok := t.texts[key]
	return s, ok
}

// Len is the number of texts the translation gives.
func (t *Translation) Len() int {
	if t == nil {
		return 0
	}
	return len(t.texts)
}

// node is the shape a translation must have: the plan's text fields as a tree
// of mapping keys.
type node struct {
	children map[string]*node
	order    []string
	english  string // for a leaf
	opaque   bool   // a section whose English file is missing or unreadable: not checked
	noun     string // what the children are ("action", "field")
	where    string // how a message names this place ("action-plan.actions.HU-A1")
}

// nouns names what the keys of a mapping are, for messages.
var nouns = map[string]string{
	"tasks": "task", "items": "item", "data_sources": "data source", "models": "model",
	"stakeholders": "stakeholder", "rounds": "round", "targets": "task", "steps": "step",
	"milestones": "milestone", "actions": "action", "kpis": "KPI", "sustainability_factors": "domain",
}

// fileOf names the English file a section's texts come from.
var fileOf = map[string]string{
	"country": plan.CountryFile, "as-is": plan.AsIsFile, "to-be": plan.ToBeFile,
	"to-do": plan.ToDoFile, "action-plan": plan.ActionPlanFile,
}

func (n *node) child(name string) *node {
	if c := n.children[name]; c != nil {
		return c
	}
	c := &node{children: map[string]*node{}, noun: "field", where: strings.TrimPrefix(n.where+"."+name, ".")}
	if w, ok := nouns[name]; ok {
		c.noun = w
	}
	if n.where == "to-be.targets" {
		c.noun = "item"
	}
	if n.where == "" {
		c.noun = "field"
	}
	n.children[name] = c
	n.order = append(n.order, name)
	return c
}

// tree returns the shape of a translation of c: every text field of its plan,
// empty ones too (so a message can say the English has none).
func tree(c *model.Country) *node {
	root := &node{children: map[string]*node{}, noun: "file"}
	ps := plansOf(c)
	for _, s := range []struct {
		name string
		have bool
	}{{"country", ps.country != nil}, {"as-is", ps.asIs != nil}, {"to-be", ps.toBe != nil}, {"to-do", ps.toDo != nil}, {"action-plan", ps.actionPlan != nil}} {
		root.child(s.name).opaque = !s.have
	}
	visit(ps, false, func(p []string, s *string) {
		n := root
		for _, part := range p {
			n = n.child(part)
		}
		n.english = strings.TrimSpace(*s)
	})
	return root
}

// meta are the keys of a translation file that are not plan text.
var meta = []string{"language", "review", "complete"}

// Parse reads a translation file of country c (its parsed YAML, the document's
// top node) against c's English text. It returns what the file translates and
// every problem, each at its position; a problem never stops the rest being
// read. today (YYYY-MM-DD, empty to skip) bounds the review date.
func Parse(c *model.Country, filePath string, root *yaml.Node, today string) (*Translation, []Problem) {
	p := &parser{tr: &Translation{texts: map[string]string{}}}
	lang, ok := Language(filePath)
	if !ok {
		p.add(nil, ProblemLanguage, "a plan translation is named countries/<CODE>/translations/<language>.yaml, like countries/HU/translations/hu.yaml")
	}
	p.tr.Language = lang
	if ok {
		p.checkLanguage(c, lang)
	}
	if root == nil || root.Kind != yaml.MappingNode {
		p.add(root, ProblemShape, "a plan translation holds keys with values: language, review, then the texts under as-is, to-be, to-do and action-plan, keyed by id as in the plan files")
		return p.tr, p.problems
	}
	t := tree(c)
	var review, complete *yaml.Node
	seenLanguage := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "language":
			seenLanguage = true
			if v.Kind != yaml.ScalarNode || v.Value != lang {
				p.add(v, ProblemLanguage, "language %q does not match the file name: this is the %s translation (%s), so write language: %s", v.Value, lang, Path(c.Code, lang), lang)
			}
		case "review":
			review = v
			r, problems := framework.ReadReview(k, v, today)
			p.tr.Review = r
			for _, pr := range problems {
				kind := ProblemReview
				if pr.Kind == framework.ProblemUnknown {
					kind = ProblemUnknown
				}
				p.problems = append(p.problems, Problem{Line: pr.Line, Column: pr.Column, Kind: kind, Message: pr.Message})
			}
		case "complete":
			complete = k
			if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
				p.add(v, ProblemShape, "complete is true or false, not %q", v.Value)
				continue
			}
			p.tr.Complete = v.Value == "true"
		default:
			if ch := t.children[k.Value]; ch != nil {
				p.walk(ch, k, v)
				continue
			}
			p.unknown(t, k)
		}
	}
	if !seenLanguage {
		p.add(root, ProblemLanguage, "language is missing: write language: %s at the top", lang)
	}
	if review == nil {
		p.add(root, ProblemReview, "review is missing: say whether the country team has reviewed this translation, with review: {reviewed: false} until it has")
	}
	if p.tr.Complete {
		p.missing(c, complete)
	}
	return p.tr, p.problems
}

type parser struct {
	tr       *Translation
	problems []Problem
}

func (p *parser) add(n *yaml.Node, kind, format string, args ...any) {
	pr := Problem{Kind: kind, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		pr.Line, pr.Column = n.Line, n.Column
	}
	p.problems = append(p.problems, pr)
}

func (p *parser) checkLanguage(c *model.Country, lang string) {
	if lang == "en" {
		p.add(nil, ProblemLanguage, "English is the plan's own language (the files in %s); a translation is for another language", c.Dir)
		return
	}
	if _, err := language.ParseBase(lang); err != nil || len(lang) != 2 {
		p.add(nil, ProblemLanguage, "%q in the file name is not a two-letter ISO 639-1 language code like hu, de or it", lang)
		return
	}
	if c.Country != nil && !slices.Contains(c.Country.Languages, lang) {
		p.add(nil, ProblemLanguage, "%s is not one of %s's languages in %s (%s): add it to languages there, or name this file after one of them",
			lang, c.Code, c.Dir+"/"+plan.CountryFile, strings.Join(c.Country.Languages, ", "))
	}
}

// walk reads the value v of key k against the tree node t.
func (p *parser) walk(t *node, k, v *yaml.Node) {
	if t.opaque {
		return // the English file's own problems are reported there
	}
	if len(t.children) == 0 { // a text
		if v.Kind != yaml.ScalarNode || (v.ShortTag() != "!!str" && v.ShortTag() != "!!null") {
			p.add(v, ProblemShape, "%s is text: the translation of %q", t.where, t.english)
			return
		}
		s := strings.TrimSpace(v.Value)
		if s == "" {
			return
		}
		if t.english == "" {
			sec, _, _ := strings.Cut(t.where, ".")
			p.add(k, ProblemUnknown, "%s has no text in English (%s), so there is nothing to translate; remove it here, or write the English first", t.where, fileOf[sec])
			p.problems[len(p.problems)-1].English = fileOf[sec]
			return
		}
		p.tr.texts[t.where] = s
		return
	}
	if v.Kind != yaml.MappingNode {
		if v.ShortTag() == "!!null" {
			return
		}
		p.add(v, ProblemShape, "%s holds keys with values (%s)", t.where, strings.Join(t.order, ", "))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		ck, cv := v.Content[i], v.Content[i+1]
		if c := t.children[ck.Value]; c != nil {
			p.walk(c, ck, cv)
			continue
		}
		p.unknown(t, ck)
	}
}

// unknown reports a key t does not have, with the closest it has.
func (p *parser) unknown(t *node, k *yaml.Node) {
	known := t.order
	where := t.where
	if where == "" {
		where = "a plan translation"
		known = append(slices.Clone(meta), known...)
	}
	var msg string
	if t.noun == "field" {
		msg = fmt.Sprintf("%s has no field %q", where, k.Value)
	} else {
		sec, _, _ := strings.Cut(t.where, ".")
		msg = fmt.Sprintf("%s has no %s %q in English (%s)", where, t.noun, k.Value, fileOf[sec])
	}
	if s := words.Closest(k.Value, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else if len(known) > 0 {
		msg += fmt.Sprintf("; it has %s", strings.Join(known, ", "))
	}
	if t.noun != "field" {
		msg += " A translation follows its entry by id: when an entry is removed or its id changes in English, remove or rename its translation too."
	}
	p.add(k, ProblemUnknown, "%s", msg)
	if t.where != "" {
		sec, _, _ := strings.Cut(t.where, ".")
		p.problems[len(p.problems)-1].English = fileOf[sec]
	}
}

// maxListed bounds the texts a missing warning names.
const maxListed = 5

// missing reports, once, the English texts a complete translation does not give.
func (p *parser) missing(c *model.Country, at *yaml.Node) {
	var keys []string
	for _, k := range Keys(c) {
		if _, ok := p.tr.texts[k.Key]; !ok {
			keys = append(keys, k.Key)
		}
	}
	if len(keys) == 0 {
		return
	}
	listed := keys[:min(len(keys), maxListed)]
	more := ""
	if len(keys) > len(listed) {
		more = fmt.Sprintf(" and %d more", len(keys)-len(listed))
	}
	p.add(at, ProblemMissing, "this translation says complete: true, but %s of %d %s not translated: %s%s; readers see the English there",
		words.CountNoun(len(keys), "text"), len(Keys(c)), verb(len(keys)), strings.Join(listed, ", "), more)
}

func verb(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
