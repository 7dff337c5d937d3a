package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	hwfplan "github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
)

func benchRepo(b testing.TB, n int) *model.Repo {
	b.Helper()
	fsys, err := load.DirFS(benchfix.Dir(b, n, 1))
	if err != nil {
		b.Fatal(err)
	}
	repo, _ := load.Load(fsys, load.Options{})
	return repo
}

// BenchmarkRender builds the whole site in memory (generated pages, then Hugo) for
// a generated repository.
func BenchmarkRender(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			repo := benchRepo(b, n)
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				files, err := Render(Input{Repo: repo}, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(files) == 0 {
					b.Fatal("no files")
				}
			}
		})
	}
}

// BenchmarkBuild renders a generated repository's site into a folder on disk and
// publishes it there atomically, as `hwfplan build` does.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			repo := benchRepo(b, n)
			out := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				files, err := Build(Input{Repo: repo}, Options{}, out)
				if err != nil {
					b.Fatal(err)
				}
				if files == 0 {
					b.Fatal("no files")
				}
			}
		})
	}
}

// BenchmarkGenerate measures only the pages hwfplan writes for Hugo (no Hugo run):
// with BenchmarkRender it splits a build into our part and Hugo's.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			repo := benchRepo(b, n)
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				if _, err := generate(Input{Repo: repo}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteHugoProject writes the Hugo project hwfplan would render (the embedded
// site plus the generated content) for a plans repository to a folder, so that
// bench/run.sh can time Hugo's own build of the same content:
//
//	HWFPLAN_HUGO_PROJECT=/tmp/proj HWFPLAN_HUGO_PLANS=/path/to/plans go test -run TestWriteHugoProject ./internal/site
//
// Without the variables it does nothing.
func TestWriteHugoProject(t *testing.T) {
	out, plans := os.Getenv("HWFPLAN_HUGO_PROJECT"), os.Getenv("HWFPLAN_HUGO_PLANS")
	if out == "" || plans == "" {
		t.Skip("set HWFPLAN_HUGO_PROJECT and HWFPLAN_HUGO_PLANS to write a Hugo project")
	}
	fsys, err := load.DirFS(plans)
	if err != nil {
		t.Fatal(err)
	}
	repo, _ := load.Load(fsys, load.Options{})
	gen, err := generate(Input{Repo: repo})
	if err != nil {
		t.Fatal(err)
	}
	base, err := fs.Sub(hwfplan.Site, "site")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err = fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(base, p)
		if err == nil {
			write(p, data)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range gen {
		write(name, data)
	}
}
