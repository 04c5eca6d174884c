package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/reconcile"
)

// ReportVersion changes when reconciliation does, so that stored reports are made again.
const ReportVersion = "reconcile-3"

// StoryReport returns the report of the story id names (a story id or one of its articles'),
// from the store when its articles and their near-duplicates have not changed since it was
// made, else made now and stored; and the story's articles.
func StoryReport(ctx context.Context, store crosscheck.Store, id string) (*crosscheck.Report, []*crosscheck.Article, error) {
	st, err := store.Story(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	var articles []*crosscheck.Article
	h := sha256.New()
	h.Write([]byte(ReportVersion))
	for _, aid := range st.Articles {
		a, err := store.Article(ctx, aid)
		if err != nil {
			return nil, nil, err
		}
		articles = append(articles, a)
		h.Write([]byte(a.ID + "\x00" + a.Hash + "\x00"))
	}
	dups, err := store.Duplicates(ctx, st.Articles)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range dups {
		fmt.Fprintf(h, "%s~%s\x00", d.Article, d.Of)
	}
	key := hex.EncodeToString(h.Sum(nil))
	if b, err := store.Report(ctx, st.ID, key); err != nil {
		return nil, nil, err
	} else if b != nil {
		var r crosscheck.Report
		if json.Unmarshal(b, &r) == nil {
			return &r, articles, nil
		}
	}
	r := reconcile.Reconcile(*st, articles, dups)
	b, err := json.Marshal(r)
	if err != nil {
		return nil, nil, err
	}
	return r, articles, store.SaveReport(ctx, st.ID, key, b)
}
