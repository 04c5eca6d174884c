package group

import (
	"fmt"
	"testing"
	"time"
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
	s := &Story{ID: 0, Key: "first", sum: map[int32]float32{}}
	c.stories = append(c.stories, s)
	for _, x := range m {
		c.join(s, x)
	}
	moved := c.split(s)
	if moved == nil {
		t.Fatalf("no split (first start's cosine %.2f)", cos)
	}
	want := map[string]bool{"a0": true, "a1": true, "a2": true, "a-odd": true}
	if len(moved.Articles) != len(want) {
		t.Fatalf("moved %v, kept %v", moved.Articles, s.Articles)
	}
	for _, id := range moved.Articles {
		if !want[id] {
			t.Fatalf("moved %v, kept %v", moved.Articles, s.Articles)
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
		s := &Story{ID: len(c.stories), sum: map[int32]float32{}}
		c.stories = append(c.stories, s)
		for i, x := range texts {
			terms := Extract("", x)
			m := member{id: fmt.Sprint(s.ID, "-", i), v: c.vector(terms)}
			m.day, m.days = weekdayOf(terms)
			c.join(s, m)
		}
		return s
	}
	rule, reversal := story(ruleTexts), story(reversalTexts)
	if !c.apart(rule, reversal) {
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
	if c.apart(story(a), story(b)) {
		t.Fatal("one event's articles apart")
	}
}
