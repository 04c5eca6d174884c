//go:build !linux

package engine

// pinned returns n zeroed elements of T for a table's weights (see the linux version).
func pinned[T any](n int) []T { return make([]T, n) }
