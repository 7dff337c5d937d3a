// Package governance decides who may approve what in a plans repository: it reads
// the coordinators file (governance.yaml), generates .github/CODEOWNERS from it and
// from each country's maintainers, and tells which countries a change touches.
// It returns data and diagnostics; it never prints.
package governance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/invopop/jsonschema"
	checker "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// File is the repository-level file naming the coordinators.
const File = "governance.yaml"

// Rule ids of governance diagnostics.
const (
	RuleGovernance = "governance"   // governance.yaml does not match its schema
	RuleHandle     = "owner-handle" // a maintainer or coordinator is not a GitHub handle
	RuleOwners     = "owners"       // a country folder has no usable owners
)

// handlePattern matches a GitHub user (alice, hu-team) or an organisation team
// (heroes/coordinators), written without the leading @. User names are 1-39
// letters, digits and single inner hyphens; team slugs are letters, digits, - and _.
const handlePattern = `^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_-]{0,99})?$`

var (
	handleRe = regexp.MustCompile(handlePattern)
	emailRe  = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// ValidHandle reports whether s is a GitHub user or org/team handle without @.
func ValidHandle(s string) bool { return handleRe.MatchString(s) }

// Governance is governance.yaml: the people who own everything that is not a
// country's own plan.
type Governance struct {
	Coordinators []string `yaml:"coordinators" jsonschema:"title=Coordinators,minItems=1,uniqueItems=true" jsonschema_description:"GitHub users (alice) or organisation teams (heroes/coordinators), without @. They own clusters/, programme/, schema/, templates/, site/, cmd/, internal/, .github/ and this file in CODEOWNERS."`
	Notes        string   `yaml:"notes,omitempty" jsonschema:"title=Notes"`
}

// Schema returns the JSON Schema of governance.yaml.
func Schema() *jsonschema.Schema {
	r := &jsonschema.Reflector{FieldNameTag: "yaml", DoNotReference: true, ExpandedStruct: true}
	s := r.Reflect(&Governance{})
	s.ID = "governance.schema.json"
	s.Title = "Governance (" + File + ")"
	if c, ok := s.Properties.Get("coordinators"); ok && c.Items != nil {
		c.Items.Pattern = handlePattern
		c.Items.Description = "A GitHub user or org/team, without @."
	}
	return s
}

// compiled is Schema, compiled on first use: at package init it would cost every
// hwfplan command about 9 ms of start-up, used or not.
var compiled = sync.OnceValue(func() *checker.Schema {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(Schema()); err != nil {
		panic(fmt.Sprintf("failed to encode governance schema: %v", err))
	}
	doc, err := checker.UnmarshalJSON(&buf)
	if err != nil {
		panic(fmt.Sprintf("failed to read governance schema: %v", err))
	}
	c := checker.NewCompiler()
	c.DefaultDraft(checker.Draft2020)
	const url = "https://hwfplan.invalid/schema/governance.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		panic(fmt.Sprintf("failed to add governance schema: %v", err))
	}
	return c.MustCompile(url)
})

// Load reads governance.yaml from the repository root. The result is nil when the
// file is missing or invalid; the diagnostics say why, at file:line.
func Load(fsys fs.FS) (*Governance, []diag.Diagnostic) {
	data, err := load.ReadLimited(fsys, File, load.MaxFileSize)
	if err != nil {
		msg := fmt.Sprintf("cannot read the coordinators file: %v", err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = "the coordinators file is missing: create " + File + " with a list of coordinators (GitHub users or org/team, without @)"
		}
		return nil, []diag.Diagnostic{{File: File, Severity: diag.Error, Rule: RuleGovernance, Message: msg}}
	}
	return Parse(data)
}

// Parse reads governance.yaml from its bytes and checks it against Schema.
func Parse(data []byte) (*Governance, []diag.Diagnostic) {
	f, ds := load.Parse(File, data)
	if f == nil || diag.HasErrors(ds) {
		return nil, ds
	}
	if err := compiled().Validate(f.Value); err != nil {
		var ve *checker.ValidationError
		if !errors.As(err, &ve) {
			return nil, []diag.Diagnostic{{File: File, Line: 1, Column: 1, Severity: diag.Error, Rule: RuleGovernance, Message: err.Error()}}
		}
		out := schemaDiags(f, ve)
		diag.Sort(out)
		return nil, diag.Dedupe(out)
	}
	var g Governance
	if err := f.Node.Decode(&g); err != nil {
		return nil, []diag.Diagnostic{{File: File, Line: 1, Column: 1, Severity: diag.Error, Rule: RuleGovernance, Message: fmt.Sprintf("failed to decode %s: %v", File, err)}}
	}
	return &g, nil
}

// schemaDiags turns the leaves of a schema validation error into diagnostics at the
// position of the offending value.
func schemaDiags(f *model.File, ve *checker.ValidationError) []diag.Diagnostic {
	if len(ve.Causes) > 0 {
		var out []diag.Diagnostic
		for _, c := range ve.Causes {
			out = append(out, schemaDiags(f, c)...)
		}
		return out
	}
	pointer := model.Pointer(ve.InstanceLocation...)
	line, col := f.Pos(pointer)
	where := File
	if len(ve.InstanceLocation) > 0 {
		where = strings.Join(ve.InstanceLocation, ".")
	}
	var msg string
	switch k := ve.ErrorKind.(type) {
	case *kind.Required:
		msg = fmt.Sprintf("missing %s", strings.Join(k.Missing, ", "))
		if slices.Contains(k.Missing, "coordinators") {
			msg += ": list the coordinators (GitHub users or org/team, without @)"
		}
	case *kind.AdditionalProperties:
		line, col = f.KeyPos(model.Pointer(append(slices.Clone(ve.InstanceLocation), k.Properties[0])...))
		msg = fmt.Sprintf("unknown key %s; the keys are coordinators and notes", strings.Join(k.Properties, ", "))
	case *kind.Pattern:
		msg = handleMessage(k.Got)
	case *kind.MinItems:
		msg = "list at least one coordinator (a GitHub user or org/team, without @)"
	case *kind.UniqueItems:
		msg = fmt.Sprintf("entries %d and %d are the same; list each coordinator once", k.Duplicates[0]+1, k.Duplicates[1]+1)
	case *kind.Type:
		msg = fmt.Sprintf("expected %s, found %s", strings.Join(k.Want, " or "), k.Got)
	default:
		msg = ve.ErrorKind.LocalizedString(message.NewPrinter(language.English))
	}
	return []diag.Diagnostic{{File: f.Path, Line: line, Column: col, Pointer: pointer, Severity: diag.Error, Rule: RuleGovernance, Message: where + ": " + msg}}
}

// handleMessage explains why s is not a usable owner.
func handleMessage(s string) string {
	switch {
	case strings.HasPrefix(s, "@"):
		return fmt.Sprintf("%q: write the GitHub handle without @ (%s)", s, strings.TrimPrefix(s, "@"))
	case emailRe.MatchString(s):
		return fmt.Sprintf("%q looks like an e-mail address; write the person's GitHub handle instead", s)
	default:
		return fmt.Sprintf("%q is not a GitHub handle: use a user name (letters, digits, single hyphens) or an organisation team as org/team", s)
	}
}
