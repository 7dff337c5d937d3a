// Package progresstest holds the plans repository with assessment rounds and
// KPI observations the progress, report and diff tests share (rounds.txtar),
// with helpers to load it or write it to disk. Its numbers are worked out by
// hand in internal/progress/progress_test.go.
package progresstest

import (
	_ "embed"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/rogpeppe/go-internal/txtar"
)

//go:embed rounds.txtar
var rounds []byte

// AsOf is the report date the tests measure the fixture at, as --as-of would
// give it. Some of the fixture's data is later (publication.yaml's as_of is
// 2027-03-31), to show it is left out.
const AsOf = "2026-06-30"

// FS returns the fixture repository as an in-memory file system.
func FS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse(rounds).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Repo loads the fixture; it fails the test on any load diagnostic.
func Repo(t testing.TB) *model.Repo {
	t.Helper()
	repo, ds := load.Load(FS(), load.Options{})
	for _, d := range ds {
		t.Errorf("fixture: %s", d)
	}
	return repo
}

// Dir writes the fixture into a new temporary folder and returns its path
// (for command tests that take --root).
func Dir(t testing.TB) string {
	t.Helper()
	return gittest.Tree(t, gittest.TxtarFiles(txtar.Parse(rounds)))
}
