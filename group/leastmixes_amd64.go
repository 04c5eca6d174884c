//go:build amd64 && !purego

package group

import "golang.org/x/sys/cpu"

// The vector kernels compute leastMixesGo's values for all the signature's lanes at once
// (see leastmixes_amd64.s), into the low 32 bits of least's values.

//go:noescape
func leastMixesAVX512(least *[signatureLen]uint64, seeds *[signatureLen]uint64, hashes []uint64)

//go:noescape
func leastMixesAVX2(least *[signatureLen]uint64, seeds *[signatureLen]uint64, hashes []uint64)

// vectorKernels are the kernels this processor runs, the fastest first.
func vectorKernels() []kernel {
	var ks []kernel
	if cpu.X86.HasAVX512F && cpu.X86.HasAVX512DQ {
		ks = append(ks, kernel{"AVX-512", lanesOf(leastMixesAVX512)})
	}
	if cpu.X86.HasAVX2 {
		ks = append(ks, kernel{"AVX2", lanesOf(leastMixesAVX2)})
	}
	return ks
}

// lanesOf makes a kernel's values a signature.
func lanesOf(k func(*[signatureLen]uint64, *[signatureLen]uint64, []uint64)) func(*Signature, []uint64) {
	return func(sig *Signature, hashes []uint64) {
		var least [signatureLen]uint64
		k(&least, &seeds, hashes)
		for i, v := range least {
			sig[i] = uint32(v)
		}
	}
}
