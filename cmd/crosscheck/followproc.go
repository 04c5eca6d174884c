package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"time"

	httpfetch "github.com/crosscheck/crosscheck/fetch"
)

// selfCommand returns the command that runs this same program with args. The tests' binary
// stands in for crosscheck, and sets its own.
var selfCommand = func(args ...string) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding the program to run the follow with: %w", err)
	}
	return exec.Command(exe, args...), nil
}

// followProcess runs crosscheck follow as a child process of the server: its priority is the
// process's own (niceness is per thread, and a server's goroutines share their threads, so a
// follow inside the server cannot yield the cores to the requests). The child is started again
// after a wait when it ends, and stopped when the server stops; its lines go to the server's
// log.
type followProcess struct {
	args   []string // the follow's arguments, "follow" first
	env    []string // added to the environment the child inherits
	logger *slog.Logger
	// grace is how long the child has to end once asked to; then it is killed.
	grace time.Duration
	// backoff is the first wait before the child is started again, doubling up to maxBackoff
	// while it keeps ending; a child that ran for steady or longer starts the waits anew.
	backoff, maxBackoff, steady time.Duration
}

// newFollowProcess is the follow a server runs with --follow: over the server's store (given
// in the child's environment, so that a database's password shows in no process list), every
// every, at nice n, making the reports of the stories that changed.
func newFollowProcess(db string, every time.Duration, nice int, allowPrivate bool, logger *slog.Logger) *followProcess {
	args := []string{"follow", "--every", every.String(), "--reports"}
	if nice > 0 {
		args = append(args, "--nice", strconv.Itoa(nice))
	}
	if allowPrivate {
		args = append(args, "--allow-private")
	}
	return &followProcess{args: args, env: []string{"CROSSCHECK_DB=" + db}, logger: logger,
		grace: shutdownGrace, backoff: time.Second, maxBackoff: time.Minute, steady: time.Minute}
}

// run keeps the child running until ctx ends, then stops it and returns once it has ended.
func (p *followProcess) run(ctx context.Context) {
	// the child is told to stop when its parent thread ends (see parentDeath): the thread that
	// starts it is kept for this goroutine, so that it ends only with the server
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	wait := p.backoff
	for {
		started := time.Now()
		err := p.once(ctx)
		if ctx.Err() != nil {
			return
		}
		if time.Since(started) >= p.steady {
			wait = p.backoff
		}
		p.logger.Error("follow process ended", slog.String("error", errText(err)), slog.String("restart_in", wait.String()))
		if httpfetch.Sleep(ctx, wait) != nil {
			return
		}
		wait = min(2*wait, p.maxBackoff)
	}
}

func errText(err error) string {
	if err == nil {
		return "exited with status 0"
	}
	return err.Error()
}

// once runs the child until it ends or ctx does, and returns how it ended.
func (p *followProcess) once(ctx context.Context) error {
	if ctx.Err() != nil {
		return nil // the server stops before its follow started
	}
	cmd, err := selfCommand(p.args...)
	if err != nil {
		return err
	}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, p.env...)
	parentDeath(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the follow process: %w", err)
	}
	pid := cmd.Process.Pid
	p.logger.Info("follow process started", slog.Int("pid", pid), slog.Any("args", p.args))
	var relays sync.WaitGroup
	relays.Add(2)
	go func() { defer relays.Done(); p.relay(stdout, pid, slog.LevelInfo) }()
	go func() { defer relays.Done(); p.relay(stderr, pid, slog.LevelWarn) }()
	done := make(chan error, 1)
	go func() {
		relays.Wait() // the pipes are read to their end before the child is waited for
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	if err := stopSignal(cmd.Process); err != nil {
		cmd.Process.Kill()
	}
	timer := time.NewTimer(p.grace)
	defer timer.Stop()
	select {
	case err = <-done:
	case <-timer.C:
		cmd.Process.Kill()
		err = <-done
	}
	p.logger.Info("follow process stopped", slog.Int("pid", pid), slog.String("status", errText(err)))
	return nil
}

// roundLine is the line follow prints for a round.
var roundLine = regexp.MustCompile(`^round (\d+) at (\S+ \S+): (.*)$`)

// relay logs each line the child writes on one of its streams: a round's line with its counts,
// any other at level.
func (p *followProcess) relay(r io.Reader, pid int, level slog.Level) {
	lines := bufio.NewScanner(r)
	lines.Buffer(make([]byte, 0, 4096), 1<<20)
	for lines.Scan() {
		line := lines.Text()
		m := roundLine.FindStringSubmatch(line)
		if m == nil {
			p.logger.Log(context.Background(), level, "follow", slog.Int("pid", pid), slog.String("line", line))
			continue
		}
		round, _ := strconv.Atoi(m[1])
		attrs := []any{slog.Int("pid", pid), slog.Int("round", round)}
		var feeds, notModified, feedsFailed, items, added, unchanged, failed int
		if _, err := fmt.Sscanf(m[3], "%d feeds (%d not modified, %d failed), %d new items: %d added, %d unchanged, %d failed",
			&feeds, &notModified, &feedsFailed, &items, &added, &unchanged, &failed); err == nil {
			attrs = append(attrs, slog.Int("feeds", feeds), slog.Int("feeds_failed", feedsFailed), slog.Int("items", items),
				slog.Int("added", added), slog.Int("failed", failed))
		}
		p.logger.Info("follow round", append(attrs, slog.String("summary", m[3]))...)
	}
	if err := lines.Err(); err != nil && !errors.Is(err, os.ErrClosed) {
		p.logger.Warn("follow process output", slog.Int("pid", pid), slog.String("error", err.Error()))
		io.Copy(io.Discard, r) // the child must not block on a full pipe
	}
}

// stopSignal asks a child to stop as an interrupt would; where the system has no such signal,
// the caller kills it.
func stopSignal(p *os.Process) error {
	return p.Signal(syscall.SIGTERM)
}
