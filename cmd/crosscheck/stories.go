package main

import (
	"context"

	"github.com/crosscheck/crosscheck"
)

// storyJSON is a story as `stories --json` prints it.
type storyJSON struct {
	ID         string                     `json:"id"`
	Title      string                     `json:"title"`
	Articles   []string                   `json:"articles"`
	First      string                     `json:"first,omitempty"`
	Last       string                     `json:"last,omitempty"`
	Duplicates []crosscheck.DuplicateLink `json:"duplicates"`
	Links      []crosscheck.StoryLink     `json:"links"` // why each article is in the story
}

func (m *Main) stories(ctx context.Context, args []string) error {
	fs := m.flags("stories", "[--json] [--min N]", `Lists the stories: groups of articles about one event, in the order they started.
Ingesting groups new articles into stories as they arrive.`,
		`  crosscheck stories --min 2
  crosscheck stories --json | jq -c 'select(.articles | length > 1)'`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, `print JSON Lines: {"id","title","articles":[ids],"first","last","duplicates":[{"article","of","similarity"}],"links":[{"article","story","score","rule"}]}`)
	minSize := fs.Int("min", 1, "list only stories with at least this many articles")
	store, err := m.parseAndOpen(ctx, fs, args, db, m.openExisting)
	if err != nil {
		return err
	}
	defer store.Close()
	l := m.newListing(*asJSON, "STORY", "ARTICLES", "COPIES", "FIRST", "LAST", "TITLE")
	for st, err := range store.Stories(ctx) {
		if err != nil {
			return err
		}
		if len(st.Articles) < *minSize {
			continue
		}
		dups, err := store.Duplicates(ctx, st.Articles)
		if err != nil {
			return err
		}
		if l.json {
			links, err := store.StoryLinks(ctx, st.Articles)
			if err != nil {
				return err
			}
			j := toStoryJSON(st)
			j.Duplicates, j.Links = orEmpty(dups), links
			if err := l.record(j); err != nil {
				return err
			}
			continue
		}
		l.row(truncate(st.ID, 32), len(st.Articles), len(dups), orDash(st.First), orDash(st.Last), truncate(st.Title, 64))
	}
	return l.flush()
}

func toStoryJSON(st *crosscheck.Story) storyJSON {
	return storyJSON{ID: st.ID, Title: st.Title, Articles: st.Articles, First: st.First, Last: st.Last}
}
