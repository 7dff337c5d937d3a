package plantext_test

import (
	"os"
	"testing"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"go.yaml.in/yaml/v3"
)

// FuzzParse: any YAML in a translation file gives problems, never a panic, and
// the texts it reads are texts of the plan.
func FuzzParse(f *testing.F) {
	repo, _ := load.Load(os.DirFS("../.."), load.Options{})
	c := repo.Country("HU")
	for _, tf := range c.Translations {
		f.Add(tf.File.Data)
	}
	f.Add([]byte("language: hu\nreview: [x]\ncomplete: yes\nas-is: {tasks: {data: [1]}}\nto-do: {steps: {HU-S1: {title: {a: b}}}}\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte("to-be: {targets: {data: {linkage: null}}}\naction-plan: {actions: {HU-A1: ~}}\n"))
	keys := map[string]bool{}
	for _, k := range plantext.Keys(c) {
		keys[k.Key] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
			return
		}
		tr, _ := plantext.Parse(c, "countries/HU/translations/hu.yaml", doc.Content[0], "2026-12-01")
		read := 0
		for k := range keys {
			if _, ok := tr.Text(k); ok {
				read++
			}
		}
		if read != tr.Len() {
			t.Errorf("read %d texts, %d of them texts of the plan", tr.Len(), read)
		}
	})
}
