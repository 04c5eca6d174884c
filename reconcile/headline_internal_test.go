package reconcile

import (
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A story is titled by a readable headline among its articles' titles: not a wire slug in
// capitals, not a cut first sentence; the first article's when none reads better.
func TestHeadline(t *testing.T) {
	arts := func(titles ...string) []*article {
		var out []*article
		for _, t := range titles {
			out = append(out, &article{Article: &crosscheck.Article{Title: t}})
		}
		return out
	}
	for _, c := range []struct {
		titles []string
		want   string
	}{
		{[]string{"OHIO MATTRESS CO 1ST QTR NET", "Ohio Mattress posts higher first-quarter profit"}, "Ohio Mattress posts higher first-quarter profit"},
		{[]string{"Ferry runs aground off the cape", "Ferry aground"}, "Ferry runs aground off the cape"},
		{[]string{"A ferry carrying 300 passengers ran aground on a sandbank off the cape early on Tuesday, the coastguard said, and tugs were sent…", "Ferry runs aground off the cape"}, "Ferry runs aground off the cape"},
		{[]string{"Dam talks stall", "Dam talks stall"}, "Dam talks stall"},
	} {
		if got := headline(c.titles[0], arts(c.titles...)); got != c.want {
			t.Errorf("headline(%q) = %q, want %q", c.titles, got, c.want)
		}
	}
}
