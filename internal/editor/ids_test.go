package editor

import (
	"strings"
	"testing"
)

func TestNewID(t *testing.T) {
	tests := []struct {
		file string
		list []any
		want string
	}{
		{"action-plan.yaml", []any{"actions"}, "HU-A6"},
		{"action-plan.yaml", []any{"actions", 0, "kpis"}, "k2"},
		{"to-do.yaml", []any{"steps"}, "HU-S6"},
		{"to-do.yaml", []any{"steps", 2, "milestones"}, "m3"},
		{"as-is.yaml", []any{"stakeholders"}, "stakeholder-1"},
		{"as-is.yaml", []any{"data_sources"}, "source-1"},
		{"as-is.yaml", []any{"rounds"}, "round-1"},
	}
	for _, tc := range tests {
		s := session(t, "HU")
		got, err := s.NewID("countries/HU/"+tc.file, tc.list)
		if err != nil || got != tc.want {
			t.Errorf("%s %v: %q, %v; want %q", tc.file, tc.list, got, err, tc.want)
		}
	}
}

// An id that was in the file as loaded, or is only in a comment, or only in
// another of the country's files, is never proposed again.
func TestNewIDNeverReuses(t *testing.T) {
	s := session(t, "HU")
	p := "countries/HU/action-plan.yaml"
	text, _ := s.Text(p)
	// remove HU-A5 from the current text: HU-A6 all the same
	s.cur[p] = []byte(strings.Replace(text, "- id: HU-A5", "- id: HU-A9x", 1))
	if got, _ := s.NewID(p, []any{"actions"}); got != "HU-A6" {
		t.Errorf("after renaming HU-A5: %s", got)
	}
	// an id in a comment of the current text counts
	s.cur[p] = append(s.cur[p], []byte("# HU-A12 was merged into HU-A2\n")...)
	if got, _ := s.NewID(p, []any{"actions"}); got != "HU-A13" {
		t.Errorf("after a comment naming HU-A12: %s", got)
	}
	// ids written in another file of the country count (HU-S7 named in the action plan)
	s.cur[p] = append(s.cur[p], []byte("# see HU-S7\n")...)
	if got, _ := s.NewID("countries/HU/to-do.yaml", []any{"steps"}); got != "HU-S8" {
		t.Errorf("after HU-S7 in the action plan: %s", got)
	}
	// longer ids that only contain the prefix do not
	s.cur[p] = append(s.cur[p], []byte("# EU-HU-S20 HU-S30b xHU-S40\n")...)
	if got, _ := s.NewID("countries/HU/to-do.yaml", []any{"steps"}); got != "HU-S8" {
		t.Errorf("after longer ids: %s", got)
	}
	for _, bad := range [][]any{{"policy_dialogue"}, {"nothing"}, {"actions", 0, "budget"}, {}} {
		if got, err := s.NewID(p, bad); err == nil {
			t.Errorf("%v: %s and no error", bad, got)
		}
	}
}
