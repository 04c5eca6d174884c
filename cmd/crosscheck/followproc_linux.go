package main

import (
	"os/exec"
	"syscall"
)

// parentDeath has the child asked to stop (SIGTERM, as a server's stop asks it) when the
// thread that started it ends: a server killed outright leaves no follow behind.
func parentDeath(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
