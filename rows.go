package crosscheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"time"
)

// What the SQL stores share in reading rows back, so that both give the same results.

// Rows is a store's query result, row after row.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// Pages streams a store's rows a page at a time: fetch returns the page after a cursor and the
// cursor after it; a page shorter than size is the last. No read stays open between pages, so
// a listing of the whole store holds one page in memory.
func Pages[C, T any](start C, size int, fetch func(after C) ([]T, C, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		after := start
		for {
			page, next, err := fetch(after)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, a := range page {
				if !yield(a, nil) {
					return
				}
			}
			if len(page) < size {
				return
			}
			after = next
		}
	}
}

// GatherStories reads rows of a story's id, order, title, first and last dates and one of its
// articles' ids, ordered by story and then article, and yields each story whole.
func GatherStories(rows Rows, yield func(*Story, error) bool) {
	var cur *Story
	for rows.Next() {
		var st Story
		var article string
		if err := rows.Scan(&st.ID, &st.Order, &st.Title, &st.First, &st.Last, &article); err != nil {
			yield(nil, err)
			return
		}
		if cur != nil && cur.ID != st.ID {
			if !yield(cur, nil) {
				return
			}
			cur = nil
		}
		if cur == nil {
			cur = &st
		}
		cur.Articles = append(cur.Articles, article)
	}
	if err := rows.Err(); err != nil {
		yield(nil, err)
		return
	}
	if cur != nil {
		yield(cur, nil)
	}
}

// StreamDocuments streams the documents of the given articles in the order given, an id not
// found yielded with ErrNotFound and the stream going on; or, when ids is empty, of every
// article, size at a time: page returns the ids after a cursor id. document reads one.
func StreamDocuments(ids []string, size int, page func(after string) ([]string, error), document func(id string) (*Document, error)) iter.Seq2[*Document, error] {
	if len(ids) == 0 {
		return Pages("", size, func(after string) ([]*Document, string, error) {
			ids, err := page(after)
			if err != nil {
				return nil, after, err
			}
			docs := make([]*Document, 0, len(ids))
			for _, id := range ids {
				d, err := document(id)
				if err != nil {
					return nil, after, err
				}
				docs, after = append(docs, d), id
			}
			return docs, after, nil
		})
	}
	return func(yield func(*Document, error) bool) {
		for _, id := range ids {
			d, err := document(id)
			if !yield(d, err) || err != nil && !errors.Is(err, ErrNotFound) {
				return
			}
		}
	}
}

// ReadDocumentColumns fills a stored document's format, fetch time and metadata from the
// columns they are stored in.
func ReadDocumentColumns(d *Document, format, fetched, meta string) error {
	d.Format = Format(format)
	d.Fetched, _ = time.Parse(time.RFC3339Nano, fetched)
	if err := json.Unmarshal([]byte(meta), &d.Meta); err != nil {
		return fmt.Errorf("document %s: damaged metadata: %w", d.ID, err)
	}
	return nil
}

// ReadPairs reads rows of two text columns, a key and its value, into a map: the latest hash of
// each article a store is asked about, in both stores.
func ReadPairs(rows Rows, size int) (map[string]string, error) {
	out := make(map[string]string, size)
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}
