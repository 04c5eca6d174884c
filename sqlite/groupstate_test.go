package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

func TestSaveGroupsDropsEmptiedStories(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	s.Put(ctx, []crosscheck.Entry{entry("a", "one"), entry("b", "two"), entry("c", "three")})
	two := []crosscheck.Story{{ID: "story-a", Order: 0, Title: "A"}, {ID: "story-b", Order: 1, Title: "B"}}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Stories: two, Links: []crosscheck.StoryLink{{Article: "a", Story: "story-a"}, {Article: "b", Story: "story-b"}}}); err != nil {
		t.Fatal(err)
	}
	// story-b merges into story-a, then c joins it: story-b is empty and goes.
	save := crosscheck.GroupSave{Version: 1, Stories: two, Moves: []crosscheck.StoryMove{{From: "story-b", To: "story-a"}},
		Links: []crosscheck.StoryLink{{Article: "c", Story: "story-a", Rule: "joined"}}}
	if err := s.SaveGroups(ctx, save); err != nil {
		t.Fatal(err)
	}
	var got []string
	for st, err := range s.Stories(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, st.ID+":"+strings.Join(st.Articles, ","))
	}
	if fmt.Sprint(got) != "[story-a:a,b,c]" {
		t.Fatalf("stories %v", got)
	}
	links, _ := s.StoryLinks(ctx, []string{"b", "c"})
	if len(links) != 2 || !strings.HasPrefix(links[0].Rule, "moved") || links[1].Rule != "joined" {
		t.Fatalf("links %+v", links)
	}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Version: 1}); !errors.Is(err, crosscheck.ErrConflict) {
		t.Errorf("saving over a version another writer replaced: %v, want ErrConflict", err)
	}
	if m, _ := s.GroupMeta(ctx); m.Version != 2 {
		t.Fatalf("version %d", m.Version)
	}
}

func TestGroupRowsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	ch := crosscheck.GroupChanges{
		Meta:       crosscheck.GroupMeta{Format: 1, Documents: 2, Words: 2, Stories: 1, Signatures: 1, Postings: 2},
		Words:      []crosscheck.GroupWord{{Word: "w:quak", ID: 0, DF: 2}, {Word: "e:sarn", ID: 1, DF: 1}},
		Postings:   []crosscheck.GroupPosting{{Feature: 0, Story: 0, Seq: 1}, {Feature: 1, Story: 0, Seq: 0}},
		Stories:    []crosscheck.GroupStory{{ID: 0, Key: "a", First: day, Summed: 2, Size: 2, Members: 1, Sum: []byte{1, 2}, Indexed: []byte{3}}},
		Members:    []crosscheck.GroupMember{{Story: 0, Index: 0, Article: "a", Vector: []byte{4}}},
		Bands:      []crosscheck.GroupBand{{Key: -5, Signature: 0}},
		Signatures: []crosscheck.GroupSignature{{ID: 0, Article: "a", Signature: []byte{5}}},
	}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Changes: ch}); err != nil {
		t.Fatal(err)
	}
	m, err := s.GroupMeta(ctx)
	if err != nil || m.Version != 1 || m.Documents != 2 || m.Postings != 2 {
		t.Fatalf("meta %+v %v", m, err)
	}
	words, _ := s.GroupWords(ctx, []string{"e:sarn", "w:none"})
	posts, _ := s.GroupPostings(ctx, []int32{0, 1})
	stories, _ := s.GroupStories(ctx, []int{0, 7})
	members, _ := s.GroupMembers(ctx, 0)
	bands, _ := s.GroupBands(ctx, []int64{-5})
	sigs, _ := s.GroupSignatures(ctx, []int64{0})
	if len(words) != 1 || words[0].ID != 1 || len(posts) != 2 || posts[0].Feature != 0 || len(stories) != 1 ||
		!stories[0].First.Equal(day) || !stories[0].Last.IsZero() || len(members) != 1 || len(bands) != 1 || len(sigs) != 1 {
		t.Fatalf("rows: %+v %+v %+v %+v %+v %+v", words, posts, stories, members, bands, sigs)
	}
	// a posting taken off, the members rebuilt
	ch = crosscheck.GroupChanges{Meta: m, Unposted: []crosscheck.GroupPosting{{Feature: 1, Story: 0}}, Rebuilt: []int{0}}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Version: 1, Changes: ch}); err != nil {
		t.Fatal(err)
	}
	posts, _ = s.GroupPostings(ctx, []int32{0, 1})
	members, _ = s.GroupMembers(ctx, 0)
	if len(posts) != 1 || len(members) != 0 {
		t.Fatalf("after: %+v %+v", posts, members)
	}
	if err := s.ResetGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.GroupMeta(ctx); m.Version != 3 || m.Format != 0 || m.Stories != 0 {
		t.Fatalf("reset: %+v", m)
	}
}

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
