package gitrev_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

// Countries of the generated benchmark repository (the 19 HEROES countries).
var benchCountries = strings.Fields("IT GR NO PT ES SE HR HU LT PL RO SI BE CZ EE DE MT NL SK")

const benchCommits = 10_000

var (
	benchOnce sync.Once
	benchDirs map[bool]string
	benchErr  error
)

// benchRepo generates (once per machine: it is kept in the temp folder) a 10,000-commit
// plans repository, with and without a commit-graph file.
func benchRepo(b *testing.B, graph bool) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	benchOnce.Do(func() {
		benchDirs = map[bool]string{}
		fixture, extra := map[string]string{}, map[string]string{}
		base := filepath.Join("..", "plandiff", "testdata", "base")
		for _, n := range []string{"country.yaml", "as-is.yaml", "to-be.yaml", "to-do.yaml", "action-plan.yaml"} {
			data, err := os.ReadFile(filepath.Join(base, "countries", "HU", n))
			if err != nil {
				benchErr = err
				return
			}
			fixture[n] = string(data)
		}
		for _, p := range []string{"schema/framework.yaml", "clusters/wp6.yaml"} {
			data, err := os.ReadFile(filepath.Join(base, filepath.FromSlash(p)))
			if err != nil {
				benchErr = err
				return
			}
			extra[p] = string(data)
		}
		for _, graph := range []bool{false, true} {
			dir := filepath.Join(os.TempDir(), fmt.Sprintf("hwfplan-bench-%d-graph-%v-v1", benchCommits, graph))
			benchDirs[graph] = dir
			if _, err := os.Stat(filepath.Join(dir, ".git", "hwfplan-bench-done")); err == nil {
				continue
			}
			os.RemoveAll(dir)
			if _, benchErr = gittest.Generate(dir, gittest.GenerateOptions{Commits: benchCommits, Countries: benchCountries,
				Fixture: fixture, Extra: extra, MergeEvery: 50}); benchErr != nil {
				return
			}
			if graph {
				if out, err := exec.Command("git", "-C", dir, "commit-graph", "write", "--reachable").CombinedOutput(); err != nil {
					benchErr = fmt.Errorf("commit-graph: %v: %s", err, out)
					return
				}
			}
			benchErr = os.WriteFile(filepath.Join(dir, ".git", "hwfplan-bench-done"), nil, 0o644)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDirs[graph]
}

func historyOnce(b *testing.B, dir, path string) int {
	r, err := gitrev.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	head, err := r.Resolve("HEAD")
	if err != nil {
		b.Fatal(err)
	}
	revs, err := r.History(head, path, gitrev.HistoryOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return len(revs)
}

func gitLogOnce(b *testing.B, dir, path string) (int, time.Duration) {
	cmd := exec.Command("git", "-C", dir, "log", "--format=%H", "--", path)
	out, err := cmd.Output()
	if err != nil {
		b.Fatal(err)
	}
	return strings.Count(string(out), "\n"), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// cpuTime is the CPU time this process has used (all threads, user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkHistory walks the history of countries/HU over 10,000 commits with gitrev
// (opening the repository each time, as the CLI does) and with `git log`, side by side;
// "x-git-log" is gitrev's time divided by git's. See docs/history-benchmark.md.
func BenchmarkHistory(b *testing.B) {
	for _, graph := range []bool{false, true} {
		dir := benchRepo(b, graph)
		name := "no-commit-graph"
		if graph {
			name = "commit-graph"
		}
		b.Run(name+"/gitrev", func(b *testing.B) {
			for b.Loop() {
				historyOnce(b, dir, "countries/HU")
			}
		})
		b.Run(name+"/git-log", func(b *testing.B) {
			for b.Loop() {
				gitLogOnce(b, dir, "countries/HU")
			}
		})
		// ratio runs both in turn and reports wall-clock and CPU-time ratios; the CPU
		// ratio stays meaningful on a busy machine.
		b.Run(name+"/ratio", func(b *testing.B) {
			var ours, theirs, oursCPU, theirsCPU time.Duration
			for b.Loop() {
				t0, c0 := time.Now(), cpuTime()
				n := historyOnce(b, dir, "countries/HU")
				t1, c1 := time.Now(), cpuTime()
				m, gitCPU := gitLogOnce(b, dir, "countries/HU")
				t2 := time.Now()
				if n != m {
					b.Fatalf("gitrev found %d revisions, git log %d", n, m)
				}
				ours += t1.Sub(t0)
				theirs += t2.Sub(t1)
				oursCPU += c1 - c0
				theirsCPU += gitCPU
			}
			b.ReportMetric(float64(ours)/float64(theirs), "x-git-log-wall")
			b.ReportMetric(float64(oursCPU)/float64(theirsCPU), "x-git-log-cpu")
			b.ReportMetric(float64(oursCPU.Milliseconds())/float64(b.N), "gitrev-cpu-ms/op")
			b.ReportMetric(float64(theirsCPU.Milliseconds())/float64(b.N), "git-cpu-ms/op")
		})
	}
}
