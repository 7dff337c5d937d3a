package planhistory_test

import (
	"os"
	"path/filepath"
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

// BenchmarkRecent does what the site build does: the 10 newest revisions of every
// country, with Country per country (as internal/cmd/build calls it) and with one
// Countries call.
func BenchmarkRecent(b *testing.B) {
	for _, n := range []int{19, 500} {
		dir := benchfix.Dir(b, n, 10_000)
		r, err := gitrev.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		entries, err := os.ReadDir(filepath.Join(dir, "countries"))
		r.Close()
		if err != nil {
			b.Fatal(err)
		}
		var codes []string
		for _, e := range entries {
			codes = append(codes, e.Name())
		}
		for _, how := range []string{"Country", "Countries"} {
			b.Run(benchfix.Name(n)+"/"+how, func(b *testing.B) {
				b.ReportAllocs()
				defer benchfix.CPU(b)()
				for b.Loop() {
					r, err := gitrev.Open(dir)
					if err != nil {
						b.Fatal(err)
					}
					head, _ := r.Resolve("HEAD")
					opts := planhistory.Options{Limit: 10}
					if how == "Countries" {
						if _, err := planhistory.Countries(r, head, codes, opts); err != nil {
							b.Fatal(err)
						}
					} else {
						for _, c := range codes {
							if _, err := planhistory.Country(r, head, c, opts); err != nil {
								b.Fatal(err)
							}
						}
					}
					r.Close()
				}
			})
		}
	}
}
