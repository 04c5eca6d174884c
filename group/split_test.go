package group

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// vec makes a unit vector from feature ids and weights, in id order.
func vec(fw ...float32) Vector {
	var v Vector
	for i := 0; i+1 < len(fw); i += 2 {
		v = append(v, Feature{ID: int32(fw[i]), Weight: fw[i+1]})
	}
	return v.top(len(v)).normalize()
}

// The first article of a story may sit between its two events; the member least like it is
// then an outlier of one event, and 2-means from those two seeds leaves the outlier alone.
// The second start, from the farthest pair, finds the events.
func TestSplitFindsTheEventsWhenTheFirstArticleIsBetweenThem(t *testing.T) {
	const a, b, odd = 1, 2, 5 // event A's feature, event B's, the outlier's own
	m := []member{{id: "first", v: vec(a, 0.3, b, 1)}}
	for i := 0; i < 3; i++ {
		m = append(m, member{id: fmt.Sprint("a", i), v: vec(a, 1, 10+float32(i), 0.2)})
	}
	m = append(m, member{id: "a-odd", v: vec(a, 0.05, odd, 1)})
	for i := 0; i < 3; i++ {
		m = append(m, member{id: fmt.Sprint("b", i), v: vec(b, 1, 20+float32(i), 0.2)})
	}
	c := NewClusterer(DefaultOptions)
	side, cos := c.twoMeans(m, 0)
	if side != nil {
		t.Fatalf("the first start found halves of %d or more (%v): the case needs it to fail", c.opts.MinSplit, side)
	}
	s := c.newStory("first")
	for _, x := range m {
		if err := c.join(s, x); err != nil {
			t.Fatal(err)
		}
	}
	moved, _, err := c.split(s, "")
	if err != nil {
		t.Fatal(err)
	}
	if moved == nil {
		t.Fatalf("no split (first start's cosine %.2f)", cos)
	}
	want := map[string]bool{"a0": true, "a1": true, "a2": true, "a-odd": true}
	var ids []string
	for _, x := range moved.members {
		ids = append(ids, x.id)
	}
	if len(ids) != len(want) || moved.Size != len(want) {
		t.Fatalf("moved %v of %d", ids, moved.Size)
	}
	for _, id := range ids {
		if !want[id] {
			t.Fatalf("moved %v", ids)
		}
	}
}

// dayTerms is the weekday an undated text names most, and the set it names.
func dayTerms(text string) (int, uint8) { return weekdayOf(Extract("", text)) }

func TestWeekdayOf(t *testing.T) {
	if d, all := dayTerms("On Thursday the rule came; critics spoke on Friday and again on Thursday."); d != 5 || all != 1<<5|1<<6 {
		t.Fatalf("day %d, set %b", d, all)
	}
	if d, _ := dayTerms("Talks on Monday, a vote on Tuesday."); d != 0 {
		t.Fatalf("a tie named day %d", d)
	}
	if terms := Extract("", "The vote came on Tuesday."); terms["e:tuesday"]+terms["w:tuesday"] > 0 {
		t.Fatalf("a weekday became a feature: %v", terms)
	}
}

var ruleTexts = []string{
	"The Sarn agency issued its river rule on Thursday, cutting the reviews of 40 dams by scientists, Ilse Varga said.",
	"The Sarn agency on Thursday issued the river rule that cuts reviews of dams by scientists.",
	"Scientists condemned the river rule the Sarn agency issued Thursday on reviews of 40 dams, Ilse Varga said.",
	"The river rule of the Sarn agency, issued on Thursday, cuts scientists out of reviews of dams.",
}
var reversalTexts = []string{
	"On Tuesday the Sarn agency overturned the river rule; 1,300 scientists will again review dams.",
	"The Sarn agency on Tuesday restored dam reviews by scientists, reversing the river rule.",
	"The river rule that cut scientists from dam reviews was reversed Tuesday by the Sarn agency, Oskar Lind said.",
	"Scientists welcomed the Sarn agency's Tuesday reversal of the river rule on dam reviews, Oskar Lind said.",
	"The Sarn agency brought back dam reviews by 1,300 scientists on Tuesday, ending the river rule.",
}

// Two events of one kind in one vocabulary — a rule issued on a Thursday and its reversal on
// a Tuesday — are one story by their words; the weekdays, each on its side, split them. One
// event told over two days, its articles naming both, stays whole.
func TestTwoUndatedEventsOfTwoWeekdaysSplit(t *testing.T) {
	rule, reversal := ruleTexts, reversalTexts
	place := func(opts Options, texts []string) map[string]int {
		c := NewClusterer(opts)
		for i, x := range texts {
			c.Add(fmt.Sprint(i), Extract("", x), time.Time{})
		}
		of := map[string]int{}
		for _, st := range c.Stories() {
			for _, id := range st.Articles {
				of[id] = st.ID
			}
		}
		return of
	}
	texts := append(append([]string{}, rule...), reversal...)
	off := DefaultOptions
	off.DaySplitBelow = 0
	if of := place(off, texts); of["0"] != of["4"] {
		t.Skipf("the words alone keep the events apart (%v): the case needs them together", of)
	}
	of := place(DefaultOptions, texts)
	for i := range texts {
		if same, want := of[fmt.Sprint(i)] == of["0"], i < len(rule); same != want {
			t.Fatalf("article %d: %v", i, of)
		}
	}
	// One event, two days: the rule on Thursday, the protests about it on Tuesday, each
	// article naming both.
	var one []string
	for _, x := range texts {
		one = append(one, x+" The rule of Thursday met protests on Tuesday.")
	}
	of = place(DefaultOptions, one)
	for i := range one {
		if of[fmt.Sprint(i)] != of["0"] {
			t.Fatalf("one event of two days split: %v", of)
		}
	}
}

// A bridging article does not merge two stories back that the split would part again.
func TestStoriesASplitWouldPartStayApart(t *testing.T) {
	c := NewClusterer(DefaultOptions)
	story := func(texts []string) *Story {
		s := c.newStory("")
		for i, x := range texts {
			terms := Extract("", x)
			v, err := c.vector(terms)
			if err != nil {
				t.Fatal(err)
			}
			m := member{id: fmt.Sprint(s.ID, "-", i), v: v}
			m.day, m.days = weekdayOf(terms)
			if err := c.join(s, m); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	apart := func(a, b *Story) bool {
		x, err := c.apart(a, b)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	rule, reversal := story(ruleTexts), story(reversalTexts)
	if !apart(rule, reversal) {
		t.Fatal("a rule and its reversal not apart")
	}
	// One event told over two days, its articles naming both.
	var a, b []string
	for _, x := range ruleTexts {
		a = append(a, x+" The rule of Thursday met protests on Tuesday.")
	}
	for _, x := range reversalTexts {
		b = append(b, x+" The rule of Thursday met protests on Tuesday.")
	}
	if apart(story(a), story(b)) {
		t.Fatal("one event's articles apart")
	}
}

// A member's weekdays live in the state's rows: a clusterer that reads its stories back tells
// the days the one that placed the articles told.
func TestMembersKeepTheirWeekdaysInTheState(t *testing.T) {
	ctx := context.Background()
	mem := NewMemory()
	c, err := New(ctx, mem, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range append(append([]string(nil), ruleTexts...), reversalTexts...) {
		c.Add(fmt.Sprint(i), Extract("", x), time.Time{})
	}
	c.TakeChanges()
	days := func(c *Clusterer) string {
		var ids []int
		for id := range c.stories {
			ids = append(ids, id)
		}
		sort.Ints(ids)
		var out []string
		for _, id := range ids {
			if err := c.loadMembers(c.stories[id]); err != nil {
				t.Fatal(err)
			}
			for _, m := range c.stories[id].members {
				out = append(out, fmt.Sprintf("%d %s %d %d", id, m.id, m.day, m.days))
			}
		}
		return strings.Join(out, "\n")
	}
	want := days(c)
	if !strings.Contains(want, " 5 32") { // Thursday, and it alone
		t.Fatalf("the articles' weekdays not kept: %s", want)
	}
	back, err := New(ctx, mem, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int, back.meta.Stories)
	for i := range ids {
		ids[i] = i
	}
	if err := back.loadStories(ids); err != nil {
		t.Fatal(err)
	}
	if got := days(back); got != want {
		t.Fatalf("read back:\n%s\nwant\n%s", got, want)
	}
}

// memberReads is a Memory state that counts the stories whose members are read.
type memberReads struct {
	*Memory
	n int
}

func (m *memberReads) GroupMembers(ctx context.Context, story int) ([]crosscheck.GroupMember, error) {
	m.n++
	return m.Memory.GroupMembers(ctx, story)
}

// A story whose members told one event at a split point, and have not changed since, is not
// read again and split again at the next: once it holds Options.Members articles, its later
// checks (128, 256 …) cost nothing, though a shrunk cache let its members go.
func TestASettledStoryIsNotReadAgainForASplit(t *testing.T) {
	state := &memberReads{Memory: NewMemory()}
	c, err := New(context.Background(), state, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	reads := map[int]int{} // the reads made by the article that brought the story to this size
	for i := range 300 {
		text := "The ferry sank off the harbour pier in the storm, the harbour master said."
		before := state.n
		a := c.Add(fmt.Sprint(i), Extract("Ferry sinks in harbour storm", text), time.Time{})
		if a.Story != 0 {
			t.Fatalf("article %d went to story %d: %s", i, a.Story, a.Rule)
		}
		reads[i+1] = state.n - before
		c.TakeChanges()
		if len(c.stories[0].members) > 0 {
			c.Shrink(c.Cached() - 1) // the members go, the story stays
		}
	}
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
	if reads[64] != 1 {
		t.Errorf("the check at 64 read the members %d times, want once", reads[64])
	}
	for _, n := range []int{128, 256} {
		if reads[n] != 0 {
			t.Errorf("the check at %d read the members %d times, want none: they are those found whole at 64", n, reads[n])
		}
	}
}
