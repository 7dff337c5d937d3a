package site

import (
	"io/fs"
	"regexp"
	"slices"
	"testing"

	"github.com/hwfplan/hwfplan"
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
	call := regexp.MustCompile(`\bT "([a-z0-9_]+)"`)
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
	var unused []string
	for id := range bundle {
		if !used[id] {
			unused = append(unused, id)
		}
	}
	slices.Sort(unused)
	for _, id := range unused {
		t.Errorf("site/i18n/en.yaml: message %q is used by no layout", id)
	}
}
