package cli

import (
	"io"
	"syscall"
	"testing"
	"time"
)

// BenchmarkCommandLine is what cobra adds to every start: building the
// command tree, finding the command and parsing its flags (the decision
// itself excluded).
func BenchmarkCommandLine(b *testing.B) {
	args := []string{"check", "--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50", "--json"}
	a := testApp(io.Discard, io.Discard)
	b.ReportAllocs()
	start := cpuTime()
	defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }()
	for b.Loop() {
		root := a.root()
		cmd, rest, err := root.Find(oneDashLongFlags(root, args))
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.ParseFlags(rest); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the process's user+system CPU time: on a shared machine wall
// time swings with other jobs while CPU time does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
