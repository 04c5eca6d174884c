package pipeline

import (
	"context"
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
}

// Group places every article not yet in a story, in the order the articles were stored, and
// saves the stories, the links and the grouping state in one transaction at the end. An
// interrupted run saves nothing, and the next run places the same articles.
func Group(ctx context.Context, store crosscheck.Store, opts group.Options) (GroupSummary, error) {
	var sum GroupSummary
	c := group.NewClusterer(opts)
	state, err := store.GroupState(ctx)
	if err != nil {
		return sum, err
	}
	if state != nil {
		if err := c.UnmarshalBinary(state); err != nil {
			return sum, err
		}
	}
	titles := map[string]string{}
	var links []crosscheck.StoryLink
	var dups []crosscheck.DuplicateLink
	for a, err := range store.Ungrouped(ctx) {
		if err != nil {
			return sum, err
		}
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		published, _ := time.Parse("2006-01-02", a.Published[:min(10, len(a.Published))])
		if d, ok := c.Duplicate(a.ID, group.Sign(a.Title+"\n"+a.Text)); ok {
			dups = append(dups, crosscheck.DuplicateLink{Article: a.ID, Of: d.Of, Similarity: d.Similarity})
			sum.Duplicates++
		}
		as := c.Add(a.ID, group.Extract(a.Title, a.Text), published)
		titles[a.ID] = a.Title
		rule := fmt.Sprintf("%s (cosine %.3f, threshold %.3f; runner-up %.3f of %d candidate stories)",
			as.Rule, as.Score, opts.Threshold, as.Runner, as.Candidates)
		links = append(links, crosscheck.StoryLink{Article: a.ID, Score: as.Score, Rule: rule})
		sum.Grouped++
		if as.New {
			sum.NewStories++
		}
	}
	if sum.Grouped == 0 {
		return sum, nil
	}
	changed, moves := c.TakeChanges()
	// a story's id is that of the article that started it
	storyID := func(st *group.Story) string { return "story-" + st.Articles[0] }
	byInternal := map[int]*group.Story{}
	for _, st := range c.Stories() {
		byInternal[st.ID] = st
	}
	of := map[string]string{} // article → story id, for the links of this run
	for _, st := range changed {
		for _, id := range st.Articles {
			of[id] = storyID(st)
		}
	}
	for i := range links {
		links[i].Story = of[links[i].Article]
		if links[i].Story == "" {
			return sum, fmt.Errorf("grouping lost article %s", links[i].Article)
		}
	}
	placed := map[string]bool{}
	for _, l := range links {
		placed[l.Article] = true
	}
	for _, mv := range moves {
		if placed[mv.Article] {
			continue
		}
		st := byInternal[mv.Story]
		links = append(links, crosscheck.StoryLink{Article: mv.Article, Story: storyID(st), Rule: "moved: its story split in two"})
		sum.Moved++
	}
	var stories []crosscheck.Story
	for _, st := range changed {
		title := titles[st.Articles[0]]
		if title == "" {
			a, err := store.Article(ctx, st.Articles[0])
			if err == nil {
				title = a.Title
			}
		}
		stories = append(stories, crosscheck.Story{ID: storyID(st), Order: st.ID, Title: title, First: day(st.First), Last: day(st.Last)})
	}
	state, err = c.MarshalBinary()
	if err != nil {
		return sum, err
	}
	return sum, store.SaveGroups(ctx, state, stories, links, dups)
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
