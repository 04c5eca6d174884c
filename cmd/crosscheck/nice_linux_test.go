package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// --nice lowers every thread of the process, those started before it and those started after.
func TestNiceLowersEveryThread(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestNiceChild$")
	cmd.Env = append(os.Environ(), "CROSSCHECK_NICE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "every thread at nice 7") {
		t.Errorf("%v:\n%s", err, out)
	}
}

// TestNiceChild is the process TestNiceLowersEveryThread lowers.
func TestNiceChild(t *testing.T) {
	if os.Getenv("CROSSCHECK_NICE_CHILD") == "" {
		t.Skip("run by TestNiceLowersEveryThread")
	}
	release := make(chan struct{})
	var wg sync.WaitGroup
	hold := func(n int) { // n more threads, each held by a parked goroutine until release
		var started sync.WaitGroup
		for range n {
			wg.Add(1)
			started.Add(1)
			go func() {
				defer wg.Done()
				runtime.LockOSThread()
				started.Done()
				<-release
			}()
		}
		started.Wait()
	}
	hold(4)
	if err := beNice(7, "", io.Discard); err != nil {
		t.Fatal(err)
	}
	hold(4)
	nices := processNices("self")
	close(release)
	wg.Wait()
	for tid, n := range nices {
		if n != "7" {
			t.Errorf("thread %s at nice %s", tid, n)
		}
	}
	if len(nices) < 8 { // the eight held threads at least
		t.Errorf("%d threads seen", len(nices))
	}
	fmt.Printf("every thread at nice 7 (%d threads)\n", len(nices))
}

func TestNiceOutOfRange(t *testing.T) {
	for _, n := range []int{-2, 20} {
		if err := beNice(n, "", io.Discard); err == nil {
			t.Errorf("--nice %d taken", n)
		}
	}
}

// An ingest or a follow with --nice unset takes nice 10 by itself while a server on this machine
// serves its store (the serving mark names a running process), says so, and keeps its priority
// when the mark is a gone server's.
func TestWritersYieldToAServerOfTheirStore(t *testing.T) {
	mine := processNices("self")[strconv.Itoa(os.Getpid())] // the tests' own priority, which the child starts at
	if n, _ := strconv.Atoi(mine); n >= servedNice {
		t.Skipf("the tests run at nice %s already", mine)
	}
	for _, c := range []struct {
		name, pid, want string
	}{
		{"served", strconv.Itoa(os.Getpid()), "at nice 10"}, // the child's parent: a process that runs
		{"stale mark", "2147483646", "at nice " + mine},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			if err := os.WriteFile(servingMark(db), []byte(c.pid+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestServedChild$")
			cmd.Env = append(os.Environ(), "CROSSCHECK_SERVED_CHILD="+db)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "every thread "+c.want) {
				t.Errorf("%v:\n%s", err, out)
			}
			if said := strings.Contains(string(out), "serves "+db+": running at nice 10"); said != (c.want == "at nice 10") {
				t.Errorf("said so: %v\n%s", said, out)
			}
		})
	}
}

// TestServedChild is the process TestWritersYieldToAServerOfTheirStore starts.
func TestServedChild(t *testing.T) {
	db := os.Getenv("CROSSCHECK_SERVED_CHILD")
	if db == "" {
		t.Skip("run by TestWritersYieldToAServerOfTheirStore")
	}
	var said bytes.Buffer
	if err := beNice(-1, db, &said); err != nil {
		t.Fatal(err)
	}
	fmt.Print(said.String())
	nices := processNices("self")
	for _, n := range nices {
		if n != nices[firstKey(nices)] {
			t.Fatalf("threads at different priorities: %v", nices)
		}
	}
	fmt.Printf("every thread at nice %s\n", nices[firstKey(nices)])
}

func firstKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}

// A server's serving mark names it while it runs and goes with it; another's mark stays.
func TestServingMarkGoesWithTheServer(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	remove := markServing(db)
	if b, err := os.ReadFile(servingMark(db)); err != nil || strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Fatalf("mark: %q %v", b, err)
	}
	if servedBy(db) != 0 {
		t.Error("a process is served by itself")
	}
	remove()
	if _, err := os.Stat(servingMark(db)); !os.IsNotExist(err) {
		t.Errorf("the mark stays after the server: %v", err)
	}
	remove = markServing(db)
	os.WriteFile(servingMark(db), []byte("12345\n"), 0o644) // a later server's
	remove()
	if _, err := os.Stat(servingMark(db)); err != nil {
		t.Errorf("another server's mark is removed: %v", err)
	}
	if servingMark("postgres://u@h/db") != "" {
		t.Error("a PostgreSQL store has a mark file")
	}
}
