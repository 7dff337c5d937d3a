package planhistory

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

// A revision that cannot be read (its folder's tree object is gone) or whose file
// does not parse is summarised with a note; the history, and a site build that
// lists it, go on.
func TestOneRevisionCannotBeSummarised(t *testing.T) {
	g := gittest.New(t)
	files := fixture(t)
	g.Write(files)
	g.Commit("first plan")
	g.Replace("countries/HU/country.yaml", "status: illustrative", "status: draft")
	g.Commit("draft")
	g.Write(map[string]string{"countries/HU/as-is.yaml": "tasks:\n\tdata: {}\n"})
	g.Commit("a tab")
	g.Write(map[string]string{"countries/HU/as-is.yaml": files["countries/HU/as-is.yaml"]})
	g.Replace("countries/HU/to-be.yaml", "planning_committee: {score: 2, year: 2026", "planning_committee: {score: 2, year: 2027")
	g.Commit("mend the tab")
	g.Replace("countries/HU/country.yaml", "status: draft", "status: submitted")
	g.Commit("submitted")
	// Lose the folder's tree at "draft" (HEAD~3): it is read for that revision and
	// as the parent of "a tab", nowhere else.
	tree := strings.TrimSpace(g.Git("rev-parse", "HEAD~3:countries/HU"))
	if err := os.Remove(filepath.Join(g.Dir, ".git", "objects", tree[:2], tree[2:])); err != nil {
		t.Fatal(err)
	}
	r, err := gitrev.Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	head, _ := r.Resolve("HEAD")
	hs, err := Countries(r, head, []string{"HU"}, Options{})
	if err != nil {
		t.Fatalf("one unreadable revision ended the history: %v", err)
	}
	h := hs["HU"]
	if len(h.Entries) != 5 {
		t.Fatalf("%d revisions, want 5", len(h.Entries))
	}
	summaries := make([]string, len(h.Entries))
	for i, e := range h.Entries {
		summaries[i] = e.Subject + ": " + e.Summary
	}
	want := []struct{ subject, has, hasNot string }{
		{"submitted", "status draft → submitted", "could not"},
		{"mend the tab", "countries/HU/as-is.yaml could not be read in the revision before (line 2: a tab", "added"},
		{"a tab", "this revision could not be summarised: ", "removed"},
		{"draft", "this revision could not be summarised: ", ""},
		{"first plan", "country added", "could not"},
	}
	for i, w := range want {
		e := h.Entries[i]
		if e.Subject != w.subject || !strings.Contains(e.Summary, w.has) || w.hasNot != "" && strings.Contains(e.Summary, w.hasNot) {
			t.Errorf("revision %d: %q, want %q with %q and without %q\nall: %q", i, e.Subject+": "+e.Summary, w.subject, w.has, w.hasNot, summaries)
		}
	}
	if h.Entries[2].Note == "" || h.Entries[0].Note != "" {
		t.Errorf("notes: %q, %q", h.Entries[2].Note, h.Entries[0].Note)
	}
	if u := h.Entries[1].Unreadable; len(u) != 1 || u[0].Side != "old" || u[0].Rule != "yaml-tabs" {
		t.Errorf("unreadable: %+v", u)
	}
}
