package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Rule ids of the rules that span files. They are stable: CI configurations and
// SARIF consumers refer to them.
const (
	RuleFolderName             = "folder-name"
	RuleEUCode                 = "eu-code"
	RuleClusterExists          = "cluster-exists"
	RuleClusterListsCountry    = "cluster-lists-country"
	RuleClusterCountryFolder   = "cluster-country-folder"
	RuleClusterMembership      = "cluster-membership"
	RuleClusterID              = "cluster-id"
	RuleMaintainer             = "maintainer-handle"
	RuleTargetBelowAsIs        = "target-below-as-is"
	RuleTargetYear             = "target-year"
	RuleTargetHorizon          = "target-horizon"
	RuleGapAddressed           = "gap-addressed"
	RuleDuplicateID            = "duplicate-id"
	RuleIDPrefix               = "id-prefix"
	RuleItemTask               = "item-task"
	RuleStakeholderRef         = "stakeholder-ref"
	RuleStepRef                = "step-ref"
	RuleActionTask             = "action-task"
	RuleDateReal               = "date-real"
	RuleDateOrder              = "date-order"
	RuleCurrency               = "currency"
	RuleSustainability         = "sustainability-required"
	RuleDoneInFuture           = "status-done-future"
	RulePlaceholder            = "placeholder"
	RuleSustainabilityUnscored = "sustainability-unscored"
	RuleBudgetAfter            = "budget-after-programme"
	RuleBudgetSplit            = "budget-split"
	RuleMDSElement             = "mds-element"
)

// Placeholder starts the texts `hwfplan new country` writes where only the
// country team can say what belongs; validation warns while one is left.
const Placeholder = "To be completed"

// checker carries what every rule needs and collects the diagnostics.
type checker struct {
	fw     *framework.Framework
	repo   *model.Repo
	broken map[string]bool
	opts   Options
	out    []finding
}

// ref names a value a rule reads: a file and a JSON pointer into it.
type ref struct{ file, ptr string }

// at returns the ref of a value in a file.
func at(f *model.File, ptr string) ref { return ref{f.Path, ptr} }

// finding is a rule's diagnostic and the values, besides the one it is reported
// at, that the rule read to reach it.
type finding struct {
	d      diag.Diagnostic
	inputs []ref
}

// semantic runs the rules that span files. Files in broken (failed to load or
// whose schema errors break their shape, see breaksShape) are skipped, so one
// mistake is not reported twice. Within a file that is not broken, a rule that
// read a value which already has an error (from the loader, the schema or
// another rule; prior holds the loader's and the schema's) stays quiet: a wrong
// task id is one error, not one more warning for every item of the step.
func semantic(fw *framework.Framework, repo *model.Repo, broken map[string]bool, prior []diag.Diagnostic, opts Options) []diag.Diagnostic {
	c := &checker{fw: fw, repo: repo, broken: broken, opts: opts}
	for _, cn := range repo.Countries {
		c.country(cn)
		c.asIs(cn)
		c.toBe(cn)
		c.toDo(cn)
		c.actionPlan(cn)
		c.planTranslations(cn)
	}
	c.clusters()
	c.programme()
	c.translations()
	c.publicationLanguages()
	failed := map[string][]string{} // file → pointers of values with an error
	for _, d := range prior {
		if d.Severity == diag.Error {
			failed[d.File] = append(failed[d.File], d.Pointer)
		}
	}
	for _, fd := range c.out {
		if fd.d.Severity == diag.Error {
			failed[fd.d.File] = append(failed[fd.d.File], fd.d.Pointer)
		}
	}
	var out []diag.Diagnostic
	for _, fd := range c.out {
		if !slices.ContainsFunc(fd.inputs, func(in ref) bool { return hasError(failed[in.file], in.ptr) }) {
			out = append(out, fd.d)
		}
	}
	return out
}

// hasError reports whether a value, a value inside it, or a value it is part of
// (other than the whole file) has an error: pointers holds the pointers of the
// errors in its file.
func hasError(pointers []string, ptr string) bool {
	for _, p := range pointers {
		switch {
		case p == ptr,
			strings.HasPrefix(p, ptr+"/"),
			p != "" && strings.HasPrefix(ptr, p+"/"):
			return true
		}
	}
	return false
}

// report adds a diagnostic at the value a pointer names (or at its key); inputs
// are the other values the rule read to reach it.
func (c *checker) report(f *model.File, sev diag.Severity, ptr string, atKey bool, inputs []ref, rule, format string, args ...any) {
	line, col := f.Pos(ptr)
	if atKey {
		line, col = f.KeyPos(ptr)
	}
	c.out = append(c.out, finding{d: diag.Diagnostic{File: f.Path, Line: line, Column: col, Pointer: ptr,
		Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)}, inputs: inputs})
}

func (c *checker) errorf(f *model.File, ptr, rule, format string, args ...any) {
	c.report(f, diag.Error, ptr, false, nil, rule, format, args...)
}

func (c *checker) warnf(f *model.File, ptr, rule, format string, args ...any) {
	c.report(f, diag.Warning, ptr, false, nil, rule, format, args...)
}

// reading declares the values a rule reads besides the one it reports at: what
// it reports through the returned reporter is dropped when one of them has an
// error.
func (c *checker) reading(inputs ...ref) reporter { return reporter{c, inputs} }

type reporter struct {
	c      *checker
	inputs []ref
}

func (r reporter) errorf(f *model.File, ptr, rule, format string, args ...any) {
	r.c.report(f, diag.Error, ptr, false, r.inputs, rule, format, args...)
}

func (r reporter) warnf(f *model.File, ptr, rule, format string, args ...any) {
	r.c.report(f, diag.Warning, ptr, false, r.inputs, rule, format, args...)
}

// usable returns a country's file when it was read, decoded and passed its schema.
func (c *checker) usable(cn *model.Country, name string) *model.File {
	f := cn.Files[name]
	if f == nil || c.broken[f.Path] {
		return nil
	}
	var decoded bool
	switch name {
	case plan.CountryFile:
		decoded = cn.Country != nil
	case plan.AsIsFile:
		decoded = cn.AsIs != nil
	case plan.ToBeFile:
		decoded = cn.ToBe != nil
	case plan.ToDoFile:
		decoded = cn.ToDo != nil
	case plan.ActionPlanFile:
		decoded = cn.ActionPlan != nil
	}
	if !decoded {
		return nil
	}
	return f
}

// uniqueIDs reports every id of a list that repeats an earlier one. idPtr gives
// the pointer of the i-th entry's id.
func (c *checker) uniqueIDs(f *model.File, what string, ids []string, idPtr func(i int) string) {
	first := map[string]int{}
	for i, id := range ids {
		if id == "" {
			continue
		}
		j, dup := first[id]
		if !dup {
			first[id] = i
			continue
		}
		line, _ := f.Pos(idPtr(j))
		c.errorf(f, idPtr(i), RuleDuplicateID, "%s id %q is used twice (first at line %d); give each %s its own id", what, id, line, what)
	}
}

// placeholder warns when a text is still a scaffold placeholder.
func (c *checker) placeholder(f *model.File, ptr, what, text string) {
	if strings.HasPrefix(text, Placeholder) {
		c.warnf(f, ptr, RulePlaceholder, "%s is still the placeholder from hwfplan new country; replace it", what)
	}
}

// didYouMean returns "; did you mean X?" for a close match, or the list of known
// values when it is short, or "".
func didYouMean(got string, known []string) string {
	if s := words.Closest(got, known); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return knownList("known", known)
}

// knownList returns "; <what>: a, b, c" for a short list of distinct values, or "".
func knownList(what string, known []string) string {
	known = slices.Compact(slices.Sorted(slices.Values(known)))
	if len(known) == 0 || len(known) > 12 {
		return ""
	}
	return "; " + what + ": " + strings.Join(known, ", ")
}
