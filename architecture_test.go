package hwfplan

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArchitectureNamesEveryPackage keeps ARCHITECTURE.md true: every package
// under internal/ is named there, by its path below internal/ or, inside a
// parent's row, by its last element.
func TestArchitectureNamesEveryPackage(t *testing.T) {
	doc, err := os.ReadFile("ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	err = filepath.WalkDir("internal", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if d.Name() == "testdata" {
			return filepath.SkipDir
		}
		gofiles, _ := filepath.Glob(filepath.Join(path, "*.go"))
		if len(gofiles) == 0 {
			return nil
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, "internal"+string(filepath.Separator)))
		parts := strings.Split(rel, "/")
		last := parts[len(parts)-1]
		tail2 := rel
		if len(parts) >= 2 {
			tail2 = strings.Join(parts[len(parts)-2:], "/")
		}
		if !strings.Contains(text, "`"+rel+"`") && !strings.Contains(text, "`"+tail2+"`") && !strings.Contains(text, "`"+last+"`") {
			t.Errorf("ARCHITECTURE.md does not name internal/%s", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
