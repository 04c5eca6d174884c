package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
)

// GroupSummary counts what grouping did.
type GroupSummary struct {
	Grouped    int // articles placed
	NewStories int // stories started
	Moved      int // articles moved by splits
	Duplicates int // near-duplicates of earlier articles

	Stories []string // the stories that changed, whose reports are to be made again
}

// Group places every article not yet in a story, in the order the articles were stored, and
// saves the stories, the links and the grouping state in one transaction at the end. An
// interrupted run saves nothing, and the next run places the same articles. When another
// process saved its grouping meanwhile, the work is done again from what that one saved.
func Group(ctx context.Context, store crosscheck.Store, opts group.Options) (GroupSummary, error) {
	for attempt := 1; ; attempt++ {
		g, err := newGrouper(ctx, store, opts)
		if err != nil {
			return GroupSummary{}, err
		}
		if err := g.catchUp(ctx); err != nil {
			return g.sum, err
		}
		err = g.save(ctx)
		if !errors.Is(err, crosscheck.ErrConflict) || attempt == maxGroupAttempts {
			return g.sum, err
		}
	}
}

// maxGroupAttempts bounds how often grouping is redone because other writers kept saving first.
const maxGroupAttempts = 50

// A grouper places articles in stories and finds near-duplicates, one article at a time, and
// saves what it did in one transaction.
type grouper struct {
	store   crosscheck.Store
	opts    group.Options
	c       *group.Clusterer
	version int64             // of the state the clusterer was read from
	titles  map[string]string // titles of this run's articles, for the stories they start
	links   []crosscheck.StoryLink
	dups    []crosscheck.DuplicateLink
	sum     GroupSummary
}

func newGrouper(ctx context.Context, store crosscheck.Store, opts group.Options) (*grouper, error) {
	g := &grouper{store: store, opts: opts, c: group.NewClusterer(opts), titles: map[string]string{}}
	state, version, err := store.GroupState(ctx)
	if err != nil {
		return nil, err
	}
	g.version = version
	if state != nil {
		if err := g.c.UnmarshalBinary(state); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// catchUp places the stored articles not yet in a story.
func (g *grouper) catchUp(ctx context.Context) error {
	for a, err := range g.store.Ungrouped(ctx) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		g.add(a)
	}
	return nil
}

// add places one article.
func (g *grouper) add(a *crosscheck.Article) {
	if d, ok := g.c.Duplicate(a.ID, group.Sign(a.Title+"\n"+a.Text)); ok {
		g.dups = append(g.dups, crosscheck.DuplicateLink{Article: a.ID, Of: d.Of, Similarity: d.Similarity})
		g.sum.Duplicates++
	}
	published, _ := a.PublishedDay()
	as := g.c.Add(a.ID, group.Extract(a.Title, a.Text), published)
	g.titles[a.ID] = a.Title
	rule := fmt.Sprintf("%s (similarity %.3f, threshold %.3f; runner-up %.3f of %d candidate stories)",
		as.Rule, as.Score, as.Threshold, as.Runner, as.Candidates)
	g.links = append(g.links, crosscheck.StoryLink{Article: a.ID, Score: as.Score, Rule: rule})
	g.sum.Grouped++
	if as.New {
		g.sum.NewStories++
	}
}

// save stores the stories that changed, the links and the state in one transaction.
func (g *grouper) save(ctx context.Context) error {
	if g.sum.Grouped == 0 {
		return nil
	}
	changed, moves := g.c.TakeChanges()
	// a story's id is that of the article that started it
	storyID := func(st *group.Story) string { return "story-" + st.Key }
	byInternal := map[int]*group.Story{}
	for _, st := range g.c.Stories() {
		byInternal[st.ID] = st
	}
	of := map[string]string{} // article → story id, for the links of this run
	for _, st := range changed {
		for _, id := range st.Articles {
			of[id] = storyID(st)
		}
	}
	placed := map[string]bool{}
	for i := range g.links {
		g.links[i].Story = of[g.links[i].Article]
		if g.links[i].Story == "" {
			return fmt.Errorf("grouping lost article %s", g.links[i].Article)
		}
		placed[g.links[i].Article] = true
	}
	for _, mv := range moves {
		if placed[mv.Article] {
			continue
		}
		g.links = append(g.links, crosscheck.StoryLink{Article: mv.Article, Story: storyID(byInternal[mv.Story]), Rule: "moved: its story split or merged"})
		g.sum.Moved++
	}
	var stories []crosscheck.Story
	for _, st := range changed {
		title, ok := g.titles[st.Key]
		if !ok {
			if a, err := g.store.Article(ctx, st.Key); err == nil {
				title = a.Title
			}
		}
		stories = append(stories, crosscheck.Story{ID: storyID(st), Order: st.ID, Title: title, First: day(st.First), Last: day(st.Last)})
		g.sum.Stories = append(g.sum.Stories, storyID(st))
	}
	state, err := g.c.MarshalBinary()
	if err != nil {
		return err
	}
	return g.store.SaveGroups(ctx, g.version, state, stories, g.links, g.dups)
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
