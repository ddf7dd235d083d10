package cli

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHugeHeap: hugeHeap leaves the heap's block advised for huge pages
// (VmFlags hg in /proc/self/smaps), one mapping as large as the block less
// its unaligned ends, where the kernel has transparent huge pages at all.
func TestHugeHeap(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("no transparent huge pages here")
	}
	const n = 64 << 20
	hugeHeap(n)
	require.GreaterOrEqual(t, largestAdvised(t), uint64(n-2*hugePage))
}

// largestAdvised is the size of the largest mapping of this process
// advised for huge pages.
func largestAdvised(t *testing.T) uint64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	var size, largest uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		switch {
		case len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			lo, hi, _ := strings.Cut(fields[0], "-")
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			require.NoError(t, err1, line)
			require.NoError(t, err2, line)
			size = b - a
		case strings.HasPrefix(line, "VmFlags:") && strings.Contains(line+" ", " hg ") && size > largest:
			largest = size
		}
	}
	require.NoError(t, sc.Err())
	return largest
}
