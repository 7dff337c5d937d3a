package sitecli

import (
	"path/filepath"
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/cmd/build"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

// BenchmarkBuild runs `hwfplan build` in-process on generated repositories (101
// commits, so each country lists revisions): load, validate, compare, reports,
// exports, revisions, pages, Hugo and the publish to disk. Profile it with
// -cpuprofile to see where a build goes beyond Hugo's rendering.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchfix.Sizes {
		b.Run(benchfix.Name(n), func(b *testing.B) {
			root := benchfix.Dir(b, n, 101)
			out := filepath.Join(b.TempDir(), "site")
			ios, _, _, stderr := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios, RootFlag: &root}
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			for b.Loop() {
				if err := Build(&build.Options{Factory: f, Out: out, BaseURL: "/", Revisions: 10}); err != nil {
					b.Fatalf("build: %v\n%s", err, stderr)
				}
			}
		})
	}
}
