//go:build unix

package web

import (
	"errors"
	"syscall"
)

// alive reports whether a process of that id runs (or runs under another user).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
