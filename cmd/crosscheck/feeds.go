package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/feed"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/render"
)

func (m *Main) feeds(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "add" {
		return m.feedsAdd(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "remove" {
		return m.feedsRemove(ctx, args[1:])
	}
	fs := m.flags("feeds", "[--json] | add [--allow-private] URL|FILE.opml… | remove URL|ID…",
		`Lists the followed feeds, each with its id, its last fetch, its status and how many
articles its items became; "crosscheck feeds add" follows a feed (RSS, Atom, RDF or JSON Feed)
or every feed an OPML file lists, "crosscheck feeds remove" stops following one. "crosscheck
follow" polls them.`,
		`  crosscheck feeds add https://example.org/world/rss.xml
  crosscheck feeds add desk.opml
  crosscheck feeds --json
  crosscheck feeds remove https://example.org/world/rss.xml`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, `print JSON Lines: {"id","url","title","added","last_fetch","status","error","articles","items"}`)
	store, err := m.parseAndOpen(ctx, fs, args, db, m.openExisting)
	if err != nil {
		return err
	}
	defer store.Close()
	list, err := store.Feeds(ctx)
	if err != nil {
		return err
	}
	enc := newEncoder(m.Stdout)
	for _, f := range list {
		if *asJSON {
			enc.Encode(f)
			continue
		}
		last, status := f.LastFetch, f.Status
		if last == "" {
			last, status = "never fetched", "-"
		}
		fmt.Fprintf(m.Stdout, "%s  %-20s  %-12s  %4d articles  %s  %s\n", f.ID, last, status, f.Articles, f.URL, truncate(f.Title, 40))
		if f.Error != "" {
			fmt.Fprintf(m.Stdout, "%36s%s\n", "", f.Error)
		}
	}
	return nil
}

func (m *Main) feedsAdd(ctx context.Context, args []string) error {
	fs := m.flags("feeds add", "[--allow-private] URL|FILE.opml…",
		`Follows feeds: a URL is fetched once to check that it is a feed (RSS, Atom, RDF, JSON
Feed) and take its title — a page's URL adds the first feed its head names; an OPML file adds
every feed it lists. A feed followed already is
left as it is. --allow-private admits feeds on loopback and private addresses, for this and
every later fetch of them.`,
		`  crosscheck feeds add https://example.org/world/rss.xml https://example.com/atom.xml
  crosscheck feeds add desk.opml`)
	db := m.dbFlag(fs)
	allowPrivate := fs.Bool("allow-private", false, "the feeds are on loopback or private addresses (intranets, tests)")
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fmt.Fprintln(m.Stderr, "crosscheck feeds add: name at least one feed URL or OPML file (see --help)")
		return errUsage
	}
	store, err := m.open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	client := httpfetch.New(m.fetchOptions(*allowPrivate))
	failed := 0
	add := func(input, url, title string) {
		norm, err := httpfetch.Normalize(url)
		if err == nil {
			var added bool
			if added, err = store.AddFeed(ctx, norm, title, *allowPrivate); err == nil {
				state := "added"
				if !added {
					state = "followed already"
				}
				fmt.Fprintf(m.Stdout, "%s: %s %s\n", state, norm, title)
				return
			}
		}
		failed++
		fmt.Fprintf(m.Stderr, "crosscheck feeds add: %s: %v\n", input, err)
	}
	for _, in := range inputs {
		if !ingest.IsURL(in) {
			outlines, err := readOPML(in)
			if err != nil {
				failed++
				fmt.Fprintf(m.Stderr, "crosscheck feeds add: %s: %v\n", in, err)
			}
			for _, o := range outlines {
				add(in, o.URL, o.Title)
			}
			continue
		}
		url, f, err := findFeed(ctx, client, in)
		if err != nil {
			failed++
			fmt.Fprintf(m.Stderr, "crosscheck feeds add: %s: %v\n", in, err)
			continue
		}
		add(in, url, f.Title)
	}
	if failed > 0 {
		return errSomeFailed{failed}
	}
	return nil
}

func (m *Main) feedsRemove(ctx context.Context, args []string) error {
	fs := m.flags("feeds remove", "URL|ID…",
		`Stops following feeds, each named by its URL or by the id "crosscheck feeds" lists; the
articles their items became stay in the store, in their stories. A name that is no followed
feed is an error (status 3), the others are removed all the same.`,
		`  crosscheck feeds remove https://example.org/world/rss.xml
  crosscheck feeds remove 3f2a9c04b1e7`)
	db := m.dbFlag(fs)
	keys, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		fmt.Fprintln(m.Stderr, "crosscheck feeds remove: name at least one feed, by its URL or its id (crosscheck feeds lists them)")
		return errUsage
	}
	store, err := m.openWritable(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	var unknown []string
	for _, key := range keys {
		f, err := store.RemoveFeed(ctx, key)
		if norm, nerr := httpfetch.Normalize(key); errors.Is(err, crosscheck.ErrNotFound) && nerr == nil && norm != key {
			f, err = store.RemoveFeed(ctx, norm)
		}
		switch {
		case errors.Is(err, crosscheck.ErrNotFound):
			unknown = append(unknown, key)
		case err != nil:
			return err
		default:
			kept := "it brought no articles"
			if f.Articles > 0 {
				kept = "kept the " + render.Plural(f.Articles, "article", "articles") + " it brought"
			}
			fmt.Fprintf(m.Stdout, "removed: %s %s; %s\n", f.URL, f.Title, kept)
		}
	}
	if len(unknown) > 0 {
		return notFollowed(unknown)
	}
	return nil
}

// notFollowed names what feeds remove was given that is no followed feed.
type notFollowed []string

func (n notFollowed) Error() string {
	return fmt.Sprintf("no followed feed is %s (crosscheck feeds lists them with their ids)", strings.Join(n, ", "))
}

func (n notFollowed) Unwrap() error { return crosscheck.ErrNotFound }

// findFeed fetches a feed, or the first feed a page names in its head; it returns the feed's
// URL and the feed.
func findFeed(ctx context.Context, client *httpfetch.Client, url string) (string, *feed.Feed, error) {
	resp, err := client.Get(ctx, httpfetch.Request{URL: url, Accept: feed.Accept})
	if err != nil {
		return "", nil, err
	}
	f, err := feed.Parse(resp.Body, resp.Final)
	if err == nil {
		return url, f, nil
	}
	for _, found := range feed.Discover(resp.Body, resp.Final) {
		r, ferr := client.Get(ctx, httpfetch.Request{URL: found, Accept: feed.Accept})
		if ferr != nil {
			return "", nil, fmt.Errorf("a page whose feed %s cannot be had: %w", found, ferr)
		}
		if f, ferr := feed.Parse(r.Body, r.Final); ferr == nil {
			return found, f, nil
		}
	}
	return "", nil, err
}

// readOPML reads the feeds an OPML file lists.
func readOPML(path string) ([]feed.Outline, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, pathErr(err)
	}
	if info.Size() > 16<<20 {
		return nil, errors.New("an OPML file over 16 MiB")
	}
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, pathErr(err)
	}
	if !feed.IsOPML(body) {
		return nil, errors.New("neither a URL nor an OPML file")
	}
	return feed.ParseOPML(body)
}

// pathErr drops the path from an *os.PathError: the line already names the input.
func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
