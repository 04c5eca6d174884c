package main

import (
	"flag"
	"fmt"
)

// niceFlag adds --nice to a verb that writes in the background of a server: its work then
// yields the cores to the server's requests whenever both want them.
func niceFlag(fs *flag.FlagSet) *int {
	return fs.Int("nice", 0, "run at this lower priority (1–19, as nice(1) says it), so that a server on the same machine answers first")
}

// beNice lowers the process's priority to nice n, when n is above 0.
func beNice(n int) error {
	if n == 0 {
		return nil
	}
	if n < 0 || n > 19 {
		return fmt.Errorf("--nice %d: give 1 to 19 (a higher priority is not for crosscheck to take)", n)
	}
	if err := lowerPriority(n); err != nil {
		return fmt.Errorf("--nice %d: %w", n, err)
	}
	return nil
}
