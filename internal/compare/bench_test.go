package compare_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/load"
)

// BenchmarkCompute computes scores, gaps, rankings and cluster figures of a loaded
// repository.
func BenchmarkCompute(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			fsys, err := load.DirFS(benchfix.Dir(b, n, 1))
			if err != nil {
				b.Fatal(err)
			}
			repo, _ := load.Load(fsys, load.Options{})
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				res, err := compare.Compute(repo)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Countries) != n {
					b.Fatalf("computed %d countries, want %d", len(res.Countries), n)
				}
			}
		})
	}
}
