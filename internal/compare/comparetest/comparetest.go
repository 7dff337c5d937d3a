// Package comparetest holds the small plans repository the compare, export, report
// and site tests share (mini.txtar), with helpers to load it or write it to disk.
// Its numbers are worked out by hand in internal/compare/compare_test.go.
//
// gaps.txtar is a second, valid repository whose gaps sit exactly on rounding and
// threshold edges (0.125, 0.25), for the test that every output agrees on them.
package comparetest

import (
	_ "embed"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/rogpeppe/go-internal/txtar"
)

//go:embed mini.txtar
var mini []byte

//go:embed gaps.txtar
var gaps []byte

// FS returns the fixture repository as an in-memory file system.
func FS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse(mini).Files {
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
	return gittest.Tree(t, gittest.TxtarFiles(txtar.Parse(mini)))
}

// WriteTo writes the fixture's files under dir (for testscript setups).
func WriteTo(dir string) error {
	return gittest.WriteFiles(dir, gittest.TxtarFiles(txtar.Parse(mini)))
}

// GapsRepo loads the gaps fixture; it fails the test on any load diagnostic.
func GapsRepo(t testing.TB) *model.Repo {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse(gaps).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	repo, ds := load.Load(fsys, load.Options{})
	for _, d := range ds {
		t.Errorf("gaps fixture: %s", d)
	}
	return repo
}

// GapsDir writes the gaps fixture into a new temporary folder and returns its path.
func GapsDir(t testing.TB) string {
	t.Helper()
	return gittest.Tree(t, gittest.TxtarFiles(txtar.Parse(gaps)))
}
