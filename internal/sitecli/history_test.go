package sitecli

import (
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/publish"
)

// The build lists each country's recent revisions. An edit of a list entry without
// an id (which panicked), a revision whose file does not parse and the revision
// that mends it are all summarised; none stops the build.
func TestHistorySummarisesEveryRevision(t *testing.T) {
	root := plansCopy(t)
	g := gittest.NewAt(t, root)
	g.Commit("plans")
	g.Replace("countries/HU/country.yaml", "    role: Affiliated entity", "    role: Training centre")
	g.Commit("HU: one word of a role")
	g.Replace("countries/HU/as-is.yaml", "tasks:\n", "tasks:\n\t\n")
	g.Commit("HU: a tab")
	g.Replace("countries/HU/as-is.yaml", "tasks:\n\t\n", "tasks:\n")
	g.Commit("HU: mend the tab")

	in, _, err := Prepare(root, publish.SiteOptions{Revisions: 3})
	if err != nil {
		t.Fatalf("the build's revisions failed: %v", err)
	}
	var got []string
	for _, r := range in.Revisions["HU"] {
		got = append(got, r.Subject+": "+r.Summary)
	}
	want := []string{
		"HU: mend the tab: no plan change; countries/HU/as-is.yaml could not be read in the revision before",
		"HU: a tab: no plan change; countries/HU/as-is.yaml could not be read here",
		"HU: one word of a role: affiliated_entities +",
	}
	if len(got) != len(want) {
		t.Fatalf("HU revisions: %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("revision %d: %q, want it to start with %q", i, got[i], want[i])
		}
	}
}
