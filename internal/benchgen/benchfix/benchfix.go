// Package benchfix gives benchmarks generated plans repositories: each size is
// generated once per machine into the temporary folder (keyed by the generator
// version, size, commits and seed) and reused by later runs and processes.
package benchfix

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen"
)

// Sizes are the country counts the benchmarks compare: HEROES, and two larger
// programmes, to show how cost grows with the number of countries.
var Sizes = []int{19, 100, 500}

// Seed is the seed of every fixture.
const Seed = 1

// version changes when the generator's output changes, so stale fixtures are not reused.
const version = "v1"

var (
	mu    sync.Mutex
	dirs  = map[string]string{}
	onces = map[string]*sync.Once{}
	errs  = map[string]error{}
)

// Dir returns a repository of n countries and the given number of commits,
// generating it on first use. Under -short it skips sizes above 100 countries
// and histories above 1,000 commits.
func Dir(tb testing.TB, countries, commits int) string {
	tb.Helper()
	if testing.Short() && (countries > 100 || commits > 1000) {
		tb.Skipf("-short: skipping %d countries, %d commits", countries, commits)
	}
	key := fmt.Sprintf("hwfplan-benchgen-%s-n%d-k%d-s%d", version, countries, commits, Seed)
	mu.Lock()
	once := onces[key]
	if once == nil {
		once = new(sync.Once)
		onces[key] = once
	}
	mu.Unlock()
	once.Do(func() {
		dir := filepath.Join(os.TempDir(), key)
		err := ensure(dir, countries, commits)
		mu.Lock()
		dirs[key], errs[key] = dir, err
		mu.Unlock()
	})
	mu.Lock()
	defer mu.Unlock()
	if errs[key] != nil {
		tb.Fatal(errs[key])
	}
	return dirs[key]
}

// ensure generates the repository unless a complete one is already there.
func ensure(dir string, countries, commits int) error {
	done := filepath.Join(dir, ".git", "hwfplan-benchgen-done")
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("failed to remove the incomplete fixture %s: %w", dir, err)
	}
	if _, err := benchgen.Generate(dir, benchgen.Options{Countries: countries, Commits: commits, Seed: Seed}); err != nil {
		return err
	}
	return os.WriteFile(done, nil, 0o644)
}

// Name is the sub-benchmark name of a size, e.g. "countries=19".
func Name(countries int) string { return fmt.Sprintf("countries=%d", countries) }
