//go:build unix

package benchfix

import (
	"syscall"
	"testing"
	"time"
)

// CPU starts counting the process's CPU time (user and system); the returned
// function reports it per operation as "cpu-ns/op". On a machine other work shares,
// CPU time moves much less than wall time.
func CPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
