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

func (s *GroupSummary) add(o GroupSummary) {
	s.Grouped += o.Grouped
	s.NewStories += o.NewStories
	s.Moved += o.Moved
	s.Duplicates += o.Duplicates
	s.Stories = append(s.Stories, o.Stories...)
}

// Group places every article not yet in a story, in the order the articles were stored. The
// grouping state is read as the articles need it, and the stories, the links and the state's
// changed rows are saved in one transaction every commitEvery articles and at the end. An
// interrupted run keeps what it saved, and the next run places the remaining articles. When
// another process saved its grouping meanwhile, the unsaved work is done again from what that
// one saved.
func Group(ctx context.Context, store crosscheck.Store, opts group.Options) (GroupSummary, error) {
	return groupAll(ctx, store, opts, nil)
}

// Regroup forgets the store's stories and grouping state and groups every stored article
// again, in the order they were stored, calling progress (when set) with the articles placed
// so far after each save.
func Regroup(ctx context.Context, store crosscheck.Store, opts group.Options, progress func(grouped int)) (GroupSummary, error) {
	if err := store.ResetGroups(ctx); err != nil {
		return GroupSummary{}, err
	}
	return groupAll(ctx, store, opts, progress)
}

func groupAll(ctx context.Context, store crosscheck.Store, opts group.Options, progress func(int)) (GroupSummary, error) {
	var total GroupSummary
	for attempt := 1; ; attempt++ {
		g, err := newGrouper(ctx, store, opts)
		if err != nil {
			return total, err
		}
		g.progress = progress
		g.before = total.Grouped
		err = g.catchUp(ctx)
		if err == nil {
			err = g.save(ctx)
		}
		total.add(g.sum)
		if !errors.Is(err, crosscheck.ErrConflict) || attempt == maxGroupAttempts {
			return total, err
		}
	}
}

// maxGroupAttempts bounds how often grouping is redone because other writers kept saving first.
const maxGroupAttempts = 50

// commitEvery is how many articles a grouping transaction saves at most: a long run keeps
// what it did in steps, and its memory bounded (see cacheLimit). The cache is only shrunk at
// a save, so that what grouping holds grows by about this many articles' state between saves
// (on Reuters, 5 KB an article).
const commitEvery = 2_000

// cacheLimit bounds, in bytes about, what a grouper keeps read between saves (see
// group.Clusterer.Shrink). It is sized against the CLI's 160 MB memory limit, of which
// analysis holds about 50 MB (the parser's tables, the date library's compiled patterns, the
// articles in flight): with more, the live heap sits at the limit and the collector runs
// without pause (ingesting Reuters, 96 MB and a save every 10,000 articles ran at a peak RSS of
// 270 MB; 48 MB and 2,000 at 216 MB, with the same stories).
const cacheLimit = 48 << 20

// A grouper places articles in stories and finds near-duplicates, one article at a time, and
// saves what it did a transaction at a time.
type grouper struct {
	ctx      context.Context // of the run, for the saves add makes
	store    crosscheck.Store
	opts     group.Options
	c        *group.Clusterer
	titles   map[string]string // titles of the unsaved articles, for the stories they start
	links    []crosscheck.StoryLink
	dups     []crosscheck.DuplicateLink
	pending  GroupSummary // what the unsaved articles did
	sum      GroupSummary // what was saved
	listed   map[string]bool
	err      error // the first error; add does nothing after it
	progress func(int)
	before   int // articles grouped by earlier attempts, for progress
	// titles of the articles of the last save and of the stories it changed: a story joined
	// again soon is named without reading its first article from the store
	last map[string]string
}

func newGrouper(ctx context.Context, store crosscheck.Store, opts group.Options) (*grouper, error) {
	c, err := group.New(ctx, store, opts)
	if err != nil {
		return nil, err
	}
	return &grouper{ctx: ctx, store: store, opts: opts, c: c, titles: map[string]string{}, listed: map[string]bool{}}, nil
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
		g.add(placingOf(a))
		if g.err != nil {
			return g.err
		}
	}
	return nil
}

// placing is what grouping reads of one article: its features and its signature are made
// beside its extraction, on every core, so that the one grouper only places it.
type placing struct {
	id, title string
	published time.Time
	terms     group.Terms
	sig       group.Signature
}

func placingOf(a *crosscheck.Article) *placing {
	published, _ := a.PublishedDay()
	return &placing{id: a.ID, title: a.Title, published: published,
		terms: group.Extract(a.Title, a.Text), sig: group.Sign(a.Title + "\n" + a.Text)}
}

// add places one article, and saves when enough are unsaved.
func (g *grouper) add(a *placing) {
	if g.err != nil {
		return
	}
	d, dup := g.c.Duplicate(a.id, a.sig)
	as := g.c.Add(a.id, a.terms, a.published)
	if g.err = g.c.Err(); g.err != nil {
		return
	}
	if dup {
		g.dups = append(g.dups, crosscheck.DuplicateLink{Article: a.id, Of: d.Of, Similarity: d.Similarity})
		g.pending.Duplicates++
	}
	g.titles[a.id] = a.title
	rule := fmt.Sprintf("%s (similarity %.3f, threshold %.3f; runner-up %.3f of %d candidate stories)",
		as.Rule, as.Score, as.Threshold, as.Runner, as.Candidates)
	g.links = append(g.links, crosscheck.StoryLink{Article: a.id, Score: as.Score, Rule: rule})
	g.pending.Grouped++
	if as.New {
		g.pending.NewStories++
	}
	if g.progress != nil && g.pending.Grouped%100 == 0 {
		g.progress(g.before + g.sum.Grouped + g.pending.Grouped)
	}
	if g.pending.Grouped >= commitEvery {
		g.err = g.save(g.ctx)
	}
}

// save stores the stories that changed, the moves, the links and the state's changed rows in
// one transaction.
func (g *grouper) save(ctx context.Context) error {
	if g.err != nil {
		return g.err
	}
	if g.pending.Grouped == 0 {
		return nil
	}
	ch := g.c.TakeChanges()
	// a story's id is that of the article that started it
	key := map[int]string{}
	for _, st := range ch.Stories {
		key[st.ID] = "story-" + st.Key
	}
	var moves []crosscheck.StoryMove
	of := map[string]int{} // article → story, for the articles of this save
	for _, mv := range ch.Moves {
		switch _, placed := of[mv.Article]; {
		case mv.Placed:
			of[mv.Article] = mv.Story
		case mv.Article == "":
			in := 0
			for a, s := range of {
				if s == mv.From {
					of[a] = mv.Story
					in++
				}
			}
			moves = append(moves, crosscheck.StoryMove{From: key[mv.From], To: key[mv.Story]})
			g.pending.Moved += mv.Size - in
		case placed:
			of[mv.Article] = mv.Story
		default:
			moves = append(moves, crosscheck.StoryMove{Article: mv.Article, From: key[mv.From], To: key[mv.Story]})
			g.pending.Moved++
		}
	}
	for i := range g.links {
		s, ok := of[g.links[i].Article]
		if !ok || key[s] == "" {
			return fmt.Errorf("grouping lost article %s", g.links[i].Article)
		}
		g.links[i].Story = key[s]
	}
	var stories []crosscheck.Story
	last := make(map[string]string, len(g.titles)+len(ch.Stories))
	for _, st := range ch.Stories {
		title, ok := g.titles[st.Key]
		if !ok {
			title, ok = g.last[st.Key]
		}
		if !ok {
			if a, err := g.store.Article(ctx, st.Key); err == nil {
				title, ok = a.Title, true
			}
		}
		if ok {
			last[st.Key] = title
		}
		id := key[st.ID]
		stories = append(stories, crosscheck.Story{ID: id, Order: st.ID, Title: title, First: day(st.First), Last: day(st.Last)})
		if !g.listed[id] {
			g.listed[id] = true
			g.pending.Stories = append(g.pending.Stories, id)
		}
	}
	err := g.store.SaveGroups(ctx, crosscheck.GroupSave{Version: g.c.Version(), Changes: ch.Rows, Stories: stories,
		Moves: moves, Links: g.links, Dups: g.dups})
	if err != nil {
		return err
	}
	g.c.Saved()
	g.sum.add(g.pending)
	for a, title := range g.titles {
		last[a] = title
	}
	g.last = last
	g.pending, g.links, g.dups, g.titles = GroupSummary{}, nil, nil, map[string]string{}
	g.c.Shrink(cacheLimit)
	if g.progress != nil {
		g.progress(g.before + g.sum.Grouped)
	}
	return nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
