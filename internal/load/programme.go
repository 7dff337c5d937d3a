package load

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// programmeDecoders decode each programme file into its plan type.
var programmeDecoders = map[string]func(*model.File) any{
	plan.EUActionPlanFile:   func(f *model.File) any { return decode[plan.EUActionPlan](f) },
	plan.DialoguesFile:      func(f *model.File) any { return decode[plan.Dialogues](f) },
	plan.PolicyBoardFile:    func(f *model.File) any { return decode[plan.PolicyBoard](f) },
	plan.SustainabilityFile: func(f *model.File) any { return decode[plan.SustainabilityPlan](f) },
	plan.TwinningFile:       func(f *model.File) any { return decode[plan.Twinnings](f) },
	plan.KnowledgeFile:      func(f *model.File) any { return decode[plan.Knowledge](f) },
}

// planProgramme adds the programme folder as one unit, or reports a file where
// the folder belongs. A repository without the folder has no programme files.
func (l *loader) planProgramme(units []*unit) []*unit {
	units, bad := l.notFolder(units, plan.ProgrammeDir, "the programme files ("+strings.Join(programmeNames(), ", ")+")")
	if bad {
		return units
	}
	return append(units, &unit{kind: programmeUnit})
}

func programmeNames() []string {
	var names []string
	for _, p := range plan.ProgrammeFiles {
		names = append(names, path.Base(p))
	}
	return names
}

// loadProgramme reads the programme files. Each is optional; a missing one is
// no diagnostic, an unknown file in the folder is a warning.
func (l *loader) loadProgramme(u *unit) {
	p := &model.Programme{Files: map[string]*model.File{}}
	u.programme = p
	var raws []raw
	var entries []fs.DirEntry
	var listErr error
	func() {
		defer l.lockIO()()
		entries, listErr = fs.ReadDir(l.fsys, plan.ProgrammeDir)
		if listErr != nil {
			return
		}
		for _, name := range plan.ProgrammeFiles {
			if l.skipped(name) {
				continue
			}
			raws = append(raws, l.readRaw(nil, name, nil))
		}
	}()
	if listErr != nil {
		if !errors.Is(listErr, fs.ErrNotExist) {
			u.diags = append(u.diags, readDiag(plan.ProgrammeDir, listErr))
		}
		return
	}
	for _, r := range raws {
		f, v := l.parse(u, r, false, programmeDecoders[r.name])
		if f == nil {
			continue
		}
		p.Files[r.name] = f
		p.SetPlan(v)
	}
	names := programmeNames()
	for _, e := range entries {
		n := e.Name()
		if slices.Contains(names, n) || strings.HasPrefix(n, ".") || isDoc(n) {
			continue
		}
		u.diags = append(u.diags, diag.Diagnostic{File: path.Join(plan.ProgrammeDir, n), Severity: diag.Warning, Rule: RuleLayout,
			Message: "hwfplan does not read this file; the programme folder holds " + strings.Join(names, ", ")})
	}
}
