package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/crosscheck/crosscheck/web"
)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "[--addr :8080] [--db PATH] [--token T] [--private]",
		`Serves the web UI (the stories, each story's report, each article with what analysis found
in it, search, and a form to add articles) and the JSON API (/api/stories, /api/stories/{id},
/api/articles/{id}, POST /api/articles, /api/search, /api/openapi.json), with /healthz and
Prometheus metrics at /metrics. Reads are open unless --private; writes need the token, given
as a Bearer token (or in the form). Logs are JSON lines on stderr. Stops on interrupt.`,
		`  crosscheck serve --db crosscheck.db
  CROSSCHECK_TOKEN=s3cret crosscheck serve --addr 127.0.0.1:9000
  curl -H "Authorization: Bearer s3cret" --data-binary @records.jsonl localhost:9000/api/articles`)
	db := m.dbFlag(fs)
	addr := fs.String("addr", ":8080", "the address to listen on")
	token := fs.String("token", m.Getenv("CROSSCHECK_TOKEN"), "the token writes need (env CROSSCHECK_TOKEN); none: no writes")
	private := fs.Bool("private", false, "reads need the token too")
	maxBody := fs.Int64("max-body", 32<<20, "the largest request body, in bytes")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *private && *token == "" {
		fmt.Fprintln(m.Stderr, "crosscheck serve: --private needs a token (--token or CROSSCHECK_TOKEN)")
		return errUsage
	}
	open := m.open
	if *token == "" {
		open = m.openExisting // a server that takes no writes over a store that is not there is a typo
	}
	store, err := open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	logger := slog.New(slog.NewJSONHandler(m.Stderr, nil))
	// a store written by an older version may lag behind in its search index: the server
	// brings it up to date once, so that searches only read (a read-only store is served as is)
	if err := store.IndexSearch(ctx); err != nil {
		logger.Warn("search index not brought up to date", slog.String("error", err.Error()))
	}
	handler := web.New(store, web.Config{Token: *token, Private: *private, MaxBody: *maxBody, Logger: logger})
	defer handler.Close()
	// requests run under a context that shutdown cancels, so that no query outlives the server
	requests, cancelRequests := context.WithCancel(context.Background())
	defer cancelRequests()
	srv := &http.Server{
		BaseContext:       func(net.Listener) context.Context { return requests },
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("db", *db),
		slog.Bool("writes", *token != ""), slog.Bool("private", *private))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		cancelRequests() // what is still running past the grace period is stopped
		srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
