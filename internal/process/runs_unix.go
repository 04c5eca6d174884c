//go:build unix

package process

import (
	"errors"
	"syscall"
)

// Runs reports whether a process of that id runs (or runs under another user), and whether the
// system could tell.
func Runs(pid int) (runs, known bool) {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM), true
}
