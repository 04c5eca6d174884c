package group_test

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/group"
)

// A story and an article about it with little wording in common: what decides is when each
// was published.
const (
	vote   = "The Lindqvist parliament voted 212 to 140 on Tuesday to approve the Sarn dam budget after a long debate."
	report = "Opponents said the dam budget approved by parliament ignores the fishermen, whose catch has fallen for years."
)

func TestPublicationTimeWeighsTheEvidence(t *testing.T) {
	day := time.Date(2024, 5, 7, 0, 0, 0, 0, time.UTC)
	o := group.DefaultOptions
	o.Threshold, o.NearThreshold = 0.15, 0.12
	place := func(second time.Time) group.Assignment {
		c := group.NewClusterer(o)
		c.Add("vote", group.Extract("", vote), day)
		return c.Add("report", group.Extract("", report), second)
	}
	undated, next, later := place(time.Time{}), place(day.AddDate(0, 0, 1)), place(day.AddDate(0, 6, 0))
	if s := undated.Score; s < o.NearThreshold || s >= o.Threshold {
		t.Fatalf("the case needs a similarity between %.3f and %.3f: %+v", o.NearThreshold, o.Threshold, undated)
	}
	if !undated.New {
		t.Errorf("undated, the report joined: %+v", undated)
	}
	if next.New || next.Threshold != o.NearThreshold {
		t.Errorf("a day later, the report did not join: %+v", next)
	}
	if !later.New || later.Threshold != o.FarThreshold {
		t.Errorf("six months later, the report joined: %+v", later)
	}
}

func TestFarInTimeJoinsOnStrongEvidence(t *testing.T) {
	day := time.Date(2024, 5, 7, 0, 0, 0, 0, time.UTC)
	c := group.NewClusterer(group.DefaultOptions)
	c.Add("quake-1", group.Extract("", texts["quake-1"]), day)
	a := c.Add("quake-2", group.Extract("", texts["quake-2"]), day.AddDate(2, 0, 0))
	if a.New || a.Score < group.DefaultOptions.FarThreshold {
		t.Fatalf("a close retelling two years later did not join: %+v", a)
	}
	opts := group.DefaultOptions
	opts.FarThreshold = 0
	c = group.NewClusterer(opts)
	c.Add("quake-1", group.Extract("", texts["quake-1"]), day)
	if a := c.Add("quake-2", group.Extract("", texts["quake-2"]), day.AddDate(2, 0, 0)); !a.New {
		t.Fatalf("with no far threshold, an article two years later joined: %+v", a)
	}
}

func TestALooseStoryAttractsLess(t *testing.T) {
	score := func(linkage float64) float64 {
		opts := group.DefaultOptions
		opts.Linkage, opts.SplitBelow, opts.MergeAbove = linkage, 0, 0
		c := group.NewClusterer(opts)
		c.Add("quake-1", group.Extract("", texts["quake-1"]), time.Time{})
		if a := c.Add("quake-2", group.Extract("", texts["quake-2"]), time.Time{}); a.New {
			t.Fatalf("the case needs a story of two: %+v", a)
		}
		return c.Add("quake-3", group.Extract("", texts["quake-3"]), time.Time{}).Score
	}
	centroid, mean := score(0), score(1)
	if !(mean < centroid) || mean <= 0 {
		t.Fatalf("mean-link similarity %.3f, centroid cosine %.3f", mean, centroid)
	}
}
