package validate

import (
	"io/fs"
	"path"
	"slices"

	"github.com/hwfplan/hwfplan"
	"go.yaml.in/yaml/v3"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/plantext"
)

// Rule ids of the framework's translations (schema/framework.<lang>.yaml).
const (
	RuleTranslationID       = "translation-id"
	RuleTranslationMissing  = "translation-missing"
	RuleTranslationShape    = "translation-shape"
	RuleTranslationReview   = "translation-review"
	RuleTranslationLanguage = "translation-language"
)

// translationRules maps a translation problem's kind to its rule and severity.
var translationRules = map[string]struct {
	rule string
	sev  diag.Severity
}{
	framework.ProblemUnknown:  {RuleTranslationID, diag.Error},
	framework.ProblemMissing:  {RuleTranslationMissing, diag.Warning},
	framework.ProblemShape:    {RuleTranslationShape, diag.Error},
	framework.ProblemReview:   {RuleTranslationReview, diag.Error},
	framework.ProblemLanguage: {RuleTranslationLanguage, diag.Error},
}

// translations checks every translation of the framework against it: each
// problem the framework finds, at its position, under its rule.
func (c *checker) translations() {
	for _, tf := range c.repo.Translations {
		f := tf.File
		if c.broken[f.Path] {
			continue
		}
		_, problems := c.fw.ParseTranslation(f.Path, f.Node, c.opts.Today)
		for _, p := range problems {
			r := translationRules[p.Kind]
			c.out = append(c.out, finding{d: diag.Diagnostic{File: f.Path, Line: p.Line, Column: p.Column,
				Severity: r.sev, Rule: r.rule, Message: p.Message}})
		}
	}
}

// Rule ids of the countries' plan text in other languages
// (countries/<CODE>/translations/<lang>.yaml).
const (
	RulePlanTranslationID       = "plan-translation-id"
	RulePlanTranslationMissing  = "plan-translation-missing"
	RulePlanTranslationShape    = "plan-translation-shape"
	RulePlanTranslationReview   = "plan-translation-review"
	RulePlanTranslationLanguage = "plan-translation-language"
)

// planTranslationRules maps a plan translation problem's kind to its rule and
// severity. A missing text is a warning only in a translation that says it is
// kept complete: a partial translation is how every team starts, readers see
// the English where a text is missing and the page says so, and a warning per
// untranslated text would bury a team's real problems (and fail --strict) for
// as long as it translates.
var planTranslationRules = map[string]struct {
	rule string
	sev  diag.Severity
}{
	plantext.ProblemUnknown:  {RulePlanTranslationID, diag.Error},
	plantext.ProblemMissing:  {RulePlanTranslationMissing, diag.Warning},
	plantext.ProblemShape:    {RulePlanTranslationShape, diag.Error},
	plantext.ProblemReview:   {RulePlanTranslationReview, diag.Error},
	plantext.ProblemLanguage: {RulePlanTranslationLanguage, diag.Error},
}

// planTranslations checks a country's plan translations against its English
// text. A plan file that could not be read or has the wrong shape is left
// out: its translation's texts are not checked until it is fixed.
func (c *checker) planTranslations(cn *model.Country) {
	if len(cn.Translations) == 0 {
		return
	}
	en := *cn
	for name, f := range cn.Files {
		if !c.broken[f.Path] {
			continue
		}
		switch name {
		case plan.CountryFile:
			en.Country = nil
		case plan.AsIsFile:
			en.AsIs = nil
		case plan.ToBeFile:
			en.ToBe = nil
		case plan.ToDoFile:
			en.ToDo = nil
		case plan.ActionPlanFile:
			en.ActionPlan = nil
		}
	}
	for _, tf := range cn.Translations {
		f := tf.File
		if c.broken[f.Path] {
			continue
		}
		_, problems := plantext.Parse(&en, f.Path, f.Node, c.opts.Today)
		for _, p := range problems {
			r := planTranslationRules[p.Kind]
			fd := finding{d: diag.Diagnostic{File: f.Path, Line: p.Line, Column: p.Column,
				Severity: r.sev, Rule: r.rule, Message: p.Message}}
			if p.English != "" {
				// An id the English file gets wrong is reported there; its
				// translation's id is not a second problem until it is fixed.
				fd.inputs = []ref{{path.Join(cn.Dir, p.English), ""}}
			}
			c.out = append(c.out, fd)
		}
	}
}

// RulePublicationLanguage is the rule of publication.yaml's translations' keys.
const RulePublicationLanguage = "publication-language"

// publicationLanguages checks that publication.yaml translates into languages
// the reports and pages are written in: those with a framework translation.
func (c *checker) publicationLanguages() {
	f := c.repo.Files[plan.PublicationFile]
	if f == nil || c.broken[f.Path] {
		return
	}
	n, _, found := f.Lookup(model.Pointer("translations"))
	if !found || n == nil || n.Kind != yaml.MappingNode {
		return
	}
	known := frameworkLanguages(c.repo)
	for i := 0; i+1 < len(n.Content); i += 2 {
		code := n.Content[i].Value
		if slices.Contains(known, code) {
			continue
		}
		c.report(f, diag.Error, model.Pointer("translations", code), true, nil, RulePublicationLanguage,
			"translations: %q is not a language with a framework translation (schema/framework.<code>.yaml), so no report or page is written in it%s",
			code, didYouMean(code, known))
	}
}

// frameworkLanguages lists the languages the framework is translated into: the
// repository's schema/framework.<code>.yaml, or the built-in framework's
// translations when the repository uses the built-in framework.
func frameworkLanguages(repo *model.Repo) []string {
	var out []string
	for _, tf := range repo.Translations {
		if tf.Language != "" {
			out = append(out, tf.Language)
		}
	}
	if repo.FrameworkFile == nil {
		names, _ := fs.Glob(hwfplan.FrameworkTranslations, framework.TranslationPath("*"))
		for _, p := range names {
			if lang, ok := framework.TranslationLanguage(p); ok {
				out = append(out, lang)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
