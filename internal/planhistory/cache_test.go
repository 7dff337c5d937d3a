package planhistory

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/load"
)

// The history loader parses files itself to share them between revisions; it must
// give what load.Load gives.
func TestLoaderMatchesLoad(t *testing.T) {
	g := gittest.New(t)
	files := gittest.ReadFiles(t, filepath.Join("..", "plandiff", "testdata", "base"))
	files["countries/HU/to-do.yaml"] = "steps: [oops\n" // a syntax error: no ToDo
	files["countries/HU/translations/it.yaml"] = "language: it\nto-be: {vision: Entro il 2030}\n"
	files["countries/HU/translations/de.yaml"] = "to-be: [oops\n" // a syntax error: not loaded
	files["countries/HU/translations/hu.yaml"] = "language: hu\n"
	files["countries/HU/translations/notes.md"] = "not a translation\n"
	delete(files, "countries/HU/action-plan.yaml") // absent
	g.Write(files)
	g.Commit("plans")
	r, err := gitrev.Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	head, _ := r.Resolve("HEAD")
	fw, got, err := newLoader(r).load(head, "countries/HU")
	if err != nil {
		t.Fatal(err)
	}
	fsys, _ := r.FS(head)
	repo, _ := load.Load(fsys, load.Options{})
	want := repo.Country("HU")
	if !reflect.DeepEqual(got.Country, want.Country) || !reflect.DeepEqual(got.AsIs, want.AsIs) || !reflect.DeepEqual(got.ToBe, want.ToBe) ||
		!reflect.DeepEqual(got.ToDo, want.ToDo) || !reflect.DeepEqual(got.ActionPlan, want.ActionPlan) {
		t.Errorf("loader and load.Load disagree:\n%+v\n%+v", got, want)
	}
	if got.ToDo != nil || got.ActionPlan != nil || got.AsIs == nil {
		t.Errorf("broken/absent files: %+v", got)
	}
	if len(got.Translations) != 2 || len(got.Translations) != len(want.Translations) {
		t.Fatalf("translations: %d, load.Load has %d", len(got.Translations), len(want.Translations))
	}
	for i, tr := range got.Translations {
		w := want.Translations[i]
		if tr.Language != w.Language || tr.File.Path != w.File.Path || !reflect.DeepEqual(tr.File.Node, w.File.Node) {
			t.Errorf("translation %d: %s %s, load.Load has %s %s", i, tr.Language, tr.File.Path, w.Language, w.File.Path)
		}
	}
	if len(got.Files) != len(want.Files) {
		t.Errorf("files: %d, load.Load has %d", len(got.Files), len(want.Files))
	}
	if !reflect.DeepEqual(fw.TaskIDs(), repo.Framework.TaskIDs()) {
		t.Error("framework differs")
	}
	if _, c, err := newLoader(r).load(head, "countries/XX"); c != nil || err != nil {
		t.Errorf("absent folder: %v %v", c, err)
	}
}

func TestCountriesFromHead(t *testing.T) {
	g := gittest.New(t)
	g.Write(map[string]string{"countries/HU/country.yaml": "code: HU\nname: Hungary\n", "countries/SK/country.yaml": "code: SK\n"})
	g.Commit("one")
	g.Write(map[string]string{"countries/HU/country.yaml": "code: HU\nname: Hungary\nstatus: draft\n"})
	g.Commit("two")
	r, err := gitrev.Open(g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	head, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	hs, err := Countries(r, head, []string{"HU", "SK", "EE"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(hs["HU"].Entries) != 2 || len(hs["SK"].Entries) != 1 || len(hs["EE"].Entries) != 0 {
		t.Errorf("entries: HU %d SK %d EE %d", len(hs["HU"].Entries), len(hs["SK"].Entries), len(hs["EE"].Entries))
	}
	if s := hs["HU"].Entries[0].Summary; s != "status — → draft" {
		t.Errorf("summary %q", s)
	}
}
