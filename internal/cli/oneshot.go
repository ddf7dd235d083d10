package cli

import (
	"os"
	"runtime/debug"
	"strings"
)

// A one-shot process (tonggao ask) builds the hotline once, answers once
// and exits: every table New builds stays live until the answer, so a
// collection during the build frees nearly nothing, and the build's ≈ 50 MB
// are touched for the first time page by page. See docs/speed.md, session
// 27.
const (
	// oneShotHeap is the heap made ready for huge pages before the build:
	// room for New's allocations (≈ 50 MB with the embedded rule base)
	// with a margin for the vocabulary's growth. Only what is touched is
	// ever backed by memory.
	oneShotHeap = 128 << 20
	// oneShotLimit bounds the heap while collection is off: a rule
	// directory much larger than the embedded one is collected again
	// from here on.
	oneShotLimit = 512 << 20
)

// oneShot readies this process for one build of the hotline: no garbage
// collection while it builds (up to oneShotLimit), and a heap whose fresh
// pages the kernel may back with 2 MB pages (hugeHeap: Linux only), so
// that the build takes tens of page faults where it took thousands.
// GOGC or GOMEMLIMIT set by the caller is left as it is, and
// GODEBUG=disablethp=1 keeps the heap in small pages.
func oneShot() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(oneShotLimit)
	}
	if !strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		hugeHeap(oneShotHeap)
	}
}
