package validate

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/rogpeppe/go-internal/txtar"
)

// today is the date the rule tests run on.
const today = "2026-11-24"

// TestRules runs every case in testdata/rules. A case is a txtar archive whose
// comment edits the base repository (testdata/base.txtar), one edit per line:
//
//	replace FILE "old" "new"   replace the first occurrence of old in FILE
//	delete FILE                remove FILE
//
// (other lines are prose), its files (other than "want") replace or add whole files, and its "want" file
// holds the expected diagnostics, one per line (rewritten with -update).
func TestRules(t *testing.T) {
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := filepath.Glob("testdata/rules/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/rules")
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for _, f := range base.Files {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if err := applyEdits(fsys, string(ar.Comment)); err != nil {
				t.Fatal(err)
			}
			for _, f := range ar.Files {
				if f.Name != "want" {
					fsys[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			golden.CheckSection(t, path, "want", []byte(runValidate(t, fsys)))
		})
	}
}

// TestBaseIsValid keeps the base repository free of diagnostics, so each case's
// want section shows only what its edit causes.
func TestBaseIsValid(t *testing.T) {
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range base.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	if got := runValidate(t, fsys); got != "" {
		t.Errorf("base repository is not clean:\n%s", got)
	}
}

func runValidate(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	repo, lds := load.Load(fsys, load.Options{})
	ds, err := Validate(repo, lds, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintln(&b, d.String())
	}
	return b.String()
}

func applyEdits(fsys fstest.MapFS, script string) error {
	for n, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		if verb != "replace" && verb != "delete" {
			continue // prose describing the case
		}
		file, args, _ := strings.Cut(strings.TrimSpace(rest), " ")
		f := fsys[file]
		if f == nil {
			return fmt.Errorf("edit line %d: no file %s in the base", n+1, file)
		}
		switch verb {
		case "delete":
			delete(fsys, file)
		case "replace":
			old, err := unquoteNext(&args)
			if err != nil {
				return fmt.Errorf("edit line %d: %w", n+1, err)
			}
			repl, err := unquoteNext(&args)
			if err != nil {
				return fmt.Errorf("edit line %d: %w", n+1, err)
			}
			if !strings.Contains(string(f.Data), old) {
				return fmt.Errorf("edit line %d: %q not found in %s", n+1, old, file)
			}
			fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, repl, 1))}
		}
	}
	return nil
}

func unquoteNext(s *string) (string, error) {
	t := strings.TrimSpace(*s)
	q, err := strconv.QuotedPrefix(t)
	if err != nil {
		return "", fmt.Errorf("want a quoted string at %q", t)
	}
	*s = t[len(q):]
	return strconv.Unquote(q)
}
