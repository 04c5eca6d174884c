package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
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
// (on Reuters, 5 KB an article). A save writes each changed row once however many of its
// articles changed it: ingesting Reuters, saves every 2,000 articles wrote 295,110 feature rows
// and 221,051 posting lists, every 5,000 223,430 and 173,538 (a quarter of the save's time
// less), at the same peak RSS. Tests set it lower (see export_test.go).
var commitEvery = 5_000

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
	last     map[string]string
	placed   int     // articles placed by this grouper, saved or not, for progress
	inFlight *saving // the save being written beside the grouping, if any
	state    *gate   // what the clusterer reads the state through
	waits    int     // reads of the state that waited for a save to commit
}

func newGrouper(ctx context.Context, store crosscheck.Store, opts group.Options) (*grouper, error) {
	g := &grouper{ctx: ctx, store: store, opts: opts, titles: map[string]string{}, listed: map[string]bool{}}
	g.state = &gate{GroupState: store, g: g}
	c, err := group.New(ctx, g.state, opts)
	if err != nil {
		return nil, err
	}
	g.c = c
	return g, nil
}

// catchUp places the stored articles not yet in a story. When it fails, no save is left in
// flight.
func (g *grouper) catchUp(ctx context.Context) (err error) {
	defer func() {
		if err != nil {
			g.wait()
		}
	}()
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
	g.placed++
	if as.New {
		g.pending.NewStories++
	}
	if g.progress != nil && g.placed%100 == 0 {
		g.progress(g.before + g.placed)
	}
	if g.pending.Grouped >= commitEvery {
		g.err = g.start(g.ctx)
	}
}

// save stores what is unsaved and returns once it and the save before it are committed.
func (g *grouper) save(ctx context.Context) error {
	if err := g.start(ctx); err != nil {
		return err
	}
	return g.wait()
}

// start hands the stories that changed, the moves, the links and the state's changed rows to a
// goroutine that saves them in one transaction, and returns: the grouping goes on beside the
// save. It first waits for the save before, so that one save at a time is in flight and they
// commit in order.
func (g *grouper) start(ctx context.Context) error {
	if err := g.wait(); err != nil {
		return err
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
	sv := &saving{save: crosscheck.GroupSave{Version: g.c.Version(), Changes: ch.Rows, Stories: stories,
		Moves: moves, Links: g.links, Dups: g.dups}, pending: g.pending, done: make(chan struct{})}
	sv.index()
	// the state is at the next version once the save commits; until then, what the clusterer
	// reads of the rows the save writes waits for it (see gate), so that the cache may let
	// them go now
	g.c.Saved()
	for a, title := range g.titles {
		last[a] = title
	}
	g.last = last
	g.pending, g.links, g.dups, g.titles = GroupSummary{}, nil, nil, map[string]string{}
	g.c.Shrink(cacheLimit)
	g.inFlight = sv
	go stage("group save", func() {
		defer close(sv.done)
		sv.err = g.store.SaveGroups(ctx, sv.save)
	})
	return nil
}

// wait waits for the save in flight, if any, and counts what it saved. A save that failed is
// the grouper's error.
func (g *grouper) wait() error {
	sv := g.inFlight
	if sv == nil {
		return g.err
	}
	<-sv.done
	g.inFlight = nil
	switch {
	case sv.err != nil && g.err == nil:
		g.err = fmt.Errorf("saving the grouping of %d articles: %w", sv.pending.Grouped, sv.err)
	case sv.err == nil:
		g.sum.add(sv.pending)
		if g.progress != nil {
			g.progress(g.before + g.placed)
		}
	}
	return g.err
}

// A saving is a save handed to its goroutine, with the keys of the rows it writes.
type saving struct {
	save    crosscheck.GroupSave
	pending GroupSummary // what its articles did
	done    chan struct{}
	err     error // set before done is closed

	words   map[string]bool
	lists   map[int32]bool
	stories map[int]bool                     // stories whose row is written
	written map[int][]crosscheck.GroupMember // the member rows it writes, by story
	rebuilt map[int]bool                     // stories whose members are all rewritten
	bands   map[int64]bool
	sigs    map[int64]bool
}

func (sv *saving) index() {
	ch := &sv.save.Changes
	sv.words = make(map[string]bool, len(ch.Words))
	for _, w := range ch.Words {
		sv.words[w.Word] = true
	}
	sv.lists = make(map[int32]bool, len(ch.Lists))
	for _, l := range ch.Lists {
		sv.lists[l.Feature] = true
	}
	sv.stories = make(map[int]bool, len(ch.Stories))
	for _, s := range ch.Stories {
		sv.stories[s.ID] = true
	}
	sv.written, sv.rebuilt = map[int][]crosscheck.GroupMember{}, map[int]bool{}
	for _, m := range ch.Members {
		sv.written[m.Story] = append(sv.written[m.Story], m)
	}
	for _, id := range ch.Rebuilt {
		sv.rebuilt[id] = true
	}
	sv.bands = make(map[int64]bool, len(ch.Bands)+len(ch.Left))
	for _, b := range ch.Bands {
		sv.bands[b.Key] = true
	}
	for _, b := range ch.Left {
		sv.bands[b.Key] = true
	}
	sv.sigs = make(map[int64]bool, len(ch.Signatures))
	for _, s := range ch.Signatures {
		sv.sigs[s.ID] = true
	}
}

// A gate is the state as the clusterer reads it while a save may be in flight: a read of rows
// the save writes waits for it to commit, one of other rows goes to the store at once, where
// they are the same before and after the save. The clusterer reads what its cache let go, which
// after Shrink includes rows of the save in flight; through the gate it reads them as saved.
// Only the grouper's goroutine reads through it.
type gate struct {
	crosscheck.GroupState
	g *grouper
}

// after waits for the save in flight when it writes a row the read asks for.
func (s *gate) after(writes func(*saving) bool) error {
	sv := s.g.inFlight
	if sv == nil || !writes(sv) {
		return nil
	}
	s.g.waits++
	return s.g.wait()
}

func (s *gate) GroupMeta(ctx context.Context) (crosscheck.GroupMeta, error) {
	if err := s.after(func(*saving) bool { return true }); err != nil {
		return crosscheck.GroupMeta{}, err
	}
	return s.GroupState.GroupMeta(ctx)
}

func (s *gate) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	if err := s.after(func(sv *saving) bool { return anyIn(sv.words, words) }); err != nil {
		return nil, err
	}
	return s.GroupState.GroupWords(ctx, words)
}

func (s *gate) GroupLists(ctx context.Context, features []int32) ([]crosscheck.GroupList, error) {
	if err := s.after(func(sv *saving) bool { return anyIn(sv.lists, features) }); err != nil {
		return nil, err
	}
	return s.GroupState.GroupLists(ctx, features)
}

func (s *gate) GroupStories(ctx context.Context, ids []int) ([]crosscheck.GroupStory, error) {
	if err := s.after(func(sv *saving) bool { return anyIn(sv.stories, ids) }); err != nil {
		return nil, err
	}
	return s.GroupState.GroupStories(ctx, ids)
}

// GroupMembers reads the members of a story the save in flight writes without waiting for it:
// the stored ones, whether read before or after it commits, with the rows it writes over them
// (in place of them for a story it rebuilds), as the store holds them once it commits. A split
// or a merge soon after a save needs the members the save wrote, and the grouping would stand
// still for the rest of the save.
func (s *gate) GroupMembers(ctx context.Context, story int) ([]crosscheck.GroupMember, error) {
	sv := s.g.inFlight
	if sv == nil || sv.written[story] == nil && !sv.rebuilt[story] {
		return s.GroupState.GroupMembers(ctx, story)
	}
	var stored []crosscheck.GroupMember
	if !sv.rebuilt[story] {
		var err error
		if stored, err = s.GroupState.GroupMembers(ctx, story); err != nil {
			return nil, err
		}
	}
	return overlayMembers(stored, sv.written[story]), nil
}

// overlayMembers returns the members of stored with those of written in place of any of the
// same index, and the rest of written added, by index: what a save that writes written over
// stored leaves.
func overlayMembers(stored, written []crosscheck.GroupMember) []crosscheck.GroupMember {
	out := make([]crosscheck.GroupMember, 0, len(stored)+len(written))
	at := make(map[int]int, len(stored)+len(written))
	for _, m := range stored {
		at[m.Index] = len(out)
		out = append(out, m)
	}
	for _, m := range written {
		if i, ok := at[m.Index]; ok {
			out[i] = m
		} else {
			at[m.Index] = len(out)
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b crosscheck.GroupMember) int { return cmp.Compare(a.Index, b.Index) })
	return out
}

func (s *gate) GroupBands(ctx context.Context, keys []int64) ([]crosscheck.GroupBand, error) {
	if err := s.after(func(sv *saving) bool { return anyIn(sv.bands, keys) }); err != nil {
		return nil, err
	}
	return s.GroupState.GroupBands(ctx, keys)
}

func (s *gate) GroupSignatures(ctx context.Context, ids []int64) ([]crosscheck.GroupSignature, error) {
	// a save deletes the signatures before its Retired, and writes its own
	retires := func(sv *saving) bool {
		for _, id := range ids {
			if sv.sigs[id] || id < sv.save.Changes.Retired {
				return true
			}
		}
		return false
	}
	if err := s.after(retires); err != nil {
		return nil, err
	}
	return s.GroupState.GroupSignatures(ctx, ids)
}

func anyIn[K comparable](set map[K]bool, keys []K) bool {
	for _, k := range keys {
		if set[k] {
			return true
		}
	}
	return false
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
