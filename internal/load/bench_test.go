package load_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/load"
)

// BenchmarkLoad reads and decodes a whole generated plans repository from disk.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			dir := benchfix.Dir(b, n, 1)
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				fsys, err := load.DirFS(dir)
				if err != nil {
					b.Fatal(err)
				}
				repo, _ := load.Load(fsys, load.Options{})
				if len(repo.Countries) != n {
					b.Fatalf("loaded %d countries, want %d", len(repo.Countries), n)
				}
			}
		})
	}
}
