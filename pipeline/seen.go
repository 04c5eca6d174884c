package pipeline

import (
	"context"

	"github.com/crosscheck/crosscheck"
)

// hashLookup is a store that tells the latest hash of many articles in one read: asked for
// each document alone (crosscheck.Store.Seen), the store's read costs more than the lookup.
type hashLookup interface {
	// LatestHashes returns the hash of the latest revision of each of ids that is stored.
	LatestHashes(ctx context.Context, ids []string) (map[string]string, error)
}

// seenBatch is the most documents the seen stage looks up in one read.
const seenBatch = 64

// lookUpSeen passes the jobs read on to the workers, each with the hash its article has in
// the store, looked up for the jobs waiting together in one read of the store. It takes only
// the jobs already waiting, never waiting for more, so that a slow stream (pages fetched one
// by one) is not held back. A store that cannot look up many at once, or a lookup that fails,
// leaves the workers to ask the store for each document (store.Seen).
func lookUpSeen(ctx context.Context, store crosscheck.Store, in <-chan job) <-chan job {
	lookup, ok := store.(hashLookup)
	if !ok {
		return in
	}
	out := make(chan job, queued)
	go stage("seen", func() {
		defer close(out)
		batch := make([]job, 0, seenBatch)
		ids := make([]string, 0, seenBatch)
		for j := range in {
			batch = append(batch[:0], j)
		waiting:
			for len(batch) < seenBatch {
				select {
				case j, ok := <-in:
					if !ok {
						break waiting
					}
					batch = append(batch, j)
				default:
					break waiting
				}
			}
			ids = ids[:0]
			for _, j := range batch {
				if j.item.Doc != nil && j.item.Err == nil && j.item.Skipped == "" {
					ids = append(ids, j.item.Doc.ID)
				}
			}
			if len(ids) > 0 {
				if stored, err := lookup.LatestHashes(ctx, ids); err == nil {
					for i := range batch {
						if d := batch[i].item.Doc; d != nil {
							batch[i].stored, batch[i].looked = stored[d.ID], true
						}
					}
				}
			}
			for _, j := range batch {
				select {
				case out <- j:
				case <-ctx.Done():
					return
				}
			}
		}
	})
	return out
}

// seenBefore reports whether the store has the job's document as it is: from what the seen
// stage looked up, or else by asking the store.
func seenBefore(ctx context.Context, store crosscheck.Store, j job) bool {
	doc := j.item.Doc
	if j.looked {
		return j.stored != "" && j.stored == doc.Hash()
	}
	seen, err := store.Seen(ctx, doc.ID, doc.Hash())
	return err == nil && seen
}
