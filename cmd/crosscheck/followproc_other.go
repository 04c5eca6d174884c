//go:build !linux

package main

import "os/exec"

// parentDeath does nothing where the system cannot tell a child that its parent ended.
func parentDeath(*exec.Cmd) {}
