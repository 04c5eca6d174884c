package main

import (
	"os"
	"strconv"
	"syscall"
)

// lowerPriority sets the nice value of every thread of the process: Linux keeps one per
// thread, and a thread started later takes the value of the thread that starts it. Two passes,
// for a thread started during the first.
func lowerPriority(n int) error {
	for range 2 {
		tasks, err := os.ReadDir("/proc/self/task")
		if err != nil {
			return err
		}
		for _, t := range tasks {
			tid, err := strconv.Atoi(t.Name())
			if err != nil {
				continue
			}
			if err := syscall.Setpriority(syscall.PRIO_PROCESS, tid, n); err != nil && err != syscall.ESRCH {
				return err
			}
		}
	}
	return nil
}
