package pipeline

import (
	"context"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/group"
)

// The steps of a run, for a caller that runs them apart (the queue's workers): grouping
// articles it hands over in its own order, and what a run does once its articles are stored.

// Grouper places the articles it is given in stories, in the order given, and saves what it
// did when asked. It may be kept across saves while no other writer groups; after
// ErrConflict it is of no more use.
type Grouper struct {
	g    *grouper
	last GroupSummary // what was saved up to the last Save
}

// NewGrouper starts grouping over the store's grouping state as it is now.
func NewGrouper(ctx context.Context, store crosscheck.Store, opts group.Options) (*Grouper, error) {
	g, err := newGrouper(ctx, store, opts)
	if err != nil {
		return nil, err
	}
	return &Grouper{g: g}, nil
}

// Add places an article, and saves when enough are unsaved, as a run does: it reports whether
// it saved.
func (g *Grouper) Add(a *crosscheck.Article) (bool, error) {
	saved := g.g.sum.Grouped
	g.g.add(placingOf(a))
	return g.g.sum.Grouped != saved, g.g.err
}

// Save stores what the articles added since the last save did, and returns what was saved
// since the last call.
func (g *Grouper) Save(ctx context.Context) (GroupSummary, error) {
	before := g.last
	if err := g.g.save(ctx); err != nil {
		g.g.err = err
		return GroupSummary{}, err
	}
	after := g.g.sum
	g.last = after
	return GroupSummary{Grouped: after.Grouped - before.Grouped, NewStories: after.NewStories - before.NewStories,
		Moved: after.Moved - before.Moved, Duplicates: after.Duplicates - before.Duplicates,
		Stories: after.Stories[len(before.Stories):]}, nil
}

// Finish does what a run does once its articles are stored: it relearns the boilerplate of
// the sources it added to, cleaning again their articles whose lines entered or left it, and
// brings the search index up to date.
func Finish(ctx context.Context, store crosscheck.Store, sources []string) error {
	touched := map[string]bool{}
	for _, s := range sources {
		touched[s] = true
	}
	if err := relearn(ctx, store, touched); err != nil {
		return err
	}
	return indexSearch(ctx, store)
}

// Boilerplate returns what extraction takes as each source's boilerplate: the lines the store
// has learned, read once per source by the function returned.
func Boilerplate(ctx context.Context, store crosscheck.Store) func(source, folded string) bool {
	return learned(ctx, store)
}

// Extract extracts one document, as a run does: a panic in extraction is a failure of that
// document only.
func Extract(doc *crosscheck.Document, opts extract.Options) (*crosscheck.Article, error) {
	return extractSafely(doc, opts)
}
