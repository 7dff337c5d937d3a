package planrev

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

func country(code, asIs string) map[string]string {
	d := "countries/" + code + "/"
	return map[string]string{
		d + "country.yaml":     "code: " + code + "\nname: Country " + code + "\n",
		d + "as-is.yaml":       asIs,
		d + "to-be.yaml":       "tasks: {}\n",
		d + "to-do.yaml":       "steps: []\n",
		d + "action-plan.yaml": "actions: []\n",
	}
}

// TestChanges: a folder the same on both sides is left out whole, in a folder that
// differs only the files that differ are loaded (and country.yaml), a folder on one
// side only is loaded whole, clusters are loaded when they differ; the working tree
// is compared by content; --country leaves out the other folders and the clusters.
func TestChanges(t *testing.T) {
	g := gittest.New(t)
	files := map[string]string{"clusters/wp5.yaml": "id: wp5\n", "clusters/wp6.yaml": "id: wp6\n", "schema/framework.yaml": string(hwfplan.DefaultFramework)}
	for _, c := range []string{"HU", "SK", "SI"} {
		maps.Copy(files, country(c, "a: 1\n"))
	}
	g.Write(files)
	g.Commit("first")
	g.Write(map[string]string{"countries/SK/as-is.yaml": "a: 2\n", "clusters/wp6.yaml": "id: wp6\nname: Six\n"})
	g.Write(country("PL", "a: 1\n"))
	g.Remove("countries/SI")
	g.Commit("second")
	// Uncommitted: HU's to-do.yaml.
	if err := os.WriteFile(filepath.Join(g.Dir, "countries/HU/to-do.yaml"), []byte("steps: [x]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := gitrev.Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	skipped := func(old, new Revision, keep []string) []string {
		t.Helper()
		d, err := Changes(r, old, new, keep)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for p, same := range d.same {
			if same {
				out = append(out, p)
			}
		}
		slices.Sort(out)
		return out
	}
	first, err := At(r, g.Dir, "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	second, err := At(r, g.Dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	wt, err := At(r, g.Dir, WorkTree)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		old, new Revision
		keep     []string
		want     []string
	}{
		{"two commits", first, second, nil, []string{
			"clusters/wp5.yaml", "countries/HU",
			"countries/SK/action-plan.yaml", "countries/SK/to-be.yaml", "countries/SK/to-do.yaml"}},
		{"commit to working tree", second, wt, nil, []string{
			"clusters/wp5.yaml", "clusters/wp6.yaml",
			"countries/HU/action-plan.yaml", "countries/HU/as-is.yaml", "countries/HU/to-be.yaml",
			"countries/PL", "countries/SK"}},
		// PL and SI are on one side only: loaded, as either may be the other end of
		// a rename of SK.
		{"one country", first, second, []string{"SK"}, []string{
			"countries/HU",
			"countries/SK/action-plan.yaml", "countries/SK/to-be.yaml", "countries/SK/to-do.yaml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := skipped(tc.old, tc.new, tc.keep); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("skipped %q\nwant    %q", got, tc.want)
			}
		})
	}

	// What is loaded: SK's changed as-is.yaml on both sides, its country.yaml parsed
	// once for both, HU not at all.
	d, err := Changes(r, first, second, nil)
	if err != nil {
		t.Fatal(err)
	}
	o, ods := first.LoadDelta(d)
	n, nds := second.LoadDelta(d)
	for _, ds := range [][]string{problems(ods), problems(nds)} {
		if len(ds) > 0 {
			t.Errorf("loading what differs reports %q", ds)
		}
	}
	if o.Country("HU") != nil || n.Country("HU") != nil {
		t.Error("HU is the same on both sides but loaded")
	}
	osk, nsk := o.Country("SK"), n.Country("SK")
	if osk == nil || nsk == nil || osk.AsIs == nil || nsk.AsIs == nil || osk.ToDo != nil || nsk.ToDo != nil {
		t.Fatal("SK: as-is.yaml is not loaded, or to-do.yaml is")
	}
	if osk.Country == nil || osk.Country != nsk.Country || osk.Files["country.yaml"] != nsk.Files["country.yaml"] {
		t.Error("SK's country.yaml is not loaded once for both sides")
	}
	if n.Country("PL") == nil || n.Country("PL").ToDo == nil || o.Country("SI") == nil || o.Country("SI").ToDo == nil {
		t.Error("a folder on one side only is not loaded whole")
	}
	if o.FrameworkFile == nil || o.FrameworkFile != n.FrameworkFile {
		t.Error("the framework is not loaded once for both sides")
	}
}

// problems lists the errors among ds.
func problems(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// TestWorktreeFolderHash: a working-tree folder hashes as git hashes its tree,
// executable files included; a folder with a link in it cannot be told apart.
func TestWorktreeFolderHash(t *testing.T) {
	g := gittest.New(t)
	g.Write(country("SK", "a: 1\n"))
	if err := os.Chmod(filepath.Join(g.Dir, "countries/SK/to-do.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	g.Commit("SK")
	root, err := os.OpenRoot(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	got, blobs := worktreeFolder(root, "countries/SK")
	if want := g.Git("rev-parse", "HEAD:countries/SK"); got.String() != strings.TrimSpace(want) {
		t.Errorf("folder hash %s, git says %s", got, want)
	}
	if want := g.Git("rev-parse", "HEAD:countries/SK/as-is.yaml"); blobs["countries/SK/as-is.yaml"].String() != strings.TrimSpace(want) {
		t.Errorf("blob hash %s, git says %s", blobs["countries/SK/as-is.yaml"], want)
	}
	if err := os.Symlink("as-is.yaml", filepath.Join(g.Dir, "countries/SK/link.yaml")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if got, _ := worktreeFolder(root, "countries/SK"); !got.IsZero() {
		t.Errorf("a folder with a link hashes to %s, want zero (changed)", got)
	}
	if got, _ := worktreeFolder(root, "countries/XX"); !got.IsZero() {
		t.Errorf("a missing folder hashes to %s, want zero", got)
	}
}
