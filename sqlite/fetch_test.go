package sqlite_test

import (
	"context"
	"errors"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/sqlite"
)

// A feed removed is no longer followed and its items are forgotten; the articles they became
// stay. A feed is removed by its URL or its id, and an unknown one is not found.
func TestRemoveFeed(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	for _, u := range []string{"https://example.org/rss", "https://example.com/atom"} {
		if _, err := s.AddFeed(ctx, u, "T", false); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Put(ctx, []crosscheck.Entry{entry("a", "one")}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveItems(ctx, []sqlite.FeedItem{{Feed: "https://example.org/rss", Item: "g1", Article: "a"}}); err != nil {
		t.Fatal(err)
	}
	f, err := s.RemoveFeed(ctx, "https://example.org/rss")
	if err != nil || f.Articles != 1 || f.ID != sqlite.FeedID("https://example.org/rss") {
		t.Fatalf("remove by URL: %+v, %v", f, err)
	}
	if seen, _ := s.SeenItems(ctx, "https://example.org/rss", []string{"g1"}); seen["g1"] {
		t.Error("the removed feed's items are still known")
	}
	if _, err := s.Article(ctx, "a"); err != nil {
		t.Errorf("the feed's article went with it: %v", err)
	}
	if _, err := s.RemoveFeed(ctx, sqlite.FeedID("https://example.com/atom")); err != nil {
		t.Errorf("remove by id: %v", err)
	}
	if list, _ := s.Feeds(ctx); len(list) != 0 {
		t.Errorf("feeds left: %+v", list)
	}
	if _, err := s.RemoveFeed(ctx, "https://example.org/rss"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("removing it again: %v", err)
	}
}
