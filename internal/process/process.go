// Package process asks whether another process runs on this machine.
package process
