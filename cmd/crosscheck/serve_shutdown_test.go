package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
	"time"
)

// A request still running when the server stops — a search, say — has its context cancelled
// once the grace period is over, so that the query ends with the server rather than after it.
func TestShutdownEndsARunningRequest(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	ended := make(chan error, 1)
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done() // a query that runs until its context ends
		ended <- r.Context().Err()
	})
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveHTTP(ctx, ln, handler, 50*time.Millisecond) }()
	go func() {
		if resp, err := http.Get("http://" + ln.Addr().String() + "/api/search?q=said"); err == nil {
			resp.Body.Close()
		}
	}()
	<-started
	select {
	case err := <-ended:
		t.Fatalf("the request ended before the server was stopped: %v", err)
	default:
	}
	stop() // as SIGTERM does
	// a deadlock guard, not a measure: the grace period is 50 ms
	guard := time.After(time.Minute)
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-guard:
		t.Fatal("the server did not stop")
	}
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the running request ended with %v, want it canceled", err)
		}
	case <-guard:
		t.Fatal("the running request did not end")
	}
}
