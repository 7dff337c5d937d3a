// Command benchgen writes a synthetic plans repository for the benchmarks:
//
//	go run ./internal/benchgen/cmd/benchgen -countries 500 -commits 10000 -seed 1 -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/hwfplan/hwfplan/internal/benchgen"
	"github.com/hwfplan/hwfplan/internal/outdir"
)

func main() {
	var o benchgen.Options
	flag.IntVar(&o.Countries, "countries", 19, "number of `N` countries (the first 19 are the HEROES countries)")
	flag.IntVar(&o.Commits, "commits", 1, "`K` commits of history, the first adding every file")
	flag.Int64Var(&o.Seed, "seed", 1, "random `SEED`; the same seed gives the same repository")
	out := flag.String("out", "", "`DIR` to create (must not exist or be empty)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: benchgen -countries N -commits K -seed SEED -out DIR")
		os.Exit(2)
	}
	// The rule of every --out (internal/outdir); benchgen itself never replaces a
	// folder, it writes only into a missing or empty one.
	dir, err := outdir.Check(*out, outdir.Options{Command: "benchgen"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(2)
	}
	t0 := time.Now()
	res, err := benchgen.Generate(dir, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "benchgen: %d countries, %d commits in %s (HEAD %s) in %.1fs\n",
		len(res.Countries), o.Commits, res.Dir, res.Head[:12], time.Since(t0).Seconds())
}
