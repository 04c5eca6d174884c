//go:build !amd64 || purego

package group

// vectorKernels are the kernels this processor runs: none but amd64's.
func vectorKernels() []kernel { return nil }
