package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// A follow process that keeps ending is started again after waits that double up to a bound.
func TestFollowProcessBacksOff(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &followProcess{args: []string{"no-such-verb"}, logger: slog.New(slog.NewJSONHandler(&logs, nil)),
		grace: time.Second, backoff: 5 * time.Millisecond, maxBackoff: 20 * time.Millisecond, steady: time.Hour}
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.run(ctx)
	}()
	var waits []string
	for deadline := time.Now().Add(time.Minute); len(waits) < 5 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		waits = waits[:0]
		for _, line := range strings.Split(logs.String(), "\n") {
			var l struct{ Msg, Error, Restart_in string }
			if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "follow process ended" {
				waits = append(waits, l.Restart_in)
				if !strings.Contains(l.Error, "exit status 2") {
					t.Errorf("ended with %q, want the usage error's status", l.Error)
				}
			}
		}
	}
	cancel()
	<-done
	if got := strings.Join(waits[:min(5, len(waits))], " "); got != "5ms 10ms 20ms 20ms 20ms" {
		t.Errorf("the waits before each start: %s, want 5ms 10ms 20ms 20ms 20ms\n%s", got, logs.String())
	}
}
