package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/render"
)

// feedRow is a followed feed as the feeds page and /api/feeds show it: the outcome of its last
// fetch, the articles its items became, and when it is polled next.
type feedRow struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Added     string  `json:"added"`
	LastFetch *string `json:"last_fetch"` // RFC 3339; null before the first fetch
	// Status is "ok", "not modified" (answered 304) or "error", with Error saying what failed
	// ("HTTP 404 Not Found", "no answer in time"); null before the first fetch.
	Status   *string `json:"status"`
	Error    string  `json:"error,omitempty"`
	Articles int     `json:"articles"` // the articles its items became
	Items    int     `json:"items"`    // the items taken, failed ones included
	// NextPoll is when the follow running in this server polls it next (RFC 3339); null when
	// none runs here (crosscheck follow polls it when it runs).
	NextPoll *string `json:"next_poll"`

	// what the page says
	LastFetchText  string `json:"-"`
	LastFetchTitle string `json:"-"`
	StatusText     string `json:"-"`
	NextPollText   string `json:"-"`
	Failed         bool   `json:"-"`
}

func (s *Server) feedRows(r *http.Request) ([]feedRow, error) {
	feeds, err := s.store.Feeds(r.Context())
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	rows := make([]feedRow, 0, len(feeds))
	for _, f := range feeds {
		rows = append(rows, s.feedRow(f, now))
	}
	return rows, nil
}

func (s *Server) feedRow(f crosscheck.Feed, now time.Time) feedRow {
	row := feedRow{ID: f.ID, URL: f.URL, Title: f.Title, Added: f.Added, Error: f.Error, Articles: f.Articles, Items: f.Items,
		LastFetchText: "never", StatusText: "not fetched yet", NextPollText: "when crosscheck follow runs"}
	last, err := time.Parse(time.RFC3339, f.LastFetch)
	if f.LastFetch != "" && err == nil {
		row.LastFetch, row.Status = &f.LastFetch, &f.Status
		row.LastFetchText, row.LastFetchTitle = ago(now, last), render.When(last.UTC().Format(time.RFC3339))
		switch f.Status {
		case "ok":
			row.StatusText = "ok"
		case "not modified":
			row.StatusText = "ok, not modified (304)"
		default:
			row.StatusText, row.Failed = strings.TrimPrefix(f.Error, "the feed: "), true
		}
	}
	if s.cfg.FollowEvery > 0 {
		next := now
		if err == nil && last.Add(s.cfg.FollowEvery).After(now) {
			next = last.Add(s.cfg.FollowEvery)
		}
		at := next.UTC().Format(time.RFC3339)
		row.NextPoll, row.NextPollText = &at, until(now, next)
	}
	return row
}

// ago says how long before now t was, as people say it: "just now", "5 minutes ago".
func ago(now, t time.Time) string {
	d := now.Sub(t)
	if d < time.Minute {
		return "just now"
	}
	return span(d) + " ago"
}

// until says how long after now t is: "in 8 minutes", or "in the next round" when it is due.
func until(now, t time.Time) string {
	d := t.Sub(now)
	if d < time.Minute {
		return "in the next round"
	}
	return "in " + span(d)
}

// span says a duration in its largest whole unit: "40 seconds", "10 minutes", "2 days".
func span(d time.Duration) string {
	switch {
	case d < time.Minute:
		return render.Plural(int(d/time.Second), "second", "seconds")
	case d < time.Hour:
		return render.Plural(int(d/time.Minute), "minute", "minutes")
	case d < 48*time.Hour:
		return render.Plural(int(d/time.Hour), "hour", "hours")
	}
	return render.Plural(int(d/(24*time.Hour)), "day", "days")
}

func (s *Server) apiFeeds(w http.ResponseWriter, r *http.Request) {
	rows, err := s.feedRows(r)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"feeds": rows, "following": s.cfg.FollowEvery > 0})
}

func (s *Server) feedsPage(w http.ResponseWriter, r *http.Request) {
	rows, err := s.feedRows(r)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	every := ""
	if s.cfg.FollowEvery > 0 {
		every = span(s.cfg.FollowEvery)
	}
	s.html(w, "feeds.html", map[string]any{"Feeds": rows, "Every": every})
}
