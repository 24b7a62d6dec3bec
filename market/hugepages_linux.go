package market

import (
	"syscall"
	"unsafe"
)

// adviseHugePages asks Linux to back fresh room with huge pages before it
// is written: one fault per 2 MiB instead of one per 4 KiB, which on a
// virtual machine is most of the cost of filling it. Only whole huge
// pages inside room are advised, so nothing else is touched; where the
// kernel has none to give, or says no, it falls back to small pages.
func adviseHugePages(room []Observation) {
	const huge = 2 << 20
	if len(room) == 0 {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&room[0])), uintptr(len(room))*unsafe.Sizeof(room[0]))
	start := uintptr(unsafe.Pointer(&b[0]))
	end := start + uintptr(len(b))
	lo, hi := (start+huge-1)&^(huge-1), end&^(huge-1)
	if lo >= hi {
		return
	}
	_ = syscall.Madvise(b[lo-start:hi-start], syscall.MADV_HUGEPAGE) // a hint: an error changes nothing
}
