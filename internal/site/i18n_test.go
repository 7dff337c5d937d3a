package site

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/editor"
	"go.yaml.in/yaml/v3"
)

// TestMessageIDsExist keeps every message a layout asks for (T "id") in the
// English bundle, site/i18n/en.yaml: Hugo renders a missing id as nothing,
// without a word, so a typo would silently blank a heading.
func TestMessageIDsExist(t *testing.T) {
	data, err := fs.ReadFile(hwfplan.Site, "site/i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var bundle map[string]any
	if err := yaml.Unmarshal(data, &bundle); err != nil {
		t.Fatalf("site/i18n/en.yaml: %v", err)
	}
	used := map[string]bool{}
	call := regexp.MustCompile(`\bT "([a-z0-9_.]+)"`)
	err = fs.WalkDir(hwfplan.Site, "site/layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(hwfplan.Site, p)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
			if _, ok := bundle[m[1]]; !ok {
				t.Errorf("%s: message %q is not in site/i18n/en.yaml", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The texts the generator writes through msgs (g.t, g.tf, g.tn).
	goFiles, _ := filepath.Glob("*.go")
	for _, p := range goFiles {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`\b(?:g|m|tr)\.t[fn]?\("([a-z0-9_.]+)",`).FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
			if _, ok := bundle[m[1]]; !ok {
				t.Errorf("%s: message %q is not in site/i18n/en.yaml", p, m[1])
			}
		}
	}
	var unused []string
	for id := range bundle {
		// The reports' messages: internal/report tests them; the form editor's
		// words (edit.form.*): editor.go passes them all to the engine; the
		// progress states' (state.<kind>.<state>): TestGoMessagesMatchEnglish.
		if !used[id] && !strings.HasPrefix(id, "report.") && !strings.HasPrefix(id, editor.MessagePrefix) && !strings.HasPrefix(id, "state.") {
			unused = append(unused, id)
		}
	}
	slices.Sort(unused)
	for _, id := range unused {
		t.Errorf("site/i18n/en.yaml: message %q is used by no layout", id)
	}
}

// TestBundlesMatchEnglish keeps every language's bundle (site/i18n/<lang>.yaml)
// complete and consistent with the English one: the same message ids, every
// placeholder ({{ .Name }}, {n}) and every piece of markup of the English in
// each form, and plural forms where the English has them.
func TestBundlesMatchEnglish(t *testing.T) {
	read := func(name string) map[string]any {
		data, err := fs.ReadFile(hwfplan.Site, "site/i18n/"+name)
		if err != nil {
			t.Fatal(err)
		}
		var b map[string]any
		if err := yaml.Unmarshal(data, &b); err != nil {
			t.Fatalf("site/i18n/%s: %v", name, err)
		}
		return b
	}
	en := read("en.yaml")
	entries, err := fs.ReadDir(hwfplan.Site, "site/i18n")
	if err != nil {
		t.Fatal(err)
	}
	tokens := regexp.MustCompile(`\{\{ \.[A-Za-z]+ \}\}|\{[a-z]+\}|</?[a-z]+[ >]`)
	forms := func(v any) []string {
		switch v := v.(type) {
		case string:
			return []string{v}
		case map[string]any:
			var out []string
			for _, k := range slices.Sorted(maps.Keys(v)) {
				out = append(out, fmt.Sprint(v[k]))
			}
			return out
		}
		return nil
	}
	set := func(s string) []string {
		m := tokens.FindAllString(s, -1)
		slices.Sort(m)
		return slices.Compact(m)
	}
	n := 0
	for _, e := range entries {
		if e.Name() == "en.yaml" {
			continue
		}
		n++
		other := read(e.Name())
		for id, v := range en {
			tv, ok := other[id]
			if !ok {
				t.Errorf("%s: message %q is missing", e.Name(), id)
				continue
			}
			want := set(forms(v)[0])
			_, plural := v.(map[string]any)
			if _, tplural := tv.(map[string]any); plural != tplural {
				t.Errorf("%s: %s: plural forms in one bundle and not the other", e.Name(), id)
			}
			for _, f := range forms(tv) {
				if got := set(f); !slices.Equal(got, want) && !(plural && len(got) < len(want)) {
					t.Errorf("%s: %s: %q has placeholders and markup %v, the English %v", e.Name(), id, f, got, want)
				}
				if strings.TrimSpace(f) == "" {
					t.Errorf("%s: %s is empty", e.Name(), id)
				}
			}
		}
		for id := range other {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: message %q is not in the English bundle", e.Name(), id)
			}
		}
	}
	if n < 3 {
		t.Errorf("%d translated bundles, want at least 3", n)
	}
}
