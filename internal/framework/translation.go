package framework

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/words"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// A translation of the framework lives beside it, one file per language:
// schema/framework.<lang>.yaml ("framework.hu.yaml"). It mirrors the framework's
// nesting, keyed by id, and holds only text: the titles and descriptions of the
// tasks, items, scales, score labels, sustainability domains, minimum data set
// and professions. Its review block says, as data, whether the country team has
// confirmed it; until then the site and reports say the translation is not yet
// reviewed and never present it as official.

// TranslationGlob matches the translation files in a plans repository.
const TranslationGlob = "schema/framework.*.yaml"

var translationFile = regexp.MustCompile(`^schema/framework\.([a-z]{2,3})\.yaml$`)

// TranslationLanguage returns the language code of a translation file's path
// ("schema/framework.hu.yaml" → "hu"); ok is false for any other path.
func TranslationLanguage(p string) (string, bool) {
	m := translationFile.FindStringSubmatch(p)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// TranslationPath is the path of a language's translation file.
func TranslationPath(lang string) string {
	return path.Join(path.Dir(DefaultPath), "framework."+lang+".yaml")
}

// Translation is one language's text of the framework.
type Translation struct {
	Language string // ISO 639-1 code, from the file name
	Review   Review
	texts    map[string]string
}

// Review is whether the country team has confirmed a translation, and who and when.
type Review struct {
	Reviewed   bool
	ReviewedBy string
	Date       string // YYYY-MM-DD
}

// Text returns the translation of a text key (see TextKeys); ok is false when
// the translation does not give it.
func (t *Translation) Text(key string) (string, bool) {
	if t == nil {
		return "", false
	}
	s, ok := t.texts[key]
	return s, ok
}

// TextKey is one translatable text of the framework: its key, the path of
// mapping keys a translation file nests it under joined by dots
// ("tasks.data.items.timeliness.title"; a score label's last part is its value,
// "scales.phase.labels.1"), and its English.
type TextKey struct {
	Key     string
	English string
}

// TextKeys lists every translatable text of the framework, in framework order.
func (f *Framework) TextKeys() []TextKey {
	var out []TextKey
	add := func(key, en string) {
		if strings.TrimSpace(en) != "" {
			out = append(out, TextKey{key, en})
		}
	}
	labels := func(prefix string, ls []Label) {
		for _, l := range ls {
			add(prefix+"."+strconv.Itoa(l.Value), l.Label)
		}
	}
	add("title", f.Title)
	for _, s := range f.Scales {
		p := "scales." + s.ID
		add(p+".title", s.Title)
		labels(p+".labels", s.Labels)
	}
	for _, t := range f.Tasks {
		p := "tasks." + t.ID
		add(p+".title", t.Title)
		add(p+".short", t.Short)
		add(p+".description", t.Description)
		for _, it := range t.Items {
			ip := p + ".items." + it.ID
			add(ip+".title", it.Title)
			add(ip+".description", it.Description)
			labels(ip+".levels", it.Levels)
		}
	}
	for _, d := range f.Sustainability.Domains {
		p := "sustainability.domains." + d.ID
		add(p+".title", d.Title)
		add(p+".description", d.Description)
	}
	if ds := f.MinimumDataSet; ds != nil {
		add("minimum_data_set.title", ds.Title)
		for _, g := range ds.Groups {
			p := "minimum_data_set.groups." + g.ID
			add(p+".title", g.Title)
			add(p+".description", g.Description)
			for _, e := range g.Elements {
				add(p+".elements."+e.ID+".title", e.Title)
				add(p+".elements."+e.ID+".description", e.Description)
			}
		}
	}
	for _, pr := range f.Professions {
		add("professions."+pr.ID+".title", pr.Title)
	}
	return out
}

// Kinds of translation problems: validate reports each under its own rule.
const (
	ProblemUnknown  = "unknown"  // a key or id the framework does not have
	ProblemMissing  = "missing"  // a text the translation does not give (the English shows)
	ProblemShape    = "shape"    // a value of the wrong kind (a list where text belongs)
	ProblemReview   = "review"   // the review block is missing or incomplete
	ProblemLanguage = "language" // the file's language is not a language code, or not its file name's
)

// TranslationProblem is one problem of a translation file, at a line and column
// (0 when it concerns the whole file).
type TranslationProblem struct {
	Line, Column int
	Kind         string
	Key          string // the text key a missing problem concerns
	Message      string
}

// keyTree is the shape a translation must have: the framework's text keys as a
// tree of mapping keys.
type keyTree struct {
	children map[string]*keyTree
	order    []string
	english  string // for a leaf
	noun     string // what the children are ("item", "field")
	labels   bool   // a list of {value, label} entries (children keyed by value)
	where    string // how a message names this place ("tasks.data.items")
}

func (k *keyTree) child(name string) *keyTree {
	if c := k.children[name]; c != nil {
		return c
	}
	c := &keyTree{children: map[string]*keyTree{}}
	c.where = strings.TrimPrefix(k.where+"."+name, ".")
	c.noun = nouns[name]
	c.labels = name == "labels" || name == "levels"
	if c.noun == "" {
		c.noun = "field"
	}
	k.children[name] = c
	k.order = append(k.order, name)
	return c
}

// nouns names what a mapping's keys are, for messages.
var nouns = map[string]string{
	"scales": "scale", "tasks": "task", "items": "item", "domains": "domain",
	"groups": "group", "elements": "element", "professions": "profession",
	"labels": "value", "levels": "value",
}

func (f *Framework) keyTree() *keyTree {
	root := &keyTree{children: map[string]*keyTree{}, noun: "field"}
	for _, k := range f.TextKeys() {
		n := root
		for _, part := range strings.Split(k.Key, ".") {
			n = n.child(part)
		}
		n.english = k.English
	}
	return root
}

// translationMeta are the keys of a translation file that are not framework text.
var translationMeta = []string{"language", "review"}

// ParseTranslation reads a translation file's parsed YAML (the document's top
// node) against the framework. It returns what the file translates and every
// problem, each at its position; a problem never stops the rest being read.
// today (YYYY-MM-DD, empty to skip) bounds the review date.
func (f *Framework) ParseTranslation(filePath string, root *yaml.Node, today string) (*Translation, []TranslationProblem) {
	p := &translationParser{tr: &Translation{texts: map[string]string{}}}
	lang, ok := TranslationLanguage(filePath)
	if !ok {
		p.add(nil, ProblemLanguage, "", "a framework translation is named schema/framework.<language>.yaml, like schema/framework.hu.yaml")
	}
	p.tr.Language = lang
	if ok {
		p.checkLanguageCode(lang)
	}
	if root == nil || root.Kind != yaml.MappingNode {
		p.add(root, ProblemShape, "", "a framework translation holds keys with values: language, review, then the texts under tasks, scales and the rest, as in schema/framework.yaml")
		return p.tr, p.problems
	}
	tree := f.keyTree()
	var review *yaml.Node
	seenLanguage := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "language":
			seenLanguage = true
			if v.Kind != yaml.ScalarNode || v.Value != lang {
				p.add(v, ProblemLanguage, "", "language %q does not match the file name: this is the %s translation (%s), so write language: %s", v.Value, lang, TranslationPath(lang), lang)
			}
		case "review":
			review = v
			p.review(k, v, today)
		default:
			if c := tree.children[k.Value]; c != nil {
				p.walk(c, k, v)
				continue
			}
			p.unknown(tree, k, keysOf(root))
		}
	}
	if !seenLanguage {
		p.add(root, ProblemLanguage, "", "language is missing: write language: %s at the top", lang)
	}
	if review == nil {
		p.add(root, ProblemReview, "", "review is missing: say whether the country team has reviewed this translation, with review: {reviewed: false} until it has")
	}
	p.missing(tree, root)
	return p.tr, p.problems
}

type translationParser struct {
	tr       *Translation
	problems []TranslationProblem
	// covered are keys an error already speaks for (a misspelt id's texts, a
	// text of the wrong kind): no missing warning repeats it.
	covered []string
}

func (p *translationParser) cover(key string) { p.covered = append(p.covered, key) }

func (p *translationParser) isCovered(key string) bool {
	return slices.ContainsFunc(p.covered, func(c string) bool { return key == c || strings.HasPrefix(key, c+".") })
}

func (p *translationParser) add(n *yaml.Node, kind, key, format string, args ...any) {
	pr := TranslationProblem{Kind: kind, Key: key, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		pr.Line, pr.Column = n.Line, n.Column
	}
	p.problems = append(p.problems, pr)
}

func (p *translationParser) checkLanguageCode(lang string) {
	if lang == "en" {
		p.add(nil, ProblemLanguage, "", "English is the framework's own language (schema/framework.yaml); a translation is for another language")
		return
	}
	if _, err := language.ParseBase(lang); err != nil || len(lang) != 2 {
		p.add(nil, ProblemLanguage, "", "%q in the file name is not a two-letter ISO 639-1 language code like hu, de or it", lang)
	}
}

// ReadReview reads a review block (review: {reviewed, reviewed_by, date}) as a
// framework translation's, for other translations that carry the same block
// (a country's plan text, package plantext): one wording of the review rules.
func ReadReview(key, v *yaml.Node, today string) (Review, []TranslationProblem) {
	p := &translationParser{tr: &Translation{}}
	p.review(key, v, today)
	return p.tr.Review, p.problems
}

var datePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

func (p *translationParser) review(key, v *yaml.Node, today string) {
	if v.Kind != yaml.MappingNode {
		p.add(v, ProblemReview, "", "review holds reviewed (true or false), and once reviewed, reviewed_by and date")
		return
	}
	var reviewed, by, date *yaml.Node
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "reviewed":
			reviewed = val
		case "reviewed_by":
			by = val
		case "date":
			date = val
		default:
			msg := fmt.Sprintf("review has no field %q; it holds reviewed, reviewed_by and date", k.Value)
			if s := words.Closest(k.Value, []string{"reviewed", "reviewed_by", "date"}); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.add(k, ProblemUnknown, "", "%s", msg)
		}
	}
	switch {
	case reviewed == nil:
		p.add(key, ProblemReview, "", "review.reviewed is missing: write reviewed: false until the country team has confirmed the translation")
		return
	case reviewed.Kind != yaml.ScalarNode || reviewed.ShortTag() != "!!bool":
		p.add(reviewed, ProblemReview, "", "review.reviewed is true or false, not %q", reviewed.Value)
		return
	}
	p.tr.Review.Reviewed = reviewed.Value == "true"
	if by != nil && by.Kind == yaml.ScalarNode {
		p.tr.Review.ReviewedBy = strings.TrimSpace(by.Value)
	}
	if date != nil && date.Kind == yaml.ScalarNode {
		p.tr.Review.Date = date.Value
	}
	if !p.tr.Review.Reviewed {
		return
	}
	if p.tr.Review.ReviewedBy == "" {
		p.tr.Review.Reviewed = false
		p.add(reviewed, ProblemReview, "", "a reviewed translation names who reviewed it: add reviewed_by (the country team, or its GitHub handles); until then it shows as not reviewed")
	}
	if date == nil {
		p.tr.Review.Reviewed = false
		p.add(reviewed, ProblemReview, "", "a reviewed translation says when: add date: YYYY-MM-DD; until then it shows as not reviewed")
		return
	}
	d, err := time.Parse(time.DateOnly, date.Value)
	switch {
	case !datePattern.MatchString(date.Value) || err != nil:
		p.tr.Review.Reviewed = false
		p.add(date, ProblemReview, "", "review.date %q is not a date like 2026-11-24", date.Value)
	case today != "" && d.Format(time.DateOnly) > today:
		p.tr.Review.Reviewed = false
		p.add(date, ProblemReview, "", "review.date %s is after today (%s)", date.Value, today)
	}
}

// walk reads the value v of key k against the tree t.
func (p *translationParser) walk(t *keyTree, k, v *yaml.Node) {
	if len(t.children) == 0 { // a text
		if v.Kind != yaml.ScalarNode || (v.ShortTag() != "!!str" && v.ShortTag() != "!!null") {
			p.add(v, ProblemShape, "", "%s is text: the translation of %q", t.where, t.english)
			p.cover(t.where)
			return
		}
		if s := strings.TrimSpace(v.Value); s != "" {
			p.tr.texts[t.where] = s
		}
		return
	}
	if t.labels {
		p.labels(t, v)
		return
	}
	if v.Kind != yaml.MappingNode {
		if v.ShortTag() == "!!null" {
			return
		}
		p.add(v, ProblemShape, "", "%s holds keys with values (%s)", t.where, strings.Join(t.order, ", "))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		ck, cv := v.Content[i], v.Content[i+1]
		if c := t.children[ck.Value]; c != nil {
			p.walk(c, ck, cv)
			continue
		}
		p.unknown(t, ck, keysOf(v))
	}
	p.missing(t, k)
}

// labels reads a list of {value, label} entries, as the framework writes them.
func (p *translationParser) labels(t *keyTree, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		p.add(v, ProblemShape, "", "%s is a list of {value, label} entries, as in schema/framework.yaml", t.where)
		return
	}
	for _, e := range v.Content {
		var value, label *yaml.Node
		if e.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(e.Content); i += 2 {
				switch e.Content[i].Value {
				case "value":
					value = e.Content[i+1]
				case "label":
					label = e.Content[i+1]
				default:
					p.add(e.Content[i], ProblemUnknown, "", "a %s entry holds value and label, not %q", t.where, e.Content[i].Value)
				}
			}
		}
		if value == nil || label == nil {
			p.add(e, ProblemShape, "", "a %s entry is {value: 1, label: \"...\"}", t.where)
			continue
		}
		c := t.children[value.Value]
		if c == nil {
			p.add(value, ProblemUnknown, "", "%s has no value %s; the framework labels %s", t.where, value.Value, strings.Join(t.order, ", "))
			continue
		}
		p.walk(c, value, label)
	}
}

// unknown reports a key t does not have, with the closest it has.
// A suggested key the mapping does not hold (present) is taken to be the one
// meant, so its texts are not reported missing as well.
func (p *translationParser) unknown(t *keyTree, k *yaml.Node, present map[string]bool) {
	where := t.where
	if where == "" {
		where = "the framework translation"
	}
	known := t.order
	if t.where == "" {
		known = append(slices.Clone(translationMeta), known...)
	}
	msg := fmt.Sprintf("%s has no %s %q", where, t.noun, k.Value)
	if t.noun != "field" {
		msg = fmt.Sprintf("the framework has no %s %q in %s", t.noun, k.Value, where)
	}
	if s := words.Closest(k.Value, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
		if !present[s] {
			p.cover(strings.TrimPrefix(t.where+"."+s, "."))
		}
	} else if t.noun != "field" {
		msg += fmt.Sprintf("; it has %s", strings.Join(known, ", "))
	}
	p.add(k, ProblemUnknown, "", "%s", msg)
}

// missing reports every text under t the translation does not give, at the
// mapping (at) that should hold it; a missing block is one problem per text, so
// each shows in the list a translator works through.
func (p *translationParser) missing(t *keyTree, at *yaml.Node) {
	var visit func(n *keyTree)
	visit = func(n *keyTree) {
		if len(n.children) == 0 {
			if _, ok := p.tr.texts[n.where]; !ok && !p.reported(n.where) && !p.isCovered(n.where) {
				p.add(at, ProblemMissing, n.where, "%s is not translated: readers see the English, %q", n.where, n.english)
			}
			return
		}
		for _, name := range n.order {
			visit(n.children[name])
		}
	}
	visit(t)
}

// reported reports whether a missing problem was already added for key (a
// block's missing texts are reported at the block, not again at its parent).
func (p *translationParser) reported(key string) bool {
	return slices.ContainsFunc(p.problems, func(pr TranslationProblem) bool {
		return pr.Kind == ProblemMissing && pr.Key == key
	})
}

// Localized returns a copy of the framework whose texts are the translation's,
// and the keys of the texts the translation does not give, which keep their
// English (in TextKeys order). A nil translation gives the framework itself.
func (f *Framework) Localized(t *Translation) (*Framework, []string) {
	if t == nil {
		return f, nil
	}
	c := *f
	var missing []string
	text := func(key string, s *string) {
		if strings.TrimSpace(*s) == "" {
			return
		}
		if tr, ok := t.texts[key]; ok {
			*s = tr
			return
		}
		missing = append(missing, key)
	}
	labels := func(prefix string, ls []Label) []Label {
		ls = slices.Clone(ls)
		for i := range ls {
			text(prefix+"."+strconv.Itoa(ls[i].Value), &ls[i].Label)
		}
		return ls
	}
	text("title", &c.Title)
	c.Scales = slices.Clone(f.Scales)
	for i := range c.Scales {
		s := &c.Scales[i]
		text("scales."+s.ID+".title", &s.Title)
		s.Labels = labels("scales."+s.ID+".labels", s.Labels)
	}
	c.Tasks = slices.Clone(f.Tasks)
	for i := range c.Tasks {
		tk := &c.Tasks[i]
		p := "tasks." + tk.ID
		text(p+".title", &tk.Title)
		text(p+".short", &tk.Short)
		text(p+".description", &tk.Description)
		tk.Items = slices.Clone(tk.Items)
		for j := range tk.Items {
			it := &tk.Items[j]
			ip := p + ".items." + it.ID
			text(ip+".title", &it.Title)
			text(ip+".description", &it.Description)
			it.Levels = labels(ip+".levels", it.Levels)
		}
	}
	c.Sustainability.Domains = slices.Clone(f.Sustainability.Domains)
	for i := range c.Sustainability.Domains {
		d := &c.Sustainability.Domains[i]
		text("sustainability.domains."+d.ID+".title", &d.Title)
		text("sustainability.domains."+d.ID+".description", &d.Description)
	}
	if f.MinimumDataSet != nil {
		ds := *f.MinimumDataSet
		text("minimum_data_set.title", &ds.Title)
		ds.Groups = slices.Clone(ds.Groups)
		for i := range ds.Groups {
			g := &ds.Groups[i]
			p := "minimum_data_set.groups." + g.ID
			text(p+".title", &g.Title)
			text(p+".description", &g.Description)
			g.Elements = slices.Clone(g.Elements)
			for j := range g.Elements {
				e := &g.Elements[j]
				text(p+".elements."+e.ID+".title", &e.Title)
				text(p+".elements."+e.ID+".description", &e.Description)
			}
		}
		c.MinimumDataSet = &ds
	}
	c.Professions = slices.Clone(f.Professions)
	for i := range c.Professions {
		text("professions."+c.Professions[i].ID+".title", &c.Professions[i].Title)
	}
	if err := c.index(); err != nil {
		panic(fmt.Sprintf("a translated copy of a valid framework is invalid: %v", err)) // only texts changed
	}
	return &c, missing
}

// keysOf returns the keys a mapping holds.
func keysOf(m *yaml.Node) map[string]bool {
	keys := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		keys[m.Content[i].Value] = true
	}
	return keys
}
