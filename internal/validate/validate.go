// Package validate checks a loaded plans repository: every file against its JSON
// Schema (generated from the plan types and the framework), then the rules that span
// files (references, ranges, dates, coverage of gaps, sustainability of long actions).
// It returns diagnostics with positions and plain-language messages; it never prints.
package validate

import (
	"bytes"
	"fmt"
	"slices"
	"sort"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/schema"
	invopop "github.com/invopop/jsonschema"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Options tune validation.
type Options struct {
	// Today is the date "overdue" checks compare with (YYYY-MM-DD); empty skips them.
	Today string
}

// Validator holds the compiled schemas of one framework.
type Validator struct {
	fw      *framework.Framework
	schemas map[string]*compiled
}

type compiled struct {
	check  *jsonschema.Schema
	source *invopop.Schema
}

// New compiles the schemas of a framework.
func New(fw *framework.Framework) (*Validator, error) {
	files, err := schema.Generate(fw)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	v := &Validator{fw: fw, schemas: map[string]*compiled{}}
	for _, k := range schema.Kinds {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(files[k.File]))
		if err != nil {
			return nil, fmt.Errorf("failed to read generated schema %s: %w", k.File, err)
		}
		url := "https://hwfplan.invalid/schema/" + k.File
		if err := c.AddResource(url, doc); err != nil {
			return nil, fmt.Errorf("failed to add schema %s: %w", k.File, err)
		}
		sch, err := c.Compile(url)
		if err != nil {
			return nil, fmt.Errorf("failed to compile schema %s: %w", k.File, err)
		}
		v.schemas[k.Name] = &compiled{check: sch, source: schema.Build(fw, k.Name)}
	}
	return v, nil
}

// Repo validates a loaded repository. loadDiags are the loader's diagnostics; they
// are merged into the result (a file the loader could not read is not checked
// further). The result is sorted.
func (v *Validator) Repo(repo *load.Repo, loadDiags []diag.Diagnostic, opts Options) []diag.Diagnostic {
	ds := slices.Clone(loadDiags)
	broken := map[string]bool{} // files that failed to load or whose shape is wrong
	for _, d := range loadDiags {
		if d.Severity == diag.Error {
			broken[d.File] = true
		}
	}
	paths := make([]string, 0, len(repo.Files))
	for p := range repo.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		f := repo.Files[p]
		kind := schema.KindOf(p)
		c := v.schemas[kind]
		if c == nil || f.Value == nil || broken[p] {
			continue
		}
		fds := v.checkSchema(f, kind, c)
		if breaksShape(fds) {
			broken[p] = true
		}
		ds = append(ds, fds...)
	}
	// A rule that spans files may flag a value the schema already flagged (a
	// currency that is not three capitals is not an ISO code either): one
	// message per place is enough.
	flagged := map[[3]any]bool{}
	for _, d := range ds {
		if d.Severity == diag.Error {
			flagged[[3]any{d.File, d.Line, d.Column}] = true
		}
	}
	for _, d := range semantic(v.fw, repo, broken, opts) {
		if d.Line > 0 && flagged[[3]any{d.File, d.Line, d.Column}] {
			continue
		}
		ds = append(ds, d)
	}
	diag.Sort(ds)
	return diag.Dedupe(ds)
}

// breaksShape reports whether schema errors leave a file unfit for the rules
// that span files: a missing key, a value of the wrong type or a wrong choice
// changes what the rules would read. A misspelt key, a value outside its list or
// range, or a badly written date or code does not, so the rules still run and
// the planner gets every problem at once, not a second round after the first.
func breaksShape(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity != diag.Error {
			continue
		}
		switch d.Rule {
		case RuleUnknownKey, RuleEnum, RuleRange, RuleScoreRange, RuleFormat, RuleLength, RuleUnique, RuleDateReal:
		default:
			return true
		}
	}
	return false
}

// Validate is the one-call form: compile the framework's schemas and validate.
func Validate(repo *load.Repo, loadDiags []diag.Diagnostic, opts Options) ([]diag.Diagnostic, error) {
	v, err := New(repo.Framework)
	if err != nil {
		return nil, err
	}
	return v.Repo(repo, loadDiags, opts), nil
}

// Errors validates a loaded repository and returns how many errors it has. The
// commands that publish figures (compare, export, report) use it to warn that
// a file with errors may be left out or misread, where the build refuses.
func Errors(repo *load.Repo, loadDiags []diag.Diagnostic) int {
	ds, err := Validate(repo, loadDiags, Options{})
	if err != nil {
		e, _ := diag.Count(loadDiags)
		return max(e, 1)
	}
	e, _ := diag.Count(ds)
	return e
}
