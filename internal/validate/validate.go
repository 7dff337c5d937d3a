// Package validate checks a loaded plans repository: every file against its JSON
// Schema (generated from the plan types and the framework), then the rules that span
// files (references, ranges, dates, coverage of gaps, sustainability of long actions).
// It returns diagnostics with positions and plain-language messages; it never prints.
package validate

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
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

// New compiles the schemas of a framework. The kinds are independent schemas, so
// each gets its own compiler and they compile on all cores.
func New(fw *framework.Framework) (*Validator, error) {
	out := make([]*compiled, len(schema.Kinds))
	errs := make([]error, len(schema.Kinds))
	forEach(len(schema.Kinds), func(i int) {
		k := schema.Kinds[i]
		source := schema.Build(fw, k.Name)
		b, err := encode(fw, k, source)
		if err != nil {
			errs[i] = fmt.Errorf("failed to encode schema %s: %w", k.File, err)
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			errs[i] = fmt.Errorf("failed to read generated schema %s: %w", k.File, err)
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		c.AssertFormat()
		url := "https://hwfplan.invalid/schema/" + k.File
		if err := c.AddResource(url, doc); err != nil {
			errs[i] = fmt.Errorf("failed to add schema %s: %w", k.File, err)
			return
		}
		sch, err := c.Compile(url)
		if err != nil {
			errs[i] = fmt.Errorf("failed to compile schema %s: %w", k.File, err)
			return
		}
		out[i] = &compiled{check: sch, source: source}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	v := &Validator{fw: fw, schemas: map[string]*compiled{}}
	for i, k := range schema.Kinds {
		v.schemas[k.Name] = out[i]
	}
	return v, nil
}

// builtin is the built-in framework, parsed once.
var builtin = sync.OnceValue(func() *framework.Framework {
	fw, err := framework.Parse(hwfplan.DefaultFramework)
	if err != nil {
		return nil
	}
	return fw
})

// encode returns the JSON of a kind's schema. For the built-in framework that is
// the shipped schema file: encoding the schema again costs about 20 ms at every
// start (TestShippedSchemasAreCurrent keeps the two the same).
func encode(fw *framework.Framework, k schema.Kind, s *invopop.Schema) ([]byte, error) {
	if b := builtin(); b != nil && reflect.DeepEqual(fw, b) {
		if data, err := hwfplan.Schemas.ReadFile("schema/" + k.File); err == nil {
			return data, nil
		}
	}
	return schema.Encode(s)
}

// forEach calls fn(0) ... fn(n-1) on up to GOMAXPROCS goroutines and returns when
// all have returned. fn must write only its own index's results.
func forEach(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// Repo validates a loaded repository. loadDiags are the loader's diagnostics; they
// are merged into the result (a file the loader could not read is not checked
// further). The result is sorted.
func (v *Validator) Repo(repo *model.Repo, loadDiags []diag.Diagnostic, opts Options) []diag.Diagnostic {
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
		ds = append(ds, hiddenText(repo.Files[p])...)
	}
	paths = slices.DeleteFunc(paths, func(p string) bool {
		return v.schemas[schema.KindOf(p)] == nil || repo.Files[p].Value == nil || broken[p]
	})
	// Each file's schema check is independent of the others: check on all cores,
	// then merge in path order.
	found := make([][]diag.Diagnostic, len(paths))
	forEach(len(paths), func(i int) {
		kind := schema.KindOf(paths[i])
		found[i] = v.checkSchema(repo.Files[paths[i]], kind, v.schemas[kind])
	})
	for i, p := range paths {
		if breaksShape(found[i]) {
			broken[p] = true
		}
		ds = append(ds, found[i]...)
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
	var later []diag.Diagnostic
	for _, p := range slices.Sorted(maps.Keys(repo.Files)) {
		later = append(later, yaml11Plain(repo.Files[p])...)
	}
	later = append(later, semantic(v.fw, repo, broken, ds, opts)...)
	for _, d := range later {
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
func Validate(repo *model.Repo, loadDiags []diag.Diagnostic, opts Options) ([]diag.Diagnostic, error) {
	v, err := New(repo.Framework)
	if err != nil {
		return nil, err
	}
	return v.Repo(repo, loadDiags, opts), nil
}
