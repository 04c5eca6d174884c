package work

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Grouping is the step whose outcome depends on order: an article joins the stories the
// articles before it made. Workers store articles in whatever order they finish; the serial
// step groups them in the order their inputs were enqueued, as one process would, following
// the ordered jobs from its cursor up to the first one not finished. One worker at a time holds
// its lock (a killed holder's goes with its connection) and keeps its grouping state in memory
// while nobody else groups.

// orderedPage is how many ordered jobs one step reads.
const orderedPage = 512

// serial runs the serial step while this worker holds its lock, and tries for the lock while
// another holds it.
func (w *Worker) serial(ctx context.Context) error {
	var release func()
	defer func() {
		if release != nil {
			release()
		}
	}()
	failed := 0
	for ctx.Err() == nil {
		if release == nil {
			var ok bool
			var err error
			if release, ok, err = w.store.Serial(ctx); err != nil || !ok {
				if err == nil && w.opts.UntilIdle {
					if idle, err := w.store.Idle(ctx); err == nil && idle {
						return nil
					}
				}
				sleep(ctx, w.opts.Poll)
				continue
			}
			if err := w.restart(ctx); err != nil {
				release()
				release = nil
				sleep(ctx, w.opts.Poll)
				continue
			}
		}
		start := time.Now()
		moved, err := w.step(ctx)
		if moved {
			elapsed := time.Since(start)
			w.count(func(n *Counts) { n.Serial += elapsed })
		}
		if err == nil {
			var more bool
			more, err = w.prune(ctx)
			moved = moved || more
		}
		switch {
		case errors.Is(err, crosscheck.ErrConflict):
			// another process grouped: the steps since the cursor are done again from what it saved
			if err = w.restart(ctx); err == nil {
				continue
			}
			fallthrough
		case err != nil:
			w.restart(ctx)
			if failed++; failed >= maxStoreErrors || ctx.Err() != nil {
				return ctxOr(ctx, fmt.Errorf("grouping: %w", err))
			}
			sleep(ctx, w.opts.Poll)
			continue
		}
		failed = 0
		if moved {
			continue
		}
		if w.opts.UntilIdle {
			if idle, err := w.store.Idle(ctx); err == nil && idle {
				return nil
			}
		}
		sleep(ctx, w.opts.Poll)
	}
	return nil
}

// restart goes back to the cursor with no grouping state in memory: when this worker takes
// the lock (another may have grouped since it last held it), and after an error.
func (w *Worker) restart(ctx context.Context) error {
	w.grouper, w.placed, w.ahead = nil, nil, nil
	at, err := w.store.Cursor(ctx)
	w.at, w.cursor = at, at
	return err
}

// step groups the articles of the finished ordered jobs after the holder's place, up to the
// first job not finished; at a finish mark it saves what it grouped, moves the cursor there
// and finishes the batch. It reports whether it moved. Grouping is saved where a run saves it
// (at the end of the batch, and every so many articles), so that the links are the ones a run
// leaves too; the cursor moves only with a save, so that a holder killed with grouping unsaved
// leaves the next one to do it again from the cursor, alike.
func (w *Worker) step(ctx context.Context) (bool, error) {
	jobs, err := w.store.Ordered(ctx, w.at, orderedPage)
	if err != nil {
		return false, err
	}
	from := w.at
	if err := w.grouped(ctx, jobs); err != nil {
		return false, err
	}
	for _, j := range jobs {
		if j.State == crosscheck.JobHeld {
			if err := w.save(ctx); err != nil {
				return false, err
			}
			if err := w.finish(ctx, j); err != nil {
				return false, err
			}
			if err := w.store.SetCursor(ctx, j.ID); err != nil {
				return false, err
			}
			w.at, w.cursor = j.ID, j.ID
			w.count(func(n *Counts) { n.Finished++ })
			continue
		}
		if j.State != crosscheck.JobDone && j.State != crosscheck.JobDead {
			break
		}
		var r result
		if j.State == crosscheck.JobDone && json.Unmarshal(j.Result, &r) == nil && r.Article != "" {
			saved, err := w.place(ctx, r.Article)
			if err != nil {
				return false, err
			}
			if saved {
				if err := w.store.SetCursor(ctx, j.ID); err != nil {
					return false, err
				}
				w.cursor = j.ID
			}
		}
		w.at = j.ID
	}
	return w.at != from, nil
}

// grouped finds which of the articles of the finished jobs among jobs are in stories already,
// with one query, and notes the articles the step will read, in order: those of the done jobs
// up to the first job not finished or a mark (finishing a batch may clean articles again).
func (w *Worker) grouped(ctx context.Context, jobs []crosscheck.Job) error {
	var ids []string
	w.upcoming, w.ahead = w.upcoming[:0], map[string]*crosscheck.Article{}
	prefix := true
	for _, j := range jobs {
		if j.State != crosscheck.JobDone && j.State != crosscheck.JobDead {
			prefix = false
		}
		var r result
		if j.State == crosscheck.JobDone && json.Unmarshal(j.Result, &r) == nil && r.Article != "" {
			ids = append(ids, r.Article)
			if prefix {
				w.upcoming = append(w.upcoming, r.Article)
			}
		}
	}
	links, err := w.store.StoryLinks(ctx, ids)
	w.inStory = map[string]bool{}
	for _, l := range links {
		w.inStory[l.Article] = true
	}
	return err
}

// ArticlesReader is a store that reads several articles in one query.
type ArticlesReader interface {
	// ArticlesByID returns the latest revisions of the given articles, in the order given;
	// one not stored is left out.
	ArticlesByID(ctx context.Context, ids []string) ([]*crosscheck.Article, error)
}

// readAhead is how many of the articles it will group the serial step reads in one query.
const readAhead = 32

// article returns an article to group: read before with the ones before it, or now with the
// next ones the step will group, where the store reads several at once.
func (w *Worker) article(ctx context.Context, id string) (*crosscheck.Article, error) {
	if a, ok := w.ahead[id]; ok {
		delete(w.ahead, id)
		return a, nil
	}
	r, ok := w.store.(ArticlesReader)
	if !ok {
		return w.store.Article(ctx, id)
	}
	ids := []string{id}
	if at := slices.Index(w.upcoming, id); at >= 0 {
		rest := w.upcoming[at+1:]
		for len(rest) > 0 && len(ids) < readAhead {
			if n := rest[0]; !w.inStory[n] && !w.placed[n] && n != id {
				ids = append(ids, n)
			}
			rest = rest[1:]
		}
		w.upcoming = rest
	}
	as, err := r.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	if w.ahead == nil {
		w.ahead = map[string]*crosscheck.Article{}
	}
	for _, a := range as {
		w.ahead[a.ID] = a
	}
	if a, ok := w.ahead[id]; ok {
		delete(w.ahead, id)
		return a, nil
	}
	return w.store.Article(ctx, id) // not stored: the store says so
}

// place groups an article unless it is in a story already (a step done again, or a second
// revision), and reports whether the grouper saved.
func (w *Worker) place(ctx context.Context, id string) (bool, error) {
	if w.grouper == nil {
		g, err := pipeline.NewGrouper(ctx, w.store, w.opts.Group)
		if err != nil {
			return false, err
		}
		w.grouper, w.placed = g, map[string]bool{}
	}
	if w.placed[id] || w.inStory[id] {
		return false, nil
	}
	a, err := w.article(ctx, id)
	if err != nil {
		return false, err
	}
	w.placed[id] = true
	saved, err := w.grouper.Add(a)
	if saved {
		w.forgetPlaced()
	}
	return saved, err
}

// forgetPlaced is called when the articles placed are saved: they are in stories now.
func (w *Worker) forgetPlaced() {
	if w.inStory == nil {
		w.inStory = map[string]bool{}
	}
	for id := range w.placed {
		w.inStory[id] = true
	}
	w.placed = map[string]bool{}
}

// save stores what the grouper did since it last saved.
func (w *Worker) save(ctx context.Context) error {
	if w.grouper == nil {
		return nil
	}
	sum, err := w.grouper.Save(ctx)
	if err != nil {
		return err
	}
	w.forgetPlaced()
	w.count(func(n *Counts) { n.Grouped += sum.Grouped; n.Stories += sum.NewStories })
	return nil
}

// finish does what a run does once its inputs are stored and grouped: the boilerplate of the
// sources the batch added to is relearned (their articles cleaned again where it changed),
// the search index brought up to date, and, when asked, the reports of the batch's stories
// queued.
func (w *Worker) finish(ctx context.Context, mark crosscheck.Job) error {
	var p finishPayload
	if err := json.Unmarshal(mark.Payload, &p); err != nil {
		return fmt.Errorf("a damaged finish mark: %w", err)
	}
	var sources, articles []string
	seen := map[string]bool{}
	for after := p.From - 1; after < mark.ID; {
		jobs, err := w.store.Ordered(ctx, after, orderedPage)
		if err != nil || len(jobs) == 0 {
			return err
		}
		for _, j := range jobs {
			if j.ID >= mark.ID {
				break
			}
			var r result
			if json.Unmarshal(j.Result, &r) != nil || r.Article == "" {
				continue
			}
			articles = append(articles, r.Article)
			if r.Source != "" && !seen[r.Source] {
				seen[r.Source] = true
				sources = append(sources, r.Source)
			}
		}
		after = jobs[len(jobs)-1].ID
	}
	if err := pipeline.Finish(ctx, w.store, sources); err != nil {
		return err
	}
	if !p.Reports {
		return nil
	}
	return w.queueReports(ctx, articles)
}

// queueReports queues the reports of the stories the given articles are in, a story once.
func (w *Worker) queueReports(ctx context.Context, articles []string) error {
	queued := map[string]bool{}
	for len(articles) > 0 {
		n := min(len(articles), orderedPage)
		links, err := w.store.StoryLinks(ctx, articles[:n])
		if err != nil {
			return err
		}
		articles = articles[n:]
		var jobs []crosscheck.NewJob
		for _, l := range links {
			if !queued[l.Story] {
				queued[l.Story] = true
				jobs = append(jobs, ReportJob(l.Story))
			}
		}
		if _, err := w.store.Enqueue(ctx, jobs); err != nil {
			return err
		}
	}
	return nil
}
