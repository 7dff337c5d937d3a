package validate

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/iostreams"
)

// BenchmarkRunShipped runs the whole command in process, as `hwfplan validate`
// runs it, on the 19 HEROES countries in this repository: find the root, load,
// compile the schemas, check, write the report. Process start is not in it; see
// BENCHMARKS.md for the command with its start.
func BenchmarkRunShipped(b *testing.B) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _, _ := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, RootFlag: &root, Version: "bench"}
		opts := &Options{Factory: f, Format: "text", Strict: true,
			Now: func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }}
		if err := Run(opts); err != nil {
			b.Fatal(err)
		}
	}
}
