package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/load"
)

// A country's translations/ folder is read: each <lang>.yaml parsed and kept on
// the country with its language, anything else named as not read.
func TestPlanTranslationsLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"countries/HU/country.yaml":           {Data: []byte("code: HU\n")},
		"countries/HU/translations/hu.yaml":   {Data: []byte("language: hu\nreview: {reviewed: false}\n")},
		"countries/HU/translations/de.yaml":   {Data: []byte("language: de\n")},
		"countries/HU/translations/notes.txt": {Data: []byte("a note")},
		"countries/HU/translations/hu.json":   {Data: []byte("{}")},
		"countries/HU/translations/x/y.yaml":  {Data: []byte("a: b\n")},
		"clusters/wp6.yaml":                   {Data: []byte("id: wp6\n")},
	}
	repo, ds := load.Load(fsys, load.Options{})
	c := repo.Country("HU")
	var langs []string
	for _, tf := range c.Translations {
		langs = append(langs, tf.Language)
		if repo.Files[tf.File.Path] != tf.File {
			t.Errorf("%s is not among the repository's files", tf.File.Path)
		}
	}
	if strings.Join(langs, " ") != "de hu" {
		t.Errorf("languages %v, want de hu (file name order)", langs)
	}
	var warned []string
	for _, d := range ds {
		if strings.Contains(d.File, "translations") {
			warned = append(warned, d.File+": "+d.Message)
		}
	}
	want := []string{
		"countries/HU/translations/hu.json: hwfplan does not read this; a translations folder holds one <language>.yaml file per language, like hu.yaml",
		"countries/HU/translations/x: hwfplan does not read this; a translations folder holds one <language>.yaml file per language, like hu.yaml",
	}
	if strings.Join(warned, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics about translations:\n%s\nwant\n%s", strings.Join(warned, "\n"), strings.Join(want, "\n"))
	}
}
