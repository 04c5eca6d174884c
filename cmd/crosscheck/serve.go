package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/web"
)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "[--addr :8080] [--db PATH] [--token T] [--private] [--follow [--every 10m] [--follow-nice 10] [--allow-private]]",
		`Serves the web UI (the stories, each story's report, each article with what analysis found
in it, search, and a form to add articles) and the JSON API (/api/stories, /api/stories/{id},
/api/articles/{id}, POST /api/articles, /api/search, /api/openapi.json), with /healthz and
Prometheus metrics at /metrics. The form fetches the URLs it is given. Reads are open unless --private; writes need the token, given
as a Bearer token (or in the form). Logs are JSON lines on stderr. Stops on interrupt. With
--follow it also polls the followed feeds as crosscheck follow does, a round every --every,
making the reports of the stories that changed: the follow runs as a process of its own at a
lower priority (--follow-nice), so that requests are answered first, is started again when it
ends, stops with the server, and its lines go to the server's log.`,
		`  crosscheck serve --db crosscheck.db
  CROSSCHECK_TOKEN=s3cret crosscheck serve --addr 127.0.0.1:9000
  curl -H "Authorization: Bearer s3cret" --data-binary @records.jsonl localhost:9000/api/articles
  crosscheck serve --follow --every 15m`)
	db := m.dbFlag(fs)
	addr := fs.String("addr", ":8080", "the address to listen on")
	token := fs.String("token", m.Getenv("CROSSCHECK_TOKEN"), "the token writes need (env CROSSCHECK_TOKEN); none: no writes")
	private := fs.Bool("private", false, "reads need the token too")
	maxBody := fs.Int64("max-body", 32<<20, "the largest request body, in bytes")
	follow := fs.Bool("follow", false, "poll the followed feeds in the server, as crosscheck follow does")
	every := fs.Duration("every", 10*time.Minute, "with --follow, the time between the starts of two rounds")
	followNice := fs.Int("follow-nice", 10, "with --follow, the priority of the follow process (nice 1–19; 0: the server's own)")
	allowPrivate := fs.Bool("allow-private", false, "fetch from loopback and private addresses, for the ingest form's URLs and --follow (intranets, tests)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *follow && *every <= 0 {
		fmt.Fprintln(m.Stderr, "crosscheck serve: --every must be more than 0")
		return errUsage
	}
	if *follow && (*followNice < 0 || *followNice > 19) {
		fmt.Fprintf(m.Stderr, "crosscheck serve: --follow-nice %d: give 0 to 19\n", *followNice)
		return errUsage
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
	if !store.ReadOnly() {
		defer markServing(*db)() // writers on this machine then yield the cores to the requests
	}
	if *follow && store.ReadOnly() {
		return fmt.Errorf("open store %s: the store is read-only: serve works without --follow; following feeds writes, and needs write access to the file and its folder", *db)
	}
	logger := slog.New(slog.NewJSONHandler(m.Stderr, nil))
	// a store written by an older version may lag behind in its search index: the server
	// brings it up to date once, so that searches only read (a read-only store is served as is)
	if store.ReadOnly() {
		logger.Info("the store is read-only: pages are served, reports made are kept in memory")
	} else if err := store.IndexSearch(ctx); err != nil {
		logger.Warn("search index not brought up to date", slog.String("error", err.Error()))
	}
	form := &pages{client: httpfetch.New(m.fetchOptions(*allowPrivate)), store: store}
	handler := web.New(store, web.Config{Token: *token, Private: *private, MaxBody: *maxBody, Logger: logger, Fetch: form.page, FollowEvery: followEvery(*follow, *every)})
	defer handler.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("db", *db),
		slog.Bool("writes", *token != ""), slog.Bool("private", *private))
	// the follow process stops with the server, before the store closes
	followCtx, stopFollow := context.WithCancel(ctx)
	following := make(chan struct{})
	if *follow {
		go func() {
			defer close(following)
			newFollowProcess(*db, *every, *followNice, *allowPrivate, logger).run(followCtx)
		}()
	} else {
		close(following)
	}
	err = serveHTTP(ctx, ln, handler, shutdownGrace)
	stopFollow()
	<-following
	if err != nil {
		return err
	}
	logger.Info("stopped")
	return nil
}

// shutdownGrace is how long requests running when the server is asked to stop may take to end.
const shutdownGrace = 10 * time.Second

// serveHTTP answers on ln until ctx ends, then stops taking requests and gives those running
// grace to end; what still runs then has its context cancelled, so that no query (a search, a
// report read) outlives the server.
func serveHTTP(ctx context.Context, ln net.Listener, handler http.Handler, grace time.Duration) error {
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
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		cancelRequests() // what is still running past the grace period is stopped
		srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// followEvery is the time between the rounds of the follow a server runs, 0 when it runs none.
func followEvery(follow bool, every time.Duration) time.Duration {
	if !follow {
		return 0
	}
	return every
}
