package group

// A kernel is a way to compute leastMixesGo.
type kernel struct {
	name string
	run  func(sig *Signature, hashes []uint64)
}

// leastMixes is leastMixesGo, by the fastest vector kernel the processor has when it has
// one: the 64 hash functions of a shingle are the same steps on 64 values.
var leastMixes = func() func(*Signature, []uint64) {
	if ks := vectorKernels(); len(ks) > 0 {
		return ks[0].run
	}
	return leastMixesGo
}()
