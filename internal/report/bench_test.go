package report

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/load"
)

// BenchmarkBuild renders each report (Markdown, figures and HTML) for a generated
// repository, from a loaded repository and its comparison.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchfix.Sizes {
		for _, k := range Kinds {
			b.Run(benchfix.Name(n)+"/"+k.Name, func(b *testing.B) {
				fsys, err := load.DirFS(benchfix.Dir(b, n, 1))
				if err != nil {
					b.Fatal(err)
				}
				repo, _ := load.Load(fsys, load.Options{})
				res, err := compare.Compute(repo)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				defer benchfix.CPU(b)()
				for b.Loop() {
					files, err := Build(repo, res, k.Name, Options{Templates: fsys})
					if err != nil {
						b.Fatal(err)
					}
					if len(files[k.Name+".html"]) == 0 {
						b.Fatalf("no %s.html", k.Name)
					}
				}
			})
		}
	}
}
