package editor

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hwfplan/hwfplan/internal/plandiff"
)

// Revision labels of the diff: the files as loaded, and as edited.
const (
	LabelLoaded = "published"
	LabelEdited = "edited"
)

// Change is the difference between the files as loaded and now, in the words of
// `hwfplan diff`: Text is its text report, Lines its lines after the heading
// (none when nothing changed).
type Change struct {
	Lines []string `json:"lines"`
	Text  string   `json:"text"`
}

// Diff compares the country's files as loaded with the current ones by
// plandiff, with the writer of `hwfplan diff` (text format).
func (s *Session) Diff() (Change, error) {
	if s.cur == nil {
		return Change{Lines: []string{}}, nil
	}
	repo, ds := s.load(s.cur)
	r := plandiff.DiffRevisions(plandiff.Revision{Label: LabelLoaded, Repo: s.origRepo, Diags: s.origDiags},
		plandiff.Revision{Label: LabelEdited, Repo: repo, Diags: ds}, plandiff.Options{Countries: []string{s.code}})
	w, err := plandiff.NewWriter("text")
	if err != nil {
		return Change{}, err
	}
	var b bytes.Buffer
	if err := w.Write(&b, r); err != nil {
		return Change{}, fmt.Errorf("failed to write the changes: %w", err)
	}
	c := Change{Lines: []string{}, Text: b.String()}
	if r.Empty() && len(r.Unreadable) == 0 && len(r.Problems) == 0 {
		return c, nil
	}
	lines := strings.Split(strings.TrimSuffix(c.Text, "\n"), "\n")
	c.Lines = append(c.Lines, lines[1:]...)
	return c, nil
}
