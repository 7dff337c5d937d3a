package planhistory

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/escape"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/plandiff"
)

// ProgrammeHistory is the history of the programme files (programme/), newest first.
type ProgrammeHistory struct {
	Entries []ProgrammeEntry `json:"revisions"`
}

// ProgrammeEntry is one revision that changed the programme files.
type ProgrammeEntry struct {
	Commit  string    `json:"commit"`
	Short   string    `json:"short"`
	Author  string    `json:"author"`
	Email   string    `json:"email"`
	Date    time.Time `json:"date"`
	Subject string    `json:"subject"`
	Message string    `json:"message"`
	Merge   bool      `json:"merge,omitempty"`
	Summary string    `json:"summary"` // one line in domain terms
	// Changes is the semantic diff of the programme files against the first parent.
	Changes    []plandiff.Change     `json:"changes"`
	Unreadable []plandiff.Unreadable `json:"unreadable,omitempty"`
	// Note says why this revision could not be compared, when it could not.
	Note string `json:"note,omitempty"`
}

// Programme walks the history of programme/ from start: each revision that
// touched the folder, compared with its first parent in the terms of the
// programme files (plandiff). Only the programme files and the framework are
// loaded at each revision, not the countries.
func Programme(r *gitrev.Repo, start gitrev.Hash, opts Options) (*ProgrammeHistory, error) {
	revs, err := r.History(start, plan.ProgrammeDir, gitrev.HistoryOptions{Limit: opts.Limit})
	if err != nil {
		return nil, err
	}
	h := &ProgrammeHistory{Entries: make([]ProgrammeEntry, len(revs))}
	for i, rev := range revs {
		e := &h.Entries[i]
		e.Commit, e.Short, e.Merge = rev.Hash.String(), rev.Hash.String()[:7], len(rev.Parents) > 1
		c, err := r.Commit(rev.Hash)
		if err != nil {
			e.Note = fmt.Sprintf("this revision could not be read: %v", err)
			continue
		}
		subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
		e.Author, e.Email, e.Date = c.Author.Name, c.Author.Email, c.Author.When
		e.Subject, e.Message = subject, strings.TrimSpace(c.Message)
		now, err := programmeAt(r, rev.Hash)
		if err != nil {
			e.Note = fmt.Sprintf("this revision could not be read: %v", err)
			continue
		}
		before := plandiff.Revision{Label: "parent"}
		if len(rev.Parents) > 0 {
			if before, err = programmeAt(r, rev.Parents[0]); err != nil {
				e.Note = fmt.Sprintf("its parent could not be read: %v", err)
				continue
			}
		}
		rep := plandiff.DiffRevisions(before, now, plandiff.Options{})
		e.Changes, e.Unreadable = []plandiff.Change{}, rep.Unreadable
		for _, ch := range rep.Changes {
			if ch.IsProgramme() {
				e.Changes = append(e.Changes, ch)
			}
		}
		e.Summary = ProgrammeSummary(e.Changes)
	}
	return h, nil
}

// programmeAt loads the programme files (and the framework) of a commit.
func programmeAt(r *gitrev.Repo, h gitrev.Hash) (plandiff.Revision, error) {
	fsys, err := r.FS(h)
	if err != nil {
		return plandiff.Revision{}, err
	}
	repo, ds := load.Load(fsys, load.Options{NoValues: true, Skip: func(p string) bool {
		return p != plan.ProgrammeDir && !strings.HasPrefix(p, plan.ProgrammeDir+"/")
	}})
	var programme []diag.Diagnostic
	for _, d := range ds {
		if strings.HasPrefix(d.File, plan.ProgrammeDir+"/") {
			programme = append(programme, d)
		}
	}
	return plandiff.Revision{Label: h.String()[:7], Repo: &model.Repo{Framework: repo.Framework, Programme: repo.Programme, Files: repo.Files}, Diags: programme}, nil
}

// maxProgrammeNamed is how many changes a programme summary describes before it
// counts the rest.
const maxProgrammeNamed = 3

// ProgrammeSummary is a one-line account of a revision's programme changes:
// "EU action plan › EU-A2: status planned → in_progress; Policy dialogue D3
// added (HU)", the rest counted.
func ProgrammeSummary(changes []plandiff.Change) string {
	if len(changes) == 0 {
		return "no programme change"
	}
	var parts []string
	for i, ch := range changes {
		if i == maxProgrammeNamed {
			parts = append(parts, fmt.Sprintf("and %d more", len(changes)-i))
			break
		}
		parts = append(parts, ch.Describe())
	}
	return strings.Join(parts, "; ")
}

// WriteProgrammeText writes a programme history for a terminal, newest first.
// Text from the repository (authors, subjects, plan text) is made safe for a
// terminal.
func WriteProgrammeText(w io.Writer, h *ProgrammeHistory) error {
	var b strings.Builder
	fmt.Fprintf(&b, "History of the programme files: %d revisions\n\n", len(h.Entries))
	for _, e := range h.Entries {
		fmt.Fprintf(&b, "%s  %s  %s  %s\n", e.Short, e.Date.UTC().Format("2006-01-02"), escape.Line(e.Author), escape.Line(e.Subject))
		line := e.Summary
		if e.Note != "" {
			line = e.Note
		}
		fmt.Fprintf(&b, "         %s\n", escape.Line(line))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteProgrammeJSON writes a programme history as indented JSON.
func WriteProgrammeJSON(w io.Writer, h *ProgrammeHistory) error {
	return writeJSON(w, h)
}
