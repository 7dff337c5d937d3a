package plandiff_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	diffcmd "github.com/hwfplan/hwfplan/internal/cmd/diff"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/planrev"
)

// BenchmarkDiff does what `hwfplan diff HEAD~100 HEAD` does on generated
// repositories of 19, 100 and 500 countries: open, resolve both revisions, load the
// country folders that differ from git objects, and compare them (the command's own
// Compare). internal/cmd/diff has the 19-country cases on its own fixture.
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
				rep, err := diffcmd.Compare(r, old, cur, plandiff.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if rep.Empty() {
					b.Fatal("100 commits of edits gave an empty diff")
				}
				r.Close()
			}
		})
	}
}
