//go:build unix

package syntax_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system time, so that a benchmark can report work per
// second of processor on a machine that other work shares.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
