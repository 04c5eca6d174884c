// Package storetest is the contract every crosscheck store keeps, as one suite of tests run
// against each backend (SQLite, PostgreSQL): each subtest is named for the behaviour it checks.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck"
)

// PostgresEnv names the environment variable that gives the PostgreSQL server the tests use,
// as a DSN (postgres://user@127.0.0.1:5432/postgres); without it the PostgreSQL tests skip.
const PostgresEnv = "CROSSCHECK_TEST_POSTGRES"

// SkipWithoutPostgres skips a test when PostgresEnv names no server, and says how to run it.
func SkipWithoutPostgres(tb testing.TB) {
	tb.Helper()
	if os.Getenv(PostgresEnv) == "" {
		tb.Skip("no PostgreSQL server: set " + PostgresEnv + " to a DSN (.ci/run starts one) to run the PostgreSQL store's tests")
	}
}

// PostgresDSN returns the DSN of a fresh, empty schema on the test server, dropped when the
// test ends; it skips the test when PostgresEnv is not set.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	SkipWithoutPostgres(tb)
	base := os.Getenv(PostgresEnv)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), base)
		if err == nil {
			conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			conn.Close(context.Background())
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

// Open opens a new, empty store for one test; the suite closes it.
type Open func(t *testing.T) crosscheck.Backend

// Run runs the contract against the stores open makes.
func Run(t *testing.T, open Open) {
	for _, c := range contract {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			c.test(t, context.Background(), s)
		})
	}
}

var contract = []struct {
	name string
	test func(*testing.T, context.Context, crosscheck.Backend)
}{
	{"AtomicBatch", atomicBatch},
	{"UnchangedRevision", unchangedRevision},
	{"NextRevision", nextRevision},
	{"OneArticleTwiceInABatch", twiceInABatch},
	{"FailuresRecorded", failuresRecorded},
	{"ArticlesStreamInIDOrderAcrossPages", articlesAcrossPages},
	{"BoilerplateRelearn", boilerplateRelearn},
	{"StoryLinks", storyLinks},
	{"EmptiedStoryDropped", emptiedStoryDropped},
	{"ErrConflictOnStaleVersion", errConflictOnStaleVersion},
	{"GroupRowsRoundTrip", groupRowsRoundTrip},
	{"ReportsByKey", reportsByKey},
	{"SearchHits", searchHits},
	{"SearchFollowsReclean", searchFollowsReclean},
	{"StoryListFilters", storyListFilters},
	{"OutletsMostFirst", outletsMostFirst},
	{"FetchState", fetchState},
	{"FetchStateWithItsArticle", fetchStateWithItsArticle},
	{"FeedsAndItems", feedsAndItems},
	{"RemoveFeed", removeFeed},
	{"GenerationChanges", generationChanges},
	{"ShownGenerationStaysWhileOnlyNewArticlesArrive", shownGenerationChanges},
	{"SearchAnswersFromTheIndexedRevisions", searchAnswersFromIndexed},
	{"CheckPasses", checkPasses},
}

// Entry is a stored text article id, from source, with the given text.
func Entry(id, source, text string) crosscheck.Entry {
	doc := &crosscheck.Document{ID: id, Input: id + ".txt", Format: crosscheck.FormatText, Raw: []byte(text), Fetched: time.Unix(0, 0)}
	a := &crosscheck.Article{ID: id, Title: "T " + id, Text: text, Hash: doc.Hash(), Format: doc.Format, Input: doc.Input,
		Fetched: doc.Fetched, Source: source, Published: "2024-05-01", Credits: []string{"Wire"},
		Offsets: crosscheck.OffsetMap{{Clean: 0, Source: 0, Len: len(text), SourceLen: len(text)}},
		Removed: []crosscheck.Removal{{Text: "Share", Rule: "furniture"}}, Tokens: []crosscheck.Span{{0, 1}, {2, 5}}}
	return crosscheck.Entry{Doc: doc, Article: a, Input: doc.Input}
}

func put(t *testing.T, ctx context.Context, s crosscheck.Store, entries ...crosscheck.Entry) []crosscheck.PutResult {
	t.Helper()
	res, err := s.Put(ctx, entries)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// All reads a stream to its end.
func All[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// cancelling is an input's error whose message, asked for while the batch is being stored,
// cancels the batch's context: the store must then keep none of the batch.
type cancelling struct{ cancel context.CancelFunc }

func (c cancelling) Error() string { c.cancel(); return "cancelled mid-batch" }

func atomicBatch(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	put(t, ctx, s, Entry("kept", "Wire", "stored before"))
	batchCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, err := s.Put(batchCtx, []crosscheck.Entry{Entry("a", "Wire", "one"), {Input: "bad", Err: cancelling{cancel}}, Entry("b", "Wire", "two")})
	if err == nil {
		t.Fatal("a batch cut short reported no error")
	}
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("after a batch cut short: %d articles (%v), want the 1 stored before", n, err)
	}
	if f, err := All(s.Failures(ctx)); err != nil || len(f) != 0 {
		t.Errorf("after a batch cut short: failures %+v (%v), want none", f, err)
	}
}

func unchangedRevision(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	put(t, ctx, s, Entry("a", "Wire", "one"))
	res := put(t, ctx, s, Entry("a", "Wire", "one"))
	if want := (crosscheck.PutResult{Status: crosscheck.StatusUnchanged, Revision: 1}); res[0] != want {
		t.Errorf("the same bytes again: %+v, want %+v", res[0], want)
	}
	if seen, err := s.Seen(ctx, "a", Entry("a", "Wire", "one").Article.Hash); !seen || err != nil {
		t.Errorf("Seen = %v, %v", seen, err)
	}
	if seen, _ := s.Seen(ctx, "a", "other"); seen {
		t.Error("Seen with another hash = true")
	}
	if l, ok := s.(interface {
		LatestHashes(context.Context, []string) (map[string]string, error)
	}); ok {
		hashes, err := l.LatestHashes(ctx, []string{"a", "absent"})
		if want := Entry("a", "Wire", "one").Article.Hash; err != nil || len(hashes) != 1 || hashes["a"] != want {
			t.Errorf("LatestHashes(a, absent) = %v, %v; want only a's hash %s", hashes, err, want)
		}
	}
}

func nextRevision(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	put(t, ctx, s, Entry("a", "Wire", "one"))
	res := put(t, ctx, s, Entry("a", "Wire", "one, edited"))
	if want := (crosscheck.PutResult{Status: crosscheck.StatusAdded, Revision: 2}); res[0] != want {
		t.Fatalf("a changed version: %+v, want %+v", res[0], want)
	}
	a, err := s.Article(ctx, "a")
	if err != nil || a.Text != "one, edited" || a.Revision != 2 || a.Credits[0] != "Wire" || a.Removed[0].Rule != "furniture" ||
		len(a.Offsets) != 1 || fmt.Sprint(a.Tokens) != "[[0 1] [2 5]]" || !a.Fetched.Equal(time.Unix(0, 0)) {
		t.Fatalf("latest revision: %+v, %v", a, err)
	}
	if raw, err := s.Raw(ctx, "a"); err != nil || string(raw) != "one, edited" {
		t.Errorf("raw: %q, %v", raw, err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
	if _, err := s.Article(ctx, "missing"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("a missing article: %v, want ErrNotFound", err)
	}
	if _, err := s.Raw(ctx, "missing"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("a missing article's raw bytes: %v, want ErrNotFound", err)
	}
	docs, err := All(s.Documents(ctx, []string{"a", "missing"}))
	if !errors.Is(err, crosscheck.ErrNotFound) || len(docs) != 1 || string(docs[0].Raw) != "one, edited" {
		t.Errorf("documents: %v, %v", docs, err)
	}
}

// An article given twice in one batch is stored as it is given the second time: each entry
// reads what the one before it stored.
func twiceInABatch(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	res := put(t, ctx, s, Entry("a", "Wire", "one"), Entry("b", "Herald", "two"), Entry("a", "Wire", "one, edited"),
		Entry("a", "Wire", "one, edited"), Entry("c", "", "three"))
	want := []crosscheck.PutResult{{Status: crosscheck.StatusAdded, Revision: 1}, {Status: crosscheck.StatusAdded, Revision: 1},
		{Status: crosscheck.StatusAdded, Revision: 2}, {Status: crosscheck.StatusUnchanged, Revision: 2}, {Status: crosscheck.StatusAdded, Revision: 1}}
	if fmt.Sprint(res) != fmt.Sprint(want) {
		t.Errorf("results %v, want %v", res, want)
	}
	if a, err := s.Article(ctx, "a"); err != nil || a.Text != "one, edited" || a.Revision != 2 {
		t.Errorf("latest revision: %+v, %v", a, err)
	}
	if n, _ := s.Count(ctx); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
}

func failuresRecorded(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	res := put(t, ctx, s, crosscheck.Entry{Input: "bad.bin", Err: errors.New("binary data, not text")}, Entry("a", "Wire", "one"),
		crosscheck.Entry{Input: "empty.txt"})
	if res[0].Status != crosscheck.StatusError || res[1].Status != crosscheck.StatusAdded || res[2].Status != crosscheck.StatusError {
		t.Fatalf("results %+v", res)
	}
	f, err := All(s.Failures(ctx))
	if err != nil || len(f) != 2 || f[0].Input != "bad.bin" || !strings.Contains(f[0].Error, "binary") || f[1].Error != "no article" || f[0].At == "" {
		t.Errorf("failures: %+v, %v", f, err)
	}
}

func articlesAcrossPages(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	const n = 1203 // more than two pages of either store
	var batch []crosscheck.Entry
	for i := n - 1; i >= 0; i-- {
		batch = append(batch, Entry(fmt.Sprintf("a%05d", i), "Wire", fmt.Sprint("text ", i)))
	}
	put(t, ctx, s, batch...)
	for name, ids := range map[string]func() ([]string, error){
		"Articles": func() ([]string, error) { return ids(All(s.Articles(ctx))) },
		"Documents": func() ([]string, error) {
			d, err := All(s.Documents(ctx, nil))
			out := make([]string, len(d))
			for i, x := range d {
				out[i] = x.ID
			}
			return out, err
		},
	} {
		got, err := ids()
		if err != nil || len(got) != n || got[0] != "a00000" || got[n-1] != fmt.Sprintf("a%05d", n-1) {
			t.Fatalf("%s: %d ids, %v", name, len(got), err)
		}
		for i := 1; i < n; i++ {
			if got[i-1] >= got[i] {
				t.Fatalf("%s out of order at %d: %s, %s", name, i, got[i-1], got[i])
			}
		}
	}
	// Ungrouped keeps the order the articles were stored in
	un, err := ids(All(s.Ungrouped(ctx)))
	if err != nil || len(un) != n || un[0] != fmt.Sprintf("a%05d", n-1) || un[n-1] != "a00000" {
		t.Fatalf("ungrouped: %d, first %v, %v", len(un), un[:min(1, len(un))], err)
	}
}

func ids(as []*crosscheck.Article, err error) ([]string, error) {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out, err
}

func boilerplateRelearn(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	round := func(text string, lines ...string) {
		var batch []crosscheck.Entry
		for i := range crosscheck.MinRepeats {
			e := Entry(fmt.Sprintf("s%d", i), "Site", fmt.Sprintf("%s %d", text, i))
			e.Article.Lines = lines
			batch = append(batch, e)
		}
		put(t, ctx, s, batch...)
	}
	round("first", "promo line", "other", "promo line")
	set, changed, err := s.Relearn(ctx, "Site")
	if err != nil || !changed || len(set) != 2 || !set[crosscheck.LineHash("promo line")] {
		t.Fatalf("after the first revisions: %v %v %v", set, changed, err)
	}
	if _, changed, _ := s.Relearn(ctx, "Site"); changed {
		t.Error("relearning with nothing new changed the set")
	}
	docs, err := All(s.SourceDocuments(ctx, "Site", map[int64]bool{crosscheck.LineHash("promo line"): true}))
	if err != nil || len(docs) != crosscheck.MinRepeats || docs[0].ID != "s0" {
		t.Errorf("source documents with the promo: %d, %v", len(docs), err)
	}
	round("second", "other") // every article's new revision drops the promo
	set, changed, err = s.Relearn(ctx, "Site")
	if err != nil || !changed || len(set) != 1 || set[crosscheck.LineHash("promo line")] {
		t.Fatalf("after the second revisions: %v %v %v", set, changed, err)
	}
	if b, _ := s.Boilerplate(ctx, "Site"); len(b) != 1 || !b[crosscheck.LineHash("other")] {
		t.Errorf("stored boilerplate %v", b)
	}
	if b, _ := s.Boilerplate(ctx, "Elsewhere"); len(b) != 0 {
		t.Errorf("boilerplate of a source never seen: %v", b)
	}
}

// grouped stores articles a, b, c and puts a and b in one story, c in another.
func grouped(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	put(t, ctx, s, Entry("a", "Wire", "harbour ferry sank"), Entry("b", "Herald", "ferry capsized"), Entry("c", "Wire", "election results"))
	stories := []crosscheck.Story{{ID: "story-a", Order: 0, Title: "Ferry", First: "2024-05-01", Last: "2024-05-02"},
		{ID: "story-c", Order: 1, Title: "Vote", First: "2024-06-01", Last: "2024-06-01"}}
	links := []crosscheck.StoryLink{{Article: "a", Story: "story-a", Rule: "new"}, {Article: "b", Story: "story-a", Score: 0.75, Rule: "similar"},
		{Article: "c", Story: "story-c", Rule: "new"}}
	dups := []crosscheck.DuplicateLink{{Article: "b", Of: "a", Similarity: 0.875}}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Stories: stories, Links: links, Dups: dups}); err != nil {
		t.Fatal(err)
	}
}

func storyLinks(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	grouped(t, ctx, s)
	all, err := All(s.Stories(ctx))
	var got []string
	for _, st := range all {
		got = append(got, st.ID+":"+strings.Join(st.Articles, ","))
	}
	if err != nil || fmt.Sprint(got) != "[story-a:a,b story-c:c]" {
		t.Fatalf("stories %v, %v", got, err)
	}
	st, err := s.Story(ctx, "b") // by an article's id
	if err != nil || st.ID != "story-a" || st.Title != "Ferry" || st.Last != "2024-05-02" || len(st.Hashes) != 2 || st.Hashes[1] != Entry("b", "Herald", "ferry capsized").Article.Hash {
		t.Fatalf("story of b: %+v, %v", st, err)
	}
	if st, err := s.Story(ctx, "story-c"); err != nil || st.Order != 1 || fmt.Sprint(st.Articles) != "[c]" {
		t.Errorf("story-c: %+v, %v", st, err)
	}
	if _, err := s.Story(ctx, "story-x"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("a missing story: %v, want ErrNotFound", err)
	}
	l, err := s.StoryLinks(ctx, []string{"c", "zzz", "b"})
	if err != nil || fmt.Sprint(l) != "[{c story-c 0 new} {b story-a 0.75 similar}]" {
		t.Errorf("links in the order asked: %v, %v", l, err)
	}
	d, err := s.Duplicates(ctx, []string{"a", "b"})
	if err != nil || fmt.Sprint(d) != "[{b a 0.875}]" {
		t.Errorf("duplicates: %v, %v", d, err)
	}
	put(t, ctx, s, Entry("d", "Wire", "later"))
	if un, err := ids(All(s.Ungrouped(ctx))); err != nil || fmt.Sprint(un) != "[d]" {
		t.Errorf("ungrouped %v, %v", un, err)
	}
}

func emptiedStoryDropped(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	grouped(t, ctx, s)
	// story-c merges into story-a, then d joins it: story-c is empty and goes
	put(t, ctx, s, Entry("d", "Wire", "ferry raised"))
	stories := []crosscheck.Story{{ID: "story-a", Order: 0, Title: "Ferry"}, {ID: "story-c", Order: 1, Title: "Vote"}}
	save := crosscheck.GroupSave{Version: 1, Stories: stories, Moves: []crosscheck.StoryMove{{From: "story-c", To: "story-a"}},
		Links: []crosscheck.StoryLink{{Article: "d", Story: "story-a", Rule: "joined"}}}
	if err := s.SaveGroups(ctx, save); err != nil {
		t.Fatal(err)
	}
	all, err := All(s.Stories(ctx))
	if err != nil || len(all) != 1 || fmt.Sprint(all[0].Articles) != "[a b c d]" {
		t.Errorf("stories %+v, %v", all, err)
	}
	l, err := s.StoryLinks(ctx, []string{"c", "d"})
	if err != nil || len(l) != 2 || !strings.HasPrefix(l[0].Rule, "moved") || l[1].Rule != "joined" {
		t.Errorf("links %+v, %v", l, err)
	}
	// one article moved out of its story
	save = crosscheck.GroupSave{Version: 2, Stories: stories, Moves: []crosscheck.StoryMove{{Article: "c", From: "story-a", To: "story-c"}}}
	if err := s.SaveGroups(ctx, save); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Story(ctx, "c"); err != nil || st.ID != "story-c" || fmt.Sprint(st.Articles) != "[c]" {
		t.Errorf("the story of c after its move: %+v, %v", st, err)
	}
}

func errConflictOnStaleVersion(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	if m, err := s.GroupMeta(ctx); m != (crosscheck.GroupMeta{}) || err != nil {
		t.Fatalf("a new store's state: %+v %v", m, err)
	}
	grouped(t, ctx, s)
	stale := crosscheck.GroupSave{Changes: crosscheck.GroupChanges{Meta: crosscheck.GroupMeta{Format: 1, Words: 1},
		Words: []crosscheck.GroupWord{{Word: "w:stale", ID: 0, DF: 1}}}, Links: []crosscheck.StoryLink{{Article: "c", Story: "story-a"}}}
	if err := s.SaveGroups(ctx, stale); !errors.Is(err, crosscheck.ErrConflict) {
		t.Errorf("saving over a version another writer replaced: %v, want ErrConflict", err)
	}
	if m, _ := s.GroupMeta(ctx); m.Version != 1 || m.Words != 0 {
		t.Errorf("state %+v, want the first writer's at version 1", m)
	}
	if w, _ := s.GroupWords(ctx, []string{"w:stale"}); len(w) != 0 {
		t.Errorf("a refused save wrote %+v", w)
	}
	if st, _ := s.Story(ctx, "c"); st == nil || st.ID != "story-c" {
		t.Errorf("a refused save moved c: %+v", st)
	}
}

// groupRowsRoundTrip: the grouping state's rows read back as saved, changed rows replace
// theirs, and a reset forgets them with the stories, at a higher version.
func groupRowsRoundTrip(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	put(t, ctx, s, Entry("a", "Wire", "harbour ferry sank"), Entry("b", "Herald", "ferry capsized"))
	day := time.Date(2024, 3, 1, 9, 30, 15, 123456789, time.FixedZone("", 3600))
	ch := crosscheck.GroupChanges{
		Meta:  crosscheck.GroupMeta{Format: 1, Documents: 2, Words: 3, Stories: 2, Signatures: 2, Postings: 3},
		Words: []crosscheck.GroupWord{{Word: "w:ferri", ID: 0, DF: 2}, {Word: "e:harbour", ID: 1, DF: 1}, {Word: "n:12", ID: 2, DF: 1}},
		Lists: []crosscheck.GroupList{{Feature: 1, Stories: []byte{0, 0, 0, 0}}, {Feature: 0, Stories: []byte{0, 0, 0, 0, 0, 0, 0, 1}}},
		Stories: []crosscheck.GroupStory{{ID: 0, Key: "a", First: day, Last: day.Add(time.Hour), Summed: 2, Size: 2, Members: 2, Sum: []byte{1, 2}, Indexed: []byte{3}},
			{ID: 1, Key: "b", Summed: 1, Size: 1, Members: 0, Sum: []byte{}, Indexed: []byte{}}},
		Members: []crosscheck.GroupMember{{Story: 0, Index: 1, Article: "b", Vector: []byte{6}, Day: 7, Days: 1<<7 | 1<<2},
			{Story: 0, Index: 0, Article: "a", Published: day, Vector: []byte{4, 5}}},
		Bands:      []crosscheck.GroupBand{{Key: 9, Signature: 1}, {Key: -5, Signature: 1}, {Key: -5, Signature: 0}},
		Signatures: []crosscheck.GroupSignature{{ID: 0, Article: "a", Signature: []byte{5}}, {ID: 1, Article: "b", Signature: []byte{6, 7}}},
	}
	links := []crosscheck.StoryLink{{Article: "a", Story: "story-a", Rule: "new"}, {Article: "b", Story: "story-a", Rule: "joined"}}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Changes: ch, Stories: []crosscheck.Story{{ID: "story-a", Title: "Ferry"}}, Links: links}); err != nil {
		t.Fatal(err)
	}
	m, err := s.GroupMeta(ctx)
	want := ch.Meta
	want.Version = 1
	if err != nil || m != want {
		t.Fatalf("meta %+v %v, want %+v", m, err, want)
	}
	rows := func() string {
		words, err1 := s.GroupWords(ctx, []string{"n:12", "w:none", "w:ferri"})
		posts, err2 := s.GroupLists(ctx, []int32{1, 0, 5})
		stories, err3 := s.GroupStories(ctx, []int{1, 7, 0})
		members, err4 := s.GroupMembers(ctx, 0)
		bands, err5 := s.GroupBands(ctx, []int64{9, -5, 4})
		sigs, err6 := s.GroupSignatures(ctx, []int64{1, 0, 3})
		if err := errors.Join(err1, err2, err3, err4, err5, err6); err != nil {
			t.Fatal(err)
		}
		sort.Slice(words, func(i, j int) bool { return words[i].ID < words[j].ID })
		sort.Slice(stories, func(i, j int) bool { return stories[i].ID < stories[j].ID })
		sort.Slice(sigs, func(i, j int) bool { return sigs[i].ID < sigs[j].ID })
		var b strings.Builder
		fmt.Fprintln(&b, words)
		fmt.Fprintln(&b, posts)
		for _, st := range stories {
			fmt.Fprintln(&b, st.ID, st.Key, st.First.Format(time.RFC3339Nano), st.First.IsZero(), st.Last.Format(time.RFC3339Nano), st.Summed, st.Size, st.Members, st.Sum, st.Indexed)
		}
		for _, x := range members {
			fmt.Fprintln(&b, x.Story, x.Index, x.Article, x.Published.Format(time.RFC3339Nano), x.Published.IsZero(), x.Vector, x.Day, x.Days)
		}
		fmt.Fprintln(&b, bands)
		fmt.Fprint(&b, sigs)
		return b.String()
	}
	const saved = `[{w:ferri 0 2} {n:12 2 1}]
[{0 [0 0 0 0 0 0 0 1]} {1 [0 0 0 0]}]
0 a 2024-03-01T09:30:15.123456789+01:00 false 2024-03-01T10:30:15.123456789+01:00 2 2 2 [1 2] [3]
1 b 0001-01-01T00:00:00Z true 0001-01-01T00:00:00Z 1 1 0 [] []
0 0 a 2024-03-01T09:30:15.123456789+01:00 false [4 5] 0 0
0 1 b 0001-01-01T00:00:00Z true [6] 7 132
[{-5 0} {-5 1} {9 1}]
[{0 a [5]} {1 b [6 7]}]`
	if got := rows(); got != saved {
		t.Fatalf("rows read back:\n%s\nwant\n%s", got, saved)
	}
	// a new document frequency, a posting list emptied and one changed, story 0's members
	// rebuilt, a signature's band entry gone with it out of the window
	next := crosscheck.GroupChanges{Meta: m, Retired: 1,
		Left:    []crosscheck.GroupBand{{Key: -5, Signature: 0}},
		Words:   []crosscheck.GroupWord{{Word: "w:ferri", ID: 0, DF: 3}},
		Lists:   []crosscheck.GroupList{{Feature: 1}, {Feature: 0, Stories: []byte{0, 0, 0, 1, 0, 0, 0, 0}}},
		Stories: []crosscheck.GroupStory{{ID: 0, Key: "a", Summed: 3, Size: 3, Members: 1, Sum: []byte{8}, Indexed: []byte{0}}},
		Rebuilt: []int{0},
		Members: []crosscheck.GroupMember{{Story: 0, Index: 0, Article: "b", Vector: []byte{9}, Day: 2, Days: 1 << 2}},
	}
	next.Meta.Postings = 4
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Version: 1, Changes: next}); err != nil {
		t.Fatal(err)
	}
	const changed = `[{w:ferri 0 3} {n:12 2 1}]
[{0 [0 0 0 1 0 0 0 0]}]
0 a 0001-01-01T00:00:00Z true 0001-01-01T00:00:00Z 3 3 1 [8] [0]
1 b 0001-01-01T00:00:00Z true 0001-01-01T00:00:00Z 1 1 0 [] []
0 0 b 0001-01-01T00:00:00Z true [9] 2 4
[{-5 1} {9 1}]
[{1 b [6 7]}]`
	if got := rows(); got != changed {
		t.Fatalf("rows after a change:\n%s\nwant\n%s", got, changed)
	}
	if m, _ := s.GroupMeta(ctx); m.Version != 2 || m.Postings != 4 {
		t.Fatalf("meta after a change: %+v", m)
	}
	if err := s.ResetGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if m, err := s.GroupMeta(ctx); err != nil || m != (crosscheck.GroupMeta{Version: 3}) {
		t.Fatalf("after a reset: %+v %v", m, err)
	}
	const empty = "[]\n[]\n[]\n[]"
	if got := rows(); got != empty {
		t.Fatalf("rows after a reset:\n%s", got)
	}
	if all, err := All(s.Stories(ctx)); err != nil || len(all) != 0 {
		t.Fatalf("stories after a reset: %+v %v", all, err)
	}
	if un, err := ids(All(s.Ungrouped(ctx))); err != nil || fmt.Sprint(un) != "[a b]" {
		t.Errorf("ungrouped after a reset: %v, %v", un, err)
	}
	// a writer that read the state before the reset cannot save over it
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Version: 2, Links: links}); !errors.Is(err, crosscheck.ErrConflict) {
		t.Errorf("saving over a reset: %v, want ErrConflict", err)
	}
}

func reportsByKey(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	grouped(t, ctx, s)
	if r, err := s.Report(ctx, "story-a", "k1"); r != nil || err != nil {
		t.Fatalf("before any report: %q, %v", r, err)
	}
	if err := s.SaveReport(ctx, "story-a", "k1", []byte(`{"r":1}`), []byte(`{"n":1}`)); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Report(ctx, "story-a", "k1"); string(r) != `{"r":1}` || err != nil {
		t.Errorf("report under its key: %q, %v", r, err)
	}
	if n, err := s.ReportNumbers(ctx, "story-a", "k1"); string(n) != `{"n":1}` || err != nil {
		t.Errorf("numbers under its key: %q, %v", n, err)
	}
	if r, _ := s.Report(ctx, "story-a", "k2"); r != nil {
		t.Errorf("report under another key: %q", r)
	}
	if err := s.SaveReport(ctx, "story-a", "k2", []byte(`{"r":2}`), nil); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Report(ctx, "story-a", "k1"); r != nil {
		t.Errorf("the replaced report: %q", r)
	}
	if n, err := s.ReportNumbers(ctx, "story-a", "k2"); n != nil || err != nil {
		t.Errorf("a report saved without numbers: %q, %v", n, err)
	}
	// re-cleaning an article drops its story's report
	a, _ := s.Article(ctx, "a")
	if err := s.Reclean(ctx, a); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Report(ctx, "story-a", "k2"); r != nil {
		t.Errorf("the report of a story whose article was cleaned again: %q", r)
	}
}

func searchHits(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	grouped(t, ctx, s)
	put(t, ctx, s, Entry("e", "Gazette", "Le café près du port a fermé."))
	if err := s.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, want string }{
		{"ferry", "[a b]"},
		{"FERR", "[a b]"},        // a word's beginning, case aside
		{"harbour ferry", "[a]"}, // every word
		{"cafe", "[e]"},          // diacritics aside
		{"du", "[e]"},            // a short word as a whole word
		{"d", "[]"},              // and not as a prefix
		{`"ferry"* -(`, "[a b]"}, // operators taken literally
		{"", "[]"},
	} {
		hits, total, err := s.Search(ctx, c.q, 10, 0)
		var got []string
		for _, h := range hits {
			got = append(got, h.Article)
		}
		if err != nil || total != len(hits) || fmt.Sprint(sorted(got)) != c.want {
			t.Errorf("search %q: %v (total %d), %v; want %s", c.q, got, total, err, c.want)
		}
	}
	hits, _, _ := s.Search(ctx, "sank", 10, 0)
	if len(hits) != 1 || hits[0].Story != "story-a" || hits[0].Source != "Wire" || hits[0].Title != "T a" ||
		hits[0].Date != "2024-05-01" || hits[0].Snippet != "harbour ferry \x02sank\x03" {
		t.Errorf("hit %+v", hits)
	}
	page, total, _ := s.Search(ctx, "ferry", 1, 1)
	if len(page) != 1 || total != 2 {
		t.Errorf("second page of one: %+v of %d", page, total)
	}
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func searchFollowsReclean(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	put(t, ctx, s, Entry("a", "Wire", "the ferry sank"))
	s.IndexSearch(ctx)
	a, _ := s.Article(ctx, "a")
	a.Text = "the barge sank"
	if err := s.Reclean(ctx, a); err != nil {
		t.Fatal(err)
	}
	s.IndexSearch(ctx)
	if hits, _, _ := s.Search(ctx, "ferry", 10, 0); len(hits) != 0 {
		t.Errorf("the old text still found: %+v", hits)
	}
	if hits, _, _ := s.Search(ctx, "barge", 10, 0); len(hits) != 1 {
		t.Errorf("the new text not found: %+v", hits)
	}
	if a, _ := s.Article(ctx, "a"); a.Text != "the barge sank" || a.Revision != 1 {
		t.Errorf("re-cleaned article %+v", a)
	}
	a.Hash = "another"
	if err := s.Reclean(ctx, a); err == nil {
		t.Error("re-cleaning over a revision that changed meanwhile succeeded")
	}
}

func storyListFilters(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	grouped(t, ctx, s)
	s.IndexSearch(ctx)
	for _, c := range []struct {
		q    crosscheck.StoryQuery
		want string
	}{
		{crosscheck.StoryQuery{Limit: 10}, "[story-c story-a] 2"}, // the latest first
		{crosscheck.StoryQuery{Limit: 1}, "[story-c] 2"},
		{crosscheck.StoryQuery{Limit: 10, Offset: 1}, "[story-a] 2"},
		{crosscheck.StoryQuery{Q: "capsized", Limit: 10}, "[story-a] 1"},
		{crosscheck.StoryQuery{Outlet: "Herald", Limit: 10}, "[story-a] 1"},
		{crosscheck.StoryQuery{From: "2024-05-15", Limit: 10}, "[story-c] 1"},
		{crosscheck.StoryQuery{To: "2024-05-15", Limit: 10}, "[story-a] 1"},
		{crosscheck.StoryQuery{Q: "capsized", Outlet: "Wire", Limit: 10}, "[story-a] 1"},
		{crosscheck.StoryQuery{Q: "election", Outlet: "Herald", Limit: 10}, "[] 0"},
	} {
		got, total, err := s.StoryList(ctx, c.q)
		if err != nil || fmt.Sprint(orEmpty(got), " ", total) != c.want {
			t.Errorf("%+v: %v %d, %v; want %s", c.q, got, total, err, c.want)
		}
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func outletsMostFirst(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	put(t, ctx, s, Entry("a", "Wire", "one"), Entry("b", "Herald", "two"), Entry("c", "Wire", "three"), Entry("d", "", "four"), Entry("e", "Gazette", "five"))
	o, err := s.Outlets(ctx)
	if err != nil || fmt.Sprint(o) != "[{Wire 2} {Gazette 1} {Herald 1}]" {
		t.Errorf("outlets %v, %v", o, err)
	}
}

func fetchState(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	if _, ok, err := s.FetchState(ctx, "https://example.org/a"); ok || err != nil {
		t.Fatalf("a page never fetched: %v, %v", ok, err)
	}
	want := crosscheck.FetchState{URL: "https://example.org/a", Article: "a", ETag: `"x1"`, LastModified: "Tue, 01 Dec 2026 10:00:00 GMT", Status: 200, Fetched: "2026-12-01T10:00:00Z"}
	if err := s.SaveFetchState(ctx, want); err != nil {
		t.Fatal(err)
	}
	want.ETag, want.Status = `"x2"`, 304
	if err := s.SaveFetchState(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := s.FetchState(ctx, want.URL); !ok || err != nil || got != want {
		t.Errorf("fetch state %+v %v %v, want %+v", got, ok, err, want)
	}
}

// A page's fetch is recorded with its article, in the batch's transaction: a batch cut short
// records none, an article stored or unchanged records its fetch.
func fetchStateWithItsArticle(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	page := func(id, etag string) crosscheck.Entry {
		e := Entry(id, "Wire", "the page "+id)
		e.Doc.Fetch = &crosscheck.FetchState{URL: "https://example.org/" + id, ETag: etag, Status: 200, Fetched: "2026-12-01T10:00:00Z"}
		return e
	}
	batchCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	if _, err := s.Put(batchCtx, []crosscheck.Entry{page("p", `"v1"`), {Input: "bad", Err: cancelling{cancel}}}); err == nil {
		t.Fatal("a batch cut short reported no error")
	}
	if _, ok, err := s.FetchState(ctx, "https://example.org/p"); ok || err != nil {
		t.Fatalf("a batch cut short recorded its fetch: %v, %v", ok, err)
	}
	put(t, ctx, s, page("p", `"v1"`))
	if res := put(t, ctx, s, page("p", `"v2"`)); res[0].Status != crosscheck.StatusUnchanged {
		t.Fatalf("the page again: %+v", res)
	}
	want := crosscheck.FetchState{URL: "https://example.org/p", Article: "p", ETag: `"v2"`, Status: 200, Fetched: "2026-12-01T10:00:00Z"}
	if got, ok, err := s.FetchState(ctx, want.URL); !ok || err != nil || got != want {
		t.Errorf("fetch state %+v %v %v, want %+v", got, ok, err, want)
	}
}

func feedsAndItems(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	for _, u := range []string{"https://b.example/rss", "https://a.example/rss"} {
		if added, err := s.AddFeed(ctx, u, "", false); !added || err != nil {
			t.Fatalf("add %s: %v %v", u, added, err)
		}
	}
	if added, _ := s.AddFeed(ctx, "https://b.example/rss", "again", true); added {
		t.Error("a feed followed already was added again")
	}
	fetched := crosscheck.Feed{URL: "https://b.example/rss", Title: "B", ETag: `"e"`, LastFetch: "2026-12-01T10:00:00Z", Status: "error", Error: "timeout"}
	s.FeedFetched(ctx, fetched)
	fetched.Status, fetched.Error, fetched.Title = "ok", "", ""
	s.FeedFetched(ctx, fetched)
	items := []crosscheck.FeedItem{{Feed: fetched.URL, Item: "1", Link: "https://b.example/1", Article: "b1"},
		{Feed: fetched.URL, Item: "2", Link: "https://b.example/2", Error: "404"}}
	for range crosscheck.ItemTries - 1 {
		if err := s.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
	}
	seen, err := s.SeenItems(ctx, fetched.URL, []string{"1", "2", "3"})
	if err != nil || fmt.Sprint(seen) != "map[1:true]" {
		t.Errorf("items done before the failing one's last try: %v, %v", seen, err)
	}
	s.SaveItems(ctx, items[1:])
	if seen, _ := s.SeenItems(ctx, fetched.URL, []string{"1", "2"}); len(seen) != 2 {
		t.Errorf("items done after the failing one's last try: %v", seen)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 2 || feeds[0].URL != fetched.URL || feeds[1].URL != "https://a.example/rss" {
		t.Fatalf("feeds in the order added: %+v, %v", feeds, err)
	}
	f := feeds[0]
	if f.Title != "B" || f.ETag != `"e"` || f.Status != "ok" || f.Error != "" || f.Articles != 1 || f.Items != 2 || f.Added == "" || f.AllowPrivate {
		t.Errorf("feed %+v", f)
	}
}

// A feed removed is no longer followed and its items are forgotten; the articles they became
// stay. A feed is removed by its URL or its id, and an unknown one is not found.
func removeFeed(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	for _, u := range []string{"https://example.org/rss", "https://example.com/atom"} {
		if _, err := s.AddFeed(ctx, u, "T", false); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Put(ctx, []crosscheck.Entry{Entry("a", "Wire", "one")}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveItems(ctx, []crosscheck.FeedItem{{Feed: "https://example.org/rss", Item: "g1", Article: "a"}}); err != nil {
		t.Fatal(err)
	}
	f, err := s.RemoveFeed(ctx, "https://example.org/rss")
	if err != nil || f.Articles != 1 || f.ID != crosscheck.FeedID("https://example.org/rss") {
		t.Fatalf("remove by URL: %+v, %v", f, err)
	}
	if seen, _ := s.SeenItems(ctx, "https://example.org/rss", []string{"g1"}); seen["g1"] {
		t.Error("the removed feed's items are still known")
	}
	if _, err := s.Article(ctx, "a"); err != nil {
		t.Errorf("the feed's article went with it: %v", err)
	}
	if _, err := s.RemoveFeed(ctx, crosscheck.FeedID("https://example.com/atom")); err != nil {
		t.Errorf("remove by id: %v", err)
	}
	if list, _ := s.Feeds(ctx); len(list) != 0 {
		t.Errorf("feeds left: %+v", list)
	}
	if _, err := s.RemoveFeed(ctx, "https://example.org/rss"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("removing it again: %v", err)
	}
}

func generationChanges(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	g0, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	put(t, ctx, s, Entry("x", "Wire", "one"))
	g1, _ := s.Generation(ctx)
	grouped(t, ctx, s)
	g2, _ := s.Generation(ctx)
	if g0 == g1 || g1 == g2 {
		t.Errorf("generations %q, %q, %q: each change should give a new one", g0, g1, g2)
	}
	if g3, _ := s.Generation(ctx); g3 != g2 {
		t.Errorf("generation changed with no change: %q, %q", g2, g3)
	}
}

// ShownGenerations is a store that tells, beside its generation, one that stays while only
// new articles are stored (see web.ShownGenerations).
type ShownGenerations interface {
	ShownGeneration(ctx context.Context) (string, error)
}

// The shown generation stays while only new articles are stored, and changes with every write
// that changes what a story, a search or an article's page shows; the generation changes with
// each of them, the new articles too.
func shownGenerationChanges(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	sg, ok := s.(ShownGenerations)
	if !ok {
		t.Fatalf("%T tells no shown generation: the server's caches would be emptied by every write", s)
	}
	gens := func() (string, string) {
		t.Helper()
		g, err := s.Generation(ctx)
		shown, err2 := sg.ShownGeneration(ctx)
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		return g, shown
	}
	g, shown := gens()
	for _, c := range []struct {
		write       string
		shownChange bool
		do          func() error
	}{
		{"a new article", false, func() error { _, err := s.Put(ctx, []crosscheck.Entry{Entry("x", "Wire", "one")}); return err }},
		{"the same bytes again", false, func() error { _, err := s.Put(ctx, []crosscheck.Entry{Entry("x", "Wire", "one")}); return err }},
		{"a failure", false, func() error {
			_, err := s.Put(ctx, []crosscheck.Entry{{Input: "bad.txt", Err: errors.New("no text")}})
			return err
		}},
		{"the search index", true, func() error { return s.IndexSearch(ctx) }},
		{"another new article", false, func() error { _, err := s.Put(ctx, []crosscheck.Entry{Entry("y", "Wire", "two")}); return err }},
		{"a revision", true, func() error { _, err := s.Put(ctx, []crosscheck.Entry{Entry("x", "Wire", "one, edited")}); return err }},
		{"stories", true, func() error {
			return s.SaveGroups(ctx, crosscheck.GroupSave{Stories: []crosscheck.Story{{ID: "story-x", Title: "X"}},
				Links: []crosscheck.StoryLink{{Article: "x", Story: "story-x", Rule: "new"}}})
		}},
		{"a reclean", true, func() error {
			a, err := s.Article(ctx, "x")
			if err == nil {
				a.Text = "one, recleaned"
				err = s.Reclean(ctx, a)
			}
			return err
		}},
		{"a story's report", false, func() error { return s.SaveReport(ctx, "story-x", "k", []byte("{}"), []byte("{}")) }},
	} {
		if err := c.do(); err != nil {
			t.Fatalf("%s: %v", c.write, err)
		}
		g2, shown2 := gens()
		unchanged := c.write == "the same bytes again" || c.write == "a failure" || c.write == "a story's report"
		if (g2 == g) != unchanged || (shown2 != shown) != c.shownChange {
			t.Errorf("after %s: generation %s → %s, shown %s → %s", c.write, g, g2, shown, shown2)
		}
		g, shown = g2, shown2
	}
}

// A search answers from the revisions the index has taken: an article stored after the last
// IndexSearch is found once it runs again.
func searchAnswersFromIndexed(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	grouped(t, ctx, s)
	if err := s.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	put(t, ctx, s, Entry("d", "Wire", "a second ferry sank"))
	count := func() (int, int) {
		_, total, err := s.Search(ctx, "ferry", 10, 0)
		_, stories, err2 := s.StoryList(ctx, crosscheck.StoryQuery{Q: "ferry", Limit: 10})
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		return total, stories
	}
	if hits, stories := count(); hits != 2 || stories != 1 {
		t.Errorf("before the index took it: %d hits, %d stories; want 2, 1", hits, stories)
	}
	if err := s.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if hits, _ := count(); hits != 3 {
		t.Errorf("after the index took it: %d hits, want 3", hits)
	}
}

func checkPasses(t *testing.T, ctx context.Context, s crosscheck.Backend) {
	grouped(t, ctx, s)
	if err := s.QuickCheck(ctx); err != nil {
		t.Error(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
	if s.ReadOnly() {
		t.Error("a store opened for writing says it is read-only")
	}
}

// PostingsBecameLists checks a store of state format 1 migrated with the postings (feature
// 0, story 1, seq 2), (0, 258, 0) and (1, 0, 1) in its group_postings: each feature's list
// holds its stories in seq order, big-endian, and the state is of format 2.
func PostingsBecameLists(t *testing.T, ctx context.Context, s crosscheck.GroupState) {
	t.Helper()
	lists, err := s.GroupLists(ctx, []int32{0, 1})
	if got, want := fmt.Sprint(lists), "[{0 [0 0 1 2 0 0 0 1]} {1 [0 0 0 0]}]"; err != nil || got != want {
		t.Errorf("lists %s %v, want %s", got, err, want)
	}
	if m, err := s.GroupMeta(ctx); err != nil || m.Format != 2 {
		t.Errorf("meta %+v %v, want format 2", m, err)
	}
}
