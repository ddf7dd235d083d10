//go:build unix

package patrol

import (
	"syscall"
	"testing"
	"time"
)

// cpuTimer reports the process's CPU time per operation next to the
// benchmark's wall time: on a shared machine the wall time measures the
// neighbours as much as the code.
type cpuTimer struct{ start time.Duration }

func startCPU() cpuTimer { return cpuTimer{cpuNow()} }

func (c cpuTimer) report(b *testing.B, ops int) {
	if ops > 0 {
		b.ReportMetric(float64(cpuNow()-c.start)/float64(ops)/1e6, "cpu-ms/op")
	}
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
