//go:build !unix

package bench

import "time"

// processCPU is not measured off unix; the benchmarks then report wall time only.
func processCPU() (time.Duration, bool) { return 0, false }
