package engine

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on linux/amd64 and arm64.
const hugePage = 2 << 20

// pinned returns n zeroed elements of T for a table's weights, in memory the kernel is asked
// to back with huge pages: a lookup lands anywhere in megabytes of weights, and with pages of
// 4 KiB nearly every one also misses the processor's page cache (TLB). T holds no pointers.
// The memory is never freed (the model is loaded once). Small tables, or a kernel that
// refuses, get ordinary memory.
func pinned[T any](n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < hugePage {
		return make([]T, n)
	}
	b, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]T, n)
	}
	off := 0
	if r := uintptr(unsafe.Pointer(&b[0])) % hugePage; r != 0 {
		off = int(hugePage - r)
	}
	b = b[off : off+size]
	_ = syscall.Madvise(b, 14) // MADV_HUGEPAGE; without it the memory is only slower
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
}
