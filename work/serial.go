package work

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
			w.grouper = nil // another may have grouped since this worker last held the lock
		}
		start := time.Now()
		moved, err := w.step(ctx)
		if moved {
			elapsed := time.Since(start)
			w.count(func(n *Counts) { n.Serial += elapsed })
		}
		switch {
		case errors.Is(err, crosscheck.ErrConflict):
			w.grouper = nil // another process grouped: the step is done again from what it saved
			continue
		case err != nil:
			w.grouper = nil
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

// step groups the articles of the finished ordered jobs after the cursor, up to the first job
// not finished or a finish mark, saves them and moves the cursor past them; a finish mark
// reached is finished then. It reports whether the cursor moved. Each save is one
// transaction, the cursor's another: a step killed between them is done again, and passes
// over the articles it finds in stories.
func (w *Worker) step(ctx context.Context) (bool, error) {
	cursor, err := w.store.Cursor(ctx)
	if err != nil {
		return false, err
	}
	jobs, err := w.store.Ordered(ctx, cursor, orderedPage)
	if err != nil {
		return false, err
	}
	at := cursor
	var articles []string
	for _, j := range jobs {
		if j.State == crosscheck.JobHeld {
			if at > cursor {
				break // the articles before the mark first
			}
			if err := w.finish(ctx, j); err != nil {
				return false, err
			}
			w.count(func(n *Counts) { n.Finished++ })
			return true, w.store.SetCursor(ctx, j.ID)
		}
		if j.State != crosscheck.JobDone && j.State != crosscheck.JobDead {
			break
		}
		var r result
		if j.State == crosscheck.JobDone && json.Unmarshal(j.Result, &r) == nil && r.Article != "" {
			articles = append(articles, r.Article)
		}
		at = j.ID
	}
	if at == cursor {
		return false, nil
	}
	if err := w.group(ctx, articles); err != nil {
		return false, err
	}
	return true, w.store.SetCursor(ctx, at)
}

// group places the given articles that are in no story yet, in order, and saves them.
func (w *Worker) group(ctx context.Context, ids []string) error {
	links, err := w.store.StoryLinks(ctx, ids)
	if err != nil {
		return err
	}
	placed := map[string]bool{}
	for _, l := range links {
		placed[l.Article] = true
	}
	if w.grouper == nil {
		if w.grouper, err = pipeline.NewGrouper(ctx, w.store, w.opts.Group); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if placed[id] {
			continue // grouped before (a step done again, or a second revision)
		}
		placed[id] = true
		a, err := w.store.Article(ctx, id)
		if err != nil {
			return err
		}
		if err := w.grouper.Add(a); err != nil {
			return err
		}
	}
	sum, err := w.grouper.Save(ctx)
	if err != nil {
		return err
	}
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
