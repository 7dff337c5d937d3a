package plantext

import (
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"go.yaml.in/yaml/v3"
)

// Texts is one country's plan text in English and in every language it is
// translated into: what the site and the reports show.
type Texts struct {
	english map[string]string
	langs   map[string]*Translation
	order   []string
}

// Of reads a loaded country's translations. What a file gets wrong is
// validate's to report; here every text that can be read is used, and a file
// that cannot be read at all counts as no translation.
func Of(c *model.Country) *Texts {
	t := &Texts{english: map[string]string{}, langs: map[string]*Translation{}}
	if c == nil {
		return t
	}
	for _, k := range Keys(c) {
		t.english[k.Key] = k.English
	}
	for _, tf := range c.Translations {
		if tf.Language == "" || tf.File == nil || t.langs[tf.Language] != nil {
			continue
		}
		tr, _ := Parse(c, tf.File.Path, tf.File.Node, "")
		t.langs[tf.Language] = tr
		t.order = append(t.order, tf.Language)
	}
	return t
}

// Text returns the text at key (see Key) in lang. fellBack is true when the
// text is shown in English instead: the language has no translation file, or
// the file does not translate this text (the page then says so). lang "en"
// is the English itself, never a fallback. A key the plan does not have gives
// "" and fellBack false: there is nothing to show.
//
//	text, fellBack := plantext.Of(country).Text("hu", plantext.Key("action-plan", "actions", "HU-A1", "title"))
func (t *Texts) Text(lang, key string) (text string, fellBack bool) {
	en, ok := t.english[key]
	if !ok {
		return "", false
	}
	if lang == "en" {
		return en, false
	}
	if s, ok := t.langs[lang].Text(key); ok {
		return s, false
	}
	return en, true
}

// Languages lists the languages the country's plan is translated into, in
// file name order.
func (t *Texts) Languages() []string { return t.order }

// Translation returns a language's translation, or nil when there is none.
func (t *Texts) Translation(lang string) *Translation { return t.langs[lang] }

// Review says whether the country team has confirmed the language's
// translation (and who, and when); ok is false when there is none. An
// unreviewed translation is never presented as official.
func (t *Texts) Review(lang string) (r framework.Review, ok bool) {
	tr := t.langs[lang]
	if tr == nil {
		return framework.Review{}, false
	}
	return tr.Review, true
}

// Coverage counts the plan's texts and how many of them lang translates.
func (t *Texts) Coverage(lang string) (translated, total int) {
	tr := t.langs[lang]
	for k := range t.english {
		if _, ok := tr.Text(k); ok {
			translated++
		}
	}
	return translated, len(t.english)
}

// Localized returns a copy of a country whose plan texts are in lang where its
// translation gives them, and the keys of the texts that keep their English
// (in Keys order), so a report or page renders the same plan types in the
// language and says where it falls back. The copy's plans are decoded afresh
// from the parsed files, so the loaded country is never written. With "en", or
// a language without a translation, the texts stay English (every key is
// returned for the latter).
func (t *Texts) Localized(c *model.Country, lang string) (*model.Country, []string) {
	if c == nil {
		return nil, nil
	}
	cp := *c
	ps := plans{
		country:    redecode(c, plan.CountryFile, c.Country),
		asIs:       redecode(c, plan.AsIsFile, c.AsIs),
		toBe:       redecode(c, plan.ToBeFile, c.ToBe),
		toDo:       redecode(c, plan.ToDoFile, c.ToDo),
		actionPlan: redecode(c, plan.ActionPlanFile, c.ActionPlan),
	}
	var fellBack []string
	visit(ps, true, func(p []string, s *string) {
		if *s == "" || lang == "en" {
			return
		}
		k := Key(p...)
		if tr, ok := t.langs[lang].Text(k); ok {
			*s = tr
			return
		}
		fellBack = append(fellBack, k)
	})
	cp.Country, cp.AsIs, cp.ToBe, cp.ToDo, cp.ActionPlan = ps.country, ps.asIs, ps.toBe, ps.toDo, ps.actionPlan
	return &cp, fellBack
}

// redecode decodes a plan file again into a fresh value (nil when the country
// has none).
func redecode[T any](c *model.Country, name string, have *T) *T {
	if have == nil {
		return nil
	}
	var n *yaml.Node
	if f := c.Files[name]; f != nil {
		n = f.Node
	}
	if n == nil || n.Kind != yaml.MappingNode {
		// Built in memory, not loaded: copy through a YAML node of its own.
		n = &yaml.Node{}
		if err := n.Encode(have); err != nil {
			return nil // cannot happen for plan types
		}
	}
	var v T
	if err := n.Decode(&v); err != nil {
		return nil
	}
	return &v
}
