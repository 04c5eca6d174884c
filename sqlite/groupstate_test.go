package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/sqlite"
)

// A store whose stories were grouped before the state was kept as rows asks for a regroup.
func TestStoriesWithoutRowsAskForRegroup(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	s.Put(ctx, []crosscheck.Entry{entry("a", "one")})
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Links: []crosscheck.StoryLink{{Article: "a", Story: "story-a"}}}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `DELETE FROM group_meta`); err != nil { // as migration 013 leaves an older store
		t.Fatal(err)
	}
	if _, err := s.GroupMeta(ctx); !errors.Is(err, crosscheck.ErrRegroup) {
		t.Fatalf("%v, want ErrRegroup", err)
	}
}

// A store grouped with a row per posting (state format 1) keeps its state: migration 015 turns
// each feature's postings into its list, in their order, and the state is of format 2.
func TestPostingRowsBecomeLists(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Changes: crosscheck.GroupChanges{Meta: crosscheck.GroupMeta{Format: 1, Stories: 259}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{ // as migration 013 left a store
		`DROP TABLE group_lists`,
		`CREATE TABLE group_postings (feature INTEGER NOT NULL, story INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (feature, story)) WITHOUT ROWID`,
		`INSERT INTO group_postings VALUES (0, 1, 2), (0, 258, 0), (1, 0, 1)`,
		`DELETE FROM schema_migrations WHERE version = 15`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.PostingsBecameLists(t, ctx, s)
}

// A save of more rows than one statement writes writes them all, in order: a word's later
// row wins, lists emptied and band entries left go, whatever their place in the batch, and
// the signatures retired with them.
func TestManyGroupRowsSaveAndLeave(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	const n = 150
	var first crosscheck.GroupChanges
	var words []string
	var features []int32
	var keys, sigs []int64
	for i := range n {
		w := fmt.Sprintf("w:%03d", i)
		words, features, keys = append(words, w), append(features, int32(i)), append(keys, int64(i%7))
		first.Words = append(first.Words, crosscheck.GroupWord{Word: w, ID: int32(i), DF: 1})
		first.Lists = append(first.Lists, crosscheck.GroupList{Feature: int32(i), Stories: []byte{0, 0, 0, byte(i)}})
		first.Bands = append(first.Bands, crosscheck.GroupBand{Key: int64(i % 7), Signature: int64(i)})
		first.Signatures = append(first.Signatures, crosscheck.GroupSignature{ID: int64(i), Article: w, Signature: []byte{1}})
		sigs = append(sigs, int64(i))
	}
	first.Words = append(first.Words, crosscheck.GroupWord{Word: "w:000", ID: 0, DF: 9}) // the later row wins
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Changes: first}); err != nil {
		t.Fatal(err)
	}
	next := crosscheck.GroupChanges{Meta: crosscheck.GroupMeta{Version: 1}, Retired: 100}
	for i := range n {
		next.Words = append(next.Words, crosscheck.GroupWord{Word: words[i], ID: int32(i), DF: int32(i + 2)})
		if i%2 == 0 {
			next.Lists = append(next.Lists, crosscheck.GroupList{Feature: int32(i)}) // emptied
		}
		if i < 100 {
			next.Left = append(next.Left, crosscheck.GroupBand{Key: int64(i % 7), Signature: int64(i)})
		}
	}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Version: 1, Changes: next}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GroupWords(ctx, words)
	if err != nil || len(got) != n {
		t.Fatalf("%d words read back, want %d (%v)", len(got), n, err)
	}
	for _, w := range got {
		if w.DF != w.ID+2 {
			t.Errorf("word %s has df %d, want %d", w.Word, w.DF, w.ID+2)
		}
	}
	lists, err := s.GroupLists(ctx, features)
	if err != nil || len(lists) != n/2 {
		t.Fatalf("%d lists read back, want %d (%v)", len(lists), n/2, err)
	}
	for _, l := range lists {
		if l.Feature%2 == 0 || l.Stories[3] != byte(l.Feature) {
			t.Errorf("list %d read back as %v", l.Feature, l.Stories)
		}
	}
	bands, err := s.GroupBands(ctx, sortedUnique(keys))
	if err != nil || len(bands) != n-100 {
		t.Fatalf("%d band entries read back, want %d (%v)", len(bands), n-100, err)
	}
	for _, b := range bands {
		if b.Signature < 100 || b.Key != b.Signature%7 {
			t.Errorf("band entry %+v read back", b)
		}
	}
	if got, err := s.GroupSignatures(ctx, sigs); err != nil || len(got) != n-100 {
		t.Fatalf("%d signatures read back, want %d (%v)", len(got), n-100, err)
	}
}

// Migration 016 deletes the signatures an older store kept from before every band entry.
func TestOldSignaturesGo(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	ch := crosscheck.GroupChanges{Bands: []crosscheck.GroupBand{{Key: 3, Signature: 5}, {Key: -1, Signature: 7}}}
	for i := range 8 {
		ch.Signatures = append(ch.Signatures, crosscheck.GroupSignature{ID: int64(i), Article: fmt.Sprint(i), Signature: []byte{1}})
	}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Changes: ch}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = 16`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.GroupSignatures(ctx, []int64{0, 1, 2, 3, 4, 5, 6, 7})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, g := range got {
		ids = append(ids, g.ID)
	}
	slices.Sort(ids)
	if fmt.Sprint(ids) != "[5 6 7]" {
		t.Errorf("signatures after the migration: %v, want [5 6 7]", ids)
	}
}

func sortedUnique(xs []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
