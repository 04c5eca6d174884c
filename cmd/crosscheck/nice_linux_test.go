package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
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
	if err := beNice(7); err != nil {
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
	for _, n := range []int{-1, 20} {
		if err := beNice(n); err == nil {
			t.Errorf("--nice %d taken", n)
		}
	}
}
