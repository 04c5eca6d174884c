package group

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// everyKernel runs f with leastMixes set to each way this processor has to compute it, the
// pure-Go one included whatever the processor.
func everyKernel(t *testing.T, f func(t *testing.T)) {
	ks := append(vectorKernels(), kernel{"Go", leastMixesGo})
	saved := leastMixes
	defer func() { leastMixes = saved }()
	for _, k := range ks {
		leastMixes = k.run
		t.Run(k.name, f)
	}
}

// hashSets are lists of shingle hashes for the kernels: none, one, the extremes, many.
func hashSets() [][]uint64 {
	r := rand.New(rand.NewPCG(3, 4))
	many := make([]uint64, 1000)
	for i := range many {
		many[i] = r.Uint64()
	}
	return [][]uint64{nil, {0}, {^uint64(0)}, {1 << 63, 1<<32 - 1, 1 << 32}, many[:7], many}
}

func TestVectorKernelsAreLeastMixesGo(t *testing.T) {
	for _, hashes := range hashSets() {
		var want Signature
		leastMixesGo(&want, hashes)
		for _, k := range vectorKernels() {
			var got Signature
			k.run(&got, hashes)
			if got != want {
				t.Errorf("%s of %d hashes differs from leastMixesGo", k.name, len(hashes))
			}
		}
	}
	if len(vectorKernels()) == 0 {
		t.Log("no vector kernel on this processor")
	}
}

func FuzzLeastMixes(f *testing.F) {
	for _, hashes := range hashSets() {
		f.Add(binary.LittleEndian.AppendUint64(nil, uint64(len(hashes))))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var hashes []uint64
		for ; len(data) >= 8; data = data[8:] {
			hashes = append(hashes, binary.LittleEndian.Uint64(data))
		}
		var want Signature
		leastMixesGo(&want, hashes)
		for _, k := range vectorKernels() {
			var got Signature
			if k.run(&got, hashes); got != want {
				t.Errorf("%s of %x differs from leastMixesGo", k.name, hashes)
			}
		}
	})
}
