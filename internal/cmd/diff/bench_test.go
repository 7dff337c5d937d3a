package diff

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/planrev"
)

// cpuTime is the CPU time this process has used (all threads, user and system); it
// stays meaningful when the machine is busy and wall-clock time is not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDiff compares two revisions of 19 countries, 100 commits apart, as
// `hwfplan diff HEAD~100 HEAD` does (open, resolve, load both, diff), and the last
// commit against the working tree. Target: under 100 ms. See docs/history-benchmark.md.
func BenchmarkDiff(b *testing.B) {
	dir := b.TempDir()
	fixture, extra := map[string]string{}, map[string]string{}
	base := filepath.Join("..", "..", "plandiff", "testdata", "base")
	for _, n := range []string{"country.yaml", "as-is.yaml", "to-be.yaml", "to-do.yaml", "action-plan.yaml"} {
		data, err := os.ReadFile(filepath.Join(base, "countries", "HU", n))
		if err != nil {
			b.Fatal(err)
		}
		fixture[n] = string(data)
	}
	for _, p := range []string{"schema/framework.yaml", "clusters/wp6.yaml"} {
		data, err := os.ReadFile(filepath.Join(base, filepath.FromSlash(p)))
		if err != nil {
			b.Fatal(err)
		}
		extra[p] = string(data)
	}
	countries := strings.Fields("IT GR NO PT ES SE HR HU LT PL RO SI BE CZ EE DE MT NL SK")
	if _, err := gittest.Generate(dir, gittest.GenerateOptions{Commits: 300, Countries: countries, Fixture: fixture, Extra: extra}); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"19-countries-changed/two-commits", []string{"HEAD~100", "HEAD"}},
		{"19-countries-changed/commit-to-worktree", []string{"HEAD~100"}},
		{"1-country-changed/two-commits", []string{"HEAD~1", "HEAD"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var changes int
			c0 := cpuTime()
			for b.Loop() {
				r, err := gitrev.Open(dir)
				if err != nil {
					b.Fatal(err)
				}
				old, new, err := planrev.Sides(r, dir, bc.args, "main")
				if err != nil {
					b.Fatal(err)
				}
				rep, err := Compare(r, old, new, plandiff.Options{})
				if err != nil {
					b.Fatal(err)
				}
				changes = rep.Count()
				r.Close()
			}
			b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(changes), "changes")
		})
	}
}
