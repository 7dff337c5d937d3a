package planhistory_test

import (
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen/benchfix"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/planhistory"
)

// BenchmarkHistory does what `hwfplan history CODE` does on a generated repository
// of the 19 HEROES countries and 10,000 commits: walk the country's history and load,
// compare and score every revision. IT is the busiest country (about a third of the
// commits), HU a typical one.
func BenchmarkHistory(b *testing.B) {
	dir := benchfix.Dir(b, 19, 10_000)
	for _, code := range []string{"HU", "IT"} {
		b.Run("country="+code, func(b *testing.B) {
			b.ReportAllocs()
			defer benchfix.CPU(b)()
			revs := 0
			for b.Loop() {
				r, err := gitrev.Open(dir)
				if err != nil {
					b.Fatal(err)
				}
				head, err := r.Resolve("HEAD")
				if err != nil {
					b.Fatal(err)
				}
				h, err := planhistory.Country(r, head, code, planhistory.Options{})
				if err != nil {
					b.Fatal(err)
				}
				revs = len(h.Entries)
				r.Close()
			}
			b.ReportMetric(float64(revs), "revisions")
		})
	}
}
