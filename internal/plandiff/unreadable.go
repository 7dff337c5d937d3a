package plandiff

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"go.yaml.in/yaml/v3"
)

// Revision is one side of a diff: its label for people, the plans as loaded and
// the loader's diagnostics (which say which files could not be read).
type Revision struct {
	Label string
	Repo  *model.Repo
	Diags []diag.Diagnostic
}

// Sides of a diff, as Unreadable.Side names them.
const (
	SideOld = "old"
	SideNew = "new"
)

// Unreadable is a plan file that exists at a revision but cannot be read as a plan:
// it does not parse (a tab, a syntax error, binary data) or does not have the shape
// of its plan type. A diff cannot say what changed in it, so it leaves the file out
// on both sides: an unreadable file is never reported as removed, added or changed.
type Unreadable struct {
	Side     string `json:"side"`     // SideOld or SideNew
	Revision string `json:"revision"` // the side's label
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Rule     string `json:"rule,omitempty"` // the loader's rule id, when it found the problem
	Message  string `json:"message"`
}

// String renders the file, position and diagnostic: "countries/HU/as-is.yaml:3:1: ...".
func (u Unreadable) String() string {
	d := diag.Diagnostic{File: u.File, Line: u.Line, Column: u.Column}
	return d.Location() + ": " + u.Message
}

// readable says which files of a revision are readable; the zero value reads all.
type readable map[string]bool // path → false when unreadable

func (r readable) bad(p string) bool { return r != nil && r[p] }

// unreadable finds the unreadable plan files of a revision, and the loader's other
// errors (problems) that make its data incomplete.
func unreadable(side string, rev Revision) (out []Unreadable, problems []string, bad readable) {
	bad = readable{}
	errs := map[string]diag.Diagnostic{} // the first error of each file
	for _, d := range rev.Diags {
		if d.Severity != diag.Error || d.Rule == load.RuleMissing || d.Rule == load.RuleLayout {
			continue
		}
		if _, ok := errs[d.File]; !ok {
			errs[d.File] = d
		}
	}
	add := func(p string, decodeErr func() string) {
		if bad[p] {
			return
		}
		u := Unreadable{Side: side, Revision: rev.Label, File: p}
		if d, ok := errs[p]; ok {
			u.Line, u.Column, u.Rule, u.Message = d.Line, d.Column, d.Rule, d.Message
		} else {
			u.Line, u.Message = splitLine(decodeErr())
		}
		bad[p] = true
		out = append(out, u)
	}
	repo := rev.Repo
	if repo == nil {
		repo = &model.Repo{}
	}
	for _, c := range repo.Countries {
		for _, name := range plan.CountryFiles {
			p := path.Join(c.Dir, name)
			f := c.Files[name]
			switch {
			case f == nil:
				if _, ok := errs[p]; ok {
					add(p, nil)
				}
			case planOf(c, name) == nil:
				add(p, func() string { return decodeError(name, f) })
			}
		}
	}
	if p := repo.Programme; p != nil {
		for _, name := range plan.ProgrammeFiles {
			if f := p.Files[name]; f != nil && programmeValue(p, name) == nil {
				add(name, func() string { return decodeError(name, f) })
			}
		}
	}
	for _, cl := range repo.Clusters {
		if cl.File != nil && cl.Cluster == nil {
			add(cl.File.Path, func() string { return decodeError("", cl.File) })
		}
	}
	// Files that did not parse at all are not in the repository: their errors say so.
	for p, d := range errs {
		if d.Rule == load.RuleFramework {
			continue // a framework that parses but is invalid: the built-in one is used
		}
		if _, loaded := repo.Files[p]; !loaded && isPlanFile(p) {
			add(p, nil)
		}
	}
	slices.SortFunc(out, func(a, b Unreadable) int { return strings.Compare(a.File, b.File) })
	for _, d := range rev.Diags {
		if d.Severity != diag.Error || d.Rule == load.RuleMissing || d.Rule == load.RuleLayout || bad[d.File] {
			continue
		}
		problems = append(problems, fmt.Sprintf("%s: %s", rev.Label, d.String()))
	}
	return out, problems, bad
}

// isPlanFile reports whether p is a file a diff compares: a country's plan file, a
// cluster file or the framework.
func isPlanFile(p string) bool {
	if p == framework.DefaultPath || slices.Contains(plan.ProgrammeFiles, p) {
		return true
	}
	if _, ok := plantext.Language(p); ok {
		return true
	}
	dir, name := path.Split(p)
	switch path.Clean(dir) {
	case model.ClustersDir:
		return strings.HasSuffix(name, ".yaml")
	}
	return path.Dir(path.Clean(dir)) == model.CountriesDir && slices.Contains(plan.CountryFiles, name)
}

// planOf returns the decoded plan of a country file, nil when it did not decode.
func planOf(c *model.Country, name string) any {
	switch name {
	case plan.CountryFile:
		return ptrOrNil(c.Country)
	case plan.AsIsFile:
		return ptrOrNil(c.AsIs)
	case plan.ToBeFile:
		return ptrOrNil(c.ToBe)
	case plan.ToDoFile:
		return ptrOrNil(c.ToDo)
	case plan.ActionPlanFile:
		return ptrOrNil(c.ActionPlan)
	}
	return nil
}

func ptrOrNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return p
}

// decodeError says why a parsed file does not decode into its plan type.
func decodeError(name string, f *model.File) string {
	if f.Node == nil || f.Node.Kind != yaml.MappingNode {
		return "the file must hold keys with values (a mapping)"
	}
	var err error
	switch name {
	case plan.CountryFile:
		err = f.Node.Decode(&plan.Country{})
	case plan.AsIsFile:
		err = f.Node.Decode(&plan.AsIs{})
	case plan.ToBeFile:
		err = f.Node.Decode(&plan.ToBe{})
	case plan.ToDoFile:
		err = f.Node.Decode(&plan.ToDo{})
	case plan.ActionPlanFile:
		err = f.Node.Decode(&plan.ActionPlan{})
	case plan.EUActionPlanFile:
		err = f.Node.Decode(&plan.EUActionPlan{})
	case plan.DialoguesFile:
		err = f.Node.Decode(&plan.Dialogues{})
	case plan.PolicyBoardFile:
		err = f.Node.Decode(&plan.PolicyBoard{})
	case plan.SustainabilityFile:
		err = f.Node.Decode(&plan.SustainabilityPlan{})
	case plan.TwinningFile:
		err = f.Node.Decode(&plan.Twinnings{})
	case plan.KnowledgeFile:
		err = f.Node.Decode(&plan.Knowledge{})
	default:
		err = f.Node.Decode(&plan.Cluster{})
	}
	var te *yaml.TypeError
	switch {
	case errors.As(err, &te) && len(te.Errors) > 0:
		return te.Errors[0]
	case err != nil:
		return strings.TrimPrefix(err.Error(), "yaml: ")
	}
	return "the file does not have the shape of its schema"
}

var lineRe = regexp.MustCompile(`^line (\d+): `)

// splitLine takes "line 7: cannot unmarshal ..." apart into 7 and the rest.
func splitLine(msg string) (int, string) {
	m := lineRe.FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	n, _ := strconv.Atoi(m[1])
	return n, strings.TrimPrefix(msg, m[0])
}

// programmeValue is the decoded value of a programme file, or nil.
func programmeValue(p *model.Programme, name string) any {
	var v any
	switch name {
	case plan.EUActionPlanFile:
		if p.EUActionPlan != nil {
			v = p.EUActionPlan
		}
	case plan.DialoguesFile:
		if p.Dialogues != nil {
			v = p.Dialogues
		}
	case plan.PolicyBoardFile:
		if p.PolicyBoard != nil {
			v = p.PolicyBoard
		}
	case plan.SustainabilityFile:
		if p.SustainabilityPlan != nil {
			v = p.SustainabilityPlan
		}
	case plan.TwinningFile:
		if p.Twinning != nil {
			v = p.Twinning
		}
	case plan.KnowledgeFile:
		if p.Knowledge != nil {
			v = p.Knowledge
		}
	}
	return v
}
