//go:build !unix

package place

import "testing"

type cpuTimer struct{}

func startCPU() cpuTimer                        { return cpuTimer{} }
func (c cpuTimer) report(b *testing.B, ops int) {}
