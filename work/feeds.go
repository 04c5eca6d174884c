package work

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/feed"
)

// ItemKey is what a feed's item is recorded under: its key, and its update date when the feed
// gives one, so that an item the feed says was updated is taken again.
func ItemKey(it feed.Item) string {
	if it.Updated == "" {
		return it.Key
	}
	return it.Key + " @" + it.Updated
}

// ItemInput names a feed's item as an input: its link, else the feed's URL and its key.
func ItemInput(feedURL string, it feed.Item) string {
	if it.Link != "" {
		return it.Link
	}
	return feedURL + "#" + it.Key
}

// feedResult is what a feed job leaves.
type feedResult struct {
	Status string `json:"status"`
	Items  int    `json:"items"`
}

// pollFeed polls a followed feed, queues a fetch job for each of its new items and the mark
// that finishes them as a batch, then saves the feed's state: a job killed before the save
// polls again with the old validators, and the items it queues twice are found stored.
func (w *Worker) pollFeed(ctx context.Context, p feedPayload) ([]byte, error) {
	if w.opts.Feeds == nil {
		return nil, errors.New("this worker does not poll feeds")
	}
	feeds, err := w.store.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var fd *crosscheck.Feed
	for i := range feeds {
		if feeds[i].URL == p.Feed || feeds[i].ID == p.Feed {
			fd = &feeds[i]
			break
		}
	}
	if fd == nil {
		return nil, fmt.Errorf("no followed feed is %s", p.Feed)
	}
	state, items := w.opts.Feeds.Poll(ctx, *fd)
	if state.Status == "error" {
		if err := w.store.FeedFetched(ctx, state); err != nil {
			return nil, err
		}
		return nil, errors.New(state.Error)
	}
	if len(items) > 0 {
		jobs := make([]crosscheck.NewJob, len(items))
		for i, it := range items {
			jobs[i] = itemJob(ItemInput(fd.URL, it), *fd, ItemKey(it), it)
		}
		ids, err := w.store.Enqueue(ctx, jobs)
		if err != nil {
			return nil, err
		}
		if _, err := w.store.Enqueue(ctx, []crosscheck.NewJob{FinishJob(ids[0], p.Reports)}); err != nil {
			return nil, err
		}
	}
	if err := w.store.FeedFetched(ctx, state); err != nil {
		return nil, err
	}
	return mustJSON(feedResult{Status: state.Status, Items: len(items)}), nil
}

// fetchItem fetches a feed item's page (or takes the feed's full content), ingests it, and
// records what became of the item, as a round of crosscheck follow does: an item that failed
// in ItemTries attempts is not taken again.
func (w *Worker) fetchItem(ctx context.Context, input string, p *feedItem) ([]byte, error) {
	if w.opts.Feeds == nil {
		return nil, errors.New("this worker does not poll feeds")
	}
	rec := crosscheck.FeedItem{Feed: p.Feed, Item: p.Key, Link: p.Item.Link}
	doc, err := w.opts.Feeds.ItemDocument(ctx, crosscheck.Feed{URL: p.Feed, AllowPrivate: p.AllowPrivate}, p.Item)
	if err != nil {
		rec.Error = err.Error()
		if serr := w.store.SaveItems(ctx, []crosscheck.FeedItem{rec}); serr != nil {
			return nil, serr
		}
		return nil, err
	}
	res, err := w.ingest(ctx, input, doc)
	if err != nil {
		return nil, err
	}
	var r result
	if err := json.Unmarshal(res, &r); err != nil {
		return nil, err
	}
	rec.Article = r.Article
	if r.Article == "" {
		rec.Error = "the page gave no article"
	}
	if err := w.store.SaveItems(ctx, []crosscheck.FeedItem{rec}); err != nil {
		return nil, err
	}
	return res, nil
}
