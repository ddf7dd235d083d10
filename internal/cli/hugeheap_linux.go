package cli

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the platforms Go
// runs Linux on (amd64, arm64 with 4 KB pages).
const hugePage = 2 << 20

// hugeHeap has the runtime map n bytes of heap now and asks the kernel
// (madvise MADV_HUGEPAGE) to back its fresh pages with huge pages when they
// are first touched; the kernel's default ("madvise") does so only where
// asked, and the Go runtime does not ask for the heap. The block is
// allocated untouched (memory fresh from the system is known to be zero),
// advised, and freed by a collection while the heap is still small, so the
// allocations that follow reuse its pages, lowest first. It is advice:
// where the kernel has transparent huge pages off, or none free, pages are
// small as before, and any error is ignored.
func hugeHeap(n int) {
	b := make([]byte, n)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	beg := int((base+hugePage-1)&^(hugePage-1) - base)
	end := int((base+uintptr(n))&^(hugePage-1) - base)
	if beg < end {
		_ = syscall.Madvise(b[beg:end], syscall.MADV_HUGEPAGE)
	}
	b = nil
	runtime.GC()
}
