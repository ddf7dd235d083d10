//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// askArgs is issue 12's call: one process, the embedded rule base, one
// question.
var askArgs = []string{"ask", "--json", "--at", "2024-10-02", "明天后山烧纸要得不"}

// plainProcess is the environment that turns off what a one-shot ask sets
// for itself (internal/cli oneShot): collection as usual, small pages.
var plainProcess = []string{"GOGC=100", "GODEBUG=disablethp=1"}

// buildTonggao links this command into a temporary directory.
func buildTonggao(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "tonggao")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(tb, err, "%s", out)
	return bin
}

// TestOneShotSameAnswer: the answer of a one-shot ask is the one a process
// with the runtime's defaults gives, byte for byte.
func TestOneShotSameAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildTonggao(t)
	answer := func(env []string) string {
		cmd := exec.Command(bin, askArgs...)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.Output()
		require.NoError(t, err, "%s", out)
		return string(out)
	}
	oneShot := answer(nil)
	require.Contains(t, oneShot, `"verdict"`)
	require.Equal(t, answer(plainProcess), oneShot)
}

// BenchmarkAskProcess is issue 12's measure: one tonggao ask process a
// time, wall time per op as go test reports it, with the process's CPU
// time (user, system) and page faults beside. plain is the same binary
// with the runtime's defaults, the figure before session 27.
func BenchmarkAskProcess(b *testing.B) {
	bin := buildTonggao(b)
	for _, bc := range []struct {
		name string
		env  []string
	}{{"oneshot", nil}, {"plain", plainProcess}} {
		b.Run(bc.name, func(b *testing.B) {
			var user, sys time.Duration
			var faults int64
			for b.Loop() {
				cmd := exec.Command(bin, askArgs...)
				cmd.Env = append(os.Environ(), bc.env...)
				if out, err := cmd.Output(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
				ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				user += time.Duration(ru.Utime.Nano())
				sys += time.Duration(ru.Stime.Nano())
				faults += ru.Minflt + ru.Majflt
			}
			n := float64(b.N)
			b.ReportMetric(float64(user.Milliseconds())/n, "user-ms/op")
			b.ReportMetric(float64(sys.Milliseconds())/n, "sys-ms/op")
			b.ReportMetric(float64(faults)/n, "faults/op")
		})
	}
}
