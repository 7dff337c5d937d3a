package validate

import (
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
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
