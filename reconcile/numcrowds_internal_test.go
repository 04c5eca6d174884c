package reconcile

import (
	"slices"
	"testing"
)

// The size of a gathering is read whether the figure counts people who march or estimates the
// crowd, and not from a count of people something befell at it.
func TestCrowdReadings(t *testing.T) {
	for _, tc := range []struct{ text, crowd, label string }{
		{"A local station estimated the crowd at 70, and the paper said a crowd looted a shop.", "crowd", "70 people"},
		{"Police put the march, to mark a day-long strike, at roughly 30,000 people.", "march", "30000 people"},
		{"The rally was estimated at 4,000 by organisers.", "rally", "4000 people"},
		{"Police estimated the number of protesters at 3,000.", "protest", "3000 people"},
		{"On Monday a group of about 130 people were marching toward the town hall.", "march", "130 people"},
		{"Nearly 100 people set off from the vigil site to march to the station.", "vigil", "100 people"},
		{"Officials said as many as 20,000 people took to the streets of the capital.", "crowd", "20000 people"},
		{"Police arrested 12 people who had marched to the square.", "", "12 people"},
		{"At least 30 people were hurt at the rally on Sunday.", "", "30 people"},
		{"The storm left 4,000 people without power.", "", "4000 people"},
	} {
		a := analyzed(t, tc.text)
		var got reading
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.kind == "count" {
				got = r
				break
			}
		}
		if got.crowd != tc.crowd || got.label != tc.label {
			t.Errorf("%q: crowd %q label %q, want %q %q", tc.text, got.crowd, got.label, tc.crowd, tc.label)
		}
	}
}

// Two outlets' sizes of one crowd are rival values however little their sentences share; a
// count of people hurt at the march is no size of it.
func TestCrowdConflicts(t *testing.T) {
	s := storyOf(t,
		"Officials said as many as 20,000 people took to the streets of the capital on Wednesday.",
		"Police put the march, called by the unions, at roughly 30,000.",
		"At least 30 people were hurt when the march turned violent.")
	got := conflicts(s.numberFacts())
	want := []string{"number of people at the march: 20000 people / 30000 people"}
	if !slices.Equal(got, want) {
		t.Fatalf("conflicts %q, want %q", got, want)
	}
}
