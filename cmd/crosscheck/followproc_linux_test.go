package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serverLog follows the JSON lines of a server process's log.
type serverLog struct {
	lines chan map[string]any
	all   syncBuffer
}

func readServerLog(r io.Reader) *serverLog {
	l := &serverLog{lines: make(chan map[string]any, 1000)}
	go func() {
		defer close(l.lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			l.all.Write(append(sc.Bytes(), '\n'))
			var line map[string]any
			if json.Unmarshal(sc.Bytes(), &line) == nil {
				l.lines <- line
			}
		}
	}()
	return l
}

// await returns the next line whose message is msg, failing after a minute.
func (l *serverLog) await(t *testing.T, msg string) map[string]any {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case line, ok := <-l.lines:
			if !ok {
				t.Fatalf("the server's log ended before %q:\n%s", msg, l.all.String())
			}
			if line["msg"] == msg {
				return line
			}
		case <-timeout:
			t.Fatalf("no %q in the server's log after a minute:\n%s", msg, l.all.String())
		}
	}
}

func pidOf(t *testing.T, line map[string]any) int {
	t.Helper()
	pid, ok := line["pid"].(float64)
	if !ok || pid <= 0 {
		t.Fatalf("no pid in %v", line)
	}
	return int(pid)
}

// processNices reads the nice value of each thread of a process ("self" for this one).
func processNices(pid string) map[string]string {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%s/task/*/stat", pid))
	out := map[string]string{}
	for _, p := range tasks {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // ended meanwhile
		}
		_, after, _ := strings.Cut(string(b), ") ")
		if f := strings.Fields(after); len(f) > 16 {
			out[filepath.Base(filepath.Dir(p))] = f[16] // field 19 of stat: nice
		}
	}
	return out
}

// gone reports whether a process has ended: it is not there, or is a zombie no one reaps.
func gone(pid int) bool {
	if err := syscall.Kill(pid, 0); err == syscall.ESRCH {
		return true
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	_, after, _ := strings.Cut(string(stat), ") ")
	return strings.HasPrefix(after, "Z") || strings.HasPrefix(after, "X")
}

func awaitGone(t *testing.T, pid int, what string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !gone(pid); {
		if time.Now().After(deadline) {
			t.Fatalf("%s: process %d still runs", what, pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startFollowingServer runs crosscheck serve --follow over db as a process of its own.
func startFollowingServer(t *testing.T, db string, args ...string) (*exec.Cmd, *serverLog) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--follow", "--every", "1h", "--allow-private"}, args...)...)
	cmd.Env = append(os.Environ(), "CROSSCHECK_AS_MAIN=impolite")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd, readServerLog(stderr)
}

// serve --follow runs the follow as a child process: at the lower priority, started again
// after it is killed, and ended when the server stops, whether asked to (SIGTERM) or killed.
func TestServeFollowRunsAChildProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	db := followedFeed(t)
	server, log := startFollowingServer(t, db, "--follow-nice", "7")
	first := pidOf(t, log.await(t, "follow process started"))
	if first == server.Process.Pid {
		t.Fatal("the follow runs in the server's own process")
	}
	if round := log.await(t, "follow round"); round["added"] != 1.0 || pidOf(t, round) != first {
		t.Errorf("the first round: %v", round)
	}
	nices := processNices(strconv.Itoa(first))
	if len(nices) == 0 {
		t.Fatalf("no threads seen for the follow process %d", first)
	}
	for tid, n := range nices {
		if n != "7" {
			t.Errorf("follow thread %s at nice %s, want 7", tid, n)
		}
	}
	own := processNices("self")[strconv.Itoa(os.Getpid())]
	for tid, n := range processNices(strconv.Itoa(server.Process.Pid)) {
		if n != own {
			t.Errorf("server thread %s at nice %s, want %s: the server was lowered too", tid, n, own)
		}
	}

	syscall.Kill(first, syscall.SIGKILL)
	if ended := log.await(t, "follow process ended"); !strings.Contains(fmt.Sprint(ended["error"]), "killed") {
		t.Errorf("the kill logged as %v", ended)
	}
	second := pidOf(t, log.await(t, "follow process started"))
	awaitGone(t, first, "the killed follow")
	if second == first {
		t.Fatalf("the follow was not started again: pid %d both times", first)
	}
	if round := log.await(t, "follow round"); round["summary"] != "1 feeds (1 not modified, 0 failed), 0 new items: 0 added, 0 unchanged, 0 failed" {
		t.Errorf("the round after the restart: %v", round)
	}

	server.Process.Signal(syscall.SIGTERM)
	if err := server.Wait(); err != nil {
		t.Errorf("the server stopped with %v:\n%s", err, log.all.String())
	}
	awaitGone(t, second, "after the server stopped")
	if !strings.Contains(log.all.String(), `"msg":"follow process stopped"`) {
		t.Errorf("the follow's stop not logged:\n%s", log.all.String())
	}

	// a server killed outright leaves no follow behind either
	killed, log := startFollowingServer(t, db)
	orphan := pidOf(t, log.await(t, "follow process started"))
	killed.Process.Kill()
	killed.Wait()
	awaitGone(t, orphan, "after the server was killed")
}
