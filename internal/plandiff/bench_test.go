package plandiff_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/planrev"
)

// BenchmarkDiff does what `hwfplan diff HEAD~100 HEAD` does on a generated
// repository: open it, read both revisions from git objects, load and compare them.
func BenchmarkDiff(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			dir := benchfix.Dir(b, n, 101)
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				r, err := gitrev.Open(dir)
				if err != nil {
					b.Fatal(err)
				}
				old, err := planrev.At(r, dir, "HEAD~100")
				if err != nil {
					b.Fatal(err)
				}
				cur, err := planrev.At(r, dir, "HEAD")
				if err != nil {
					b.Fatal(err)
				}
				oldRepo, _ := old.Load()
				newRepo, _ := cur.Load()
				rep := plandiff.Diff(oldRepo, newRepo, plandiff.Options{})
				if rep.Empty() {
					b.Fatal("100 commits of edits gave an empty diff")
				}
				r.Close()
			}
		})
	}
}
