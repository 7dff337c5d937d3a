package validate

import (
	"sort"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzValidateFile replaces one file of the base repository with arbitrary bytes
// and runs the whole validation (load, schema, rules across files): it must
// never panic, and every diagnostic must name a file and sit at a sane position.
func FuzzValidateFile(f *testing.F) {
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for i, file := range base.Files {
		f.Add(uint8(i), file.Data)
	}
	repo, lds := load.Load(baseFS(base), load.Options{})
	if len(lds) > 0 {
		f.Fatalf("base does not load cleanly: %v", lds)
	}
	v, err := New(repo.Framework)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := baseFS(base)
		name := base.Files[int(which)%len(base.Files)].Name
		fsys[name] = &fstest.MapFile{Data: data}
		repo, lds := load.Load(fsys, load.Options{})
		ds := v.Repo(repo, lds, Options{Today: today})
		if !sort.SliceIsSorted(ds, func(i, j int) bool { return ds[i].File < ds[j].File }) {
			t.Error("diagnostics are not sorted by file")
		}
		for _, d := range ds {
			if d.File == "" || d.Message == "" || d.Rule == "" || d.Line < 0 || d.Column < 0 {
				t.Errorf("malformed diagnostic: %#v", d)
			}
		}
	})
}

func baseFS(ar *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}
