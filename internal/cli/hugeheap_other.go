//go:build !linux

package cli

// hugeHeap does nothing where the kernel takes no advice on huge pages.
func hugeHeap(int) {}
