// Package sitecli is hwfplan-site: the hwfplan command line with the site
// renderer linked in. It runs `build` and `serve` for real (internal/publish gathers
// the plans, comparisons, reports and downloads; internal/site renders them with Hugo),
// and every other command as hwfplan does.
//
// Hugo and its dependencies cost about 50 ms of package initialisation and 60 MB
// of binary at every process start, whatever the command. Keeping them in this
// separate program lets hwfplan validate start in a few milliseconds; hwfplan hands
// build and serve over to hwfplan-site (internal/cli).
package sitecli

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/hwfplan/hwfplan/internal/cli"
	"github.com/hwfplan/hwfplan/internal/cmd/root"
	"github.com/hwfplan/hwfplan/internal/cmd/serve"
)

// Renderers are the real build and serve.
var Renderers = root.Renderers{
	Build: Build,
	Serve: func(opts *serve.Options) error { return serve.Run(context.Background(), opts, Builder(opts)) },
}

// Main runs hwfplan-site with the process's arguments and returns the exit code.
func Main() int {
	if v := os.Getenv(cli.CallerVersionEnv); v != "" && v != cli.Version() {
		fmt.Fprintf(os.Stderr, "hwfplan-site: warning: hwfplan %s handed over to hwfplan-site %s; install both from the same version\n", v, cli.Version())
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the garbage collector works harder as the heap nears it
		// rather than letting it double. It keeps a 500-country build at about
		// 820 MiB instead of ~1 GiB for no measurable CPU (BENCHMARKS.md); a larger
		// live heap still runs, with more collection. GOMEMLIMIT overrides it.
		debug.SetMemoryLimit(memoryLimit)
	}
	return cli.Run(Renderers)
}

// memoryLimit is hwfplan-site's default soft memory limit.
const memoryLimit = 768 << 20
