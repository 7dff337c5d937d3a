package sitecmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The build lists each country's recent revisions. An edit of a list entry without
// an id (which panicked), a revision whose file does not parse and the revision
// that mends it are all summarised; none stops the build.
func TestHistorySummarisesEveryRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := plansCopy(t)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+root,
			"GIT_AUTHOR_NAME=Ana", "GIT_AUTHOR_EMAIL=ana@example.org", "GIT_COMMITTER_NAME=Ana", "GIT_COMMITTER_EMAIL=ana@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	replace := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(root, name)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s lacks %q: %v", name, old, err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "plans")
	replace("countries/HU/country.yaml", "    role: Affiliated entity", "    role: Training centre")
	git("commit", "-q", "-am", "HU: one word of a role")
	replace("countries/HU/as-is.yaml", "tasks:\n", "tasks:\n\t\n")
	git("commit", "-q", "-am", "HU: a tab")
	replace("countries/HU/as-is.yaml", "tasks:\n\t\n", "tasks:\n")
	git("commit", "-q", "-am", "HU: mend the tab")

	in, _, err := Prepare(root, 3, false)
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
